import { signIn } from '../shell/session.js';

/**
 * Signs in from the link the server prints (`#/signin?token=lb_…&next=/notebook/x`): posts the
 * token, then replaces the address with `#` + next (default `#/`) so the token leaves the address
 * bar and the history, whether or not the server accepted it. Resolves null when signed in, or
 * the server's message when it refused.
 *
 * @example
 * const refused = await signInFromLink(location.hash); // then route as usual
 */
export async function signInFromLink(hash: string): Promise<string | null> {
  const query = new URLSearchParams(hash.replace(/^#\/signin\??/, ''));
  const token = query.get('token') ?? '';
  const next = query.get('next') ?? '/';
  // Only a route of this app: `next` must be a path, never another origin.
  history.replaceState(null, '', `#${next.startsWith('/') && !next.startsWith('//') ? next : '/'}`);
  if (!token) return null;
  try {
    await signIn(token);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
