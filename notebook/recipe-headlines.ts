import type { ValueSummary } from './types.js';
import { columnFormatter } from './value-format.js';

type RecipeSummary = Extract<ValueSummary, { kind: 'recipe-result' }>;
type TableSummary = Extract<ValueSummary, { kind: 'table' }>;

/** One decision a recipe result supports: an effect with its interval and chance to win. */
export interface Headline {
  label: string;
  effect: string;
  interval: string | null;
  chanceToWin: string | null;
  significant: boolean | null;
  raw: Record<string, unknown>;
}

const MAX_HEADLINES = 6;

/**
 * The decision a recipe result supports, read from its comparison table: each compared metric's
 * effect with its confidence interval and chance to win (what an analyst decides on), rather than
 * the first metric the recipe happens to list (for `lift`, the sample-ratio p-value). A recipe
 * chooses its headlines by the table it returns: the first with `effect`, `ci_low` and `ci_high`
 * (`comparisons` first). Results without one have no headline. The workbench's cards and both
 * HTML reports show these.
 *
 * @example
 * headlines(liftResult)[0]; // → { label: 'converted', effect: '+26.4%', interval: '4.3% to 48.5%', chanceToWin: '99.1%', significant: true, … }
 */
export function headlines(result: RecipeSummary): Headline[] {
  const tables = Object.entries(result.tables).filter((e): e is [string, TableSummary] => e[1].kind === 'table');
  tables.sort(([a], [b]) => Number(b === 'comparisons') - Number(a === 'comparisons'));
  const found = tables.find(([, t]) => ['effect', 'ci_low', 'ci_high'].every((c) => t.columns.includes(c)));
  if (!found) return [];
  const table = found[1];
  const column = (name: string) => table.rows.map((r) => r[name]);
  const effect = columnFormatter('effect', column('effect'));
  const interval = columnFormatter('ci_low', [...column('ci_low'), ...column('ci_high')]);
  const chance = columnFormatter('chance_to_win', column('chance_to_win'));
  const labelColumns = ['metric', 'segment', 'group', 'context', 'channel'].filter((c) => table.columns.includes(c));
  const variants = new Set(column('variant'));
  return table.rows.slice(0, MAX_HEADLINES).map((row) => {
    const parts = labelColumns.map((c) => String(row[c]));
    if (variants.size > 1) parts.push(String(row.variant));
    const e = row.effect;
    const signed = typeof e === 'number' && e > 0 ? `+${effect(e)}` : effect(e);
    return {
      label: parts.join(' · ') || 'effect',
      effect: signed,
      interval: row.ci_low == null && row.ci_high == null ? null : `${row.ci_low == null ? '−∞' : interval(row.ci_low)} to ${row.ci_high == null ? '∞' : interval(row.ci_high)}`,
      chanceToWin: typeof row.chance_to_win === 'number' ? chance(row.chance_to_win) : null,
      significant: typeof row.significant === 'boolean' ? row.significant : null,
      raw: row,
    };
  });
}

/** What a headline's verdict says, in the workbench and the reports alike. */
export function verdictText(significant: boolean): string {
  return significant ? 'a real difference' : 'could be chance';
}

// Notes that tell the reader not to trust a number deserve to stand out from findings.
const WARNING = /warn|do not trust|too few|mismatch|did not converge|too small|caution|unreliable|not significant/i;

/**
 * Whether a recipe note warns rather than reports (shown highlighted).
 *
 * @example
 * isWarningNote('Too few units in segment new to trust its effect.'); // → true
 */
export function isWarningNote(note: string): boolean {
  return WARNING.test(note);
}
