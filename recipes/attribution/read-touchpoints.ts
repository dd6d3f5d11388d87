import type { ColumnTable } from 'arquero';
import { binaryColumn, dateColumn, numberColumn, requireRows, stringColumn } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';
import { groupIndices } from '../stats/versus-control.js';
import { channelIndex, type Journeys } from './journeys.js';
import type { AttributionParams } from './params.js';

const DAY = 86_400_000;

/**
 * Reads one row per touch into journeys ordered by time. A journey converted when any of its
 * rows says so; its value is the largest value on its rows (tools either repeat the order value
 * on every touch or put it on the converting touch only). The conversion happens at the last
 * touch, so `daysBefore` is measured to it.
 *
 * @example
 * readTouchpoints(aq.from([{ journey_id: 'j1', timestamp: '2025-01-01', channel: 'email', converted: 1 }]), params);
 */
export function readTouchpoints(table: ColumnTable, p: AttributionParams): Journeys {
  requireRows(table, 'touchpoints');
  const journey = stringColumn(table, 'touchpoints', p.journey ?? 'journey_id', 'journey');
  const time = dateColumn(table, 'touchpoints', p.timestamp ?? 'timestamp', 'timestamp');
  const channel = stringColumn(table, 'touchpoints', p.channel ?? 'channel', 'channel');
  const converted = binaryColumn(table, 'touchpoints', p.converted ?? 'converted', 'converted');
  const valueCol = optionalColumn(table, 'touchpoints', 'value', p.value, 'value');
  const value = valueCol ? numberColumn(table, 'touchpoints', valueCol, 'value', { missing: 'nan' }) : null;
  const flagCol = optionalColumn(table, 'touchpoints', 'personalized', p.personalized, 'personalized');
  const flag = flagCol ? binaryColumn(table, 'touchpoints', flagCol, 'personalized') : null;
  const named = new Set(p.personalized_channels);
  const ids = channelIndex();
  const journeys = [...groupIndices(journey).values()].map((rows) => {
    rows.sort((a, b) => time[a]! - time[b]! || a - b);
    const end = time[rows[rows.length - 1]!]!;
    const conv = rows.some((r) => converted[r] === 1) ? 1 : 0;
    const v = value ? Math.max(0, ...rows.map((r) => (Number.isNaN(value[r]!) ? 0 : value[r]!))) : 0;
    return {
      touches: rows.map((r) => ids.id(channel[r]!)),
      conversions: conv,
      value: conv ? v : 0,
      nulls: 1 - conv,
      daysBefore: rows.map((r) => (end - time[r]!) / DAY),
      personalized: rows.map((r) => named.has(channel[r]!) || flag?.[r] === 1),
    };
  });
  return { channels: ids.channels, journeys, timed: true };
}
