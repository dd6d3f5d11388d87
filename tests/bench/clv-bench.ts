// CLV model fitting speed: BG/NBD, Pareto/NBD and Gamma-Gamma on the CDNOW summary, BG/NBD on a
// 1,000,000-customer synthetic summary, and (when the eval-only folder exists) the raw CDNOW
// master log. Each likelihood evaluation is reported against a plain reduction over the same
// arrays (Σ ln(α + T)), timed in the same process, so the ratio is comparable across machines.
// Run: node bin/run-ts.js tests/bench/clv-bench.ts [customers]
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { bgnbdLogLikelihood, fitBgNbd } from '../../recipes/clv/bgnbd.js';
import { loadCdnowSummary } from '../../recipes/clv/cdnow-fixture.js';
import { fitGammaGamma, gammaGammaLogLikelihood } from '../../recipes/clv/gamma-gamma.js';
import { fitParetoNbd, paretoNbdLogLikelihood } from '../../recipes/clv/pnbd.js';
import { summarizeTransactions } from '../../recipes/clv/summary.js';
import type { FitReport } from '../../recipes/clv/optimize.js';

const n = Number(process.argv[2] ?? 1_000_000);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];

/** Median wall time (ms) of `f` over `repeats` runs after one warm-up. */
function time(f: () => unknown, repeats = 7): number {
  f();
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    f();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

function plainReduction(T: ArrayLike<number>): () => number {
  return () => {
    let s = 0;
    for (let i = 0; i < T.length; i++) s += Math.log(4.4 + T[i]);
    return s;
  };
}

function report(label: string, fitMs: number, evalMs: number, refMs: number, r: FitReport, params: Record<string, number>) {
  const p = Object.entries(params).map(([k, v]) => `${k}=${v.toFixed(4)}`).join(' ');
  console.log(
    `  ${label.padEnd(26)} fit ${fitMs.toFixed(0).padStart(6)} ms | one log-likelihood ${evalMs.toFixed(2)} ms = ${(evalMs / refMs).toFixed(1)}× a plain Σ ln(α+T) | ` +
      `${r.iterations} CG iterations, gradient norm ${r.gradientNorm.toExponential(1)}, converged ${r.converged} | ${p}`,
  );
}

console.log(`clv bench; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`);

// 1. The CDNOW summary (2,357 customers), as in the papers.
const cdnow = loadCdnowSummary();
const data = { frequency: cdnow.map((c) => c.x), recency: cdnow.map((c) => c.t_x), T: cdnow.map((c) => c.T) };
const ref = time(plainReduction(data.T), 51);
console.log(`CDNOW summary: ${cdnow.length} customers (plain reduction ${(ref * 1000).toFixed(1)} µs)`);
{
  const ll = bgnbdLogLikelihood(data);
  const evalMs = time(() => ll({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), 51);
  const t0 = performance.now();
  const fit = fitBgNbd(data);
  report('BG/NBD', performance.now() - t0, evalMs, ref, fit.report, { ...fit.params });
}
{
  const ll = paretoNbdLogLikelihood(data);
  const evalMs = time(() => ll({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }), 21);
  const t0 = performance.now();
  const fit = fitParetoNbd(data);
  report('Pareto/NBD', performance.now() - t0, evalMs, ref, fit.report, { ...fit.params });
}
{
  const rep = cdnow.filter((c) => c.x > 0);
  const ll = gammaGammaLogLikelihood(rep.map((c) => c.x), rep.map((c) => c.zbar));
  const evalMs = time(() => ll({ p: 6.25, q: 3.74, v: 15.44 }), 51);
  const repRef = time(plainReduction(rep.map((c) => c.T)), 51);
  const t0 = performance.now();
  const fit = fitGammaGamma(rep.map((c) => c.x), rep.map((c) => c.zbar));
  report('Gamma-Gamma (946 repeat)', performance.now() - t0, evalMs, repRef, fit.report, { ...fit.params });
}

// 2. A synthetic BG/NBD summary of n customers (39-week calibration, first purchases over 12 weeks).
{
  const rng = seedrandom('clv-bench');
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(rng(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = Math.sqrt(-2 * Math.log(rng() || 1e-300)) * Math.cos(2 * Math.PI * rng());
      const v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(rng()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const t0 = performance.now();
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lambda = gamma(truth.r) / truth.alpha;
    const u = gamma(truth.a);
    const p = u / (u + gamma(truth.b));
    T[i] = Math.round((39 - 12 * rng()) * 7) / 7;
    let t = 0;
    for (;;) {
      t += -Math.log(1 - rng()) / lambda;
      if (t > T[i]) break;
      frequency[i]++;
      recency[i] = t;
      if (rng() < p) break;
    }
  }
  const simMs = performance.now() - t0;
  const big = { frequency, recency, T };
  const bigRef = time(plainReduction(T), 11);
  const ll = bgnbdLogLikelihood(big);
  const evalMs = time(() => ll(truth), 11);
  let calls = 0;
  const t1 = performance.now();
  const fit = fitBgNbd(big, { onIteration: () => calls++ });
  console.log(`Synthetic summary: ${n.toLocaleString('en')} customers drawn in ${simMs.toFixed(0)} ms (plain reduction ${bigRef.toFixed(2)} ms); truth r=0.243 alpha=4.414 a=0.793 b=2.426`);
  report('BG/NBD', performance.now() - t1, evalMs, bigRef, fit.report, { ...fit.params });
}

// 3. The raw CDNOW master log (eval-only; not in the repository).
const master = fileURLToPath(new URL('../../../shared/datasets/eval-only/CDNOW_master.txt', import.meta.url));
if (!existsSync(master)) console.log(`CDNOW master: skipped — ${master} is absent (eval-only data).`);
else {
  const t0 = performance.now();
  const lines = readFileSync(master, 'utf8').trim().split(/\r?\n/);
  const customers: string[] = [];
  const times: number[] = [];
  const amounts: number[] = [];
  for (const line of lines) {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    customers.push(id);
    times.push(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)));
    amounts.push(+dollars);
  }
  const s = summarizeTransactions({ customers, times, amounts }, { calibrationEnd: Date.UTC(1997, 8, 30), observationEnd: Date.UTC(1998, 5, 30), unit: 'week' });
  const summaryMs = performance.now() - t0;
  const t1 = performance.now();
  const fit = fitBgNbd(s);
  const mRef = time(plainReduction(s.T), 21);
  const ll = bgnbdLogLikelihood(s);
  const evalMs = time(() => ll(fit.params), 21);
  console.log(`CDNOW master: ${lines.length.toLocaleString('en')} transactions → ${s.customers.length.toLocaleString('en')} customers summarised in ${summaryMs.toFixed(0)} ms`);
  report('BG/NBD', performance.now() - t1, evalMs, mRef, fit.report, { ...fit.params });
}
