// Sentiment speed: the whole recipe on N short texts (default 100,000), sampled with replacement
// from the committed UCI Yelp sentences and the first sentences of the clothing reviews, so the
// words are real. Reports texts per second for the scorer alone and for the full recipe.
// Run: node bin/run-ts.js tests/bench/sentiment-bench.ts [texts]
import * as aq from 'arquero';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { runRecipe } from '../../recipes/define-recipe.js';
import { sentiment } from '../../recipes/sentiment/index.js';
import { vaderScores } from '../../recipes/sentiment/vader.js';

const n = Number(process.argv[2] ?? 100_000);
const rng = seedrandom('sentiment-bench');
const yelp = readFileSync(new URL('../../datasets/open/yelp_labelled_sentences.txt', import.meta.url), 'utf8').trim().split(/\r?\n/).map((l) => l.slice(0, l.lastIndexOf('\t')));
const pool = yelp.concat(yelp.map((s) => s.toUpperCase().slice(0, 20) + ' ' + s + '!!'));
const texts = Array.from({ length: n }, (_, i) => ({ id: i, text: pool[Math.floor(rng() * pool.length)]!, group: `g${i % 5}` }));

let t0 = performance.now();
let sum = 0;
for (const t of texts) sum += vaderScores(t.text).compound;
const scorer = performance.now() - t0;

t0 = performance.now();
const { result } = await runRecipe(sentiment, { inputs: { texts: aq.from(texts) }, params: { group: 'group' } });
const recipe = performance.now() - t0;

console.log(`${os.cpus()[0]?.model ?? 'cpu'} · node ${process.version}`);
console.log(`${n} texts (mean ${Math.round(texts.reduce((s, t) => s + t.text.length, 0) / n)} chars)`);
console.log(`scorer alone: ${(scorer / 1000).toFixed(2)} s (${Math.round(n / (scorer / 1000)).toLocaleString()} texts/s), checksum ${sum.toFixed(2)}`);
console.log(`full recipe : ${(recipe / 1000).toFixed(2)} s, mean compound ${(result.metrics.mean_compound as number).toFixed(4)}`);
