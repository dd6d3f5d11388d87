import { describe, expect, it } from 'vitest';
import { parseDelimited, sniffDelimiter } from './parse-delimited.js';

describe('parseDelimited', () => {
  it('handles quotes, doubled quotes, delimiters and line breaks inside quoted fields', () => {
    const text = 'id,text\r\n1,"He said ""hi"", then left"\r\n2,"two\nlines"\n3,plain\n\n';
    expect(parseDelimited(text, ',')).toEqual([
      ['id', 'text'],
      ['1', 'He said "hi", then left'],
      ['2', 'two\nlines'],
      ['3', 'plain'],
    ]);
  });

  it('keeps empty trailing fields and skips a byte-order mark', () => {
    expect(parseDelimited('\ufeffa;b;c\n1;;\n', ';')).toEqual([['a', 'b', 'c'], ['1', '', '']]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseDelimited('a,b\n1,2\n3,"oops\n', ',', 'x.csv')).toThrow(/x\.csv: a quoted field opened on line 3/);
  });
});

describe('sniffDelimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    [';', 'a;b;c\n1,5;2;3\n4;5;6\n'],
    ['\t', 'a\tb\n1\t2\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('finds %j', (delimiter, text) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  it('is not fooled by delimiters inside quoted multi-line fields', () => {
    const text = 'id;review\n1;"good, cheap,\nfast, nice"\n2;"bad, slow"\n';
    expect(sniffDelimiter(text)).toBe(';');
  });
});

describe('parseDelimited edge cases', () => {
  it('keeps a line holding only a quoted empty field, skips truly blank lines (LF and CRLF)', () => {
    expect(parseDelimited('a\r\n""\r\n\r\nx', ',')).toEqual([['a'], [''], ['x']]);
  });

  it('keeps a trailing empty field at the very end of the text', () => {
    expect(parseDelimited('a,b\n1,', ',')).toEqual([['a', 'b'], ['1', '']]);
  });

  it('counts lines inside quoted fields when naming an unclosed quote', () => {
    expect(() => parseDelimited('a\n"x\ny"\n"oops', ',', 'f.csv')).toThrow(/opened on line 4/);
  });
});
