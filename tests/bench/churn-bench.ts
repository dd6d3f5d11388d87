// Churn training speed on 100,000 synthetic customers: per-epoch time of the logistic and MLP
// models with the WASM and the plain JavaScript (cpu) backends, and one full recipe run.
// Run: node bin/run-ts.js tests/bench/churn-bench.ts [customers]
import * as aq from 'arquero';
import os from 'node:os';
import { runRecipe } from '../../recipes/define-recipe.js';
import { churn } from '../../recipes/churn/index.js';
import { encode, fitEncoder } from '../../recipes/ml/encoder.js';
import { createRng } from '../../recipes/ml/rng.js';
import { trainOnThread } from '../../server/runner/train-thread.js';
import type { TrainSpec } from '../../recipes/ml/train-loop.js';

const n = Number(process.argv[2] ?? 100_000);
const rng = createRng(2024);
const plans = ['monthly', 'yearly', 'two-year'];
const channels = ['web', 'app', 'store', 'phone'];
const rows = Array.from({ length: n }, (_, i) => {
  const tenure = Math.floor(rng() * 72);
  const orders = Math.floor(rng() * 30);
  const recency = Math.floor(rng() * 365);
  const spend = Math.round(rng() * 2000);
  const plan = plans[Math.floor(rng() * 3)];
  const channel = channels[Math.floor(rng() * 4)];
  const complaints = rng() < 0.1 ? 1 + Math.floor(rng() * 3) : 0;
  const satisfaction = rng() < 0.05 ? null : 1 + Math.floor(rng() * 5);
  const z = -1 + recency / 120 - tenure / 40 + (plan === 'monthly' ? 1 : -0.5) + complaints * 0.6 - (satisfaction ?? 3) * 0.2 - orders / 30;
  return { id: `c${i}`, tenure, orders, recency, spend, plan, channel, complaints, satisfaction, extra1: rng(), extra2: rng(), churn: rng() < 1 / (1 + Math.exp(-z)) ? 1 : 0 };
});
const customers = aq.from(rows);
const features = ['tenure', 'orders', 'recency', 'spend', 'plan', 'channel', 'complaints', 'satisfaction', 'extra1', 'extra2'];
const columns = Object.fromEntries(features.map((f) => [f, customers.array(f) as ArrayLike<unknown>]));
const all = Int32Array.from({ length: n }, (_, i) => i);
const encoder = fitEncoder(features, columns, all);
const data = { X: encode(encoder, columns), y: Float32Array.from(customers.array('churn') as number[]), n, d: encoder.columns.length };

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const specs: Record<string, TrainSpec> = {
  'logistic (full batch)': { hidden: [], loss: 'logistic', epochs: 20, batchSize: 0, learningRate: 0.05, l2: 1e-4, seed: 1 },
  'mlp 16 (batch 1000)': { hidden: [16], loss: 'logistic', epochs: 3, batchSize: 1000, learningRate: 0.003, l2: 1e-4, seed: 1 },
};

console.log(`churn bench: ${n.toLocaleString('en')} customers × ${data.d} encoded columns; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`);
for (const [name, spec] of Object.entries(specs)) {
  const perEpoch: Record<string, number> = {};
  for (const backend of ['wasm', 'cpu'] as const) {
    // The cpu backend is far slower: two epochs are enough to time it.
    const epochs = backend === 'cpu' ? Math.min(spec.epochs, 2) : spec.epochs;
    const report = await trainOnThread(data, { ...spec, epochs }, { backend });
    // The first epoch includes kernel warm-up; the median of the rest is the steady rate.
    const steady = report.epochMs.length > 1 ? report.epochMs.slice(1) : report.epochMs;
    perEpoch[backend] = median(steady);
    console.log(`  ${name.padEnd(22)} ${report.backend.padEnd(5)} ${perEpoch[backend].toFixed(1).padStart(9)} ms/epoch  (first epoch ${report.epochMs[0].toFixed(0)} ms, ${epochs} epochs)`);
  }
  console.log(`  ${name.padEnd(22)} wasm is ${(perEpoch.cpu / perEpoch.wasm).toFixed(1)}× the cpu backend`);
}

const started = performance.now();
const { result } = await runRecipe(churn, { inputs: { customers }, params: { customer: 'id', label: 'churn', importance_repeats: 2 } });
const total = performance.now() - started;
console.log(
  `  full churn recipe (logistic, 300 epochs, importance, reasons for ${n.toLocaleString('en')}): ${(total / 1000).toFixed(1)} s; held-out AUC ${(result.metrics.auc as number).toFixed(3)}, backend ${result.metrics.backend}`,
);

// The full IBM telco file (7,043 customers; the repo carries a 3,000-customer sample), when the
// shared datasets folder is next to the project.
const telcoPath = new URL('../../../shared/datasets/open/telco_customer_churn_ibm.csv', import.meta.url);
const { existsSync, readFileSync } = await import('node:fs');
if (!existsSync(telcoPath)) {
  console.log('  full telco data: ../shared/datasets/open/telco_customer_churn_ibm.csv is absent, skipped');
} else {
  const telco = aq.fromCSV(readFileSync(telcoPath, 'utf8'), { autoType: false });
  for (const model of ['logistic', 'mlp'] as const) {
    const t = performance.now();
    const { result } = await runRecipe(churn, { inputs: { customers: telco }, params: { customer: 'customerID', label: 'Churn', model } });
    const m = result.metrics as Record<string, number>;
    console.log(
      `  full telco (${telco.numRows()} customers) ${model.padEnd(8)}: AUC ${m.auc.toFixed(3)}, PR-AUC ${m.pr_auc.toFixed(3)}, log loss ${m.log_loss.toFixed(3)}, Brier ${m.brier.toFixed(3)}, ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
}
