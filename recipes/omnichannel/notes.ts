import type { summarizeJourneys } from './summary.js';
import type { Handoff } from './handoffs.js';
import type { JourneyData } from './journeys.js';
import { fixed, percent } from '../format.js';

/**
 * Findings of the omnichannel summary, one sentence each, with the denominators spelled out,
 * and warnings for missing columns and small counts.
 *
 * @example
 * omnichannelNotes(summarizeJourneys(data.journeys, 0.05), handoffMatrix(data.journeys), data, 30);
 */
export function omnichannelNotes(
  s: ReturnType<typeof summarizeJourneys>,
  handoffs: Handoff[],
  data: JourneyData,
  minJourneys: number,
): string[] {
  const notes: string[] = [];
  notes.push(
    `${s.journeys} journeys touch ${fixed(s.channelsPerJourney, 2)} distinct channels on average; ${s.multichannel} (${percent(s.multichannel / s.journeys)}) touch two or more.`,
  );
  if (!data.hasConverted) notes.push('There is no converted column, so completion rates cannot be measured.');
  else if (s.multichannel) {
    const c = s.completion;
    notes.push(
      `Journey completion rate: ${c.k} of ${c.n} multi-channel journeys converted (${percent(c.rate)}, interval ${percent(c.low)}–${percent(c.high)}), against ${percent(s.singleCompletion.rate)} of ${s.singleCompletion.n} single-channel journeys.`,
    );
    if (c.n < minJourneys) notes.push(`Only ${c.n} multi-channel journeys: the completion rate is too rough to judge.`);
  }
  if (!data.hasPersonalized || !data.hasOffer)
    notes.push(
      `Offer consistency needs a personalized flag and an offer (or category) column${data.hasPersonalized ? '' : '; there is no personalized column'}${data.hasOffer ? '' : '; there is no offer or category column'}.`,
    );
  else if (s.consistency.n === 0)
    notes.push('No journey has personalized touches on two or more channels, so offer consistency across channels cannot be judged.');
  else {
    const c = s.consistency;
    notes.push(
      `Offer consistency: in ${c.k} of ${c.n} journeys with personalized touches on two or more channels, every personalized touch showed the same offer (${percent(c.rate)}, interval ${percent(c.low)}–${percent(c.high)}).`,
    );
    if (c.n < minJourneys)
      notes.push(`Only ${c.n} journeys have personalized touches on several channels: the consistency score is too rough to judge.`);
  }
  const switches = handoffs.filter((h) => h.from !== h.to).sort((a, b) => b.count - a.count);
  if (switches[0])
    notes.push(
      `The most common hand-off is ${switches[0].from} → ${switches[0].to} (${switches[0].count} times, ${percent(switches[0].share)} of what follows ${switches[0].from}).`,
    );
  if (data.dropped) notes.push(`${data.dropped} touches on channels outside the "channels" parameter were left out.`);
  return notes;
}
