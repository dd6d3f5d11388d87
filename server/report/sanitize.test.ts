import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize.js';
import { escapeHtml, formatValue } from './format-value.js';

describe('sanitizeHtml', () => {
  it('removes scripts, handlers and javascript: links but keeps SVG and formatting', () => {
    const out = sanitizeHtml('<p onclick="x()">hi<script>alert(1)</script> <a href=" javascript:alert(1)">a</a> <a href="https://ok">b</a></p><svg viewBox="0 0 1 1"><circle r="1"></circle></svg><iframe src="x"></iframe>');
    expect(out).toBe('<p>hi <a>a</a> <a href="https://ok">b</a></p><svg viewBox="0 0 1 1"><circle r="1" /></svg>');
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
