import { mergeNotebooks, type MergeConflict } from '../../../notebook/merge.js';
import type { SaveConflict } from '../shell/api.js';
import { append, h } from '../shell/dom.js';
import { label } from '../sharing/cell-diff-view.js';
import { openModal } from '../shell/modal.js';

export interface MergeRequest {
  /** What this editor loaded or last saved: the common ancestor. */
  base: string;
  /** The editor's text now. */
  mine: string;
  /** The 412 answer: the server's current text, version and who saved it. */
  theirs: SaveConflict;
}

/**
 * Merges the editor's text with a save someone made meanwhile, cell by cell, and asks the user:
 * without conflicts, a dialog says whose changes were merged; with conflicts, each conflicting cell
 * is shown side by side (mine / theirs, the original on demand) with a choice per cell. Resolves
 * with the merged source to save over their version, or null when the user cancels (nothing is
 * saved and the editor keeps its text).
 *
 * @example
 * const merged = await mergeDialog({ base: savedSource, mine: serializeNotebook(doc), theirs: conflictBody });
 * if (merged !== null) await put(merged, conflictBody.version);
 */
export function mergeDialog(request: MergeRequest): Promise<string | null> {
  const { base, mine, theirs } = request;
  const first = mergeNotebooks(base, mine, theirs.source);
  const who = theirs.author || 'Someone';
  return new Promise((resolve) => {
    let answer: string | null = null;
    const modal = openModal({ title: first.conflicts.length ? 'Merge your edits' : 'Merged with a newer save', class: 'merge-dialog', onClose: () => resolve(answer) });
    const cancel = h('button', { class: 'merge-cancel', onclick: () => modal.close() }, 'Cancel');
    const n = first.fromTheirs.length;
    const cells = `${n} cell${n === 1 ? '' : 's'}`;
    if (!first.conflicts.length) {
      modal.body.append(h('p', { class: 'merge-summary' },
        n ? `${who} saved this notebook since you opened it; their changes to ${cells} were merged with yours.`
          : `${who} saved this notebook since you opened it; their changes were already in yours.`),
      h('p', { class: 'hint' }, `Saving writes the merged notebook as a new version after theirs (version ${theirs.version}). Cancel keeps your text here, unsaved.`));
      const save = h('button', { class: 'primary merge-save', onclick: () => { answer = first.source; modal.close(); } }, 'Save merged');
      modal.actions.append(cancel, save);
      save.focus();
      return;
    }
    const choices: Record<string, 'mine' | 'theirs'> = {};
    const save = h('button', { class: 'primary merge-save', disabled: true }, 'Merge and save');
    const left = h('span', { class: 'hint merge-left' });
    const update = () => {
      const missing = first.conflicts.filter((c) => !choices[c.key]).length;
      save.disabled = missing > 0;
      left.textContent = missing ? `Choose a version for ${missing} more cell${missing === 1 ? '' : 's'}.` : '';
    };
    save.addEventListener('click', () => {
      answer = mergeNotebooks(base, mine, theirs.source, choices).source;
      modal.close();
    });
    append(modal.body, [
      h('p', { class: 'merge-summary' }, `${who} saved this notebook since you opened it (version ${theirs.version}), and you both changed the same ${first.conflicts.length === 1 ? 'cell' : `${first.conflicts.length} cells`}. Choose which version of each to keep.`,
        n ? ` Their changes to ${cells} elsewhere merge without conflict.` : ''),
      first.conflicts.map((conflict) => conflictView(conflict, who, (choice) => {
        choices[conflict.key] = choice;
        update();
      }))]);
    modal.actions.append(left, cancel, save);
    update();
  });
}

function conflictView(conflict: MergeConflict, who: string, choose: (choice: 'mine' | 'theirs') => void): HTMLElement {
  const name = `merge-choice-${conflict.key}`;
  const side = (choice: 'mine' | 'theirs', title: string, text: string | undefined) =>
    h('label', { class: `merge-side merge-${choice}` },
      h('span', { class: 'merge-side-title' }, h('input', { type: 'radio', name, value: choice, onchange: () => choose(choice) }), ` ${title}`),
      text === undefined ? h('p', { class: 'muted merge-deleted' }, '(deleted)') : h('pre', {}, text));
  return h('section', { class: 'merge-conflict', 'data-key': conflict.key },
    h('h3', {}, label(conflict, conflict.mine ?? conflict.theirs ?? conflict.base)),
    h('div', { class: 'merge-sides' }, side('mine', 'Keep mine', conflict.mine), side('theirs', `Keep ${who}'s`, conflict.theirs)),
    conflict.base !== undefined ? h('details', { class: 'merge-base' }, h('summary', {}, 'As it was before you both edited it'), h('pre', {}, conflict.base)) : null);
}
