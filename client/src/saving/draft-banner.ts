import { h } from '../shell/dom.js';
import { timeText } from '../shell/time-text.js';
import type { Draft } from './unsaved-drafts.js';

export interface DraftBannerHooks {
  restore: () => void;
  discard: () => void;
}

/**
 * The offer to bring back unsaved edits kept in this tab (the session ended, or the page was
 * reloaded, before they were saved). Restoring puts them in the editor, still unsaved; saving then
 * merges them with anything saved since.
 *
 * @example
 * main.prepend(draftBanner(draft, 4, { restore, discard }));
 */
export function draftBanner(draft: Draft, serverVersion: number, hooks: DraftBannerHooks): HTMLElement {
  const el = h('div', { class: 'draft-banner', role: 'status' },
    h('span', {}, `You have unsaved edits to this notebook from ${timeText(draft.savedAt)}`,
      draft.version === serverVersion ? '.' : ` (made on version ${draft.version}; it is now at version ${serverVersion}: saving will merge them).`),
    h('span', { class: 'grow' }),
    h('button', { class: 'primary draft-restore', onclick: () => { el.remove(); hooks.restore(); } }, 'Restore my edits'),
    h('button', { class: 'draft-discard', onclick: () => { el.remove(); hooks.discard(); } }, 'Discard them'));
  return el;
}
