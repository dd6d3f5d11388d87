import { writeFile } from 'node:fs/promises';
import { RecipeInputError } from '../../recipes/errors.js';

/**
 * Writes a command's output to `file`, or to stdout when no file is given. Waits until stdout
 * has taken it all, so that large JSON is not cut off when the process exits through a pipe.
 *
 * @example
 * await emit(JSON.stringify(result) + '\n', values.out);
 */
export async function emit(text: string, file?: string): Promise<void> {
  if (file) {
    try {
      await writeFile(file, text);
    } catch (error) {
      throw new RecipeInputError(`Cannot write ${file}: ${(error as Error).message}`);
    }
    return;
  }
  await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}
