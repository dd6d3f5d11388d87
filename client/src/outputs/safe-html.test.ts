// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { activeParts, XSS_PAYLOADS } from '../../../tests/security/xss-payloads.js';
import { safeHtml, safeHtmlText } from './safe-html.js';

const html = (fragment: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(fragment);
  return div.innerHTML;
};

describe('the workbench sanitizer', () => {
  it.each(XSS_PAYLOADS)('leaves nothing that runs, restyles the app or posts: %s', (payload) => {
    expect(activeParts(html(safeHtml(payload)))).toEqual([]);
    expect(activeParts(safeHtmlText(payload))).toEqual([]);
  });

  it('drops <style>, <form>, <animate> and <set> but keeps tables, SVG and links', () => {
    const out = html(safeHtml('<style>*{color:red}</style><form><input></form><svg><animate attributeName="x"/><set attributeName="y"/><circle r="1"></circle></svg><table><tr><td><a href="https://x">x</a></td></tr></table>'));
    expect(out).toBe('<svg><circle r="1"></circle></svg><table><tbody><tr><td><a href="https://x">x</a></td></tr></tbody></table>');
  });
});
