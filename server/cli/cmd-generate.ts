import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generatedShop } from '../datasets/bundled.js';
import { rowsToCsv } from '../io/write-csv.js';
import { parseCommand, UsageError } from './args.js';
import { emit } from './output.js';
import { USAGE } from './usage.js';

/**
 * `liftbook generate [--out DIR] [--seed N] [--customers N] [--format csv|json]`: writes every
 * table of the generated bookstore and `truth.json` (the planted effects).
 *
 * @example
 * await generateCommand(['--out', 'shop', '--seed', '7', '--customers', '500']);
 */
export async function generateCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('generate', args, {
    out: { type: 'string', default: 'shop-data' },
    seed: { type: 'string', default: '42' },
    customers: { type: 'string', default: '4000' },
    format: { type: 'string', default: 'csv' },
  });
  if (values.help) return emit(USAGE.generate + '\n').then(() => 0);
  const seed = wholeNumber(values.seed as string, 'seed', 0);
  const customers = wholeNumber(values.customers as string, 'customers', 1);
  const format = values.format as string;
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got "${format}"`, 'generate');
  const dir = path.resolve(values.out as string);
  const { tables, truth } = await generatedShop({ seed, customers });
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, rows] of Object.entries(tables)) {
    const file = path.join(dir, `${name}.${format}`);
    await writeFile(file, format === 'csv' ? rowsToCsv(rows) : JSON.stringify(rows) + '\n');
    written.push(`${name}.${format} (${rows.length} rows)`);
  }
  await writeFile(path.join(dir, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
  process.stderr.write(`Wrote the bookstore (seed ${seed}, ${customers} customers) to ${dir}:\n  ${[...written, 'truth.json'].join('\n  ')}\n`);
  return 0;
}

function wholeNumber(raw: string, flag: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} must be a whole number ≥ ${min}, got "${raw}"`, 'generate');
  return n;
}
