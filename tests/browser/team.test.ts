import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  addUser, apiAs, cell, ensureClientBuilt, hasChromium, launchBrowser, signedInContext, startTestServer, step, typeCode, waitForText,
  type ApiCall, type TestServer, fence, notebook,
} from './harness.js';

// Issue 7 in the browser: sign-in, sharing and roles, conflict-safe saves with a cell-level merge,
// history, trash, and unsaved text that survives the session ending. One server, one browser;
// each person is a browser context of their own (their own cookie), signed in once.


// Each person keeps one page and moves between routes by the hash, as a user clicking links
// would: the client (Monaco and all) loads once per person, not once per step.
interface Person { name: string; token: string; api: ApiCall; context: BrowserContext; page: Page }

describe.skipIf(!hasChromium)('team sharing in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: { name: string; api: ApiCall };
  let ana: Person;
  let ben: Person;
  let cy: Person;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const asAdmin = apiAs(server.url, server.token);
    admin = { name: (await asAdmin('GET', '/api/session')).body.user.name, api: asAdmin };
    const person = async (name: string): Promise<Person> => {
      const { token } = await addUser(server, name);
      const context = await signedInContext(browser, server.url, token);
      return { name, token, api: apiAs(server.url, token), context, page: await context.newPage() };
    };
    [ana, ben, cy] = await Promise.all([person('ana'), person('ben'), person('cy')]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function create(owner: Person, title: string, source: string): Promise<string> {
    const { status, body } = await owner.api('POST', '/api/notebooks', { title, source });
    expect(status).toBe(201);
    return body.id as string;
  }

  /** Takes the person's page to a route (reloading when it is there already). */
  async function go(who: Person, hash: string): Promise<Page> {
    const { page } = who;
    if (page.url() === 'about:blank') await page.goto(`${server.url}/${hash}`);
    else if (new URL(page.url()).hash === hash) await page.reload();
    else await page.evaluate((h) => void (location.hash = h), hash);
    return page;
  }

  async function open(who: Person, id: string): Promise<Page> {
    const page = await go(who, `#/notebook/${id}`);
    await page.locator(`.editor-layout[data-notebook="${id}"] .cells`).waitFor();
    return page;
  }

  async function home(who: Person): Promise<Page> {
    const page = await go(who, '#/');
    await page.locator('.home-main:not([aria-busy])').waitFor();
    return page;
  }

  const share = (id: string, user: string, role: string) => ana.api('POST', `/api/notebooks/${id}/share`, { user, role });
  const sourceOf = async (id: string) => (await ana.api('GET', `/api/notebooks/${id}`)).body as { source: string; version: number };

  async function saveWithCtrlS(page: Page, cellId: string): Promise<void> {
    await cell(page, cellId).locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+S');
  }

  const saved = (page: Page) => page.locator('.dirty[hidden]').waitFor({ state: 'attached', timeout: 10_000 });

  it('signs in from the link (the token leaves the address bar), shows who is signed in, and shows a wrong token\'s error', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await step(page, 'sign-in-link', async () => {
      // No session: the sign-in page, whatever the route.
      await page.goto(`${server.url}/#/notebook/did-personalization-work`);
      await page.locator('.signin-page .signin-token').waitFor();
      // The link the server prints opens the example notebook, signed in.
      await page.goto(server.signInUrl);
      await waitForText(page.locator('.editor-layout .toolbar .user-badge'), admin.name);
      expect(await page.locator('.editor-layout .user-badge .user-role').textContent()).toBe('admin');
      expect(page.url()).not.toContain(server.token);
      expect(page.url()).not.toContain('token=');
      expect(new URL(page.url()).hash).toBe('#/notebook/did-personalization-work');
      // The home page shows who is signed in too; Sign out ends the session.
      await page.evaluate(() => (location.hash = '#/'));
      await waitForText(page.locator('.home .toolbar .user-badge .user-name'), admin.name);
      await page.locator('.user-badge .sign-out').click();
      await page.locator('.signin-page').waitFor();
      expect((await page.evaluate(() => fetch('/api/session').then((r) => r.status)))).toBe(401);
      // A wrong token: the server's message, and still signed out.
      await page.locator('.signin-token').fill(`lb_${'x'.repeat(43)}`);
      await page.locator('.signin-submit').click();
      await waitForText(page.locator('.signin-error'), 'not valid');
      // The right one, pasted: the home page.
      await page.locator('.signin-token').fill(server.token);
      await page.locator('.signin-submit').click();
      await waitForText(page.locator('.home .user-badge .user-name'), admin.name);
      // A link with a bad token: the error shows and the token is gone from the address all the same.
      await page.goto(`${server.url}/#/signin?token=lb_bad&next=%2F`);
      await waitForText(page.locator('.signin-error'), 'not valid');
      expect(page.url()).not.toContain('lb_bad');
    });
    await context.close();
  }, 90_000);

  it('shares through the dialog: a viewer reads and runs but cannot save, an outsider gets "no notebook", an editor saves', async () => {
    const id = await create(ana, 'Shared plan', notebook('Shared plan', fence('x', 'const x = 6 * 7')));
    const owner = await open(ana, id);
    await step(owner, 'share-dialog', async () => {
      expect(await owner.locator('.role-badge').textContent()).toBe('owner');
      await owner.locator('button.share').click();
      const dialog = owner.locator('.share-dialog');
      await waitForText(dialog.locator('.share-owner'), 'ana');
      await dialog.locator('.share-user').selectOption('ben');
      await dialog.locator('.share-new-role').selectOption('viewer');
      await dialog.locator('.share-add').click();
      await waitForText(dialog.locator('.share-row[data-user="ben"]'), 'ben');
      expect(await dialog.locator('.share-row[data-user="ben"] .share-role').inputValue()).toBe('viewer');
      // The server's refusals show in the dialog (here: a user that does not exist).
      await dialog.locator('.share-user').evaluate((select: HTMLSelectElement) => select.add(new Option('nobody', 'nobody')));
      await dialog.locator('.share-user').selectOption('nobody');
      await dialog.locator('.share-add').click();
      await waitForText(dialog.locator('.modal-error'), 'There is no user "nobody"');
      await dialog.locator('.share-done').click();
    });

    const viewer = await home(ben);
    await step(viewer, 'viewer', async () => {
      const entry = viewer.locator(`.shared-notebooks [data-notebook="${id}"]`);
      await waitForText(entry.locator('.notebook-role'), 'viewer');
      await waitForText(entry.locator('.notebook-owner'), 'ana');
      expect(await viewer.locator(`.my-notebooks [data-notebook="${id}"]`).count()).toBe(0);
      await entry.locator('a').click();
      await viewer.locator('.readonly-badge:not([hidden])').waitFor();
      expect(await viewer.locator('.readonly-badge').textContent()).toBe('read-only (viewer)');
      expect(await viewer.locator('button.save').isDisabled()).toBe(true);
      expect(await viewer.locator('button.delete-notebook').isHidden()).toBe(true);
      // Cells run for a viewer.
      await waitForText(cell(viewer, 'x').locator('.outputs'), '42');
      await typeCode(viewer, 'x', 'const x = "viewer edit"');
      await viewer.keyboard.press('Shift+Enter');
      await waitForText(cell(viewer, 'x').locator('.outputs'), 'viewer edit');
      await viewer.keyboard.press('Control+S');
      await viewer.locator('.toast-error', { hasText: 'You are a viewer of this notebook' }).waitFor();
      expect((await sourceOf(id)).version).toBe(1);
      expect((await ben.api('PUT', `/api/notebooks/${id}`, { source: 'x' }, { 'if-match': '"1"' })).status).toBe(403);
      // Non-owners see the shares read-only.
      await viewer.locator('button.share').click();
      await waitForText(viewer.locator('.share-dialog .share-row[data-user="ben"] .share-role-text'), 'viewer');
      expect(await viewer.locator('.share-dialog .share-add').count()).toBe(0);
      await viewer.keyboard.press('Escape');
      // Save a copy keeps the viewer's edits in a notebook of their own.
      await viewer.locator('button.save-copy').click();
      await waitForText(viewer.locator('.role-badge'), 'owner');
      await waitForText(cell(viewer, 'x').locator('.view-lines'), 'viewer edit');
      const copyId = decodeURIComponent(new URL(viewer.url()).hash.replace('#/notebook/', ''));
      expect(copyId).not.toBe(id);
      const copy = (await ben.api('GET', `/api/notebooks/${copyId}`)).body;
      expect(copy.role).toBe('owner');
      expect(copy.title).toBe('Shared plan (copy)');
      expect(copy.source).toContain('const x = "viewer edit"');
    });

    const outsider = await home(cy);
    await step(outsider, 'outsider', async () => {
      expect(await outsider.locator(`[data-notebook="${id}"]`).count()).toBe(0);
      await go(cy, `#/notebook/${id}`);
      await waitForText(outsider.locator('.not-found'), 'There is no notebook');
      expect(await outsider.locator('.not-found').textContent()).toContain(`no notebook "${id}"`);
    });

    await step(owner, 'team-default-and-editor', async () => {
      await owner.locator('button.share').click();
      const dialog = owner.locator('.share-dialog');
      // The team-wide default: now cy sees it (as viewer), then not again.
      await dialog.locator('.share-team').selectOption('viewer');
      await expect.poll(async () => (await ana.api('GET', `/api/notebooks/${id}/shares`)).body.team).toBe('viewer');
      await home(cy);
      await waitForText(outsider.locator(`.shared-notebooks [data-notebook="${id}"] .notebook-role`), 'viewer');
      await dialog.locator('.share-team').selectOption('none');
      await expect.poll(async () => (await cy.api('GET', `/api/notebooks/${id}`)).status).toBe(404);
      // Share with cy by name, then remove: cy is out again.
      await dialog.locator('.share-user').selectOption('cy');
      await dialog.locator('.share-add').click();
      await dialog.locator('.share-row[data-user="cy"]').waitFor();
      expect((await cy.api('GET', `/api/notebooks/${id}`)).status).toBe(200);
      await dialog.locator('.share-row[data-user="cy"] .share-remove').click();
      await dialog.locator('.share-row[data-user="cy"]').waitFor({ state: 'detached' });
      expect((await cy.api('GET', `/api/notebooks/${id}`)).status).toBe(404);
      // ben becomes an editor.
      await dialog.locator('.share-row[data-user="ben"] .share-role').selectOption('editor');
      await expect.poll(async () => (await ben.api('GET', `/api/notebooks/${id}`)).body.role).toBe('editor');
      await owner.keyboard.press('Escape');
    });

    const editor = await open(ben, id);
    await step(editor, 'editor-saves', async () => {
      expect(await editor.locator('.readonly-badge').isHidden()).toBe(true);
      await waitForText(editor.locator('.role-badge'), 'editor');
      await typeCode(editor, 'x', 'const x = "edited by ben"');
      await editor.keyboard.press('Control+S');
      await saved(editor);
      const now = await sourceOf(id);
      expect(now.version).toBe(2);
      expect(now.source).toContain('const x = "edited by ben"');
    });
  }, 150_000);

  it('merges two saves of the same version that changed different cells', async () => {
    const id = await create(ana, 'Merge', notebook('Merge', fence('a', 'const a = 1'), fence('b', 'const b = 2')));
    await share(id, 'ben', 'editor');
    const [mine, theirs] = await Promise.all([open(ben, id), open(ana, id)]);
    await step(mine, 'merge-clean', async () => {
      await typeCode(theirs, 'a', 'const a = "ana was here"');
      await theirs.keyboard.press('Control+S');
      await saved(theirs);
      await typeCode(mine, 'b', 'const b = "ben was here"');
      await mine.keyboard.press('Control+S');
      const dialog = mine.locator('.merge-dialog');
      await waitForText(dialog.locator('.merge-summary'), 'ana saved this notebook since you opened it; their changes to 1 cell were merged with yours.');
      await dialog.locator('.merge-save').click();
      await saved(mine);
      const now = await sourceOf(id);
      expect(now.version).toBe(3);
      expect(now.source).toContain('const a = "ana was here"');
      expect(now.source).toContain('const b = "ben was here"');
      // The editor shows the merged notebook, and runs it.
      await waitForText(cell(mine, 'a').locator('.view-lines'), 'ana was here');
      await waitForText(cell(mine, 'a').locator('.outputs'), 'ana was here');
      expect(await mine.locator('.dirty').isHidden()).toBe(true);
      // Saving again goes over the merged version, no dialog.
      await typeCode(mine, 'b', 'const b = "again"');
      await mine.keyboard.press('Control+S');
      await saved(mine);
      expect((await sourceOf(id)).version).toBe(4);
    });
  }, 90_000);

  it('asks which version to keep when both changed the same cell; Cancel saves nothing', async () => {
    const id = await create(ana, 'Conflict', notebook('Conflict', fence('a', 'const a = 1'), fence('b', 'const b = 2')));
    await share(id, 'ben', 'editor');
    const [mine, theirs] = await Promise.all([open(ben, id), open(ana, id)]);
    await step(mine, 'merge-conflict', async () => {
      await typeCode(theirs, 'a', 'const a = "ana"');
      await theirs.keyboard.press('Control+S');
      await saved(theirs);
      await typeCode(mine, 'a', 'const a = "ben"');
      await typeCode(mine, 'b', 'const b = "only ben changed b"');
      await mine.keyboard.press('Control+S');
      const conflict = mine.locator('.merge-dialog .merge-conflict[data-key="a"]');
      await waitForText(conflict.locator('.merge-mine pre'), 'const a = "ben"');
      await waitForText(conflict.locator('.merge-theirs pre'), 'const a = "ana"');
      await waitForText(conflict.locator('.merge-base pre'), 'const a = 1');
      expect(await mine.locator('.merge-dialog .merge-conflict').count()).toBe(1);
      expect(await mine.locator('.merge-dialog .merge-save').isDisabled()).toBe(true);
      // Cancel: nothing saved, the editor keeps its text.
      await mine.locator('.merge-dialog .merge-cancel').click();
      await mine.locator('.merge-dialog').waitFor({ state: 'detached' });
      expect((await sourceOf(id)).version).toBe(2);
      expect((await sourceOf(id)).source).not.toContain('ben');
      await mine.locator('.dirty:not([hidden])').waitFor();
      await waitForText(cell(mine, 'a').locator('.view-lines'), 'const a = "ben"');
      // Save again: the same choice; keep theirs for a (b merges without conflict).
      await saveWithCtrlS(mine, 'b');
      await mine.locator('.merge-dialog .merge-conflict[data-key="a"] .merge-theirs input').check();
      await mine.locator('.merge-dialog .merge-save:not([disabled])').click();
      await saved(mine);
      const now = await sourceOf(id);
      expect(now.version).toBe(3);
      expect(now.source).toContain('const a = "ana"');
      expect(now.source).not.toContain('const a = "ben"');
      expect(now.source).toContain('const b = "only ben changed b"');
      await waitForText(cell(mine, 'a').locator('.view-lines'), 'const a = "ana"');
    });
  }, 90_000);

  it('shows the history, diffs two versions cell by cell and restores one; viewers cannot restore', async () => {
    const v1 = notebook('History', fence('a', 'const a = 1'), fence('b', 'const b = a + 1'));
    const id = await create(ana, 'History', v1);
    const v2 = v1 + '\n' + fence('c', 'const c = "new cell"');
    expect((await ana.api('PUT', `/api/notebooks/${id}`, { source: v2 }, { 'if-match': '"1"' })).status).toBe(200);
    const v3 = v2.replace('const a = 1', 'const a = 100');
    expect((await ana.api('PUT', `/api/notebooks/${id}`, { source: v3 }, { 'if-match': '"2"' })).status).toBe(200);
    const page = await open(ana, id);
    await step(page, 'history', async () => {
      await waitForText(cell(page, 'b').locator('.outputs'), '101');
      await page.locator('button.history').click();
      const dialog = page.locator('.history-dialog');
      await dialog.locator('.revision[data-version="1"]').waitFor();
      expect(await dialog.locator('.revision').count()).toBe(3);
      await waitForText(dialog.locator('.revision[data-version="2"] .revision-meta'), 'ana');
      await dialog.locator('.diff-from').selectOption('1');
      await dialog.locator('.diff-to').selectOption('3');
      await dialog.locator('.diff-show').click();
      const changed = dialog.locator('.diff-change[data-key="a"][data-status="changed"]');
      await waitForText(changed.locator('.diff-before'), 'const a = 1');
      await waitForText(changed.locator('.diff-after'), 'const a = 100');
      await waitForText(dialog.locator('.diff-change[data-key="c"][data-status="added"] .diff-after'), 'new cell');
      expect(await dialog.locator('.diff-change[data-key="b"]').count()).toBe(0);
      // View version 1, restore it: a new version 4 with version 1's text, shown in the editor.
      await dialog.locator('.revision[data-version="1"] .revision-view').click();
      await waitForText(dialog.locator('.revision-source[data-version="1"]'), 'const a = 1');
      await dialog.locator('.revision-restore').click();
      await dialog.waitFor({ state: 'detached' });
      await waitForText(cell(page, 'a').locator('.view-lines'), 'const a = 1');
      await cell(page, 'c').waitFor({ state: 'detached' });
      await waitForText(cell(page, 'b').locator('.outputs'), '2');
      const now = await sourceOf(id);
      expect(now.version).toBe(4);
      expect(now.source).toBe(v1);
      // The editor is at version 4: a save goes straight through.
      await typeCode(page, 'a', 'const a = 5');
      await page.keyboard.press('Control+S');
      await saved(page);
      expect((await sourceOf(id)).version).toBe(5);
    });

    await share(id, 'ben', 'viewer');
    const viewer = await open(ben, id);
    await step(viewer, 'history-viewer', async () => {
      await viewer.locator('button.history').click();
      const dialog = viewer.locator('.history-dialog');
      await dialog.locator('.revision[data-version="2"] .revision-view').click();
      await waitForText(dialog.locator('.revision-source[data-version="2"]'), 'new cell');
      expect(await dialog.locator('.revision-restore').count()).toBe(0);
      expect((await ben.api('POST', `/api/notebooks/${id}/revisions/2/restore`)).status).toBe(403);
    });
  }, 90_000);

  it('deletes a notebook to the trash (owner only) and restores it', async () => {
    const id = await create(ana, 'Short-lived', notebook('Short-lived', fence('a', 'const a = 1')));
    await share(id, 'ben', 'editor');
    const editor = await open(ben, id);
    expect(await editor.locator('button.delete-notebook').isHidden()).toBe(true);
    const page = await open(ana, id);
    await step(page, 'trash', async () => {
      await page.locator('button.delete-notebook').click();
      await page.locator('.confirm-dialog .modal-ok').click();
      await page.locator(`.trash [data-notebook="${id}"]`).waitFor();
      expect(new URL(page.url()).hash).toBe('#/');
      expect(await page.locator(`.my-notebooks [data-notebook="${id}"]`).count()).toBe(0);
      expect((await ana.api('GET', `/api/notebooks/${id}`)).status).toBe(404);
      expect((await ben.api('GET', '/api/trash')).body.map((n: { id: string }) => n.id)).not.toContain(id);
      await page.locator(`.trash [data-notebook="${id}"] .restore`).click();
      await page.locator(`.my-notebooks [data-notebook="${id}"]`).waitFor();
      await page.locator(`.trash [data-notebook="${id}"]`).waitFor({ state: 'detached' });
      expect((await ana.api('GET', `/api/notebooks/${id}`)).body.source).toContain('const a = 1');
    });
  }, 60_000);

  it('keeps unsaved text when the session ends (signed out elsewhere, or the token revoked) and offers it back after sign-in', async () => {
    const id = await create(ana, 'Unsaved', notebook('Unsaved', fence('a', 'const a = 1'), fence('b', 'const b = 2')));
    await share(id, 'ben', 'editor');
    const page = await open(ben, id);
    await step(page, 'session-ends', async () => {
      await typeCode(page, 'a', 'const a = "typed before the session ended"');
      // The session ends behind the page's back.
      expect(await page.evaluate(() => fetch('/api/session', { method: 'DELETE' }).then((r) => r.status))).toBe(204);
      await page.keyboard.press('Control+S');
      await waitForText(page.locator('.signin-page .signin-notice'), 'session has ended');
      expect((await sourceOf(id)).version).toBe(1);
      await page.locator('.signin-token').fill(ben.token);
      await page.locator('.signin-submit').click();
      // Back in the editor: the unsaved text is offered back, and saves.
      await page.locator('.draft-banner .draft-restore').click();
      await waitForText(cell(page, 'a').locator('.view-lines'), 'typed before the session ended');
      await page.locator('.dirty:not([hidden])').waitFor();
      await saveWithCtrlS(page, 'a');
      await saved(page);
      expect((await sourceOf(id)).source).toContain('const a = "typed before the session ended"');
    });

    // A second token of ben's, signed in in another browser, then revoked through the API.
    const { body: extra } = await ben.api('POST', '/api/tokens', { label: 'laptop' });
    const laptop = await signedInContext(browser, server.url, extra.token);
    const other = await laptop.newPage();
    await other.goto(`${server.url}/#/notebook/${id}`);
    await other.locator('.cells').waitFor();
    await step(other, 'token-revoked', async () => {
      await typeCode(other, 'b', 'const b = "typed on the laptop"');
      expect((await ben.api('DELETE', `/api/tokens/${extra.id}`)).status).toBe(204);
      // Someone saves meanwhile: the restored draft then merges on save.
      const current = await sourceOf(id);
      expect((await ana.api('PUT', `/api/notebooks/${id}`, { source: current.source.replace('const a = "typed before the session ended"', 'const a = "ana meanwhile"') }, { 'if-match': `"${current.version}"` })).status).toBe(200);
      await saveWithCtrlS(other, 'b');
      await other.locator('.signin-page').waitFor();
      await other.reload();
      await other.locator('.signin-token').fill(ben.token);
      await other.locator('.signin-submit').click();
      await waitForText(other.locator('.draft-banner'), 'saving will merge them');
      await other.locator('.draft-banner .draft-restore').click();
      await waitForText(cell(other, 'b').locator('.view-lines'), 'typed on the laptop');
      await saveWithCtrlS(other, 'b');
      await waitForText(other.locator('.merge-dialog .merge-summary'), 'ana saved this notebook since you opened it');
      await other.locator('.merge-dialog .merge-save').click();
      await saved(other);
      const now = (await sourceOf(id)).source;
      expect(now).toContain('const a = "ana meanwhile"');
      expect(now).toContain('const b = "typed on the laptop"');
      // Saved: nothing is offered any more.
      await other.reload();
      await other.locator('.cells').waitFor();
      expect(await other.locator('.draft-banner').count()).toBe(0);
    });
    await laptop.close();
  }, 120_000);

  // Last: the limiter shuts 127.0.0.1 out of sign-ins (and Bearer calls) for a while.
  it('says so when there were too many failed sign-ins', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await step(page, 'rate-limit', async () => {
      await page.goto(`${server.url}/#/`);
      await page.locator('.signin-token').waitFor();
      for (let i = 0; i < 20; i++) {
        const status = await page.evaluate(() => fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'lb_wrong' }) }).then((r) => r.status));
        if (status === 429) break;
        expect(status).toBe(401);
      }
      await page.locator('.signin-token').fill(`lb_${'y'.repeat(43)}`);
      await page.locator('.signin-submit').click();
      await waitForText(page.locator('.signin-error'), /Too many failed sign-ins.*try again in \d+ s/);
    });
    await context.close();
  }, 60_000);
});
