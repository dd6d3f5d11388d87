import { fixed } from '../format.js';

export interface NoteInput {
  customers: number;
  withSignal: number;
  dims: string[];
  means: Record<string, number | null>;
  brand: boolean;
  metrics: Record<string, number | string | null>;
  unknownTags: Map<string, number>;
  hasTexts: boolean;
  hasInteractions: boolean;
}

/**
 * The findings and caveats of a psychographic run, one sentence each.
 *
 * @example
 * psychographicNotes({ customers: 10, withSignal: 8, dims: ['value'], means: { value: 1 }, brand: false, metrics: {}, unknownTags: new Map(), hasTexts: true, hasInteractions: false });
 */
export function psychographicNotes(x: NoteInput): string[] {
  const notes: string[] = [];
  const ranked = x.dims.filter((d) => x.means[d] != null).sort((a, b) => x.means[b]! - x.means[a]!);
  if (ranked.length)
    notes.push(
      `Across customers with a signal, the strongest dimension is ${ranked[0]} (mean share ${fixed(x.means[ranked[0]!], 2)}) and the weakest ${ranked.at(-1)} (${fixed(x.means[ranked.at(-1)!], 2)}).`,
    );
  const none = x.customers - x.withSignal;
  if (none > 0)
    notes.push(
      `${none} of ${x.customers} customers matched no lexicon word and no mapped tag: their profile and scores are empty (null), not zero. Add words to "lexicon" or tags to "tags" to cover them.`,
    );
  if (x.brand)
    notes.push(`Mean value alignment (cosine of profile and brand profile, 0–1) is ${fixed(x.metrics.mean_value_alignment_score, 2)}.`);
  else notes.push('No brand profile was given (input "brand" or parameter "brand"), so value_alignment_score is empty.');
  if (x.hasInteractions)
    notes.push(
      `Mean content resonance (profile · engagement-weighted share of the customer's content tags, 0–1) is ${fixed(x.metrics.mean_content_resonance_score, 2)}.`,
    );
  if (x.hasTexts)
    notes.push(
      `Emotional engagement is a simple intensity (emotive words plus exclamation marks per word) times engagement (${x.hasInteractions ? 'summed interaction weight' : 'number of texts'}); use the sentiment recipe for polarity.`,
    );
  if (x.unknownTags.size) {
    const top = [...x.unknownTags]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([t, n]) => `"${t}" (${n})`)
      .join(', ');
    notes.push(
      `${x.unknownTags.size} tag(s) have no dimension mapping and were ignored: ${top}${x.unknownTags.size > 5 ? ', …' : ''}. Map them with the "tags" parameter.`,
    );
  }
  notes.push(
    'The lexicon and tag mapping are a documented heuristic written for liftbook (hand-curated words per dimension), not a validated psychometric instrument: read the top_words and top_tags columns before acting on a score.',
  );
  return notes;
}
