import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize.js';
import { escapeHtml, formatValue } from './format-value.js';
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

describe('formatValue and escapeHtml', () => {
  it('formats numbers to 4 significant digits, dates as ISO, null as blank', () => {
    expect(formatValue(0.0123456)).toBe('0.01235');
    expect(formatValue(12345.678)).toBe('12350');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(1e-7)).toBe('1.000e-7');
    expect(formatValue(null)).toBe('');
    expect(formatValue(new Date(Date.UTC(2025, 0, 1)))).toBe('2025-01-01');
    expect(formatValue(new Date(Date.UTC(2025, 0, 1, 5)))).toBe('2025-01-01T05:00:00.000Z');
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
