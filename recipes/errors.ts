/**
 * An error in the user's data or parameters: the CLI exits 1 with its message, the API answers
 * 400, the UI shows it on the cell. Anything else that escapes a recipe is a bug.
 *
 * @example
 * throw new RecipeInputError('units has no column "variant". Name the column with --param variant=<column>.');
 */
export class RecipeInputError extends Error {
  override readonly name = 'RecipeInputError';
}

/** Thrown when a run is stopped through its AbortSignal. */
export class RecipeCancelledError extends Error {
  override readonly name = 'RecipeCancelledError';
  constructor(message = 'The run was cancelled.') {
    super(message);
  }
}

/**
 * Throws RecipeCancelledError when the signal has aborted; call it between units of work.
 *
 * @example
 * for (const chunk of chunks) { throwIfAborted(signal); work(chunk); }
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RecipeCancelledError();
}

/** True for errors the user can fix (bad data or parameters) as opposed to bugs. */
export function isInputError(error: unknown): error is RecipeInputError {
  return error instanceof Error && error.name === 'RecipeInputError';
}
