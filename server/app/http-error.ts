/**
 * An error with an HTTP status and a message safe to show the client; `extra` fields join the
 * JSON body (e.g. the current `version` of a 412).
 *
 * @example
 * throw new HttpError(404, 'There is no notebook "q3".');
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 428 | 429 | 500,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
