/**
 * The common shape every model reads: one entry per distinct path (aggregated paths) or per
 * journey (touchpoints). Channels are indices into `channels`.
 */
export interface Journey {
  touches: number[];
  conversions: number;
  value: number;
  nulls: number;
  /** Days from each touch to the journey's last touch (touchpoints only). */
  daysBefore?: number[];
  /** Whether each touch was personalized. */
  personalized?: boolean[];
}

export interface Journeys {
  channels: string[];
  journeys: Journey[];
  /** True when touches carry times (touchpoints input), so time_decay can run. */
  timed: boolean;
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
