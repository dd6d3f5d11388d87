/**
 * An error of a SQL request with the HTTP status it maps to; its message is safe to show (it
 * names the source, table or column and the fix, never a URL's password).
 *
 * @example
 * throw new SqlError('There is no source "wh".', 404);
 */
export class SqlError extends Error {
  override readonly name = 'SqlError';
  constructor(
    message: string,
    /** 400 bad or refused SQL, 404 no such source, 408 over the time cap, 413 over the size cap, 502 source unreachable. */
    readonly status: 400 | 404 | 408 | 413 | 502 = 400,
  ) {
    super(message);
  }
}
