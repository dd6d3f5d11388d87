import { readFile } from 'node:fs/promises';
import { RecipeInputError } from '../../recipes/errors.js';
import { parseCommand, parseKeyValues, UsageError } from './args.js';
import { emit } from './output.js';
import { USAGE } from './usage.js';

const FORMATS = ['json', 'table', 'html'];

/**
 * `liftbook recipe <id> --input name=file … [--param k=v …] [--params file.json] [--format …] [--out file]`.
 * Prints nothing on stdout unless the whole run succeeded.
 *
 * @example
 * await recipeCommand(['lift', '--input', 'units=units.csv', '--param', 'metrics=["converted"]']);
 */
export async function recipeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    'recipe',
    args,
    {
      input: { type: 'string', multiple: true },
      source: { type: 'string', multiple: true },
      param: { type: 'string', multiple: true },
      params: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
    },
    1,
  );
  if (values.help) return emit(USAGE.recipe + '\n').then(() => 0);
  const id = positionals[0];
  if (!id) throw new UsageError('which recipe? Give its id, e.g. "liftbook recipe lift" (list them with "liftbook recipes")', 'recipe');
  const format = values.format as string;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`, 'recipe');
  const inputFiles = parseKeyValues(values.input, 'input', false, 'recipe') as Record<string, string>;
  const cliParams = parseKeyValues(values.param, 'param', true, 'recipe');
  // The recipes pull in model libraries: load them only once the command line is known to be right.
  const [{ loadRecipe, recipeIds }, { runRecipe }, { refExecutor }, { trainOnThread }, { resultToJSON }, { resultJsonText }, { cliInputs }, { onInterrupt }, { progressBar }] =
    await Promise.all([
      import('../../recipes/catalog.js'),
      import('../../recipes/define-recipe.js'),
      import('../engine/ref-executor.js'),
      import('../runner/train-thread.js'),
      import('../../recipes/result-json.js'),
      import('../../recipes/result-json-text.js'),
      import('./cli-inputs.js'),
      import('./interrupt.js'),
      import('./progress-bar.js'),
    ]);
  const recipe = await loadRecipe(id);
  if (!recipe) throw new UsageError(`there is no recipe "${id}"; known recipes: ${recipeIds.join(', ')}`, 'recipe');
  // A recipe whose inputs are all optional (power) runs on parameters alone.
  if (Object.keys(inputFiles).length === 0 && recipe.inputs.some((i) => !i.optional)) throw new UsageError('give at least one --input <name>=<file>', 'recipe');
  const params = { ...(values.params ? await readParamsFile(values.params) : {}), ...cliParams };

  // Inputs are references: DuckDB reads a file in place, a source runs the aggregation itself;
  // only tables a recipe needs row by row are read into memory.
  const { inputs, sources } = await cliInputs(inputFiles, values.source);

  // The recipe runs in this thread, not a worker: a command runs one recipe, and a second thread
  // would load every module twice. While the engine works, Ctrl-C cancels its query (exit 130);
  // the model phase may hold the thread, so from then on Ctrl-C ends the process at once.
  const interrupt = onInterrupt();
  const bar = progressBar(id);
  const onEngine = refExecutor(sources);
  try {
    const run = await runRecipe(recipe, {
      inputs,
      params,
      progress: bar.progress,
      signal: interrupt.signal,
      train: trainOnThread,
      executor: async (job) => {
        const ready = await onEngine(job);
        interrupt.dispose();
        return ready;
      },
    });
    bar.stop();
    if (format === 'json') {
      // Written as it is made: a clv result holds a row per customer.
      await emit((function* () {
        yield* resultJsonText(id, run.params, run.result, run.engine);
        yield '\n';
      })(), values.out);
      return 0;
    }
    if (format === 'table') {
      // Only the rows a text table shows are turned into objects (a clv result has a row per customer).
      const [{ resultText }, { TEXT_TABLE_ROWS }] = await Promise.all([import('./result-text.js'), import('./text-table.js')]);
      const tables = Object.entries(run.result.tables);
      const shown = { ...run.result, tables: Object.fromEntries(tables.map(([name, t]) => [name, t.slice(0, TEXT_TABLE_ROWS)])) };
      await emit(resultText(resultToJSON(id, run.params, shown, run.engine), Object.fromEntries(tables.map(([name, t]) => [name, t.numRows()]))), values.out);
      return 0;
    }
    await emit(await (await import('../report/recipe-report.js')).recipeReportHtml(resultToJSON(id, run.params, run.result, run.engine)), values.out);
    return 0;
  } finally {
    bar.stop();
    interrupt.dispose();
  }
}

async function readParamsFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RecipeInputError(`Cannot read the parameters file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RecipeInputError(`The parameters file ${file} is not valid JSON (${(error as Error).message}).`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new RecipeInputError(`The parameters file ${file} must hold a JSON object of parameter: value, like {"alpha": 0.1}.`);
  }
  return data as Record<string, unknown>;
}
