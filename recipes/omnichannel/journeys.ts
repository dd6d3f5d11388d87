import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { binaryColumn, dateColumn, requireRows, stringColumn } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';
import { groupIndices } from '../stats/versus-control.js';
import type { OmnichannelParams } from './params.js';
import { columnName, defaultColumn } from '../column.js';
import { omnichannelParams } from './params.js';

/** One journey's touches in time order. */
export interface Touch {
  channel: string;
  personalized: boolean;
  offer: string | null;
}
export interface Journey {
  touches: Touch[];
  converted: boolean | null;
}

export interface JourneyData {
  journeys: Journey[];
  hasPersonalized: boolean;
  hasOffer: boolean;
  hasConverted: boolean;
  dropped: number;
}

/**
 * Reads one row per touch into journeys ordered by time, keeping the chosen channels. The offer
 * column defaults to "offer", else "category"; personalized and converted are optional.
 *
 * @example
 * readJourneys(aq.from([{ journey_id: 'j', timestamp: '2025-01-01', channel: 'email' }]), omnichannelParams.parse({}));
 */
export function readJourneys(table: ColumnTable, p: OmnichannelParams): JourneyData {
  requireRows(table, 'touchpoints');
  const journey = stringColumn(table, 'touchpoints', columnName(omnichannelParams, p, 'journey'), 'journey');
  const time = dateColumn(table, 'touchpoints', columnName(omnichannelParams, p, 'timestamp'), 'timestamp');
  const channel = stringColumn(table, 'touchpoints', columnName(omnichannelParams, p, 'channel'), 'channel');
  const flagCol = optionalColumn(table, 'touchpoints', 'personalized', p.personalized, defaultColumn(omnichannelParams, 'personalized'));
  const flag = flagCol ? binaryColumn(table, 'touchpoints', flagCol, 'personalized') : null;
  const offerCol = optionalColumn(table, 'touchpoints', 'offer', p.offer, defaultColumn(omnichannelParams, 'offer')) ?? optionalColumn(table, 'touchpoints', 'offer', undefined, 'category');
  const offers = offerCol ? (table.array(offerCol) as ArrayLike<unknown>) : null;
  const convCol = optionalColumn(table, 'touchpoints', 'converted', p.converted, defaultColumn(omnichannelParams, 'converted'));
  const converted = convCol ? binaryColumn(table, 'touchpoints', convCol, 'converted') : null;
  const keep = p.channels ? new Set(p.channels) : null;
  if (keep) {
    const present = new Set(channel);
    const missing = [...keep].filter((c) => !present.has(c));
    if (missing.length) throw new RecipeInputError(`The "channels" parameter names ${missing.map((c) => `"${c}"`).join(', ')}, which never appear in touchpoints.${columnName(omnichannelParams, p, 'channel')}; the channels there are ${[...present].slice(0, 20).join(', ')}.`);
  }
  let dropped = 0;
  const journeys = [...groupIndices(journey).values()].flatMap((rows) => {
    rows.sort((a, b) => time[a]! - time[b]! || a - b);
    const kept = keep ? rows.filter((r) => keep.has(channel[r]!)) : rows;
    dropped += rows.length - kept.length;
    if (!kept.length) return [];
    const o = (r: number) => (offers && offers[r] != null && offers[r] !== '' ? String(offers[r]) : null);
    return [{
      touches: kept.map((r) => ({ channel: channel[r]!, personalized: flag?.[r] === 1, offer: o(r) })),
      converted: converted ? rows.some((r) => converted[r] === 1) : null,
    }];
  });
  return { journeys, hasPersonalized: !!flag, hasOffer: !!offers, hasConverted: !!converted, dropped };
}
