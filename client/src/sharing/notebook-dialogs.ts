import type { NotebookDoc as SavedNotebook, NotebookRole } from '../shell/api.js';
import { confirmDialog } from '../shell/modal.js';
import { openHistoryDialog } from './history-dialog.js';
import { openShareDialog } from './share-dialog.js';

export interface NotebookDialogHooks {
  notebookId: string;
  /** Who is signed in (the Share dialog does not offer them to themselves). */
  me: string;
  role: () => NotebookRole;
  /** The editor has unsaved edits: a restore asks first. */
  dirty: () => boolean;
  /** A version was restored on the server: show it. */
  onRestored: (notebook: SavedNotebook) => void;
  toast: (message: string, kind?: 'error' | 'info') => void;
}

/**
 * The editor's Share and History dialogs for a notebook: only the owner shares, viewers cannot
 * restore, and a restore over unsaved edits asks first.
 *
 * @example
 * const dialogs = notebookDialogs(hooks);
 * dialogs.history();
 */
export function notebookDialogs(hooks: NotebookDialogHooks) {
  return {
    share(): void {
      void openShareDialog({ notebookId: hooks.notebookId, isOwner: hooks.role() === 'owner', me: hooks.me, toast: hooks.toast });
    },
    history(): void {
      void openHistoryDialog({
        notebookId: hooks.notebookId,
        canRestore: hooks.role() !== 'viewer',
        beforeRestore: (v) => (!hooks.dirty() ? Promise.resolve(true)
          : confirmDialog(`Restore version ${v}?`, `The editor has unsaved edits; restoring version ${v} replaces them. Cancel, then Save, to keep them as a version first.`, 'Restore')),
        onRestored: (notebook) => {
          hooks.onRestored(notebook);
          hooks.toast(`Restored: the notebook is now at version ${notebook.version}.`);
        },
      });
    },
  };
}
