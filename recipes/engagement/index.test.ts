import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { engagement } from './index.js';
import { generateShop } from '../../datasets/shop/index.js';
import { studentT } from '../stats/distributions.js';

/** Rows equal up to float rounding (an engine may add in any order). */
const near = (rows: object[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 12) : v])));

const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 12) + s * 1000).toISOString();
// [session, variant, seconds, scroll, interacted], deliberately out of order.
const views = [
  ['s1', 'control', 90, 0.6, 0], ['s1', 'control', 0, 0.2, 0], ['s1', 'control', 30, 0.4, 1],
  ['s2', 'control', 0, 1.0, 0],
  ['s3', 'control', 0, 0.5, 0], ['s3', 'control', 60, 0.5, 0],
  ['s4', 'personalized', 0, 0.8, 1], ['s4', 'personalized', 20, 0.6, 0], ['s4', 'personalized', 40, 0.9, 1], ['s4', 'personalized', 100, 1.0, 0],
  ['s5', 'personalized', 50, 0.7, 1], ['s5', 'personalized', 0, 0.3, 0],
  ['s6', 'personalized', 0, 0.1, 0],
] as const;
const pageviews = aq.from(views.map(([session_id, variant, s, scroll_depth, interacted]) => ({ session_id, variant, timestamp: at(s), scroll_depth, interacted })));

type Row = Record<string, number | string | null>;
const byVariant = (rows: Row[], v: string) => rows.find((r) => r.variant === v)!;

describe('engagement recipe', () => {
  it('aggregates page views into the hand-computed session metrics', async () => {
    const { result } = await runRecipe(engagement, { inputs: { pageviews }, params: { difference: 'absolute' } });
    const rows = result.tables.variants!.objects() as Row[];
    const c = byVariant(rows, 'control');
    const t = byVariant(rows, 'personalized');
    expect(c).toMatchObject({ sessions: 3, bounce_rate: 1 / 3, pages_per_session: 2, avg_session_duration: 50 });
    // control: 150 s over 2 + 0 + 1 timed pages; personalized: 150 s over 3 + 1 + 0
    expect(c.avg_time_on_page).toBe(50);
    expect(t.avg_time_on_page).toBe(37.5);
    expect(c.scroll_depth).toBeCloseTo(3.2 / 6, 12);
    expect(t.scroll_depth).toBeCloseTo(4.4 / 7, 12);
    // numpy.percentile([0.2, 0.4, 0.6, 1, 0.5, 0.5], [25, 50, 75]) → [0.425, 0.5, 0.575]
    expect([c.scroll_depth_p25, c.scroll_depth_median, c.scroll_depth_p75]).toEqual([expect.closeTo(0.425, 12), 0.5, expect.closeTo(0.575, 12)]);
    expect(c.interaction_rate).toBeCloseTo(1 / 6, 12);
    expect(t.interaction_rate).toBeCloseTo(3 / 7, 12);
    // pages per session: scipy.stats.ttest_ind([4, 2, 1], [3, 1, 2], equal_var=False) → p 0.77003, CI (−2.78755, 3.45422)
    const pages = (result.tables.comparisons!.objects() as Row[]).find((r) => r.metric === 'pages_per_session')!;
    expect(pages.effect).toBeCloseTo(1 / 3, 12);
    expect(pages.p_value).toBeCloseTo(0.7700256383911762, 8);
    expect(pages.ci_low).toBeCloseTo(-2.787550618562262, 8);
    expect(pages.ci_high).toBeCloseTo(3.454217285228929, 8);
    expect(result.tables.comparisons!.numRows()).toBe(6);
    expect(result.metrics.sessions).toBe(6);
    expect(result.charts.map((ch) => ch.id)).toEqual(['engagement-by-variant', 'engagement-effects', 'scroll-depth']);
    expect(result.notes.join(' ')).toMatch(/Holm/);
  });

  it('gives the same session metrics from session rows as from page-view rows', async () => {
    const sessions = aq.from([
      { session_id: 's1', variant: 'control', pageviews: 3, duration: 90 }, { session_id: 's2', variant: 'control', pageviews: 1, duration: 0 },
      { session_id: 's3', variant: 'control', pageviews: 2, duration: 60 }, { session_id: 's4', variant: 'personalized', pageviews: 4, duration: 100 },
      { session_id: 's5', variant: 'personalized', pageviews: 2, duration: 50 }, { session_id: 's6', variant: 'personalized', pageviews: 1, duration: 0 },
    ]);
    const a = await runRecipe(engagement, { inputs: { sessions } });
    const b = await runRecipe(engagement, { inputs: { pageviews } });
    const pick = (r: typeof a) => (r.result.tables.comparisons!.objects() as Row[]).filter((x) => x.metric !== 'scroll_depth' && x.metric !== 'interaction_rate');
    const [x, y] = [pick(a), pick(b)];
    expect(x.map((r) => r.metric)).toEqual(['bounce_rate', 'pages_per_session', 'avg_session_duration', 'avg_time_on_page']);
    x.forEach((row, i) => {
      for (const key of ['effect', 'se', 'ci_low', 'ci_high', 'p_value'] as const) expect(row[key] as number).toBeCloseTo(y[i]![key] as number, 10);
    });
  });

  it('rejects bad input with the column and the fix', async () => {
    await expect(runRecipe(engagement, { inputs: { pageviews }, params: { variant: 'arm' } })).rejects.toThrow(/pageviews has no column "arm" \(the variant column\)/);
    const mixed = aq.from((pageviews.objects() as Row[]).map((r, i) => (i === 2 ? { ...r, variant: 'personalized' } : r)));
    await expect(runRecipe(engagement, { inputs: { pageviews: mixed } })).rejects.toThrow(/Session "s1" has page views in two variants/);
    const zero = aq.from([{ variant: 'a', pageviews: 0, duration: 0 }, { variant: 'b', pageviews: 1, duration: 0 }]);
    await expect(runRecipe(engagement, { inputs: { sessions: zero } })).rejects.toThrow(/sessions.pageviews has 0 in 1 row; a session has a whole number of page views/);
    await expect(runRecipe(engagement, { inputs: { pageviews }, params: { control: 'x' } })).rejects.toThrow(/control "x" is not a value/);
    const scroll = pageviews.derive({ scroll_depth: () => 140 });
    await expect(runRecipe(engagement, { inputs: { pageviews: scroll } })).rejects.toThrow(/scroll depth must be a share from 0 to 1/);
    await expect(runRecipe(engagement, { inputs: {} })).rejects.toThrow(/needs one of the input tables "sessions" or "pageviews"/);
  });

  it('reads scroll depth in percent as shares and validates sessions rows by count', async () => {
    const percent = aq.from((pageviews.objects() as Row[]).map((r) => ({ ...r, scroll_depth: 100 * (r.scroll_depth as number) })));
    const a = await runRecipe(engagement, { inputs: { pageviews: percent } });
    const b = await runRecipe(engagement, { inputs: { pageviews } });
    const [x, y] = [a.result.tables.variants!.objects() as Row[], b.result.tables.variants!.objects() as Row[]];
    for (const key of ['scroll_depth', 'scroll_depth_p25', 'scroll_depth_median', 'scroll_depth_p75']) expect(x[0]![key] as number).toBeCloseTo(y[0]![key] as number, 12);
    const typo = aq.from((pageviews.objects() as Row[]).map((r, i) => ({ ...r, scroll_depth: i === 0 ? 'n/a' : i === 1 ? null : String(r.scroll_depth) })));
    await expect(runRecipe(engagement, { inputs: { pageviews: typo } })).rejects.toThrow(/pageviews.scroll_depth \(the scroll_depth column\) has "n\/a" in 1 row, which is not a number/);
    const gap = aq.from((pageviews.objects() as Row[]).map((r, i) => ({ ...r, scroll_depth: i === 1 ? null : r.scroll_depth })));
    const c = ((await runRecipe(engagement, { inputs: { pageviews: gap } })).result.tables.variants!.objects() as Row[])[0]!;
    expect(c.scroll_depth).toBeCloseTo(3.0 / 5, 12);
    const late = aq.from((pageviews.objects() as Row[]).map((r, i) => ({ ...r, timestamp: i === 3 ? 'soon' : r.timestamp })));
    await expect(runRecipe(engagement, { inputs: { pageviews: late } })).rejects.toThrow(/pageviews.timestamp \(the timestamp column\) has "soon" in 1 row, which is not a date/);
    const flag = aq.from([{ variant: 'a', pageviews: 1, duration: 0, bounced: 2 }, { variant: 'b', pageviews: 1, duration: 0, bounced: 1 }]);
    await expect(runRecipe(engagement, { inputs: { sessions: flag } })).rejects.toThrow(/sessions.bounced \(the bounced column\) has 2 in 1 row, which is not 0 or 1/);
    const negative = aq.from([{ variant: 'a', pageviews: 1, duration: -5 }, { variant: 'b', pageviews: 1, duration: 0 }]);
    await expect(runRecipe(engagement, { inputs: { sessions: negative } })).rejects.toThrow(/sessions.duration is negative \(-5\) in 1 row/);
  });

  it('says when scroll depth came back as many distinct values', async () => {
    const many = aq.from(Array.from({ length: 10_050 }, (_, i) => ({ session_id: `s${i >> 1}`, variant: i % 4 < 2 ? 'control' : 'personalized', timestamp: at(i), scroll_depth: i / 10_050 })));
    const { result } = await runRecipe(engagement, { inputs: { pageviews: many } });
    expect(result.notes.join(' ')).toMatch(/scroll_depth has 10,050 distinct values .* round it/);
  });

  it('counts page views per session with hostile column names', async () => {
    const evil = 'sess"; DROP TABLE pageviews; --';
    const hostile = pageviews.rename({ session_id: evil, timestamp: 'lb_seconds' });
    const a = await runRecipe(engagement, { inputs: { pageviews: hostile }, params: { session: evil, timestamp: 'lb_seconds' } });
    const b = await runRecipe(engagement, { inputs: { pageviews } });
    expect(a.result.tables.variants!.objects()).toEqual(near(b.result.tables.variants!.objects()));
  });

  it('recovers the planted engagement effects of the generated shop from its page views', async () => {
    const { tables, truth } = generateShop({ seed: 42, customers: 1500 });
    const planted = (truth as { engagement: Record<string, Record<string, number>> }).engagement;
    const { result } = await runRecipe(engagement, { inputs: { pageviews: aq.from(tables.pageviews!) } });
    const rows = result.tables.variants!.objects() as Row[];
    for (const arm of ['control', 'personalized']) {
      const r = byVariant(rows, arm);
      expect(r.pages_per_session as number).toBeCloseTo(planted.pages_per_session![arm]!, 0);
      expect(Math.abs((r.avg_time_on_page as number) / planted.avg_time_on_page![arm]! - 1)).toBeLessThan(0.08);
      expect(Math.abs((r.scroll_depth as number) - planted.scroll_depth![arm]!)).toBeLessThan(0.02);
      expect(Math.abs((r.interaction_rate as number) - planted.interaction_rate![arm]!)).toBeLessThan(0.03);
      expect(Math.abs((r.bounce_rate as number) - planted.bounce_rate![arm]!)).toBeLessThan(0.03);
    }
    const cmp = result.tables.comparisons!.objects() as Row[];
    const pages = cmp.find((r) => r.metric === 'pages_per_session')!;
    const truthLift = planted.pages_per_session!.personalized! / planted.pages_per_session!.control! - 1;
    expect(pages.ci_low as number).toBeLessThan(truthLift);
    expect(pages.ci_high as number).toBeGreaterThan(truthLift);
  });

  it('matches an independent calculation on real sessions (UCI online shoppers sample, Weekend as the arm)', async () => {
    const text = readFileSync(new URL('../../datasets/open/online_shoppers_intention_sample.csv', import.meta.url), 'utf8');
    const raw = aq.fromCSV(text);
    const rows = (raw.objects() as Record<string, unknown>[])
      .map((r) => ({
        variant: String(r.Weekend).toUpperCase() === 'TRUE' ? 'weekend' : 'weekday',
        pageviews: Number(r.Administrative) + Number(r.Informational) + Number(r.ProductRelated),
        duration: Number(r.Administrative_Duration) + Number(r.Informational_Duration) + Number(r.ProductRelated_Duration),
      }))
      .filter((r) => r.pageviews > 0);
    const { result } = await runRecipe(engagement, { inputs: { sessions: aq.from(rows) }, params: { control: 'weekday', difference: 'absolute' } });
    // Independent: plain means and a Welch t-test written out here.
    const arm = (v: string) => rows.filter((r) => r.variant === v);
    const stats = (xs: number[]) => {
      const n = xs.length;
      const m = xs.reduce((a, b) => a + b, 0) / n;
      return { n, m, v: xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1) };
    };
    const c = stats(arm('weekday').map((r) => r.pageviews));
    const t = stats(arm('weekend').map((r) => r.pageviews));
    const se = Math.sqrt(c.v / c.n + t.v / t.n);
    const dof = (c.v / c.n + t.v / t.n) ** 2 / ((c.v / c.n) ** 2 / (c.n - 1) + (t.v / t.n) ** 2 / (t.n - 1));
    const p = 2 * studentT(-Math.abs((t.m - c.m) / se), dof);
    const cmp = (result.tables.comparisons!.objects() as Row[]).find((r) => r.metric === 'pages_per_session')!;
    expect(cmp.effect).toBeCloseTo(t.m - c.m, 10);
    expect(cmp.se).toBeCloseTo(se, 10);
    expect(cmp.p_value).toBeCloseTo(p, 10);
    const v = result.tables.variants!.objects() as Row[];
    const weekday = arm('weekday');
    expect(byVariant(v, 'weekday').bounce_rate).toBeCloseTo(weekday.filter((r) => r.pageviews === 1).length / weekday.length, 12);
    const timed = weekday.reduce((s, r) => s + r.pageviews - 1, 0);
    expect(byVariant(v, 'weekday').avg_time_on_page).toBeCloseTo(weekday.reduce((s, r) => s + r.duration, 0) / timed, 9);
    expect(result.metrics.sessions).toBe(rows.length);
  });
});

describe('engagement cancellation', () => {
  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const views = aq.from([{ session_id: 'a', variant: 'control', timestamp: '2025-01-01' }, { session_id: 'b', variant: 'x', timestamp: '2025-01-01' }]);
    await expect(engagement.run({ inputs: { pageviews: views }, params: engagement.params.parse({}), progress: () => {}, signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});
