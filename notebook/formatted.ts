/**
 * A value shown with column formats (`display(table, { format: { revenue: '$,.2f' } })`): d3-format
 * specifiers by column name, applied where the table is drawn; the values stay raw.
 */
export class FormattedValue {
  constructor(
    readonly value: unknown,
    readonly format: Record<string, string>,
  ) {}
}

/**
 * The column formats of a `display` call's options, checked: each must be a non-empty string.
 *
 * @example
 * displayFormat({ format: { revenue: '$,.2f' } }); // → { revenue: '$,.2f' }
 * displayFormat({ format: { revenue: 2 } }); // throws: display(…, { format }): the format of "revenue" must be a d3-format string such as "$,.2f", got 2
 */
export function displayFormat(options: unknown): Record<string, string> | null {
  if (options == null) return null;
  const format = (options as { format?: unknown }).format;
  if (format == null) return null;
  if (typeof format !== 'object' || Array.isArray(format)) throw new TypeError('display(value, { format }): format must be an object of column name → d3-format string, e.g. { revenue: "$,.2f" }');
  for (const [column, spec] of Object.entries(format)) {
    if (typeof spec !== 'string' || !spec) throw new TypeError(`display(…, { format }): the format of "${column}" must be a d3-format string such as "$,.2f", got ${JSON.stringify(spec)}`);
  }
  return format as Record<string, string>;
}
