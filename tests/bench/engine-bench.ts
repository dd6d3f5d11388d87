// The embedded engine end to end: `liftbook recipe lift` (a child process, as a user runs it) on a
// seeded 5,000,000-row CSV and a 20,000,000-row Parquet file, against DuckDB's own SQL for the same
// sums on the same file in the same run, reported as ratios with the CLI's peak RSS.
// `retention` and `clv` entries run once their recipes aggregate in SQL (skipped, and said, before).
// Run: nice npm run bench -- engine   (or: nice node bin/run-ts.js tests/bench/engine-bench.ts [rows])
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { getRecipe } from '../../recipes/registry.js';

const rows = Number(process.argv[2] ?? 5_000_000);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = await mkdtemp(path.join(os.tmpdir(), 'liftbook-engine-bench-'));
console.log(`engine bench; ${rows.toLocaleString('en')} units; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);

const duck = await DuckDBInstance.create(':memory:');
const db = await duck.connect();

// Seeded rows from a hash of the row number: the same file on every machine and run.
const u = (salt: number) => `((hash(i * 7919 + ${salt}) % 1000003) / 1000003.0)`;
async function writeUnits(file: string, n: number, format: 'csv' | 'parquet'): Promise<void> {
  await db.run(`COPY (SELECT i AS customer_id, CASE WHEN ${u(1)} < 0.5 THEN 'control' ELSE 'personalized' END AS variant,
      CASE WHEN ${u(2)} < 0.1 + 0.02 * CAST(${u(1)} >= 0.5 AS INTEGER) THEN 1 ELSE 0 END AS converted,
      round(20 * ${u(3)} + 10 * ${u(4)} * CAST(${u(1)} >= 0.5 AS INTEGER), 2) AS revenue, round(20 * ${u(3)} + 5 * ${u(5)}, 2) AS pre_revenue
    FROM range(${n}) t(i)) TO '${file}' (FORMAT ${format})`);
}

/** Runs the CLI, polling its peak resident memory (VmHWM) until it exits. */
function cli(args: string[]): Promise<{ ms: number; peakMb: number; stdout: string; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin', 'liftbook.js'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      readFile(`/proc/${child.pid}/status`, 'utf8').then((s) => (peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0))), () => {});
    }, 50);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - t0, peakMb: peak / 1024, stdout, stderr, code });
    });
  });
}

async function duckdbTime(sql: string): Promise<number> {
  const t0 = performance.now();
  await db.run(sql);
  return performance.now() - t0;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
let failed = false;
async function compare(label: string, file: string, ownSql: string, cliArgs: string[], limits: { ratio?: number; rssMb: number }) {
  const ours: number[] = [];
  const theirs: number[] = [];
  let peak = 0;
  let engine: unknown;
  for (let i = 0; i < 3; i++) {
    // Alternate, so load from other work on the machine falls on both alike.
    const run = await cli(cliArgs);
    if (run.code !== 0) {
      console.log(`  ${label}: the CLI failed: ${run.stderr}`);
      failed = true;
      return;
    }
    ours.push(run.ms);
    peak = Math.max(peak, run.peakMb);
    engine = JSON.parse(run.stdout).engine;
    theirs.push(await duckdbTime(ownSql));
  }
  const ratio = median(ours) / median(theirs);
  console.log(`  ${label.padEnd(34)} liftbook ${median(ours).toFixed(0).padStart(6)} ms, peak RSS ${peak.toFixed(0)} MB | DuckDB alone ${median(theirs).toFixed(0).padStart(6)} ms | ${ratio.toFixed(2)}x`);
  console.log(`  ${''.padEnd(34)} engine ${JSON.stringify(engine)}`);
  if ((limits.ratio && ratio > limits.ratio) || peak > limits.rssMb) {
    console.log(`  FAIL: ${label} must stay within ${limits.ratio ? `${limits.ratio}x and ` : ''}${limits.rssMb} MB`);
    failed = true;
  }
}

try {
  const csv = path.join(dir, 'units.csv');
  let t = performance.now();
  await writeUnits(csv, rows, 'csv');
  console.log(`  wrote ${csv} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const sums = `variant, count(*), sum(converted), sum(converted * converted), sum(revenue), sum(revenue * revenue), sum(pre_revenue), sum(pre_revenue * pre_revenue), sum(revenue * pre_revenue)`;
  const liftArgs = (file: string) => ['recipe', 'lift', '--input', `units=${file}`, '--param', 'metrics=converted,revenue', '--param', 'covariates={"revenue":"pre_revenue"}'];
  await compare(`lift, ${(rows / 1e6).toFixed(0)}M-row CSV`, csv, `SELECT ${sums} FROM read_csv('${csv}') GROUP BY variant`, liftArgs(csv), { ratio: 1.5, rssMb: 500 });

  const parquet = path.join(dir, 'units.parquet');
  t = performance.now();
  await writeUnits(parquet, rows * 4, 'parquet');
  console.log(`  wrote ${parquet} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await compare(`lift, ${((rows * 4) / 1e6).toFixed(0)}M-row Parquet`, parquet, `SELECT ${sums} FROM read_parquet('${parquet}') GROUP BY variant`, liftArgs(parquet), { rssMb: 1024 });

  for (const id of ['retention', 'clv']) {
    if (!getRecipe(id).aggregate) console.log(`  ${id}: not yet aggregated in SQL, so not benched here (its entry runs once it is)`);
  }
} finally {
  db.closeSync();
  duck.closeSync();
  await rm(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
