import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { RecipeInputError } from '../../recipes/errors.js';
import { isBundledDataset } from '../datasets/bundled.js';
import { parseInputText, sourceUrls, type InputRef } from '../engine/input-ref.js';

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

/**
 * The command line's `--input name=…` values as references for the recipe worker, with the sources
 * they may name (`--source NAME=URL`, `LIFTBOOK_SOURCE_<NAME>`). A value is a file (when it exists,
 * relative to the working directory), a bundled dataset (`shop/units`), `SOURCE:table` or
 * `SOURCE:SELECT …`. Nothing is read here: the worker reads, so the command's memory stays small.
 *
 * @example
 * await cliInputs({ units: 'wh:units' }, ['wh=clickhouse://reader:pw@warehouse:8123/shop']);
 * // → { inputs: { units: { source: 'wh', table: 'units' } }, sources: { wh: 'clickhouse://…' } }
 */
export async function cliInputs(texts: Record<string, string>, sourceFlags: string[] | undefined, baseDir = process.cwd()): Promise<{ inputs: Record<string, InputRef>; sources: Record<string, string> }> {
  const sources = sourceUrls(sourceFlags);
  const inputs: Record<string, InputRef> = {};
  for (const [name, text] of Object.entries(texts)) {
    if (text.trim() === '') throw new RecipeInputError(`--input ${name}= names nothing; give a file, a bundled dataset (e.g. shop/units) or SOURCE:table.`);
    const parsed = parseInputText(text, sources, (p) => isFile(path.resolve(baseDir, p)));
    if (!('path' in parsed)) {
      inputs[name] = parsed;
      continue;
    }
    const file = path.resolve(baseDir, parsed.path);
    if (isFile(file)) inputs[name] = { file };
    else if (isBundledDataset(parsed.path)) inputs[name] = { dataset: parsed.path };
    else if (existsSync(file)) throw new RecipeInputError(`Cannot read ${parsed.path}: it is a folder.`);
    else {
      throw new RecipeInputError(
        `Cannot find "${parsed.path}": there is no file ${file} and no bundled dataset of that name (bundled names look like shop/units or open/cdnow_summary).`,
      );
    }
  }
  return { inputs, sources };
}
