// The embedded engine end to end, as a user runs each side: `liftbook recipe <id>` (a child
// process) against DuckDB alone in its own fresh child process (`node` + @duckdb/node-api: start,
// load, the hand-written SQL for the same figures on the same file, every result row read), on
// seeded generated files: lift on a 5,000,000-row CSV and a 20,000,000-row Parquet file,
// retention on 5,000,000 events of ~500,000 customers, clv on 5,000,000 transactions (DuckDB's
// per-customer frequency/recency/T/monetary summary against liftbook's summary and model fits,
// printed with --format table; the same run writing every customer's row as JSON is timed after it).
// Runs alternate (ours, theirs) and the median of 3 is reported, as a ratio, with peak RSS; the
// warm in-process DuckDB time of the same SQL is printed for transparency. Exits 1 naming every
// missed bound.
// Run: nice npm run bench -- engine   (or: nice node bin/run-ts.js tests/bench/engine-bench.ts [rows] [entry…])
// LIFTBOOK_BENCH_DIR=<folder> keeps (and reuses) the generated files there.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const rows = Number(process.argv[2] ?? 5_000_000);
const only = process.argv.slice(3);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.env.LIFTBOOK_BENCH_DIR;
const dir = keep ? path.resolve(keep) : await mkdtemp(path.join(os.tmpdir(), 'liftbook-engine-bench-'));
await mkdir(dir, { recursive: true });
const load = () => os.loadavg()[0]!.toFixed(1);
console.log(`engine bench; ${rows.toLocaleString('en')} rows; ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load ${load()}, Node ${process.version}`);

const duck = await DuckDBInstance.create(':memory:');
const db = await duck.connect();

// Seeded values from a hash of the row (or customer) number: the same files on every machine and run.
const u = (salt: number, of = 'i') => `((hash(${of} * 7919 + ${salt}) % 1000003) / 1000003.0)`;
const customers = Math.max(1, Math.round(rows / 10));

/** Writes `select` to `file` unless a kept folder already has it. */
async function write(file: string, select: string, format: 'csv' | 'parquet'): Promise<void> {
  if (keep && existsSync(file)) return;
  const t = performance.now();
  await db.run(`COPY (${select}) TO '${file}' (FORMAT ${format})`);
  console.log(`  wrote ${path.basename(file)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const unitsSelect = (n: number) =>
  `SELECT i AS customer_id, CASE WHEN ${u(1)} < 0.5 THEN 'control' ELSE 'personalized' END AS variant,
      CASE WHEN ${u(2)} < 0.1 + 0.02 * CAST(${u(1)} >= 0.5 AS INTEGER) THEN 1 ELSE 0 END AS converted,
      round(20 * ${u(3)} + 10 * ${u(4)} * CAST(${u(1)} >= 0.5 AS INTEGER), 2) AS revenue, round(20 * ${u(3)} + 5 * ${u(5)}, 2) AS pre_revenue
    FROM range(${n}) t(i)`;

// Activity over 2025, as buy-till-you-die models expect it: each customer arrives on a day of the
// year, stays for an exponential lifetime (mean 150 days) and is active on uniform days until
// then; of three times as many draws, those within the lifetime are kept, the first `rows` of them.
const activitySelect = (amount: boolean) =>
  `SELECT c AS customer, TIMESTAMP '2025-01-01' + to_seconds(CAST(day * 86400 + floor(86400 * ${u(14)}) AS BIGINT)) AS timestamp
      ${amount ? `, round((10 + 40 * ${u(15, 'c')}) * (0.5 + ${u(16)}), 2) AS amount` : ''}
    FROM (SELECT i, c, s + floor((365 - s) * ${u(12)}) AS day, s + 1 + floor(-150 * ln(1 - ${u(18, 'c')})) AS death
      FROM (SELECT i, c, floor(364 * ${u(17, 'c')}) AS s FROM (SELECT i, hash(i * 7919 + 11) % ${customers} AS c FROM range(${rows * 3}) t(i))))
    WHERE day < death LIMIT ${rows}`;

interface Run {
  ms: number;
  /** CPU time (user + system, all threads) as of the last poll before exit. */
  cpuMs: number;
  peakMb: number;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs `node args…`, polling its peak resident memory (VmHWM) until it exits. */
function child(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, args, { cwd: root });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let ticks = 0;
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      readFile(`/proc/${proc.pid}/status`, 'utf8').then((s) => (peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0))), () => {});
      // utime and stime, fields 14 and 15 of stat (counted after the parenthesised command name).
      readFile(`/proc/${proc.pid}/stat`, 'utf8').then((s) => {
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        ticks = Math.max(ticks, Number(f[11]) + Number(f[12]));
      }, () => {});
    }, 50);
    proc.on('exit', (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - t0, cpuMs: ticks * 10, peakMb: peak / 1024, stdout, stderr, code });
    });
  });
}

// DuckDB as a user runs it from Node: a fresh process opens an in-memory database, runs the SQL
// and reads every result row (what a script would hand on), then exits.
const DUCKDB_ALONE = `
import { DuckDBInstance } from '@duckdb/node-api';
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const result = await connection.runAndReadAll(process.argv[1]);
console.log(JSON.stringify({ rows: result.currentRowCount }));
`;
const duckdbAlone = (sql: string) => child(['--input-type=module', '-e', DUCKDB_ALONE, sql]);

async function duckdbWarm(sql: string): Promise<number> {
  const t0 = performance.now();
  await db.runAndReadAll(sql);
  return performance.now() - t0;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
const missed: string[] = [];

interface Entry {
  label: string;
  /** The hand-written DuckDB SQL giving the same figures. */
  sql: string;
  cli: string[];
  ratio?: number;
  rssMb?: number;
}

async function compare({ label, sql, cli, ratio: maxRatio, rssMb }: Entry): Promise<void> {
  const ours: number[] = [];
  const theirs: number[] = [];
  const ourCpu: number[] = [];
  const theirCpu: number[] = [];
  const warm: number[] = [];
  let peak = 0;
  let theirPeak = 0;
  let engine: unknown;
  const out = path.join(dir, 'out.json');
  for (let i = 0; i < 3; i++) {
    // Alternate, so load from other work on the machine falls on both alike.
    const run = await child([path.join(root, 'bin', 'liftbook.js'), ...cli, '--out', out]);
    if (run.code !== 0) {
      missed.push(`${label}: the CLI failed (${run.stderr.trim()})`);
      console.log(`  ${label}: the CLI failed: ${run.stderr}`);
      return;
    }
    ours.push(run.ms);
    ourCpu.push(run.cpuMs);
    peak = Math.max(peak, run.peakMb);
    // `--format table` prints no engine report.
    const text = await readFile(out, 'utf8');
    engine = text.startsWith('{') ? JSON.parse(text).engine : 'not printed by --format table';
    const alone = await duckdbAlone(sql);
    if (alone.code !== 0) throw new Error(`DuckDB alone failed on ${label}: ${alone.stderr}`);
    theirs.push(alone.ms);
    theirCpu.push(alone.cpuMs);
    theirPeak = Math.max(theirPeak, alone.peakMb);
    warm.push(await duckdbWarm(sql));
  }
  const ratio = median(ours) / median(theirs);
  const ms = (v: number[]) => `${median(v).toFixed(0).padStart(6)} ms`;
  console.log(`  ${label}`);
  console.log(`    liftbook ${ms(ours)}, peak RSS ${peak.toFixed(0).padStart(4)} MB | DuckDB alone ${ms(theirs)}, peak RSS ${theirPeak.toFixed(0).padStart(4)} MB | ${ratio.toFixed(2)}x` +
    `${maxRatio ? ` (bound ${maxRatio}x)` : ''} | DuckDB warm in-process ${ms(warm)} | load ${load()}`);
  console.log(`    CPU time (user + system, median): liftbook ${ms(ourCpu)} | DuckDB alone ${ms(theirCpu)} | ${(median(ourCpu) / median(theirCpu)).toFixed(2)}x (less sensitive to the machine's load than wall time)`);
  console.log(`    runs: liftbook ${ours.map((t) => t.toFixed(0)).join(', ')} ms; DuckDB alone ${theirs.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`    engine ${JSON.stringify(engine)}`);
  if (maxRatio && ratio > maxRatio) missed.push(`${label}: ${ratio.toFixed(2)}x DuckDB alone, bound ${maxRatio}x`);
  if (rssMb && peak > rssMb) missed.push(`${label}: peak RSS ${peak.toFixed(0)} MB, bound ${rssMb} MB`);
}

// The CLI builds its cached bundle on the first command after a source change: not a run to time.
await child([path.join(root, 'bin', 'liftbook.js'), 'recipes', '--json']);

const wanted = (name: string) => only.length === 0 || only.includes(name);
try {
  const sums = `variant, count(*), sum(converted), sum(converted * converted), sum(revenue), sum(revenue * revenue), sum(pre_revenue), sum(pre_revenue * pre_revenue), sum(revenue * pre_revenue)`;
  const liftArgs = (file: string) => ['recipe', 'lift', '--input', `units=${file}`, '--param', 'metrics=converted,revenue', '--param', 'covariates={"revenue":"pre_revenue"}'];
  const millions = (n: number) => (n >= 1e6 ? `${+(n / 1e6).toFixed(1)}M` : n.toLocaleString('en'));

  if (wanted('lift-csv')) {
    const csv = path.join(dir, `units-${rows}.csv`);
    await write(csv, unitsSelect(rows), 'csv');
    await compare({ label: `lift, ${millions(rows)}-row CSV`, sql: `SELECT ${sums} FROM read_csv('${csv}') GROUP BY variant`, cli: liftArgs(csv), ratio: 1.5, rssMb: 500 });
  }

  if (wanted('retention')) {
    const events = path.join(dir, `events-${rows}-v2.csv`);
    await write(events, activitySelect(false), 'csv');
    // The weekly (Sunday) cohort table of recurring cohorts: customers active in week i and in week i + j.
    const weeks = `SELECT DISTINCT customer AS c, date_trunc('week', timestamp + INTERVAL 1 DAY) - INTERVAL 1 DAY AS w FROM read_csv('${events}')`;
    const sql = `WITH a AS (${weeks}) SELECT x.w AS cohort, datediff('week', x.w, y.w) AS period, count(*) AS customers FROM a x JOIN a y ON x.c = y.c AND y.w >= x.w GROUP BY ALL`;
    await compare({ label: `retention, ${millions(rows)} events of ${customers.toLocaleString('en')} customers`, sql, cli: ['recipe', 'retention', '--input', `events=${events}`], ratio: 1.5 });
  }

  if (wanted('clv')) {
    const tx = path.join(dir, `transactions-${rows}-v2.csv`);
    await write(tx, activitySelect(true), 'csv');
    // Per customer, purchases merged per day: frequency (repeat days), recency and T in weeks from
    // the first day to the last and to the last day of the file, and the mean value of the repeat days.
    const sql = `WITH d AS (SELECT customer AS c, floor(epoch(timestamp) / 86400) AS d, sum(amount) AS v FROM read_csv('${tx}') GROUP BY ALL),
      f AS (SELECT c, min(d) AS first, max(d) AS last, count(*) - 1 AS frequency, sum(v) - arg_min(v, d) AS repeat_value FROM d GROUP BY c)
      SELECT c AS customer, frequency, (last - first) / 7 AS recency, ((SELECT max(d) FROM d) - first) / 7 AS T,
        CASE WHEN frequency > 0 THEN repeat_value / frequency ELSE 0 END AS monetary_value FROM f`;
    const clvArgs = ['recipe', 'clv', '--input', `transactions=${tx}`];
    const of = `${millions(rows)} transactions of ${customers.toLocaleString('en')} customers`;
    // The bound is on the summary SQL and the fits: `--format table` prints the fitted model and
    // the first customers (the run still scores every customer and builds every table).
    await compare({ label: `clv, ${of} (summary + fits, --format table)`, sql, cli: [...clvArgs, '--format', 'table'], ratio: 2 });
    // Unbounded, for the record: the same run writing every customer's row as JSON (115 MB).
    await compare({ label: `clv, ${of}, every customer's row as JSON`, sql, cli: clvArgs });
  }

  if (wanted('lift-parquet')) {
    const parquet = path.join(dir, `units-${rows * 4}.parquet`);
    await write(parquet, unitsSelect(rows * 4), 'parquet');
    await compare({ label: `lift, ${millions(rows * 4)}-row Parquet`, sql: `SELECT ${sums} FROM read_parquet('${parquet}') GROUP BY variant`, cli: liftArgs(parquet), rssMb: 1024 });
  }
} finally {
  db.closeSync();
  duck.closeSync();
  if (!keep) await rm(dir, { recursive: true, force: true });
}
if (missed.length) {
  console.log(`\nMISSED ${missed.length} bound${missed.length > 1 ? 's' : ''}:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
  process.exit(1);
}
console.log('\nevery bound met');
