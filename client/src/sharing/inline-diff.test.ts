import { describe, expect, it } from 'vitest';
import { inlineDiff, tokens, type Segment } from './inline-diff.js';

const text = (segments: Segment[]) => segments.map((s) => s.text).join('');
const marked = (segments: Segment[]) => segments.filter((s) => s.changed).map((s) => s.text);

describe('tokens', () => {
  it('splits words, spaces, line breaks and single other characters', () => {
    expect(tokens('a = b1 + 2')).toEqual(['a', ' ', '=', ' ', 'b1', ' ', '+', ' ', '2']);
    expect(tokens('x.y("é t")\r\n$z')).toEqual(['x', '.', 'y', '(', '"', 'é', ' ', 't', '"', ')', '\r\n', '$z']);
    expect(tokens('')).toEqual([]);
  });
});

describe('inlineDiff', () => {
  it('marks only the changed word inside a changed line', () => {
    const d = inlineDiff('const total = price * 2 + shipping', 'const total = price * 3 + shipping');
    expect(marked(d.before)).toEqual(['2']);
    expect(marked(d.after)).toEqual(['3']);
    expect(d.after).toEqual([{ text: 'const total = price * ', changed: false }, { text: '3', changed: true }, { text: ' + shipping', changed: false }]);
  });

  it('gives each side its text back exactly', () => {
    const before = 'a\nconst x = 1\r\nb\n';
    const after = 'a\nconst x = 10\r\nnew line\nb';
    const d = inlineDiff(before, after);
    expect(text(d.before)).toBe(before);
    expect(text(d.after)).toBe(after);
  });

  it('leaves unchanged lines unmarked and marks added and removed lines whole', () => {
    const d = inlineDiff('one\ntwo\nthree\n', 'one\nthree\nfour\n');
    expect(marked(d.before)).toEqual(['two\n']);
    expect(marked(d.after)).toEqual(['four\n']);
  });

  it('does not pair words across an unchanged line', () => {
    const d = inlineDiff('alpha x\nkeep\nomega\n', 'alpha y\nkeep\nomega z\n');
    expect(marked(d.before)).toEqual(['x']);
    expect(marked(d.after)).toEqual(['y', ' z']);
  });

  it('marks a run whole when nothing but spaces or punctuation is common', () => {
    const d = inlineDiff('foo(bar)', 'baz(qux)');
    expect(d.before).toEqual([{ text: 'foo(bar)', changed: true }]);
    expect(d.after).toEqual([{ text: 'baz(qux)', changed: true }]);
  });

  it('handles empty sides', () => {
    expect(inlineDiff('', 'new\n')).toEqual({ before: [], after: [{ text: 'new\n', changed: true }] });
    expect(inlineDiff('old', '')).toEqual({ before: [{ text: 'old', changed: true }], after: [] });
    expect(inlineDiff('same', 'same')).toEqual({ before: [{ text: 'same', changed: false }], after: [{ text: 'same', changed: false }] });
  });

  it('falls back to whole-run marking when the texts are too long to compare word by word', () => {
    const before = Array.from({ length: 2500 }, (_, i) => `w${i}`).join(' ');
    const after = `${before} tail`;
    const d = inlineDiff(before, after);
    expect(text(d.after)).toBe(after);
    expect(d.after).toEqual([{ text: after, changed: true }]);
  });
});
