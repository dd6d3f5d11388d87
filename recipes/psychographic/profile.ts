import type { CustomerSignals } from './signals.js';
import { cosine, dot, shares } from './vectors.js';

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const num = (x: number) => (Number.isInteger(x) ? String(x) : String(round(x)));

/**
 * One customer's row of the `profiles` table. The profile is the share of the customer's signal
 * (lexicon word hits + engagement-weighted tag weights) in each dimension; scores are null, never
 * NaN, when the customer has no signal for them.
 *
 * @example
 * profileRow('C1', signals, ['collecting', 'value'], [1, 0], true, tagDims);
 */
export function profileRow(
  customer: string,
  s: CustomerSignals,
  dims: string[],
  brand: number[] | null,
  hasInteractions: boolean,
  tagMapping: Map<string, Record<string, number>>,
): Record<string, unknown> {
  const wordTotal = (d: string) => [...(s.words.get(d)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const raw = dims.map((d) => wordTotal(d) + (s.tagDims.get(d) ?? 0));
  const profile = shares(raw);
  const content = shares(dims.map((d) => s.tagDims.get(d) ?? 0));
  const intensity = s.tokens > 0 ? (s.emotive + s.exclamations) / s.tokens : null;
  const engagement = hasInteractions ? s.engagement : s.texts;
  const row: Record<string, unknown> = { customer };
  if (s.group !== null) row.group = s.group;
  dims.forEach((d, i) => (row[d] = profile ? profile[i]! : null));
  row.signal = raw.reduce((a, b) => a + b, 0);
  row.value_alignment_score = profile && brand ? cosine(profile, brand) : null;
  row.content_resonance_score = profile && content ? dot(profile, content) : null;
  row.emotional_intensity = intensity;
  row.engagement = engagement;
  row.emotional_engagement = intensity === null ? null : intensity * engagement;
  row.top_words = explainWords(s, dims);
  row.top_tags = explainTags(s, dims, tagMapping);
  return row;
}

/** "word (dimension) ×n, …", most frequent first: exactly the lexicon hits behind the profile. */
function explainWords(s: CustomerSignals, dims: string[]): string {
  const all = dims.flatMap((d) => [...(s.words.get(d) ?? [])].map(([w, n]) => ({ w, d, n })));
  all.sort((a, b) => b.n - a.n || a.w.localeCompare(b.w) || a.d.localeCompare(b.d));
  return all.map((x) => `${x.w} (${x.d}) ×${x.n}`).join(', ');
}

/** "tag ×engagement → dims, …", by engagement: the content tags behind the profile. */
function explainTags(s: CustomerSignals, dims: string[], mapping: Map<string, Record<string, number>>): string {
  const rows = [...s.tags].map(([t, w]) => ({ t, w, d: Object.keys(mapping.get(t) ?? {}).filter((d) => dims.includes(d)) })).filter((x) => x.d.length);
  rows.sort((a, b) => b.w - a.w || a.t.localeCompare(b.t));
  return rows.map((x) => `${x.t} ×${num(x.w)} → ${x.d.join('/')}`).join(', ');
}
