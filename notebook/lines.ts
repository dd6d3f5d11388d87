/**
 * Splits text into lines that keep their terminators (`\n`, `\r\n` or `\r`), so that joining
 * them gives the text back exactly — the base of the format's lossless round trip.
 *
 * @example
 * splitLines('a\r\nb'); // → ['a\r\n', 'b']
 */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/**
 * A line without its terminator.
 *
 * @example
 * lineContent('```js\r\n'); // → '```js'
 */
export function lineContent(line: string): string {
  return line.replace(/(?:\r\n|\r|\n)$/, '');
}

/**
 * The terminator of a line ('' for a last line without one).
 *
 * @example
 * lineEnding('x\r\n'); // → '\r\n'
 */
export function lineEnding(line: string): string {
  return line.slice(lineContent(line).length);
}

/**
 * The line ending a document mostly uses ('\n' when it has none).
 *
 * @example
 * detectEol('a\r\nb\r\n'); // → '\r\n'
 */
export function detectEol(text: string): string {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}
