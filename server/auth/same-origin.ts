import type { Context } from 'hono';

/**
 * True when the browser says the request comes from another site: `Sec-Fetch-Site` other than
 * same-origin/none (user-typed), or an `Origin` whose host is not this server's. Requests that
 * say neither (curl, scripts with a token) are not from a browser page and pass.
 *
 * @example
 * if (crossSite(c)) return c.json({ error: 'Refused: this request comes from another site.' }, 403);
 */
export function crossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return true;
  }
}
