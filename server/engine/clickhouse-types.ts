import type { SqlColumn } from '../../recipes/types.js';

/** The liftbook kind of a ClickHouse type name (`Nullable(…)` and `LowCardinality(…)` see through). */
export function clickhouseKind(type: string): SqlColumn['type'] {
  let t = type.trim();
  for (;;) {
    const inner = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(t);
    if (!inner) break;
    t = inner[1]!.trim();
  }
  if (/^(U?Int\d+|Float\d+|Decimal)/.test(t)) return 'number';
  if (/^(String|FixedString|UUID|Enum\d*)/.test(t)) return 'string';
  if (/^(Date|DateTime)/.test(t)) return 'date';
  if (/^Bool/.test(t)) return 'boolean';
  return 'other';
}

/** Parses `2025-01-05` or `2025-01-05 10:00:00[.123]` as UTC (the dialect asks for UTC times). */
function parseDate(text: string): Date | null {
  if (text.startsWith('0000-00-00')) return null;
  const iso = text.length <= 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}Z`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A JS value for one ClickHouse value as JSON or TSV gave it (64-bit integers arrive as text). */
export function clickhouseValue(kind: SqlColumn['type'], value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'number': {
      if (typeof value === 'number') return value;
      const s = String(value);
      if (s === 'nan' || s === '-nan') return NaN;
      if (s === 'inf' || s === '+inf') return Infinity;
      if (s === '-inf') return -Infinity;
      return Number(s);
    }
    case 'date':
      return parseDate(String(value));
    case 'boolean':
      return value === true || value === 'true' || value === 1 || value === '1';
    default:
      return value;
  }
}

/** Reads one TabSeparated field: `\N` is NULL, backslash escapes as ClickHouse writes them. */
export function unescapeTsv(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  const map: Record<string, string> = { t: '\t', n: '\n', r: '\r', '0': '\0', b: '\b', f: '\f', '\\': '\\', "'": "'", '"': '"', '`': '`', '/': '/' };
  return field.replace(/\\(.)/g, (_, c: string) => map[c] ?? c);
}
