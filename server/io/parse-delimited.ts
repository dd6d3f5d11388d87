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
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let quoteLine = 0;
  const endRecord = () => {
    // A line holding nothing at all is not a record (blank lines at the end of exports).
    if (record.length > 0 || fieldStarted || field !== '') {
      record.push(field);
      records.push(record);
    }
    record = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else field += c;
  }
  if (quoted) {
    throw new RecipeInputError(
      `${file}: a quoted field opened on line ${quoteLine} is never closed. Check for a stray " in that line, or double it ("") inside a quoted field.`,
    );
  }
  endRecord();
  return records;
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
