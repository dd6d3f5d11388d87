import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE, tooMany } from '../../auth/authenticate.js';
import { clientAddress } from '../../auth/client-address.js';
import { tokenPrefix } from '../../auth/sign-in-limiter.js';
import type { ApiRoutes } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { ErrorBody, SessionUser, SignIn } from '../schemas.js';

/**
 * Signing in and out of the workbench: a token buys a session cookie (HttpOnly, so page scripts
 * cannot read it; SameSite=Strict, so other sites cannot send it).
 *
 * @example
 * sessionRoutes(api, deps);
 */
export function sessionRoutes(api: ApiRoutes, deps: AppDeps): void {
  const { storage, signInLimiter: limiter } = deps;
  api.add({
    method: 'post',
    path: '/api/session',
    tag: 'session',
    summary: 'Sign in with an API token: sets the session cookie',
    public: true,
    body: SignIn,
    responses: {
      200: { description: 'Signed in', schema: SessionUser },
      401: { description: 'Not a valid token', schema: ErrorBody },
      403: { description: 'The sign-in comes from another site (Origin / Sec-Fetch-Site: login CSRF)', schema: ErrorBody },
      415: { description: 'The body is not application/json', schema: ErrorBody },
      429: { description: 'Too many failed sign-ins from this address (Retry-After: seconds)', schema: ErrorBody },
    },
    handler: (c, { body }) => {
      const token = body.token.trim();
      const found = storage.users.authenticate(token);
      if (!found) {
        const key = { address: clientAddress(c, deps.trustedProxies), prefix: tokenPrefix(token) };
        const wait = limiter.retryAfter(key);
        if (wait) return tooMany(c, wait);
        limiter.fail(key);
        return c.json({ error: 'That token is not valid (unknown, revoked, expired, or its user is disabled). Check you copied all of it, or ask an admin for a new one.' }, 401);
      }
      const { id: session, expiresAt } = storage.sessions.start(found.user.name, found.tokenId);
      const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
      setCookie(c, SESSION_COOKIE, session, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge, secure: isHttps(c) });
      return c.json({ user: { name: found.user.name, role: found.user.role } });
    },
  });

  api.add({
    method: 'get',
    path: '/api/session',
    tag: 'session',
    summary: 'Who is signed in',
    responses: { 200: { description: 'The signed-in user', schema: SessionUser }, 401: { description: 'Not signed in', schema: ErrorBody } },
    handler: (c) => {
      const { name, role } = c.get('user');
      return c.json({ user: { name, role } });
    },
  });

  api.add({
    method: 'delete',
    path: '/api/session',
    tag: 'session',
    summary: 'Sign out: ends the session and clears its cookie',
    responses: { 204: { description: 'Signed out' }, 401: { description: 'Not signed in', schema: ErrorBody } },
    handler: (c) => {
      const session = getCookie(c, SESSION_COOKIE);
      if (session) storage.sessions.end(session);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
      return c.body(null, 204);
    },
  });
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}
