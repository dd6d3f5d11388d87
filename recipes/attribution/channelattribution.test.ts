import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { attribution } from './index.js';

// ChannelAttribution's example data (GPL) lives in the eval-only folder and is never committed.
const FILE = new URL('../../../shared/datasets/eval-only/channelattribution_Data.csv', import.meta.url);
const present = existsSync(FILE);
if (!present) console.log('channelattribution.test: ../shared/datasets/eval-only/channelattribution_Data.csv is absent; skipping the ChannelAttribution comparison.');

describe.skipIf(!present)('ChannelAttribution example data (eval-only)', () => {
  it('heuristics equal an independent first/last/linear-touch pass, as heuristic_models(Data) computes them', async () => {
    const lines = readFileSync(FILE, 'utf8').trim().split(/\r?\n/);
    const header = lines[0]!.split(';');
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(';').map((v, i) => [header[i]!, i === 0 ? v : Number(v)])));
    // Independent recomputation: ChannelAttribution's first/last touch give a path's conversions
    // (and value) to its first/last channel; linear gives each touch an equal share.
    const expected = { first: new Map<string, number>(), last: new Map<string, number>(), linear: new Map<string, number>() };
    const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
    for (const r of rows) {
      const ch = String(r.path).split('>').map((s) => s.trim());
      const conv = Number(r.total_conversions);
      add(expected.first, ch[0]!, conv);
      add(expected.last, ch[ch.length - 1]!, conv);
      for (const c of ch) add(expected.linear, c, conv / ch.length);
    }
    const { result } = await runRecipe(attribution, {
      inputs: { paths: aq.from(rows) },
      params: { conversions: 'total_conversions', value: 'total_conversion_value', nulls: 'total_null', models: ['first', 'last', 'linear', 'markov', 'shapley'] },
    });
    const credits = result.tables.credits!.objects() as { model: 'first' | 'last' | 'linear'; channel: string; conversions: number }[];
    for (const model of ['first', 'last', 'linear'] as const) {
      for (const [channel, conv] of expected[model]) {
        expect(credits.find((r) => r.model === model && r.channel === channel)!.conversions).toBeCloseTo(conv, 6);
      }
    }
    const total = [...expected.first.values()].reduce((a, b) => a + b, 0);
    const markov = credits.filter((r) => (r.model as string) === 'markov').reduce((s, r) => s + r.conversions, 0);
    expect(markov).toBeCloseTo(total, 6);
    expect(result.metrics.channels).toBe(12);
  });
});
