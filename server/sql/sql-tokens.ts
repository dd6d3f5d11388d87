/**
 * A small SQL tokenizer, enough to tell words from strings, quoted names and comments — so that
 * checks on a query's words are not fooled by the same letters inside a literal or a comment.
 */

export type SqlToken =
  | { kind: 'word'; text: string; lower: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'name'; text: string; at: number }
  | { kind: 'punct'; text: string; at: number };

/**
 * The tokens of a SQL text, comments dropped. Strings are `'…'` (also `E'…'` and `$tag$…$tag$`),
 * names `"…"` or `` `…` ``; an unterminated one runs to the end of the text. A backslash escapes
 * a quote only where the engine says so (ClickHouse), never in DuckDB or Postgres strings — else
 * `'a\'` would hide what follows it from a check.
 *
 * @example
 * sqlTokens("SELECT 'a;b' -- c\nFROM t").map((t) => t.text); // → ['SELECT', "'a;b'", 'FROM', 't']
 */
export function sqlTokens(sql: string, options: { backslashEscapes?: boolean } = {}): SqlToken[] {
  const escapes = !!options.backslashEscapes;
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      const end = sql.slice(i).search(/\r|\n/);
      i = end < 0 ? sql.length : i + end;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      const end = closing(sql, i, ch, escapes);
      tokens.push({ kind: ch === "'" ? 'string' : 'name', text: sql.slice(i, end), at: i });
      i = end;
    } else if (ch === '$' && /^\$([A-Za-z_]\w*)?\$/.test(sql.slice(i))) {
      const tag = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      const stop = end < 0 ? sql.length : end + tag.length;
      tokens.push({ kind: 'string', text: sql.slice(i, stop), at: i });
      i = stop;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      const m = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/.exec(sql.slice(i))!;
      // E'…' is a Postgres escape string: one string token, not a word and a string.
      if ((m[0] === 'E' || m[0] === 'e') && sql[i + 1] === "'") {
        const end = closing(sql, i + 1, "'", true);
        tokens.push({ kind: 'string', text: sql.slice(i, end), at: i });
        i = end;
        continue;
      }
      tokens.push({ kind: 'word', text: m[0], lower: m[0].toLowerCase(), at: i });
      i += m[0].length;
    } else {
      tokens.push({ kind: 'punct', text: ch, at: i });
      i++;
    }
  }
  return tokens;
}

/** Index just past the quote that closes the one at `start` (a doubled quote is an escaped one). */
function closing(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else if (sql[i] === '\\' && backslashEscapes) i += 2;
    else i++;
  }
  return sql.length;
}
