import seedrandom from 'seedrandom';
import { gammaSampler } from '../../datasets/shop/random.js';
import type { BgNbdParams } from './bgnbd.js';

/**
 * Draws a BG/NBD customer base (FHL 2005's generative story) as a transaction log, for tests and
 * benchmarks that must recover known parameters: λ ~ Gamma(r, α), p ~ Beta(a, b), exponential
 * gaps at rate λ, and a coin with probability p after each purchase decides dropout.
 */

/** Gamma(shape, 1) draws on `rng`, with the Box–Muller normal these simulations have always used. */
function gammaDraws(rng: () => number): (shape: number) => number {
  const normal = () => {
    const u1 = rng() || 1e-300;
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng());
  };
  const gamma = gammaSampler(rng, normal);
  return (shape) => gamma(shape, 1);
}

/**
 * Simulates `customers` BG/NBD customers, each first buying on a uniform day of the first
 * `cohortDays`, observed for `days` days; times are epoch ms from `start`. Amounts are Gamma-Gamma
 * (shape p, per-customer rate ν ~ Gamma(q, v)). Groups alternate "control"/"treated"; the treated
 * customers' purchase rate is multiplied by `treatedRateBoost` and their order values by
 * `treatedSpendBoost`.
 *
 * @example
 * const log = simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.4 }, { customers: 500, seed: 1 });
 */
export function simulateBgNbd(
  p: BgNbdParams,
  o: { customers: number; seed: number; start?: number; cohortDays?: number; days?: number; spend?: { p: number; q: number; v: number }; treatedRateBoost?: number; treatedSpendBoost?: number },
): { customers: string[]; times: number[]; amounts: number[]; groups: string[] } {
  const rng = seedrandom(String(o.seed));
  const gammaDraw = gammaDraws(rng);
  const start = o.start ?? Date.UTC(2024, 0, 1);
  const days = o.days ?? 7 * 78;
  const cohortDays = o.cohortDays ?? 84;
  const spend = o.spend ?? { p: 6, q: 4, v: 15 };
  const out = { customers: [] as string[], times: [] as number[], amounts: [] as number[], groups: [] as string[] };
  for (let i = 0; i < o.customers; i++) {
    const group = i % 2 === 0 ? 'control' : 'treated';
    const lambda = (gammaDraw(p.r) / p.alpha) * (group === 'treated' ? (o.treatedRateBoost ?? 1) : 1);
    const x = gammaDraw(p.a);
    const dropout = x / (x + gammaDraw(p.b));
    const nu = gammaDraw(spend.q) / spend.v / (group === 'treated' ? (o.treatedSpendBoost ?? 1) : 1);
    let t = Math.floor(rng() * cohortDays) + rng();
    const push = (time: number) => {
      out.customers.push(`c${i}`);
      out.times.push(start + time * 86_400_000);
      out.amounts.push(Math.max(0.01, Math.round((gammaDraw(spend.p) / nu) * 100) / 100));
      out.groups.push(group);
    };
    push(t);
    for (;;) {
      t += (-Math.log(1 - rng()) / lambda) * 7;
      if (t >= days) break;
      push(t);
      if (rng() < dropout) break;
    }
  }
  return out;
}

/**
 * Repeat-purchase counts X(t) of `customers` new Pareto/NBD customers (Schmittlein, Morrison &
 * Colombo's story): λ ~ Gamma(r, α), μ ~ Gamma(s, β), an exponential lifetime at rate μ, and
 * exponential gaps at rate λ while alive, counted up to t or death, whichever comes first.
 *
 * @example
 * simulateParetoNbdCounts({ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, 39, { customers: 1000, seed: 1 });
 */
export function simulateParetoNbdCounts(p: { r: number; alpha: number; s: number; beta: number }, t: number, o: { customers: number; seed: number }): Int32Array {
  const rng = seedrandom(String(o.seed));
  const gammaDraw = gammaDraws(rng);
  const counts = new Int32Array(o.customers);
  for (let i = 0; i < o.customers; i++) {
    const lambda = gammaDraw(p.r) / p.alpha;
    const mu = gammaDraw(p.s) / p.beta;
    const end = Math.min(t, -Math.log(1 - rng()) / mu);
    let clock = -Math.log(1 - rng()) / lambda;
    while (clock < end) {
      counts[i]++;
      clock += -Math.log(1 - rng()) / lambda;
    }
  }
  return counts;
}
