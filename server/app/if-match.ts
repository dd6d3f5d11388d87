import { HttpError } from './http-error.js';

/**
 * The version an `If-Match` header asks to save over: undefined when absent or `*`. ETags are
 * `"<version>"`; weak (`W/"3"`) and bare (`3`) forms are accepted too.
 *
 * @example
 * ifMatchVersion('"3"'); // → 3
 */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) throw new HttpError(400, `If-Match must be the ETag GET returned (like "3"), not ${JSON.stringify(header)}.`);
  return Number(match[1]);
}

/**
 * The ETag of a notebook version.
 *
 * @example
 * etag(3); // → '"3"'
 */
export function etag(version: number): string {
  return `"${version}"`;
}
