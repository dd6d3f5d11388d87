/**
 * Absorption probabilities of an absorbing Markov chain, solved exactly from the linear system
 * x = Q x + b (x_s = P(reach the target from transient state s), Q = transient-to-transient
 * probabilities, b = one-step probability of the target). Small chains are solved by Gaussian
 * elimination; large sparse ones (higher-order attribution chains) by Gauss–Seidel sweeps to
 * machine precision, with self-loops divided out, which converges because every state reaches
 * an absorbing one.
 */

/** Outgoing transitions of one transient state: counts (or probabilities) to other transient states and to the absorbing target. */
export interface TransientState {
  to: number[];
  weight: number[];
  /** Weight into the target absorbing state. */
  target: number;
  /** Weight into every other absorbing state. */
  other: number;
}

const DENSE_LIMIT = 400;

function dense(states: readonly TransientState[], removed: readonly boolean[]): Float64Array {
  const n = states.length;
  const a = Array.from({ length: n }, () => new Float64Array(n + 1));
  states.forEach((s, i) => {
    const row = a[i]!;
    row[i] = 1;
    if (removed[i]) return; // a removed state absorbs into "not target": x = 0
    const total = s.weight.reduce((x, y) => x + y, 0) + s.target + s.other;
    s.to.forEach((t, k) => (row[t]! -= s.weight[k]! / total));
    row[n] = s.target / total;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col || a[r]![col] === 0) continue;
      const f = a[r]![col]! / p[col]!;
      const row = a[r]!;
      for (let c = col; c <= n; c++) row[c]! -= f * p[c]!;
    }
  }
  return Float64Array.from(a, (row, i) => row[n]! / row[i]!);
}

function iterative(states: readonly TransientState[], removed: readonly boolean[]): Float64Array {
  const n = states.length;
  const x = new Float64Array(n);
  const prepared = states.map((s, i) => {
    let self = 0;
    const to: number[] = [];
    const p: number[] = [];
    const total = s.weight.reduce((a, b) => a + b, 0) + s.target + s.other;
    s.to.forEach((t, k) => (t === i ? (self += s.weight[k]!) : (to.push(t), p.push(s.weight[k]!))));
    const stay = total - self;
    return { to, p: p.map((w) => w / stay), b: s.target / stay };
  });
  for (let sweep = 0; sweep < 1_000_000; sweep++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      if (removed[i]) continue;
      const s = prepared[i]!;
      let v = s.b;
      for (let k = 0; k < s.to.length; k++) v += s.p[k]! * x[s.to[k]!]!;
      change = Math.max(change, Math.abs(v - x[i]!));
      x[i] = v;
    }
    if (change <= 1e-15) return x;
  }
  throw new Error('absorbing chain: Gauss–Seidel did not converge');
}

/**
 * P(absorbed in the target) from every transient state; `removed` states are made to absorb
 * into a non-target state (the "removal" of attribution models).
 *
 * @example
 * // start → a (1); a → conversion 1, null 1  ⇒  P(conversion | start) = 0.5
 * absorptionProbabilities([{ to: [1], weight: [1], target: 0, other: 0 }, { to: [], weight: [], target: 1, other: 1 }])[0]; // → 0.5
 */
export function absorptionProbabilities(states: readonly TransientState[], removed: readonly boolean[] = []): Float64Array {
  return states.length <= DENSE_LIMIT ? dense(states, removed) : iterative(states, removed);
}
