import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for the sign-in limiter: the socket's peer (never a header a
 * client could forge). Requests without a socket (in-process tests) count as `local`.
 *
 * @example
 * clientAddress(c); // → '127.0.0.1'
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
