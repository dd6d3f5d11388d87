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
  /** Every transition of the fitted chain (see `chainTransitions`). */
  transitions: Transition[];
}

/**
 * One edge of the chain: `from` is "start" or a state (channel indices, the last `order` touches),
 * `to` such a state or "conversion"/"null"; `count` the journeys that made it and `probability`
 * its share of everything leaving `from`.
 */
export interface Transition {
  from: 'start' | number[];
  to: 'conversion' | 'null' | number[];
  count: number;
  probability: number;
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
  const tuples: number[][] = [[]];
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
      tuples.push(tuple);
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
  return { states, members, tuples };
}

/**
 * The chain's transitions with counts and probabilities (each state's out-going counts, including
 * absorption in conversion and null, sum to probability 1), in state order.
 *
 * @example
 * chainTransitions(buildChain([{ touches: [0], conversions: 1, value: 0, nulls: 1 }], 1)); // start→[0] 2 (1), [0]→conversion 1 (0.5), [0]→null 1 (0.5)
 */
export function chainTransitions(chain: ReturnType<typeof buildChain>): Transition[] {
  const out: Transition[] = [];
  const name = (s: number): 'start' | number[] => (s === 0 ? 'start' : chain.tuples[s]!);
  chain.states.forEach((st, s) => {
    const total = st.weight.reduce((a, b) => a + b, 0) + st.target + st.other;
    if (total === 0) return;
    st.to.forEach((to, i) => out.push({ from: name(s), to: chain.tuples[to]!, count: st.weight[i]!, probability: st.weight[i]! / total }));
    if (st.target > 0) out.push({ from: name(s), to: 'conversion', count: st.target, probability: st.target / total });
    if (st.other > 0) out.push({ from: name(s), to: 'null', count: st.other, probability: st.other / total });
  });
  return out;
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
  const chain = buildChain(journeys, order);
  const { states, members } = chain;
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
    transitions: chainTransitions(chain),
  };
}
