import { h, type Child } from './dom.js';

export interface ModalOptions {
  title: string;
  /** Extra class on the dialog, e.g. `share-dialog`, for its styles and tests. */
  class?: string;
  /** Called once when the dialog closes by Escape, the ✕ or {@link Modal.close}. */
  onClose?: () => void;
}

export interface Modal {
  el: HTMLElement;
  body: HTMLElement;
  actions: HTMLElement;
  /** Shows the server's (or our) message in the dialog itself, or clears it with null. */
  error: (message: string | null) => void;
  close: () => void;
}

/**
 * A modal dialog over the page: title, body, an error line and action buttons. Escape or ✕
 * closes it; a click beside it does not, so a half-made choice (a merge) is not lost by a slip.
 *
 * @example
 * const modal = openModal({ title: 'Share', class: 'share-dialog' });
 * modal.body.append(h('p', {}, 'Who may open this notebook?'));
 */
export function openModal(options: ModalOptions): Modal {
  const body = h('div', { class: 'modal-body' });
  const actions = h('div', { class: 'modal-actions' });
  const errorLine = h('p', { class: 'modal-error output-error', role: 'alert', hidden: true });
  const titleId = `modal-title-${Math.random().toString(36).slice(2)}`;
  const dialog = h('div', { class: `modal ${options.class ?? ''}`.trim(), role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, tabindex: '-1' },
    h('header', { class: 'modal-header' }, h('h2', { class: 'modal-title', id: titleId }, options.title), h('button', { class: 'icon modal-close', title: 'Close', 'aria-label': 'Close', onclick: () => close() }, '✕')),
    body, errorLine, actions);
  const backdrop = h('div', { class: 'modal-backdrop' }, dialog);
  let isOpen = true;
  // Escape closes the topmost dialog only (a confirm over the history panel, say).
  const onKey = (e: KeyboardEvent) => {
    const shown = document.querySelectorAll('.modal-backdrop');
    if (e.key === 'Escape' && shown[shown.length - 1] === backdrop) {
      e.stopImmediatePropagation();
      close();
    }
  };
  function close(): void {
    if (!isOpen) return;
    isOpen = false;
    backdrop.remove();
    document.removeEventListener('keydown', onKey, true);
    options.onClose?.();
  }
  document.addEventListener('keydown', onKey, true);
  document.body.append(backdrop);
  dialog.focus();
  return {
    el: dialog,
    body,
    actions,
    error(message) {
      errorLine.textContent = message ?? '';
      errorLine.hidden = !message;
    },
    close,
  };
}

/**
 * Asks a yes/no question in a modal; resolves true for the OK button, false for Cancel or Escape.
 *
 * @example
 * if (await confirmDialog('Delete notebook?', 'It goes to the trash.', 'Delete')) remove();
 */
export function confirmDialog(title: string, message: Child, okLabel: string, danger = false): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const modal = openModal({ title, class: 'confirm-dialog', onClose: () => resolve(answer) });
    modal.body.append(h('p', {}, message));
    const ok = h('button', { class: `${danger ? 'danger' : 'primary'} modal-ok`, onclick: () => { answer = true; modal.close(); } }, okLabel);
    modal.actions.append(h('button', { class: 'modal-cancel', onclick: () => modal.close() }, 'Cancel'), ok);
    ok.focus();
  });
}
