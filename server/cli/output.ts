import { open } from 'node:fs/promises';
import { RecipeInputError } from '../../recipes/errors.js';

// Pieces are gathered to about this many characters per write: few system calls, little memory.
const WRITE_CHARS = 1 << 20;

/** `pieces` joined into strings of about WRITE_CHARS characters. */
function* gathered(pieces: Iterable<string>): Generator<string> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= WRITE_CHARS) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}

async function toStdout(pieces: Iterable<string>): Promise<void> {
  for (const text of gathered(pieces)) {
    // Waits until stdout has taken each piece, so that large output is not cut off when the
    // process exits through a pipe.
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
  }
}

async function toFile(pieces: Iterable<string>, file: string): Promise<void> {
  try {
    const handle = await open(file, 'w');
    try {
      for (const text of gathered(pieces)) await handle.write(text);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new RecipeInputError(`Cannot write ${file}: ${(error as Error).message}`);
  }
}

/**
 * Writes a command's output — one text, or the pieces of one (a large result is written as it is
 * made) — to `file`, or to stdout when no file is given.
 *
 * @example
 * await emit(JSON.stringify(result) + '\n', values.out);
 */
export function emit(text: string | Iterable<string>, file?: string): Promise<void> {
  const pieces = typeof text === 'string' ? [text] : text;
  return file ? toFile(pieces, file) : toStdout(pieces);
}
