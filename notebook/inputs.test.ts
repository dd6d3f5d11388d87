import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { createInputStore, Inputs, MAX_INPUT_ROWS, viewBuiltin, type CellInput } from './inputs.js';
import type { FromWorker } from './protocol.js';
import { summarizeValue } from './summarize.js';
import { createWorkerSession } from './worker-session.js';

type Status = Extract<FromWorker, { type: 'cell-status' }>;

/** The value an input gives for a raw value from the page (checked as the store checks it). */
const valueFor = (input: CellInput, raw: unknown) => input.value(input.normalize(raw)!);

describe('Inputs (descriptions made in the sandbox)', () => {
  it('range: snaps to the step from min, clamps, starts at the middle when no value is given', () => {
    const n = Inputs.range([1, 10], { step: 1, value: 3, label: 'Weeks' });
    expect(n.spec).toEqual({ type: 'range', label: 'Weeks', min: 1, max: 10, step: 1 });
    expect(n.initial).toBe(3);
    expect(n.normalize(7.4)).toBe(7);
    expect(n.normalize(99)).toBe(10);
    expect(n.normalize('7')).toBeUndefined();
    expect(Inputs.range([0, 1], { step: 0.1 }).normalize(0.33)).toBe(0.3);
    expect(Inputs.range([0, 100]).initial).toBe(50);
    expect(Inputs.range([0, 10], { step: 3 }).normalize(10)).toBe(9);
  });

  it('number: optional extent, empty is undefined', () => {
    const n = Inputs.number({ label: 'Seed' });
    expect(n.spec).toEqual({ type: 'number', label: 'Seed' });
    expect(n.initial).toBeNull();
    expect(n.value(null)).toBeUndefined();
    expect(Inputs.number([0, 5], { value: 9 }).initial).toBe(5);
  });

  it('select and radio: choices cross as labels, the value comes back by index (objects and Dates too)', () => {
    const arms = [{ name: 'control' }, { name: 'email' }];
    const s = Inputs.select(arms, { format: (d: { name: string }) => d.name, value: arms[1], label: 'Arm' });
    expect(s.spec).toEqual({ type: 'select', label: 'Arm', choices: ['control', 'email'], multiple: false });
    expect(s.initial).toBe(1);
    expect(s.value(0)).toBe(arms[0]);
    expect(Inputs.select(['a', 'b']).initial).toBe(0);
    expect(Inputs.select(new Map([['One', 1], ['Two', 2]])).value(1)).toBe(2);
    const r = Inputs.radio(['a', 'b']);
    expect(r.initial).toBeNull();
    expect(r.value(null)).toBeNull();
    expect(r.normalize(2)).toBeUndefined();
    const multi = Inputs.select([1, 2, 3], { multiple: true, value: [3, 1] });
    expect(multi.initial).toEqual([0, 2]);
    expect(multi.summary().text).toBe('1, 3');
    expect(Inputs.select([new Date('2024-01-01')], { value: new Date('2024-01-01') }).spec).toMatchObject({ choices: ['2024-01-01'] });
  });

  it('checkbox: indices, sorted and unique; valueof maps them', () => {
    const c = Inputs.checkbox(['converted', 'revenue', 'orders'], { value: ['orders'], valueof: (d: string) => d.toUpperCase() });
    expect(c.initial).toEqual([]);
    const plain = Inputs.checkbox(['converted', 'revenue', 'orders'], { value: ['orders', 'converted'] });
    expect(plain.initial).toEqual([0, 2]);
    expect(valueFor(c, [2, 0, 2])).toEqual(['CONVERTED', 'ORDERS']);
    expect(c.normalize([5])).toBeUndefined();
  });

  it('text, toggle, date, color', () => {
    expect(Inputs.text({ placeholder: 'Segment' }).initial).toBe('');
    expect(valueFor(Inputs.text(), 'vip')).toBe('vip');
    const t = Inputs.toggle({ label: 'Log scale', values: ['log', 'linear'] });
    expect([t.initial, t.value(true), t.value(false)]).toEqual([false, 'log', 'linear']);
    const d = Inputs.date({ value: '2024-03-01', min: new Date('2024-01-01') });
    expect(d.spec).toEqual({ type: 'date', min: '2024-01-01' });
    expect(d.value(d.initial)).toEqual(new Date('2024-03-01T00:00:00Z'));
    expect(d.normalize('2024-02-30')).toBeUndefined();
    expect(d.normalize(null)).toBeNull();
    expect(Inputs.color({ value: '#4269D0' }).initial).toBe('#4269d0');
  });

  it('search: filters like Observable Inputs (word starts, every term) and returns the rows', () => {
    const rows = [{ city: 'New York', n: 1 }, { city: 'York', n: 2 }, { city: 'Newark', n: 3 }];
    const s = Inputs.search(rows, { placeholder: 'City' });
    expect(s.spec).toMatchObject({ type: 'search', rows });
    expect(s.value('york')).toEqual([rows[0], rows[1]]);
    expect(s.value('new york')).toEqual([rows[0]]);
    expect(s.value('ork')).toEqual([]);
    expect(s.value('')).toEqual(rows);
    expect(s.summary('york').text).toBe('"york": 2 of 3 rows');
  });

  it('table: rows cross JSON-safe, the selection comes back as indices; none selected means all rows', () => {
    const rows = [{ arm: 'a', day: new Date('2024-01-01T00:00:00Z') }, { arm: 'b', day: new Date('2024-01-02T00:00:00Z') }];
    const t = Inputs.table(rows, { sort: 'arm' });
    expect(t.spec).toMatchObject({ type: 'table', columns: ['arm', 'day'], rows: [{ arm: 'a', day: '2024-01-01T00:00:00.000Z' }, { arm: 'b', day: '2024-01-02T00:00:00.000Z' }], dateColumns: ['day'] });
    expect(t.value([])).toEqual(rows);
    expect(valueFor(t, [1])).toEqual([rows[1]]);
    expect(Inputs.table(rows, { required: false }).value([])).toEqual([]);
    expect(Inputs.table(rows, { multiple: false }).normalize([0, 1])).toBeUndefined();
    expect(Inputs.table(rows, { multiple: false }).value([1])).toBe(rows[1]);
    expect(Inputs.table(rows, { value: [rows[1]] }).initial).toEqual([1]);
  });

  it('table and search of an Arquero table give Arquero tables back (filters and orders respected)', () => {
    const data = aq.table({ arm: ['a', 'b', 'c'], n: [1, 2, 3] }).orderby(aq.desc('n'));
    const t = Inputs.table(data);
    expect(t.spec).toMatchObject({ columns: ['arm', 'n'], rows: [{ arm: 'c', n: 3 }, { arm: 'b', n: 2 }, { arm: 'a', n: 1 }] });
    const picked = t.value([0]) as aq.ColumnTable;
    expect(picked.objects()).toEqual([{ arm: 'c', n: 3 }]);
    expect((Inputs.search(data).value('b') as aq.ColumnTable).objects()).toEqual([{ arm: 'b', n: 2 }]);
  });

  it('refuses what cannot cross to the page, naming the option and the fix', () => {
    expect(() => Inputs.range([0, 1], { transform: Math.log })).toThrow(/Inputs.range: option "transform" is not supported here.*Supported: label, value, step/);
    expect(() => Inputs.range([5, 1])).toThrow(/min \(5\) is above its max \(1\)/);
    expect(() => Inputs.range(['a', 1])).toThrow(/min \(extent\[0\]\) must be a finite number, got string "a"/);
    expect(() => Inputs.select(5)).toThrow(/Inputs.select: the data must be an array/);
    expect(() => Inputs.select(['a'], { format: () => ({}) })).toThrow(/format must return text; for option 0 it returned an object/);
    expect(() => Inputs.table([1, 2])).toThrow(/Inputs.table: the data must be a table or an array of row objects/);
    expect(() => Inputs.table([{ a: 1 }], { sort: 'b' })).toThrow(/sort names no column: "b" \(columns: a\)/);
    expect(() => Inputs.table(Array.from({ length: MAX_INPUT_ROWS + 1 }, (_, i) => ({ i })))).toThrow(/10,001 rows are more than an input carries/);
    expect(() => Inputs.text('x')).toThrow(/options must be an object/);
  });

  it('summarizes as a JSON-safe description, value and text', () => {
    const summary = summarizeValue(Inputs.radio(['a', 'b'], { value: 'b', label: 'Arm' }));
    expect(summary).toMatchObject({ kind: 'input', input: { type: 'radio', choices: ['a', 'b'], label: 'Arm' }, value: 1, text: 'b' });
    expect(summary).not.toHaveProperty('key');
    expect(structuredClone(summary)).toEqual(summary);
  });
});

describe('view and the input store', () => {
  const run = (store: ReturnType<typeof createInputStore>, cellId: string, make: () => CellInput[]) => {
    const shown: unknown[] = [];
    const view = viewBuiltin(store)({ cellId, display: (v) => shown.push(summarizeValue(v)) });
    return { values: make().map((input) => view(input)), shown };
  };

  it('returns the initial value, then what the reader set; a changed input starts afresh', () => {
    const store = createInputStore();
    expect(run(store, 'c', () => [Inputs.range([1, 10], { step: 1, value: 3 })]).values).toEqual([3]);
    expect(store.set('c', '0', 8)).toBe(true);
    expect(store.set('c', '0', 8)).toBe(false);
    expect(store.set('c', '0', 'eight')).toBe(false);
    const again = run(store, 'c', () => [Inputs.range([1, 10], { step: 1, value: 3 })]);
    expect(again.values).toEqual([8]);
    expect(again.shown).toEqual([expect.objectContaining({ kind: 'input', key: '0', value: 8, text: '8' })]);
    // The code now says value: 5: the input is a new one.
    expect(run(store, 'c', () => [Inputs.range([1, 10], { step: 1, value: 5 })]).values).toEqual([5]);
  });

  it('keys inputs by their order in the cell; a value sent before the cell ran waits for it', () => {
    const store = createInputStore();
    expect(store.set('c', '1', 'b')).toBe(false);
    const { values } = run(store, 'c', () => [Inputs.text({ value: 'x' }), Inputs.text({ value: 'y' })]);
    expect(values).toEqual(['x', 'b']);
    store.forget('c');
    expect(run(store, 'c', () => [Inputs.text({ value: 'x' }), Inputs.text({ value: 'y' })]).values).toEqual(['x', 'y']);
  });

  it('says what view() takes when given something else', () => {
    const view = viewBuiltin(createInputStore())({ cellId: 'c', display: () => {} });
    expect(() => view(42)).toThrow(/view\(\) takes an input made by Inputs .* got number 42/);
    expect(() => view({ outerHTML: '<input>' })).toThrow(/an element made in the cell, which cannot become a live input/);
  });
});

describe('inputs through the worker session', () => {
  it('set-input re-runs the cell that viewed the input and its dependents, not others', async () => {
    const posted: FromWorker[] = [];
    const session = createWorkerSession({ post: (m) => posted.push(m), builtins: { aq } });
    const last = (id: string) => posted.filter((m): m is Status => m.type === 'cell-status' && m.id === id && m.status === 'done').at(-1);
    session.handle({ type: 'set-notebook', cells: [
      { id: 'pick', code: 'const n = view(Inputs.range([1, 10], { step: 1, value: 3 }))' },
      { id: 'twice', code: 'n * 2' },
      { id: 'other', code: 'const k = 1' },
      { id: 'more', code: 'const on = view(Inputs.toggle())\nconst note = "set"' },
    ] });
    await session.runtime.idle();
    // The input shows the value: the cell shows nothing else, unless it has more to say.
    expect(last('pick')?.value).toEqual({ kind: 'undefined' });
    expect(last('more')?.value).toMatchObject({ kind: 'declared', values: [{ name: 'on' }, { name: 'note' }] });
    expect(last('pick')?.displays).toEqual([expect.objectContaining({ kind: 'input', key: '0', value: 3, input: { type: 'range', min: 1, max: 10, step: 1 } })]);
    expect(last('twice')?.value).toEqual({ kind: 'json', json: 6 });
    const otherVersion = last('other')!.version;
    session.handle({ type: 'set-input', id: 'pick', key: '0', value: 7 });
    await session.runtime.idle();
    expect(last('twice')?.value).toEqual({ kind: 'json', json: 14 });
    expect(last('pick')?.displays?.[0]).toMatchObject({ value: 7, text: '7' });
    expect(last('other')!.version).toBe(otherVersion);
    // A value the input cannot take changes nothing.
    const before = posted.length;
    session.handle({ type: 'set-input', id: 'pick', key: '0', value: 'seven' });
    await session.runtime.idle();
    expect(posted.slice(before).filter((m) => m.type === 'cell-status')).toEqual([]);
  });
});
