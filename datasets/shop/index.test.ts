import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateShop, SHOP_TABLES } from './index.js';

const shop = generateShop({ seed: 7, customers: 4000 });
const truth = shop.truth as any;

function rate(rows: Record<string, unknown>[], col: string, where: (r: any) => boolean): { p: number; n: number } {
  const sel = rows.filter(where);
  return { p: sel.reduce((s, r) => s + Number(r[col]), 0) / sel.length, n: sel.length };
}

describe('the generated bookstore', () => {
  it('is the same shop for the same seed and a different one for another seed', () => {
    const again = generateShop({ seed: 7, customers: 300 });
    expect(generateShop({ seed: 7, customers: 300 })).toEqual(again);
    expect(generateShop({ seed: 8, customers: 300 }).tables.units).not.toEqual(again.tables.units);
  });

  it('has every table and column that SCHEMA.md documents', () => {
    const schema = readFileSync(new URL('./SCHEMA.md', import.meta.url), 'utf8');
    for (const name of SHOP_TABLES) {
      const line = schema.split('\n').find((l) => l.startsWith(`| \`${name}\``));
      expect(line, name).toBeDefined();
      const documented = line!.split('|')[3].replace(/\([^)]*\)/g, '').split(',').map((c) => c.trim().split(' ')[0]);
      expect(Object.keys(shop.tables[name][0]).sort()).toEqual([...documented].sort());
    }
  });

  it('randomizes about half the customers into each arm', () => {
    const personalized = shop.tables.units.filter((u) => u.variant === 'personalized').length;
    expect(Math.abs(personalized - 2000)).toBeLessThan(4 * Math.sqrt(4000 * 0.25));
  });

  it('plants a conversion lift that simple arm means recover within their standard errors', () => {
    const c = rate(shop.tables.units, 'converted', (u) => u.variant === 'control');
    const t = rate(shop.tables.units, 'converted', (u) => u.variant === 'personalized');
    const se = (x: { p: number; n: number }) => Math.sqrt((x.p * (1 - x.p)) / x.n);
    expect(Math.abs(c.p - truth.conversion.control)).toBeLessThan(4 * se(c));
    expect(Math.abs(t.p - truth.conversion.personalized)).toBeLessThan(4 * se(t));
    expect(truth.conversion_by_segment.collector.relative_lift).toBeGreaterThan(truth.conversion_by_segment.bargain_hunter.relative_lift);
  });

  it('plants engagement differences: bounce rate exp(−μ) and pages per session 1 + μ', () => {
    for (const arm of ['control', 'personalized'] as const) {
      const b = rate(shop.tables.sessions, 'bounced', (s) => s.variant === arm);
      expect(Math.abs(b.p - truth.engagement.bounce_rate[arm])).toBeLessThan(4 * Math.sqrt((b.p * (1 - b.p)) / b.n));
      const pages = rate(shop.tables.sessions, 'pageviews', (s) => s.variant === arm);
      expect(pages.p).toBeCloseTo(truth.engagement.pages_per_session[arm], 1);
    }
  });

  it('keeps orders, sessions and units consistent', () => {
    const sessionRevenue = shop.tables.sessions.reduce((s, x) => s + Number(x.revenue), 0);
    const unitRevenue = shop.tables.units.reduce((s, x) => s + Number(x.revenue), 0);
    expect(unitRevenue).toBeCloseTo(sessionRevenue, 0);
    const converted = new Set(shop.tables.sessions.filter((s) => s.converted === 1).map((s) => s.customer_id));
    expect(shop.tables.units.filter((u) => u.converted === 1).length).toBe(converted.size);
  });

  it('refuses a customer count it cannot make', () => {
    expect(() => generateShop({ customers: 3 })).toThrow(/customers must be an integer from 10/);
  });
});
