import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize.js';
import { activeParts, XSS_PAYLOADS } from '../../tests/security/xss-payloads.js';

describe('sanitizeHtml (reports)', () => {
  it('keeps prose, tables, links and SVG charts', () => {
    const out = sanitizeHtml('<p>hi <a href="https://ok">b</a></p><table><tr><td>1</td></tr></table><svg viewBox="0 0 1 1"><circle r="1"></circle></svg>');
    expect(out).toBe('<p>hi <a href="https://ok">b</a></p><table><tbody><tr><td>1</td></tr></tbody></table><svg viewBox="0 0 1 1"><circle r="1"></circle></svg>');
  });

  it.each(XSS_PAYLOADS)('leaves nothing that runs or restyles: %s', (payload) => {
    expect(activeParts(payload)).not.toEqual([]);
    expect(activeParts(sanitizeHtml(payload))).toEqual([]);
  });

  it('drops link targets, so a linked page gets no handle on the report', () => {
    expect(sanitizeHtml('<a href="https://x" target="_blank">x</a>')).toBe('<a href="https://x">x</a>');
  });
});

