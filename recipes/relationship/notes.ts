import type { GroupComparison } from './compare-groups.js';
import { fixed, signedFixed, significant } from '../format.js';

export interface NoteInput {
  metrics: Record<string, number | string | null>;
  rows: Record<string, unknown>[];
  comparisons?: GroupComparison[];
  skipped: string[];
  control: string | null;
  minResponses: number;
  hasTime: boolean;
}

/**
 * The findings and caveats of a relationship run, one sentence each.
 *
 * @example
 * relationshipNotes({ metrics, rows, skipped: [], control: null, minResponses: 30, hasTime: true });
 */
export function relationshipNotes(x: NoteInput): string[] {
  const m = x.metrics;
  const notes: string[] = [];
  if (m.nps != null)
    notes.push(
      `NPS is ${fixed(m.nps, 1)} (interval ${fixed(m.nps_ci_low, 1)} to ${fixed(m.nps_ci_high, 1)}): promoters (9–10) minus detractors (0–6), in points.`,
    );
  if (m.csat != null)
    notes.push(`CSAT is ${fixed(m.csat, 1)}% satisfied (top two boxes; interval ${fixed(m.csat_ci_low, 1)}–${fixed(m.csat_ci_high, 1)}%).`);
  if (m.trust_index != null)
    notes.push(
      `The trust index averages ${fixed(m.trust_index, 2)} (interval ${fixed(m.trust_ci_low, 2)}–${fixed(m.trust_ci_high, 2)}).`,
    );
  if (m.cronbach_alpha != null) {
    const a = m.cronbach_alpha as number;
    notes.push(
      a >= 0.7
        ? `Cronbach's alpha is ${fixed(a, 2)}: the trust items agree well enough to average into one index.`
        : `Cronbach's alpha is only ${fixed(a, 2)} (below 0.7): the trust items do not measure one thing consistently, so read the items (table items) rather than the index.`,
    );
  }
  for (const c of x.comparisons ?? []) {
    const sig = (c.p_value_holm ?? 1) < 0.05;
    notes.push(
      `${c.metric} of "${c.group}" is ${signedFixed(c.effect, 2)} vs "${x.control}" (interval ${fixed(c.ci_low, 2)} to ${fixed(c.ci_high, 2)}; Holm-adjusted p = ${significant(c.p_value_holm, 2)})${sig ? '' : ': not a clear difference'}.`,
    );
  }
  if ((x.comparisons?.length ?? 0) > 1)
    notes.push(`${x.comparisons!.length} comparisons were made, so p-values are also reported Holm-adjusted for multiple comparisons.`);
  if (Number(m.groups) > 1 && !x.control)
    notes.push('Groups are described but not compared: set "control" to the group the others should be compared with.');
  const small = x.rows.filter((r) => (r.responses as number) < x.minResponses);
  if (small.length) {
    const names = small
      .slice(0, 5)
      .map((r) => `${r.group}${r.period === 'all' ? '' : ` ${r.period}`} (${r.responses})`)
      .join(', ');
    notes.push(
      `${small.length} group/period cell(s) have fewer than ${x.minResponses} answers and are too small to judge: ${names}${small.length > 5 ? ', …' : ''}.`,
    );
  }
  for (const s of x.skipped) notes.push(`Not compared: ${s}`);
  if (!x.hasTime) notes.push('No timestamp column, so there is no over-time view.');
  notes.push('Survey answers come from customers who chose to respond; scores describe respondents, not necessarily every customer.');
  return notes;
}
