import { RecipeInputError } from '../../recipes/errors.js';

/** The delimiters a text table may use, in the order ties are broken. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Splits delimited text into records (RFC 4180: `"` quotes a field, `""` is a literal quote,
 * quoted fields may hold delimiters and line breaks). Line ends may be `\n`, `\r\n` or `\r`.
 * Wholly empty lines are skipped, so a trailing newline adds no record.
 *
 * @example
 * parseDelimited('a;b\n"x;1";"two\nlines"\n', ';'); // → [['a','b'], ['x;1','two\nlines']]
 */
export function parseDelimited(text: string, delimiter: string, file = 'the file'): string[][] {
  const records: string[][] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let record: string[] = [];
  // Fields are sliced out of the text, not built a character at a time: files run to millions of fields.
  while (i < n) {
    let field: string;
    const quoted = text.charCodeAt(i) === QUOTE;
    if (quoted) {
      const openLine = line;
      let parts = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          throw new RecipeInputError(
            `${file}: a quoted field opened on line ${openLine} is never closed. Check for a stray " in that line, or double it ("") inside a quoted field.`,
          );
        }
        parts += text.slice(from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          parts += '"';
          from = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      line += countNewlines(parts);
      // Anything between the closing quote and the next delimiter is kept, as spreadsheets do.
      const rest = i;
      while (i < n && !isEnd(text.charCodeAt(i), d)) i++;
      field = parts + text.slice(rest, i);
    } else {
      const from = i;
      while (i < n && !isEnd(text.charCodeAt(i), d)) i++;
      field = text.slice(from, i);
    }
    record.push(field);
    const c = i < n ? text.charCodeAt(i) : LF;
    i++;
    if (c === d) {
      if (i >= n) record.push('');
      else continue;
    }
    if (c === CR && text.charCodeAt(i) === LF) i++;
    line++;
    // A line holding nothing at all is not a record (blank lines at the end of exports).
    if (!(record.length === 1 && record[0] === '' && !quoted)) records.push(record);
    record = [];
  }
  return records;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

function isEnd(c: number, delimiter: number): boolean {
  return c === delimiter || c === LF || c === CR;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Guesses the delimiter from the first lines: the candidate that splits the header into the most
 * fields and splits the following lines into the same number. Falls back to `,`.
 *
 * @example
 * sniffDelimiter('a|b|c\n1|2|3\n'); // → '|'
 */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    let rows: string[][];
    try {
      rows = parseDelimited(sample, delimiter).slice(0, 20);
    } catch {
      // The sample may end inside a quoted field; score on what is complete.
      rows = parseDelimited(sample.slice(0, sample.lastIndexOf('\n', sample.length - 2) + 1), delimiter).slice(0, 20);
    }
    if (rows.length === 0) continue;
    const width = rows[0].length;
    if (width < 2) continue;
    // The last sampled row may be cut off by the sample window, so it does not vote.
    const body = rows.slice(1, rows.length > 2 ? -1 : undefined);
    const consistent = body.filter((r) => r.length === width).length;
    const score = width * (body.length ? consistent / body.length : 1);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
