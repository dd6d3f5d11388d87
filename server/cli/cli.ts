import { isInputError } from '../../recipes/errors.js';
import { UsageError } from './args.js';
import { emit } from './output.js';
import { USAGE } from './usage.js';

type Command = (args: string[]) => Promise<number>;
// Loaded on demand: the recipes pull in model libraries, which `--help` or `generate` should not wait for.
const COMMANDS: Record<string, () => Promise<Command>> = {
  recipes: () => import('./cmd-recipes.js').then((m) => m.recipesCommand),
  recipe: () => import('./cmd-recipe.js').then((m) => m.recipeCommand),
  run: () => import('./cmd-run.js').then((m) => m.runCommand),
  serve: () => import('./cmd-serve.js').then((m) => m.serveCommand),
  generate: () => import('./cmd-generate.js').then((m) => m.generateCommand),
  user: () => import('./cmd-user.js').then((m) => m.userCommand),
  source: () => import('./cmd-source.js').then((m) => m.sourceCommand),
};
// Errors the user can fix besides RecipeInputError: a bad --param for a notebook (ParamError), and
// what the stores refuse (a bad or taken name: StorageInputError; an unknown user or token: NotFoundError).
const USER_ERRORS = new Set(['ParamError', 'StorageInputError', 'NotFoundError']);

/**
 * Runs the `liftbook` command line and returns the exit status: 0 success, 1 bad data,
 * parameters or names (or a failed notebook cell), 2 usage error, 130 cancelled by Ctrl-C.
 *
 * @example
 * process.exit(await main(['recipes', '--json']));
 */
export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === '--help' || command === '-h' || command === 'help') return emit(USAGE.main + '\n').then(() => 0);
    if (!command) throw new UsageError('which command?');
    const load = COMMANDS[command];
    if (!load) throw new UsageError(command.startsWith('-') ? `unknown option "${command}"` : `unknown command "${command}"`);
    return await (await load())(rest);
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`liftbook: ${error.message}\n\n${USAGE[error.command ?? 'main']}\n`);
    return 2;
  }
  const e = error as Error;
  if (isInputError(e) || USER_ERRORS.has(e?.name)) {
    process.stderr.write(`liftbook: ${e.message}\n`);
    return 1;
  }
  if (e?.name === 'RecipeCancelledError') {
    process.stderr.write('liftbook: cancelled.\n');
    return 130;
  }
  process.stderr.write(
    `liftbook: internal error: ${e?.message ?? String(error)}\n` +
      (process.env.LIFTBOOK_DEBUG ? `${e?.stack}\n` : 'This is a bug in liftbook; run with LIFTBOOK_DEBUG=1 to see where it happened.\n'),
  );
  return 1;
}

