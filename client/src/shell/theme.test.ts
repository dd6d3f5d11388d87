// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the system setting that tests can flip, like the OS's dark-mode switch.
let systemDark = false;
const changeListeners = new Set<() => void>();
vi.stubGlobal('matchMedia', (query: string) => ({
  get matches() {
    return query === '(prefers-color-scheme: dark)' && systemDark;
  },
  addEventListener: (_: string, fn: () => void) => changeListeners.add(fn),
  removeEventListener: (_: string, fn: () => void) => changeListeners.delete(fn),
}));
const flipSystem = (dark: boolean) => {
  systemDark = dark;
  for (const fn of changeListeners) fn();
};

const { initTheme, onThemeChange, resolveTheme, THEME_KEY, themeToggle, toggleTheme } = await import('./theme.js');
const theme = () => document.documentElement.dataset.theme;

describe('theme', () => {
  beforeEach(() => {
    localStorage.clear();
    flipSystem(false);
  });

  it('resolves a pinned choice before the system setting', () => {
    expect(resolveTheme(null, false)).toBe('light');
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('purple', true)).toBe('dark');
  });

  it('follows the system until toggled, remembers the toggle, and forgets it when it matches the system again', () => {
    initTheme();
    expect(theme()).toBe('light');
    flipSystem(true);
    expect(theme()).toBe('dark');
    expect(toggleTheme()).toBe('light');
    expect(localStorage.getItem(THEME_KEY)).toBe('light');
    // Pinned: the system changing back and forth no longer moves the page.
    flipSystem(false);
    flipSystem(true);
    expect(theme()).toBe('light');
    expect(toggleTheme()).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
  });

  it('tells listeners (Monaco) at once and on every change', () => {
    initTheme();
    const seen: string[] = [];
    const off = onThemeChange((t) => seen.push(t));
    toggleTheme();
    flipSystem(true);
    off();
    toggleTheme();
    expect(seen).toEqual(['light', 'dark']);
  });

  it('offers a button that shows and flips the theme', () => {
    initTheme();
    const button = themeToggle();
    document.body.append(button);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.title).toBe('Switch to dark mode');
    button.click();
    expect(theme()).toBe('dark');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.title).toBe('Switch to light mode');
    button.remove();
  });
});
