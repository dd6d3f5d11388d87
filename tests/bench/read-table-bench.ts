// Input reading speed: liftbook's CSV reader (sniffed delimiter, typed columns, dates) against
// Arquero's own fromCSV on the same text, timed in the same process, on a synthetic 500,000-row
// units file and (when ../shared/datasets/open exists) the real Online Retail file (541,909 rows).
// Run: node bin/run-ts.js tests/bench/read-table-bench.ts [rows]
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { gunzipSync } from 'node:zlib';
import * as aq from 'arquero';
import { readTableBytes } from '../../server/io/read-table.js';

const rows = Number(process.argv[2] ?? 500_000);

async function bench(label: string, text: string, name: string): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  let t0 = performance.now();
  const ours = await readTableBytes(bytes, name);
  const oursMs = performance.now() - t0;
  t0 = performance.now();
  aq.fromCSV(text, { delimiter: name.endsWith('.tsv') ? '\t' : ',' });
  const arqueroMs = performance.now() - t0;
  const mb = bytes.length / 2 ** 20;
  console.log(
    `  ${label.padEnd(28)} ${ours.numRows()} rows, ${mb.toFixed(1)} MB: liftbook ${oursMs.toFixed(0)} ms (${(mb / (oursMs / 1000)).toFixed(1)} MB/s) | ` +
      `arquero fromCSV ${arqueroMs.toFixed(0)} ms | ratio ${(oursMs / arqueroMs).toFixed(2)}`,
  );
}

console.log(`read-table bench; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`);
const lines = ['customer_id,variant,segment,converted,revenue,signup'];
for (let i = 0; i < rows; i++) {
  const converted = (i * 7919) % 10 < 2 ? 1 : 0;
  lines.push(`C${i},${i % 2 ? 'personalized' : 'control'},"seg, ${i % 5}",${converted},${converted ? ((i * 31) % 9000) / 100 : 0},2024-0${1 + (i % 9)}-1${i % 10}`);
}
await bench('synthetic units (quoted)', lines.join('\n') + '\n', 'units.csv');
const retail = new URL('../../../shared/datasets/open/online_retail.csv.gz', import.meta.url);
if (existsSync(retail)) await bench('Online Retail (real)', gunzipSync(readFileSync(retail)).toString('utf8'), 'online_retail.csv');
else console.log('  Online Retail: ../shared/datasets/open/online_retail.csv.gz is absent, skipped.');
