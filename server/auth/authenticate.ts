import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Storage } from '../storage/storage.js';
import type { User } from '../storage/user-store.js';
import { clientAddress } from './client-address.js';
import { crossSite } from './same-origin.js';
import { tokenPrefix, type SignInLimiter } from './sign-in-limiter.js';

export const SESSION_COOKIE = 'liftbook_session';

declare module 'hono' {
  interface ContextVariableMap {
    user: User;
    /** How the request signed in: an API token (its id) or the session cookie. */
    auth: { via: 'token'; tokenId: number } | { via: 'cookie'; session: string };
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Puts the signed-in user on every /api request (`c.get('user')`) or answers 401: a Bearer token,
 * else the session cookie. A wrong token counts as a failed sign-in for the limiter (per address
 * and token prefix); a valid one is never refused for others' failures. A request that changes
 * something (signing in too) must come from this origin when the browser says where it comes from
 * (Origin, Sec-Fetch-Site): SameSite=Strict already keeps other sites' requests cookieless, this
 * is the second lock, and the only one on signing in.
 *
 * @example
 * app.use('/api/*', authenticate(storage, new SignInLimiter(), (method, path) => api.isPublic(method, path)));
 */
export function authenticate(storage: Storage, limiter: SignInLimiter, isPublic: (method: string, path: string) => boolean, trustedProxies: readonly string[] = []): MiddlewareHandler {
  return async (c, next) => {
    // Before anything else, signing in included: a page on another site must not sign a visitor's
    // browser into an account of its choosing (login CSRF), nor change anything with their cookie.
    if (!SAFE_METHODS.has(c.req.method) && crossSite(c)) return c.json({ error: 'Refused: this request comes from another site.' }, 403);
    if (isPublic(c.req.method, c.req.path)) return next();
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      const found = token ? storage.users.authenticate(token) : undefined;
      if (!found) {
        const key = { address: clientAddress(c, trustedProxies), prefix: tokenPrefix(token) };
        const wait = limiter.retryAfter(key);
        if (wait) return tooMany(c, wait);
        limiter.fail(key);
        return unauthorized(c, token ? 'The API token is not valid (unknown, revoked, expired, or its user is disabled). Ask an admin for a new one: liftbook user token <name>.' : 'The Authorization header must be "Bearer <token>".');
      }
      c.set('user', found.user);
      c.set('auth', { via: 'token', tokenId: found.tokenId });
      return next();
    }
    const session = getCookie(c, SESSION_COOKIE);
    const user = session ? storage.sessions.user(session) : undefined;
    if (!session || !user) {
      return unauthorized(c, session ? 'Your session has ended: sign in again with your token.' : 'Sign in first: send "Authorization: Bearer <token>", or sign in in the workbench with your token.');
    }
    c.set('user', user);
    c.set('auth', { via: 'cookie', session });
    return next();
  };
}

function unauthorized(c: Context, error: string): Response {
  c.header('WWW-Authenticate', 'Bearer realm="liftbook"');
  return c.json({ error }, 401);
}

/**
 * The 429 of a shut-out address, with how long to wait.
 *
 * @example
 * return tooMany(c, 30);
 */
export function tooMany(c: Context, seconds: number): Response {
  c.header('Retry-After', String(seconds));
  return c.json({ error: `Too many failed sign-ins from your address or with that token: try again in ${seconds} s.` }, 429);
}
