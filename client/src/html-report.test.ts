// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../notebook/format.js';
import { REPORT_CSP } from '../../notebook/sanitize-html.js';
import { activeParts, XSS_PAYLOADS } from '../../tests/security/xss-payloads.js';
import type { CellUiState } from './cell-status.js';
import { htmlReport } from './html-report.js';

describe('the ⤓ Report download', () => {
  it('keeps no active markup from prose or a cell\'s HTML output, under a no-script, no-network CSP', () => {
    const doc = parseNotebook(['---', 'title: Hostile', '---', ...XSS_PAYLOADS.map((p) => `Prose ${p} end.\n`), '```js id=shown', 'display(x)', '```'].join('\n'));
    const states = new Map([['shown', { displays: XSS_PAYLOADS.map((html) => ({ kind: 'html', html })) } as unknown as CellUiState]]);
    const report = htmlReport(doc, 'Hostile', states);
    const page = new DOMParser().parseFromString(report, 'text/html');
    expect(page.head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(REPORT_CSP);
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(page.body.querySelectorAll('.html')).toHaveLength(XSS_PAYLOADS.length);
    expect(activeParts(page.body.innerHTML)).toEqual([]);
  });
});
