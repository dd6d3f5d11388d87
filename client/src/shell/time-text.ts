/**
 * A server timestamp as the reader's local "YYYY-MM-DD HH:MM" (the server sends ISO UTC or SQLite
 * "YYYY-MM-DD HH:MM:SS" UTC); the raw text when it does not parse.
 *
 * @example
 * timeText('2025-03-01T09:30:00Z'); // → '2025-03-01 10:30' in Paris
 */
export function timeText(value: string | null | undefined): string {
  if (!value) return '';
  const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
