import { ApiError, failure, type SessionUser } from './api.js';

// Who is signed in, as the server last said. Cached so routing between pages does not ask again;
// forgotten when any call answers 401, so the next route asks (and shows the sign-in page).
let current: SessionUser | null = null;

/**
 * The signed-in user, asking the server (`GET /api/session`) unless already known; null when there
 * is no session.
 *
 * @example
 * const user = await sessionUser(); // → { name: 'admin', role: 'admin' } or null
 */
export async function sessionUser(): Promise<SessionUser | null> {
  if (current) return current;
  const response = await fetch('/api/session', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) return null;
  if (!response.ok) throw await failure(response);
  current = ((await response.json()) as { user: SessionUser }).user;
  return current;
}

/**
 * The user already known to be signed in (for toolbars, drafts), without asking the server.
 *
 * @example
 * knownUser()?.name; // → 'admin'
 */
export function knownUser(): SessionUser | null {
  return current;
}

/** Forgets the cached user: the session ended (a 401) or the user signed out. */
export function forgetSession(): void {
  current = null;
}

/**
 * Signs in with an API token (`POST /api/session`; the server sets the session cookie). Throws an
 * {@link ApiError} with the server's message: 401 for a bad token, 429 after too many attempts
 * (the message then says when to try again, from Retry-After).
 *
 * @example
 * const user = await signIn('lb_…');
 */
export async function signIn(token: string): Promise<SessionUser> {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ token: token.trim() }),
  });
  if (!response.ok) {
    const error = await failure(response);
    const retry = Number(response.headers.get('retry-after'));
    if (response.status === 429 && retry > 0 && !/\d+\s*s/.test(error.message)) {
      throw new ApiError(429, `${error.message} (try again in ${retry} s)`, error.body);
    }
    throw error;
  }
  current = ((await response.json()) as { user: SessionUser }).user;
  return current;
}

/**
 * Ends the session (`DELETE /api/session` clears the cookie).
 *
 * @example
 * await signOut();
 */
export async function signOut(): Promise<void> {
  current = null;
  const response = await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
  if (!response.ok && response.status !== 401) throw await failure(response);
}
