import { describeRecipes } from '../../recipes/registry.js';
import { parseCommand } from './args.js';
import { emit } from './output.js';
import { USAGE } from './usage.js';

/**
 * `liftbook recipes [--json]`: the catalogue, as text or as the descriptors the server's API lists.
 *
 * @example
 * await recipesCommand(['--json']);
 */
export async function recipesCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('recipes', args, { json: { type: 'boolean' } });
  if (values.help) return emit(USAGE.recipes + '\n').then(() => 0);
  const all = describeRecipes();
  if (values.json) return emit(JSON.stringify(all, null, 2) + '\n').then(() => 0);
  const width = Math.max(0, ...all.map((r) => r.id.length));
  const lines = all.map((r) => {
    const inputs = r.inputs.map((i) => (i.optional ? `[${i.name}]` : i.name)).join(', ');
    return `${r.id.padEnd(width)}  ${r.title}\n${' '.repeat(width)}  inputs: ${inputs}`;
  });
  await emit((lines.length ? lines.join('\n') : '(no recipes registered)') + '\n');
  return 0;
}
