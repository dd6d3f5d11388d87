import type { MarkovResult } from './markov.js';
import { count, percent } from '../format.js';

export interface NoteInput {
  rows: { model: string; channel: string; share: number }[];
  models: string[];
  markov: MarkovResult | null;
  channels: string[];
  personalization: Record<string, number>;
  personalizedNamed: boolean;
  conversions: number;
  journeys: number;
  skipped: string[];
}

/**
 * Findings of an attribution run, one sentence each: the top channel per model, where the
 * models disagree, the Markov removal effects, the personalized share, and warnings.
 *
 * @example
 * attributionNotes({ rows, models: ['first'], markov: null, channels: ['a'], personalization: {}, personalizedNamed: false, conversions: 10, journeys: 40, skipped: [] });
 */
export function attributionNotes(x: NoteInput): string[] {
  const notes: string[] = [];
  notes.push(`${count(x.conversions)} conversions over ${count(x.journeys)} journeys or paths and ${x.channels.length} channels.`);
  const tops = new Map<string, string[]>();
  for (const model of x.models) {
    const top = x.rows.filter((r) => r.model === model).sort((a, b) => b.share - a.share)[0];
    if (top) tops.set(top.channel, [...(tops.get(top.channel) ?? []), `${model} ${percent(top.share)}`]);
  }
  for (const [channel, list] of tops) notes.push(`${channel} earns the most credit under ${list.join(', ')}.`);
  if (tops.size > 1) notes.push('The models disagree on the top channel: rule-based models reward a position in the path, Markov and Shapley reward what a channel adds; prefer the data-driven ones when they agree with each other.');
  if (x.markov) {
    const m = x.markov;
    const best = m.removalEffect.map((re, c) => ({ re, c })).sort((a, b) => b.re - a.re)[0]!;
    notes.push(`Markov chain (${m.states} states): a journey converts with probability ${percent(m.conversionProbability)}; removing ${x.channels[best.c]} would cut conversions by ${percent(best.re)}, the largest removal effect.`);
  }
  if (x.personalizedNamed) {
    const parts = Object.entries(x.personalization).map(([model, s]) => `${model} ${percent(s)}`);
    if (parts.length) notes.push(`Personalized touches earn ${parts.join(', ')} of the conversions.`);
  }
  if (x.conversions < 30) notes.push(`Only ${x.conversions} conversions: channel shares will move a lot with a few more; treat them as rough.`);
  notes.push(...x.skipped);
  return notes;
}
