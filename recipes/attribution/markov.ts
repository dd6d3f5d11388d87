import { absorptionProbabilities, type TransientState } from '../stats/absorbing-chain.js';
import { throwIfAborted } from '../errors.js';
import type { Journey } from './journeys.js';

/** The fitted chain: P(conversion) and each channel's removal effect. */
export interface MarkovResult {
  conversionProbability: number;
  /** P(conversion) with each channel removed. */
  withoutChannel: number[];
  /** 1 − P(conversion without c)/P(conversion). */
  removalEffect: number[];
  states: number;
}

/**
 * Builds the order-k chain. State 0 is the start; a touch's state is the tuple of the last k
 * channels up to it (shorter at the start of a path), as in ChannelAttribution's k-order model.
 * Every path adds its journeys (conversions + nulls) to each transition it makes, then its
 * conversions to "conversion" and its nulls to "null" from its last state.
 *
 * @example
 * buildChain([{ touches: [0, 1], conversions: 1, value: 0, nulls: 1 }], 1).states.length; // → 3
 */
export function buildChain(journeys: readonly Journey[], order: number) {
  const key = new Map<string, number>([['start', 0]]);
  const members: number[][] = [[]];
  const edges: Map<number, number>[] = [new Map()];
  const target: number[] = [0];
  const other: number[] = [0];
  const stateOf = (touches: number[], i: number): number => {
    const tuple = touches.slice(Math.max(0, i - order + 1), i + 1);
    const k = tuple.join(',');
    let s = key.get(k);
    if (s === undefined) {
      s = members.length;
      key.set(k, s);
      members.push([...new Set(tuple)]);
      edges.push(new Map());
      target.push(0);
      other.push(0);
    }
    return s;
  };
  for (const j of journeys) {
    const w = j.conversions + j.nulls;
    if (w === 0) continue;
    let from = 0;
    for (let i = 0; i < j.touches.length; i++) {
      const to = stateOf(j.touches, i);
      edges[from]!.set(to, (edges[from]!.get(to) ?? 0) + w);
      from = to;
    }
    target[from]! += j.conversions;
    other[from]! += j.nulls;
  }
  const states: TransientState[] = edges.map((e, s) => ({ to: [...e.keys()], weight: [...e.values()], target: target[s]!, other: other[s]! }));
  return { states, members };
}

/**
 * Exact removal effects of a Markov-chain attribution model: P(conversion) from the start is
 * solved from the absorbing chain, then again with every state that contains channel c sent to
 * null; removal effect = 1 − P(without c)/P.
 *
 * @example
 * markovRemovalEffects(journeys, 3, 1).removalEffect;
 */
export function markovRemovalEffects(journeys: readonly Journey[], channels: number, order: number, signal?: AbortSignal): MarkovResult {
  const { states, members } = buildChain(journeys, order);
  const base = absorptionProbabilities(states)[0]!;
  const withoutChannel: number[] = [];
  for (let c = 0; c < channels; c++) {
    if (signal) throwIfAborted(signal);
    const removed = members.map((m) => m.includes(c));
    withoutChannel.push(absorptionProbabilities(states, removed)[0]!);
  }
  return {
    conversionProbability: base,
    withoutChannel,
    removalEffect: withoutChannel.map((p) => (base > 0 ? 1 - p / base : 0)),
    states: states.length,
  };
}
