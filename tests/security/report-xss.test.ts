import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPORT_CSP } from '../../notebook/sanitize-html.js';
import { liftbook, SPAWN_TIMEOUT } from '../cli/spawn-cli.js';
import { activeParts, XSS_PAYLOADS } from './xss-payloads.js';

// `liftbook run x.md --html r.html` on a notebook whose prose and cell output (display of an
// object with outerHTML, and a returned one) carry every payload: nothing in the report may run.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftbook-xss-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI report', () => {
  it('keeps no active markup from prose, display({outerHTML}) or a returned element, under a no-script, no-network CSP', async () => {
    const notebook = [
      '---',
      'title: Hostile',
      '---',
      ...XSS_PAYLOADS.map((p) => `Prose ${p} end.\n`),
      '```js id=shown',
      `const payloads = ${JSON.stringify(XSS_PAYLOADS)}`,
      'for (const outerHTML of payloads) display({ outerHTML })',
      '```',
      '',
      '```js id=returned',
      `const returned = { outerHTML: ${JSON.stringify(XSS_PAYLOADS.join(''))} }`,
      '```',
    ].join('\n');
    await writeFile(path.join(dir, 'hostile.md'), notebook);
    const r = await liftbook(['run', path.join(dir, 'hostile.md'), '--html', path.join(dir, 'hostile.html')]);
    expect(r.code).toBe(0);
    const report = await readFile(path.join(dir, 'hostile.html'), 'utf8');
    const { document } = new JSDOM(report, { virtualConsole: new VirtualConsole() }).window;
    const csp = document.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe(REPORT_CSP);
    expect(document.head.querySelectorAll('script')).toHaveLength(0);
    expect(document.body.querySelectorAll('.html-output')).toHaveLength(XSS_PAYLOADS.length + 1);
    expect(activeParts(document.body.innerHTML)).toEqual([]);
    expect(document.body.textContent).toContain('restyled');
  }, SPAWN_TIMEOUT);
});
