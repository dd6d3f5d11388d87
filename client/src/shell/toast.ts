import { h } from './dom.js';

/**
 * A short message in the corner; errors stay longer and are announced to screen readers.
 *
 * @example
 * toast('Saved.');
 */
export function toast(message: string, kind: 'error' | 'info' = 'info'): void {
  let host = document.querySelector<HTMLElement>('.toasts');
  if (!host) {
    host = h('div', { class: 'toasts', 'aria-live': 'polite' });
    document.body.append(host);
  }
  const el = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  host.append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 2500);
}
