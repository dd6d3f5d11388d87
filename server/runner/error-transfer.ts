import { RecipeCancelledError, RecipeInputError } from '../../recipes/errors.js';
import { TableTooLargeError } from '../io/table-limits.js';

/** An error as it crosses a thread boundary: structured clone would drop its class. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** Set for a TableTooLargeError (API 413). */
  tooLarge?: boolean;
}

/**
 * Flattens an error for `postMessage`.
 *
 * @example
 * parentPort.postMessage({ type: 'error', error: serializeError(err) });
 */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof TableTooLargeError) return { name: error.name, message: error.message, stack: error.stack, tooLarge: true };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

/**
 * Rebuilds an error with its class, so `isInputError` and `instanceof RecipeCancelledError` work
 * on the calling side (API 400, CLI exit 1) exactly as they would in-process.
 *
 * @example
 * reviveError({ name: 'RecipeInputError', message: 'no column "variant"' }) instanceof RecipeInputError; // → true
 */
export function reviveError(serialized: SerializedError): Error {
  let error: Error;
  if (serialized.tooLarge) error = new TableTooLargeError(serialized.message);
  else if (serialized.name === 'RecipeInputError') error = new RecipeInputError(serialized.message);
  else if (serialized.name === 'RecipeCancelledError') error = new RecipeCancelledError(serialized.message);
  else {
    error = new Error(serialized.message);
    error.name = serialized.name;
  }
  // Keep the worker's stack for server logs; it is never sent to clients.
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
