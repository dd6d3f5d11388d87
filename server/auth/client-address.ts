import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for the sign-in limiter: the socket's peer — unless that peer
 * is a reverse proxy named with `--trusted-proxy`, whose `X-Forwarded-For` is then read from the
 * right, skipping trusted proxies (the entries to their left are the client's to forge). Requests
 * without a socket (in-process tests) count as `local`.
 *
 * @example
 * clientAddress(c, ['127.0.0.1']); // → '203.0.113.9' for a request the local proxy forwarded
 */
export function clientAddress(c: Context, trustedProxies: readonly string[] = []): string {
  let peer: string;
  try {
    peer = normalize(getConnInfo(c).remote.address ?? 'local');
  } catch {
    peer = 'local';
  }
  if (!trustedProxies.includes(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => normalize(hop.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  return peer;
}

// IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d.
function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
