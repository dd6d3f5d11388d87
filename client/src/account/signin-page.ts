import type { SessionUser } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { signIn } from '../shell/session.js';

export interface SignInOptions {
  /** Shown above the form, e.g. why the page appeared ("your session ended"). */
  notice?: string;
  /** An error to show at once, e.g. a sign-in link whose token the server refused. */
  error?: string;
  onSignedIn: (user: SessionUser) => void;
}

/**
 * The sign-in page: paste an API token (the server prints a sign-in link and `liftbook user add`
 * prints tokens), Sign in; the server's message shows when it refuses (bad token, too many tries).
 *
 * @example
 * signInPage(document.getElementById('app')!, { onSignedIn: () => route() });
 */
export function signInPage(root: HTMLElement, options: SignInOptions): void {
  const input = h('input', { type: 'password', class: 'signin-token', placeholder: 'lb_…', autocomplete: 'off', spellcheck: 'false', 'aria-label': 'API token' });
  const error = h('p', { class: 'signin-error output-error', role: 'alert', hidden: !options.error }, options.error ?? '');
  const button = h('button', { class: 'primary signin-submit', type: 'submit' }, 'Sign in');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!input.value.trim()) {
      error.textContent = 'Paste your API token first (it starts with lb_).';
      error.hidden = false;
      return;
    }
    button.disabled = true;
    try {
      const user = await signIn(input.value);
      options.onSignedIn(user);
    } catch (failure) {
      error.textContent = (failure as Error).message;
      error.hidden = false;
      input.select();
    } finally {
      button.disabled = false;
    }
  };
  root.replaceChildren(h('div', { class: 'home signin-page' },
    h('div', { class: 'toolbar' }, h('a', { class: 'brand', href: '#/' }, 'liftbook'), h('span', { class: 'muted' }, 'Did your personalization work?')),
    h('main', { class: 'home-main' },
      h('form', { class: 'signin-form', onsubmit: (e: Event) => void submit(e) },
        h('h2', {}, 'Sign in'),
        options.notice ? h('p', { class: 'signin-notice hint warning' }, options.notice) : null,
        h('p', { class: 'muted' }, 'Paste your API token: the server prints a sign-in link when it starts, and ', h('code', {}, 'liftbook user add <name>'), ' prints a token for each team member.'),
        h('div', { class: 'row' }, input, button),
        error))));
  input.focus();
}
