import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateShop } from '../../datasets/shop/index.js';
import { readTableFile } from '../../server/io/read-table.js';
import { rowsToTable } from '../../server/io/read-json.js';
import { liftbook, ROOT, SPAWN_TIMEOUT } from './spawn-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftbook-gen-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('liftbook generate', () => {
  it('writes every table of the seeded shop and truth.json; files read back to the generator\'s rows', async () => {
    const out = path.join(dir, 'shop');
    const [ok, bad] = await Promise.all([
      liftbook(['generate', '--out', out, '--seed', '5', '--customers', '150']),
      liftbook(['generate', '--customers', 'many']),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('');
    const shop = generateShop({ seed: 5, customers: 150 });
    const files = await readdir(out);
    expect(files.sort()).toEqual([...Object.keys(shop.tables).map((t) => `${t}.csv`), 'truth.json'].sort());
    expect(JSON.parse(await readFile(path.join(out, 'truth.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(shop.truth)));
    for (const name of ['units', 'orders', 'reviews']) {
      const fromFile = await readTableFile(path.join(out, `${name}.csv`));
      expect(fromFile.objects(), name).toEqual(rowsToTable(shop.tables[name], name).objects());
    }
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--customers must be a whole number/);
  }, SPAWN_TIMEOUT);
});

describe('liftbook serve', () => {
  it('serves the workbench API to the admin of its sign-in link until Ctrl-C, then exits 0', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/liftbook.js'), 'serve', '--port', '0', '--data', path.join(dir, 'data')], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const [url, token] = await new Promise<[string, string]>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        const match = /sign in as admin .*: (http:\/\/[\d.]+:\d+)\/#\/signin\?token=(lb_[\w-]+)/.exec(stdout);
        if (match) resolve([match[1]!, match[2]!]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    expect((await fetch(`${url}/api/recipes`)).status).toBe(401);
    const recipes = (await (await fetch(`${url}/api/recipes`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { id: string }[];
    expect(recipes.map((r) => r.id)).toContain('lift');
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
  }, SPAWN_TIMEOUT);
});
