import type { ValueSummary } from '../../../notebook/types.js';
import { h } from '../shell/dom.js';
import { headlines, verdictText } from '../../../notebook/recipe-headlines.js';

type RecipeSummary = Extract<ValueSummary, { kind: 'recipe-result' }>;

/**
 * The headline cards of a recipe result (none when it has no comparison table).
 *
 * @example
 * cell.append(headlineCards(result));
 */
export function headlineCards(result: RecipeSummary): HTMLElement | null {
  const list = headlines(result);
  if (!list.length) return null;
  return h('div', { class: 'headline-cards' }, list.map((x) => h('div', {
    class: `headline-card${x.significant === true ? ' significant' : x.significant === false ? ' not-significant' : ''}`,
    'data-headline': x.label,
    title: Object.entries(x.raw).map(([k, v]) => `${k}: ${v}`).join('\n'),
  },
  h('div', { class: 'headline-label' }, x.label),
  h('div', { class: 'headline-effect' }, x.effect),
  x.interval ? h('div', { class: 'headline-interval' }, `interval ${x.interval}`) : null,
  x.chanceToWin ? h('div', { class: 'headline-chance' }, `chance to win ${x.chanceToWin}`) : null,
  x.significant === null ? null : h('div', { class: 'headline-verdict' }, verdictText(x.significant)))));
}
