import { h } from './dom.js';

/**
 * A thin progress bar with a label; `set(null)` hides it. Indeterminate when fraction is NaN.
 *
 * @example
 * const bar = progressBar();
 * bar.set(0.4, 'Fitting model');
 */
export function progressBar(): { el: HTMLElement; set(fraction: number | null, label?: string): void } {
  const fill = h('div', { class: 'progress-fill' });
  const text = h('span', { class: 'progress-label' });
  const el = h('div', { class: 'progress', hidden: true, role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' }, h('div', { class: 'progress-track' }, fill), text);
  return {
    el,
    set(fraction, label) {
      el.hidden = fraction === null;
      if (fraction === null) return;
      const known = Number.isFinite(fraction);
      el.classList.toggle('indeterminate', !known);
      fill.style.width = known ? `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%` : '30%';
      el.setAttribute('aria-valuenow', known ? String(Math.round(fraction * 100)) : '');
      text.textContent = `${label ?? ''}${known ? ` ${Math.round(fraction * 100)}%` : ''}`.trim();
    },
  };
}
