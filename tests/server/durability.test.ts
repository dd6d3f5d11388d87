// An acknowledged save survives kill -9 of the server at any moment: the real server in a child
// process, writers saving as fast as it answers, SIGKILL at a random moment, then every save the
// server acknowledged must be in the database exactly as it was sent — over several rounds on the
// same data directory, so each round also starts from a crash-recovered database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../server/storage/storage.js';

const BIN = fileURLToPath(new URL('../../bin/liftbook.js', import.meta.url));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Ack { id: string; version: number; source: string }

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LIFTBOOK_DEBUG: '' } });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const url = /workbench at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

/** Saves one notebook over and over, each save based on the last acknowledged version. */
async function writer(url: string, token: string, id: string, start: number, acks: Ack[], stop: { now: boolean }, tag: string): Promise<void> {
  let version = start;
  for (let i = 0; !stop.now; i++) {
    // Sizes vary so some saves span several pages of the database.
    const source = `---\ntitle: ${id}\n---\n# ${tag} save ${i}\n\n\`\`\`js id=a\nconst x = ${JSON.stringify('x'.repeat((i * 997) % 9000))}\n\`\`\`\n`;
    try {
      const res = await fetch(`${url}/api/notebooks/${id}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
        body: JSON.stringify({ source }),
      });
      if (res.status === 200) {
        const saved = (await res.json()) as { version: number; source: string };
        acks.push({ id, version: saved.version, source });
        version = saved.version;
      } else if (res.status === 412) {
        version = ((await res.json()) as { version: number }).version;
      } else throw new Error(`unexpected ${res.status}: ${await res.text()}`);
    } catch (error) {
      if ((error as Error).message.startsWith('unexpected')) throw error;
      return; // the server is gone
    }
  }
}

describe('durability', () => {
  it('keeps every acknowledged save across kill -9 of the server mid-load, round after round', async () => {
    const setup = openStorage(dataDir);
    const { token } = setup.users.add('writer', 'member');
    const ids = ['one', 'two', 'three'];
    for (const id of ids) setup.notebooks.create({ id, source: `# ${id}\n`, owner: 'writer' });
    setup.close();
    const acks: Ack[] = [];
    for (let round = 0; round < 3; round++) {
      const { child, url } = await startServer();
      const check = openStorage(dataDir);
      const versions = Object.fromEntries(ids.map((id) => [id, check.notebooks.get(id)!.version]));
      check.close();
      const stop = { now: false };
      // Two writers per notebook race on the same versions, so conflicts (412) happen under load too.
      const writers = ids.flatMap((id) => [writer(url, token, id, versions[id]!, acks, stop, `r${round}a`), writer(url, token, id, versions[id]!, acks, stop, `r${round}b`)]);
      const before = acks.length;
      // Kill mid-load: once saves are flowing (a busy machine may take a while to get there), at a random moment.
      for (const deadline = Date.now() + 60_000; acks.length - before < 10 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      stop.now = true;
      await Promise.all(writers);
      expect(acks.length - before, `round ${round}: the server acknowledged some saves before it was killed`).toBeGreaterThan(5);

      const db = new Database(path.join(dataDir, 'liftbook.db'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const revision = db.prepare('SELECT source FROM revisions WHERE notebook_id = ? AND version = ?').pluck();
      for (const ack of acks) expect(revision.get(ack.id, ack.version), `${ack.id} v${ack.version}`).toBe(ack.source);
      for (const id of ids) {
        const current = db.prepare('SELECT n.version, r.source FROM notebooks n JOIN revisions r ON r.notebook_id = n.id AND r.version = n.version WHERE n.id = ?').get(id) as { version: number; source: string };
        const acknowledged = Math.max(...acks.filter((a) => a.id === id).map((a) => a.version), 1);
        expect(current.version).toBeGreaterThanOrEqual(acknowledged);
        // The notebook row and its newest revision were written in one transaction: the row's version is a stored revision.
        expect(current, `${id} points at a stored revision`).toBeDefined();
        const numbered = db.prepare('SELECT version FROM revisions WHERE notebook_id = ? ORDER BY version').pluck().all(id) as number[];
        expect(numbered).toEqual(Array.from({ length: current.version }, (_, i) => i + 1));
      }
      db.close();
    }
  }, 240_000);
});
