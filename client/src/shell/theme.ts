import './theme.css';
import { h } from './dom.js';

export type Theme = 'light' | 'dark';

/** Where the toggle's choice is remembered; absent means "follow the system". */
export const THEME_KEY = 'liftbook.theme';

const listeners = new Set<(theme: Theme) => void>();
let media: MediaQueryList | undefined;

/**
 * The theme to show: the choice pinned with the toggle, else the system's (prefers-color-scheme).
 *
 * @example
 * resolveTheme(null, true); // → 'dark'
 */
export function resolveTheme(pinned: string | null, systemDark: boolean): Theme {
  return pinned === 'light' || pinned === 'dark' ? pinned : systemDark ? 'dark' : 'light';
}

function pinned(): string | null {
  try {
    return localStorage.getItem(THEME_KEY);
  } catch {
    return null; // storage blocked: follow the system
  }
}

const systemDark = () => (media ??= matchMedia('(prefers-color-scheme: dark)')).matches;

/** The theme on the page now. */
export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function apply(): void {
  const theme = resolveTheme(pinned(), systemDark());
  if (document.documentElement.dataset.theme === theme) return;
  document.documentElement.dataset.theme = theme;
  for (const listener of listeners) listener(theme);
}

/**
 * Puts the theme on <html data-theme> (theme.css holds both palettes) and follows the system's
 * setting as it changes, unless the toggle pinned one. Call once at start-up.
 *
 * @example
 * initTheme();
 */
export function initTheme(): void {
  apply();
  (media ??= matchMedia('(prefers-color-scheme: dark)')).addEventListener('change', apply);
  // Another tab flipped the toggle.
  window.addEventListener('storage', (e) => e.key === THEME_KEY && apply());
}

/**
 * Calls `listener` now and whenever the theme changes (for what CSS cannot reach, e.g. Monaco).
 *
 * @example
 * onThemeChange((theme) => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'));
 */
export function onThemeChange(listener: (theme: Theme) => void): () => void {
  listeners.add(listener);
  listener(currentTheme());
  return () => listeners.delete(listener);
}

/**
 * Switches to the other theme and remembers it; choosing what the system already shows forgets
 * the choice, so the page follows the system again.
 *
 * @example
 * toggleTheme(); // light → dark
 */
export function toggleTheme(): Theme {
  const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
  try {
    if (next === resolveTheme(null, systemDark())) localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, next);
  } catch {
    // storage blocked: the switch lasts for this page only
  }
  document.documentElement.dataset.theme = next;
  for (const listener of listeners) listener(next);
  return next;
}

/**
 * The toolbar's light/dark switch: a moon in light mode, a sun in dark mode.
 *
 * @example
 * toolbar.append(themeToggle());
 */
export function themeToggle(): HTMLButtonElement {
  const button = h('button', { class: 'icon theme-toggle', type: 'button' });
  const show = (theme: Theme) => {
    button.textContent = theme === 'dark' ? '☀' : '☾';
    button.title = theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode';
    button.setAttribute('aria-label', button.title);
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  };
  button.addEventListener('click', () => show(toggleTheme()));
  // Follows changes made elsewhere (system setting, another tab) until its page is left.
  let attached = false;
  const off = onThemeChange((theme) => {
    if (button.isConnected) attached = true;
    else if (attached) return void off();
    show(theme);
  });
  return button;
}
