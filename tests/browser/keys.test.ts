import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, fence, hasChromium, notebook, startWorkbench, step, waitForText, type Workbench } from './harness.js';

// Jupyter's keys in the real client (Debian's Chromium): command/edit mode, moving the
// selection, adding and deleting cells, running, and undo of deletions and moves.
describe.skipIf(!hasChromium)('keyboard: command and edit mode', () => {
  let wb: Workbench;

  beforeAll(async () => {
    wb = await startWorkbench();
  }, 240_000);

  afterAll(() => wb?.close());

  const open = (title: string, source: string) => wb.openNew(title, source);

  const order = (page: Page) => page.locator('.code-cell').evaluateAll((els) => els.map((el) => el.getAttribute('data-cell')));
  const selected = (page: Page) => page.locator('.cell.selected').evaluateAll((els) => els.map((el) => el.getAttribute('data-block')));
  const mode = (page: Page) => page.locator('.notebook').evaluate((el) => (el.classList.contains('edit-mode') ? 'edit' : el.classList.contains('command-mode') ? 'command' : 'none'));
  const focusInEditor = (page: Page) => page.evaluate(() => document.activeElement?.closest('.monaco-editor')?.closest('[data-cell]')?.getAttribute('data-cell') ?? null);

  it('Esc, arrows and j/k, A, B, D D, Shift-Enter, Ctrl-Enter, and Ctrl-Z bringing back a deleted cell with its code and output', async () => {
    const page = await open('Keys', notebook('Keys', fence('a', 'const a = 2'), fence('b', 'const b = a * 10'), fence('c', 'const c = b + 1')));
    await step(page, 'keys-modes', async () => {
      await waitForText(cell(page, 'c').locator('.outputs'), '21');
      // Clicking into a cell's editor is edit mode; Esc leaves it for command mode on that cell.
      await cell(page, 'a').locator('.monaco-editor .view-lines').click();
      expect(await mode(page)).toBe('edit');
      expect(await selected(page)).toEqual(['a']);
      await page.keyboard.press('Escape');
      expect(await mode(page)).toBe('command');
      expect(await focusInEditor(page)).toBeNull();
      expect(await selected(page)).toEqual(['a']);
      // Typing in command mode does not reach the editor.
      expect(await cell(page, 'a').locator('.view-lines').textContent()).toBe('const\u00a0a\u00a0=\u00a02');
    });

    await step(page, 'keys-arrows', async () => {
      await page.keyboard.press('ArrowDown');
      expect(await selected(page)).toEqual(['b']);
      await page.keyboard.press('j');
      expect(await selected(page)).toEqual(['c']);
      await page.keyboard.press('j');
      expect(await selected(page)).toEqual(['c']);
      await page.keyboard.press('k');
      await page.keyboard.press('ArrowUp');
      expect(await selected(page)).toEqual(['a']);
      // Up from the first cell reaches the title (Markdown) and stops there.
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(await page.locator('.cell.selected').getAttribute('class')).toContain('markdown-cell');
      await page.keyboard.press('ArrowDown');
      expect(await selected(page)).toEqual(['a']);
    });

    await step(page, 'keys-add-delete', async () => {
      await page.keyboard.press('b');
      const afterB = await order(page);
      expect(afterB).toHaveLength(4);
      const below = afterB[1]!;
      expect(afterB).toEqual(['a', below, 'b', 'c']);
      expect(await selected(page)).toEqual([below]);
      expect(await mode(page)).toBe('command');
      await page.keyboard.press('a');
      const afterA = await order(page);
      const above = afterA[1]!;
      expect(afterA).toEqual(['a', above, below, 'b', 'c']);
      expect(await selected(page)).toEqual([above]);
      // One D does nothing (another key in between breaks the chord); D D deletes the selected cell.
      await page.keyboard.press('d');
      await page.keyboard.press('Escape');
      await page.keyboard.press('d');
      await page.keyboard.press('Escape');
      expect(await order(page)).toHaveLength(5);
      await page.keyboard.press('d');
      await page.keyboard.press('d');
      expect(await order(page)).toEqual(['a', below, 'b', 'c']);
      expect(await selected(page)).toEqual([below]);
      await page.keyboard.press('d');
      await page.keyboard.press('d');
      expect(await order(page)).toEqual(['a', 'b', 'c']);
      await page.locator('.dirty:not([hidden])').waitFor();
    });

    await step(page, 'keys-undo-delete', async () => {
      await page.keyboard.press('j');
      expect(await selected(page)).toEqual(['c']);
      await page.keyboard.press('d');
      await page.keyboard.press('d');
      expect(await order(page)).toEqual(['a', 'b']);
      expect(await selected(page)).toEqual(['b']);
      await page.keyboard.press('Control+z');
      expect(await order(page)).toEqual(['a', 'b', 'c']);
      expect(await selected(page)).toEqual(['c']);
      await waitForText(cell(page, 'c').locator('.view-lines'), 'const c = b + 1');
      // Its output is back at once, before the sandbox ran it again (to the same value).
      expect(await cell(page, 'c').locator('.outputs').textContent()).toContain('21');
      // Redo deletes it again, undo brings it back again.
      await page.keyboard.press('Control+Shift+Z');
      expect(await order(page)).toEqual(['a', 'b']);
      await page.keyboard.press('Control+z');
      expect(await order(page)).toEqual(['a', 'b', 'c']);
      await waitForText(cell(page, 'c').locator('.outputs'), '21');
      // Undo the deletions and insertions before it: the notebook as saved, nothing unsaved.
      for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
      expect(await order(page)).toEqual(['a', 'b', 'c']);
      await page.locator('.dirty[hidden]').waitFor({ state: 'attached' });
    });

    await step(page, 'keys-undo-move', async () => {
      await cell(page, 'c').locator('button[title="Move up"]').click();
      expect(await order(page)).toEqual(['a', 'c', 'b']);
      await page.keyboard.press('Control+z');
      expect(await order(page)).toEqual(['a', 'b', 'c']);
      expect(await selected(page)).toEqual(['c']);
      // The move keys, and Jupyter's Z / Shift-Z.
      await page.keyboard.press('Control+Shift+ArrowUp');
      await page.keyboard.press('Control+Shift+ArrowUp');
      expect(await order(page)).toEqual(['c', 'a', 'b']);
      expect(await selected(page)).toEqual(['c']);
      await page.keyboard.press('z');
      expect(await order(page)).toEqual(['a', 'c', 'b']);
      await page.keyboard.press('Shift+Z');
      expect(await order(page)).toEqual(['c', 'a', 'b']);
      await page.keyboard.press('z');
      await page.keyboard.press('z');
      expect(await order(page)).toEqual(['a', 'b', 'c']);
    });

    await step(page, 'keys-run', async () => {
      // Enter edits the selected cell; Shift-Enter runs it and selects the next, in command mode.
      await page.keyboard.press('k');
      await page.keyboard.press('k');
      expect(await selected(page)).toEqual(['a']);
      await page.keyboard.press('Enter');
      expect(await mode(page)).toBe('edit');
      expect(await focusInEditor(page)).toBe('a');
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('const a = 3');
      await page.keyboard.press('Shift+Enter');
      await waitForText(cell(page, 'c').locator('.outputs'), '31');
      expect(await selected(page)).toEqual(['b']);
      expect(await mode(page)).toBe('command');
      expect(await focusInEditor(page)).toBeNull();
      // Ctrl-Enter runs in place: the cursor stays in the cell.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('const b = a * 100');
      await page.keyboard.press('Control+Enter');
      await waitForText(cell(page, 'c').locator('.outputs'), '301');
      expect(await focusInEditor(page)).toBe('b');
      expect(await selected(page)).toEqual(['b']);
      // Shift-Enter in command mode runs the selected cell too.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Shift+Enter');
      expect(await selected(page)).toEqual(['c']);
    });

    await step(page, 'keys-help', async () => {
      // The palette shows the keys from the same action list; H lists them all.
      await page.keyboard.press('Control+K');
      await page.locator('.palette-input').fill('delete selected');
      await waitForText(page.locator('.palette-list li[data-command="delete"] kbd'), 'D D');
      await page.keyboard.press('Escape');
      await page.keyboard.press('h');
      await waitForText(page.locator('.key-help'), 'Shift-Enter');
      await waitForText(page.locator('.key-help'), 'Ctrl/Cmd-Z');
      await page.keyboard.press('Escape');
      // Keys typed while the help was open did nothing to the cells.
      expect(await order(page)).toEqual(['a', 'b', 'c']);
      // The toolbar is drawn from the same list: its tooltips name the keys; the owner sees Delete, not Save a copy.
      expect(await page.locator('.toolbar button.save').getAttribute('title')).toBe('Save notebook (Ctrl/Cmd-S)');
      expect(await page.locator('.toolbar button.delete-notebook').isVisible()).toBe(true);
      expect(await page.locator('.toolbar button.save-copy').isHidden()).toBe(true);
    });
    await page.close();
  }, 120_000);

  it('M and Y turn cells into Markdown and back; C, X, V and Shift-V copy, cut and paste cells', async () => {
    const page = await open('Keys clip', notebook('Keys clip', fence('a', 'const a = 2'), fence('b', 'a * 10')));
    const code = (id: string) => cell(page, id).locator('.view-lines').textContent();
    let copy = '';
    await step(page, 'keys-clipboard', async () => {
      await waitForText(cell(page, 'b').locator('.outputs'), '20');
      await cell(page, 'b').locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Escape');
      // C then V: a copy of b below it, with a new id, running as b does.
      await page.keyboard.press('c');
      expect(await order(page)).toEqual(['a', 'b']);
      await page.keyboard.press('v');
      copy = (await order(page))[2]!;
      expect(copy).toMatch(/^c[0-9a-z]{5}$/);
      expect(await selected(page)).toEqual([copy]);
      expect(await code(copy)).toBe('a\u00a0*\u00a010');
      await waitForText(cell(page, copy).locator('.outputs'), '20');
      // Shift-V pastes above the selection; X cuts, and V puts the cut cell back elsewhere.
      await page.keyboard.press('k');
      await page.keyboard.press('k');
      expect(await selected(page)).toEqual(['a']);
      await page.keyboard.press('Shift+V');
      const above = (await order(page))[0]!;
      expect(await order(page)).toEqual([above, 'a', 'b', copy]);
      await page.keyboard.press('x');
      expect(await order(page)).toEqual(['a', 'b', copy]);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('v');
      const pasted = (await order(page))[3]!;
      expect(await order(page)).toEqual(['a', 'b', copy, pasted]);
      // Ctrl-Z undoes a paste like any insertion.
      await page.keyboard.press('Control+z');
      expect(await order(page)).toEqual(['a', 'b', copy]);
    });

    await step(page, 'keys-change-kind', async () => {
      // M: the selected cell becomes Markdown with its code as the text.
      expect(await selected(page)).toEqual([copy]);
      await page.keyboard.press('m');
      expect(await order(page)).toEqual(['a', 'b']);
      const markdown = page.locator('.markdown-cell.selected .markdown-body');
      await waitForText(markdown, 'a * 10');
      // Y: back to a code cell, which waits to be run (marked edited) rather than running text.
      await page.keyboard.press('y');
      const [, , back] = await order(page);
      expect(await selected(page)).toEqual([back]);
      expect(await code(back!)).toBe('a\u00a0*\u00a010');
      expect(await cell(page, back!).getAttribute('class')).toContain('edited');
      await page.keyboard.press('Shift+Enter');
      await waitForText(cell(page, back!).locator('.outputs'), '20');
      // Undo takes both back: Markdown again, then the cell as it was.
      await page.keyboard.press('z');
      await waitForText(page.locator('.markdown-cell.selected .markdown-body'), 'a * 10');
      await page.keyboard.press('z');
      expect(await order(page)).toEqual(['a', 'b', copy]);
      // The palette and the key help list the new keys from the same action list.
      await page.keyboard.press('h');
      for (const label of ['Change cell to Markdown', 'Copy selected cell', 'Cut selected cell', 'Paste cell above']) await waitForText(page.locator('.key-help'), label);
      await waitForText(page.locator('.key-help'), 'Shift-V');
      await page.keyboard.press('Escape');
    });
    await page.close();
  }, 120_000);

  it('Enter opens a Markdown block for writing, Esc renders it and goes back to command mode', async () => {
    const page = await open('Keys md', notebook('Keys md', fence('x', 'const x = 1')));
    await step(page, 'keys-markdown', async () => {
      await cell(page, 'x').locator('.outputs').waitFor();
      await page.locator('.markdown-cell .markdown-body').click();
      expect(await page.locator('.markdown-cell.selected').count()).toBe(1);
      await page.keyboard.press('Enter');
      await page.locator('.markdown-editor:not([hidden])').waitFor();
      expect(await mode(page)).toBe('edit');
      await page.keyboard.press('End');
      await page.keyboard.insertText(' and more');
      await page.keyboard.press('Escape');
      await page.locator('.markdown-editor[hidden]').waitFor({ state: 'attached' });
      await waitForText(page.locator('.markdown-cell .markdown-body'), 'Keys md and more');
      expect(await mode(page)).toBe('command');
      expect(await page.locator('.markdown-cell.selected').count()).toBe(1);
      await page.keyboard.press('j');
      expect(await selected(page)).toEqual(['x']);
    });
    await page.close();
  }, 60_000);
});
