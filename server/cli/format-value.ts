/**
 * One value as short display text for the CLI's text output: numbers to 4 significant digits
 * (integers whole), dates as ISO strings (date only at midnight UTC), null as blank, objects as JSON.
 *
 * @example
 * formatValue(0.0123456); // → '0.01235'
 * formatValue(new Date(Date.UTC(2025, 0, 1))); // → '2025-01-01'
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return String(value);
    const abs = Math.abs(value);
    return abs !== 0 && (abs < 1e-4 || abs >= 1e9) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

