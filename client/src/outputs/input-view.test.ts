// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { Inputs } from '../../../notebook/inputs.js';
import type { InputRaw } from '../../../notebook/input-spec.js';
import { cellInputs } from '../cells/cell-inputs.js';
import { cleanSpec, drawInput } from './input-view.js';
import { paramInput, paramValue } from '../editor/params-bar.js';

/** Draws a description, records what the page would send back. */
function drawn(summary: ReturnType<ReturnType<typeof Inputs.range>['summary']>) {
  const sent: InputRaw[] = [];
  const el = drawInput(summary.input, summary.value, (raw) => sent.push(raw));
  document.body.append(el);
  const change = (selector: string, set: (input: HTMLInputElement & HTMLSelectElement) => void) => {
    const input = el.querySelector(selector) as HTMLInputElement & HTMLSelectElement;
    set(input);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { el, sent, change };
}

// jsdom's forms are proxies that refuse the `value` setter Observable Inputs' range, number, text,
// date and toggle call while they are built: those are covered in Chromium (tests/browser/inputs.test.ts).
describe('drawInput (the page draws a description with Observable Inputs)', () => {
  it('select, radio and checkbox: offer the formatted labels, send back indices', () => {
    const select = drawn(Inputs.select([{ n: 'control' }, { n: 'email' }], { format: (d: { n: string }) => d.n, value: undefined }).summary());
    expect([...select.el.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['control', 'email']);
    select.change('select', (s) => (s.value = '1'));
    expect(select.sent).toEqual([1]);
    const radio = drawn(Inputs.radio(['a', 'b', 'c'], { value: 'b' }).summary());
    expect((radio.el.querySelectorAll('input')[1] as HTMLInputElement).checked).toBe(true);
    radio.change('input[value="2"]', (i) => (i.checked = true));
    expect(radio.sent).toEqual([2]);
    const box = drawn(Inputs.checkbox(['x', 'y', 'z'], { value: ['z'] }).summary());
    box.change('input[value="0"]', (i) => (i.checked = true));
    expect(box.sent).toEqual([[0, 2]]);
  });

  it('search sends its query', () => {
    const search = drawn(Inputs.search([{ city: 'York' }, { city: 'Leeds' }]).summary());
    search.change('input', (i) => (i.value = 'leeds'));
    expect(search.sent).toEqual(['leeds']);
    expect(search.el.querySelector('output')?.textContent).toBe('1 result');
  });

  it('table: shows the rows, sends the selection back as indices', () => {
    const rows = [{ arm: 'a', n: 1 }, { arm: 'b', n: 2 }, { arm: 'c', n: 3 }];
    const { el, sent } = drawn(Inputs.table(rows, { value: [rows[2]] }).summary());
    expect([...el.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['a1', 'b2', 'c3']);
    expect((el.querySelectorAll('tbody input')[2] as HTMLInputElement).checked).toBe(true);
    (el.querySelector('tbody tr:nth-child(1) input') as HTMLInputElement).click();
    expect(sent).toEqual([[0, 2]]);
  });

  it('draws labels and choices as text, never as markup', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const { el } = drawn(Inputs.select([payload], { label: payload }).summary());
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('label')?.textContent).toBe(payload);
    expect(el.querySelector('option')?.textContent).toBe(payload);
  });
});

describe('cleanSpec (descriptions come from the sandbox, where cell code may post anything)', () => {
  it('keeps numbers, text and lists of text; drops the rest', () => {
    const forged = { type: 'select', label: { toString: 1 }, width: 'url(https://x)', choices: [1, '<b>'], size: 3, disabled: true } as never;
    expect(cleanSpec(forged)).toEqual({ type: 'select', choices: ['1', '<b>'], size: 3, disabled: true });
    expect(cleanSpec({ type: 'date', min: '2024-01-01', max: 'javascript:1' } as never)).toEqual({ type: 'date', min: '2024-01-01' });
    expect(cleanSpec({ type: 'table', columns: ['a'], rows: [{ a: 1 }], header: { a: 5 }, align: { a: 'evil' } } as never)).toEqual({ type: 'table', columns: ['a'], rows: [{ a: 1 }], header: { a: '5' } });
    expect(drawInput({ type: 'nonsense' } as never, null).textContent).toBe('an input this page cannot draw');
  });
});

describe('cellInputs', () => {
  it('keeps an unchanged input\'s element in place across runs and redraws a changed one', async () => {
    const sent: [string, InputRaw][] = [];
    const inputs = cellInputs((key, raw) => sent.push([key, raw]));
    document.body.append(inputs.el);
    const bound = (input: ReturnType<typeof Inputs.select>, raw: InputRaw) => ({ ...input.summary(raw, '0'), key: '0' });
    inputs.update([bound(Inputs.select(['a', 'b', 'c'], { value: 'a' }), 0)]);
    const first = inputs.el.querySelector('form')!;
    const select = first.querySelector('select')!;
    select.value = '2';
    select.dispatchEvent(new Event('input', { bubbles: true }));
    expect(sent).toEqual([['0', 2]]);
    // The cell re-ran with the reader's value: the same input, so the same element, not even re-inserted.
    let touched = 0;
    new MutationObserver((m) => (touched += m.length)).observe(inputs.el, { childList: true });
    inputs.update([bound(Inputs.select(['a', 'b', 'c'], { value: 'a' }), 2)]);
    expect(inputs.el.querySelector('form')).toBe(first);
    await new Promise((resolve) => setTimeout(resolve));
    expect(touched).toBe(0);
    // The code now says value: 'b': a new input, drawn with the sandbox's value.
    inputs.update([bound(Inputs.select(['a', 'b', 'c'], { value: 'b' }), 1)]);
    expect(inputs.el.querySelector('form')).not.toBe(first);
    expect(inputs.el.querySelector('select')!.value).toBe('1');
    inputs.update([]);
    expect(inputs.el.children).toHaveLength(0);
  });
});

describe('params as inputs', () => {
  it('maps each param type to an input and back', () => {
    const since = { name: 'since', type: 'date' as const, default: new Date('2024-01-01T00:00:00Z') };
    expect(paramInput(since, since.default)).toEqual({ spec: { type: 'date', label: 'since' }, raw: '2024-01-01' });
    expect(paramValue(since, '2024-02-01')).toEqual(new Date('2024-02-01T00:00:00Z'));
    expect(paramValue(since, null)).toBeUndefined();
    const seed = { name: 'seed', type: 'number' as const, default: 42 };
    expect(paramInput(seed, 7)).toEqual({ spec: { type: 'number', label: 'seed' }, raw: 7 });
    expect(paramValue(seed, null)).toBeUndefined();
    const flag = { name: 'log', type: 'boolean' as const, default: false };
    expect(paramInput(flag, true).spec.type).toBe('toggle');
    const json = { name: 'arms', type: 'json' as const, default: ['a'] };
    expect(paramInput(json, ['a', 'b']).raw).toBe('["a","b"]');
    expect(paramValue(json, '{"x":1}')).toEqual({ x: 1 });
    expect(paramValue(json, 'not json')).toBe('not json');
  });
});
