import { isInputError } from '../../recipes/errors.js';
import { SqlError } from '../sql/sql-error.js';
import { TableTooLargeError } from '../io/table-limits.js';
import { NotFoundError, StorageInputError, VersionConflictError } from '../storage/errors.js';
import { HttpError } from './http-error.js';

/**
 * The status and JSON body for any error: user-fixable ones keep their message, anything else is
 * logged with its stack and answered with a generic 500 — no stack trace ever reaches the client.
 *
 * @example
 * const { status, body } = errorResponse(new RecipeInputError('no column "variant"')); // → 400
 */
export function errorResponse(error: unknown): { status: number; body: { error: string } & Record<string, unknown> } {
  if (error instanceof HttpError) return { status: error.status, body: { error: error.message, ...error.extra } };
  if (error instanceof TableTooLargeError) return { status: 413, body: { error: error.message } };
  if (isInputError(error)) return { status: 400, body: { error: error.message } };
  if (error instanceof SqlError) return { status: error.status, body: { error: error.message } };
  if (error instanceof StorageInputError) return { status: error.status, body: { error: error.message } };
  if (error instanceof NotFoundError) return { status: 404, body: { error: error.message } };
  if (error instanceof VersionConflictError) return { status: 412, body: { error: error.message, version: error.current, ...error.state } };
  if (error instanceof Error && error.name === 'RecipeCancelledError') return { status: 499, body: { error: error.message } };
  console.error('liftbook: internal error:', error);
  return { status: 500, body: { error: 'Internal server error: the failure is logged on the server. Please report it.' } };
}
