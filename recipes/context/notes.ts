import type { ContextLevels } from './levels.js';
import type { ContextRow } from './effects.js';
import type { RollingRow } from './rolling.js';
import type { DriftRow } from './drift.js';
import { count, fixed, signedChange, significant } from '../format.js';

/** More distinct values than this in a binned context is worth a word: each came back as a row. */
const MANY_VALUES = 10_000;

export interface ContextNoteInput {
  rows: ContextRow[];
  levels: ContextLevels[];
  interactionP: Record<string, number | null>;
  metrics: Record<string, number | string | null>;
  mix: Record<string, number>;
  skipped: string[];
  control: string;
  treatments: string[];
  rolling: RollingRow[];
  drift: DriftRow[];
  hasTime: boolean;
  relative: boolean;
  window: number;
}

/**
 * Findings and caveats of a context analysis, one sentence each.
 *
 * @example
 * contextNotes(input);
 */
export function contextNotes(x: ContextNoteInput): string[] {
  const notes: string[] = [];
  const m = x.metrics;
  if (typeof m.effect === 'number') notes.push(`Overall lift of "${x.treatments[0]}" vs "${x.control}": ${signedChange(m.effect, x.relative)} (interval ${signedChange(m.ci_low as number, x.relative)} to ${signedChange(m.ci_high as number, x.relative)}).`);
  for (const l of x.levels) {
    const p = x.interactionP[l.context];
    const mine = x.rows.filter((r) => r.context === l.context && r.variant === x.treatments[0]).sort((a, b) => b.effect - a.effect);
    if (p === null || p === undefined || mine.length < 2) {
      notes.push(`Whether the lift depends on ${l.context} cannot be tested: fewer than two ${l.context} values have enough units in both arms.`);
      continue;
    }
    const holmP = m[`interaction_p_value_holm_${l.context}`] as number | null;
    const range = `largest in ${l.context} = ${mine[0]!.value} (${signedChange(mine[0]!.effect, x.relative)}), smallest in ${mine[mine.length - 1]!.value} (${signedChange(mine[mine.length - 1]!.effect, x.relative)})`;
    if ((holmP ?? p) < 0.05) notes.push(`The lift depends on ${l.context} (interaction p = ${significant(p, 2)}, Holm-adjusted over contexts ${significant(holmP, 2)}): ${range}. Adapt the personalization to it.`);
    else if (p < 0.05) notes.push(`The lift may depend on ${l.context} (interaction p = ${significant(p, 2)}), but not clearly once the ${x.levels.length} contexts tested are accounted for (Holm ${significant(holmP, 2)}): ${range}. Confirm it in a follow-up test.`);
    else notes.push(`No clear evidence that the lift depends on ${l.context} (interaction p = ${significant(p, 2)}); the spread (${range}) may be noise.`);
    if (l.binned) {
      const many = l.labelOf.size > MANY_VALUES ? ` Its ${count(l.labelOf.size)} distinct values came back one row per value and arm to find the bins; round the column first (e.g. to whole units) to keep that small on large data.` : '';
      notes.push(`${l.context} has many numeric values, so it was cut into quantile bins.${many}`);
    }
    if ((x.mix[l.context] ?? 1) < 0.01) notes.push(`The ${l.context} mix differs between arms (p = ${significant(x.mix[l.context], 2)}): the pooled lift mixes the effect with the mix (Simpson's paradox risk); compare within ${l.context}.`);
  }
  if (x.rows.length > 1) notes.push(`${x.rows.length} context-value comparisons were made; calls use Holm-adjusted p-values (p_value_holm), and interaction tests are Holm-adjusted across the ${x.levels.length} contexts.`);
  const small = x.rows.filter((r) => Math.min(r.n, r.n_control) < 30);
  if (small.length) notes.push(`${small.length} context values have fewer than 30 units in an arm and are too small to judge: ${small.slice(0, 5).map((r) => `${r.context} = ${r.value}`).join(', ')}${small.length > 5 ? ', …' : ''}.`);
  for (const s of x.skipped.slice(0, 5)) notes.push(`Not compared: ${s}`);
  notes.push('If rows are sessions or visits of customers who were randomized, one customer contributes several rows: intervals are then somewhat too narrow and the context mix can differ by arm because the treatment changes how often people come back.');
  if (!x.hasTime) notes.push('No timestamp column: give --param timestamp=<column> for the rolling lift and the drift of the context mix.');
  else {
    const valid = x.rolling.filter((r) => r.effect !== null && r.variant === x.treatments[0]);
    if (valid.length > 1) {
      const firstW = valid[0]!;
      const lastW = valid[valid.length - 1]!;
      notes.push(`Over time the ${x.window}-day lift moved from ${signedChange(firstW.effect!, x.relative)} (window ending ${firstW.window_end.toISOString().slice(0, 10)}) to ${signedChange(lastW.effect!, x.relative)} (ending ${lastW.window_end.toISOString().slice(0, 10)}); rolling windows overlap, so neighbouring points are not independent.`);
    }
    const shifts = x.drift.filter((d) => d.psi !== null && d.psi > 0.1);
    if (shifts.length) {
      const worst = shifts.reduce((a, b) => (b.psi! > a.psi! ? b : a));
      notes.push(`The context mix drifted: ${worst.context} has PSI ${fixed(worst.psi, 2)} (${worst.level}) in the window from ${worst.window_start.toISOString().slice(0, 10)} vs the first window; if the lift depends on it, the overall lift will change with the mix.`);
    } else if (x.drift.length) notes.push('The context mix is stable across windows (every PSI below 0.1).');
    const partial = x.drift.filter((d) => d.units > 0 && d.units < 30);
    if (partial.length) notes.push('Some drift windows hold fewer than 30 units (often the last, partial one); their PSI is noisy.');
  }
  return notes;
}
