import type { Credit } from './credit.js';

/**
 * The common shape every model reads: one entry per distinct path (aggregated paths) or per
 * journey (touchpoints). Channels are indices into `channels`.
 */
export interface Journey {
  touches: number[];
  conversions: number;
  value: number;
  nulls: number;
  /** Whether each touch was personalized. */
  personalized?: boolean[];
}

export interface Journeys {
  channels: string[];
  journeys: Journey[];
  /** Time-decay credit, weighed with the touches' times (touchpoints only: paths have no times). */
  timeDecay?: Credit;
}

/**
 * Registers channel names and hands out their indices.
 *
 * @example
 * const ids = channelIndex(); ids.id('email'); // → 0
 */
export function channelIndex() {
  const channels: string[] = [];
  const index = new Map<string, number>();
  return {
    channels,
    id(name: string): number {
      let i = index.get(name);
      if (i === undefined) {
        i = channels.length;
        channels.push(name);
        index.set(name, i);
      }
      return i;
    },
  };
}
