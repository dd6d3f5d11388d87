import { describe, expect, it } from 'vitest';
import { isBundledDataset, listBundledDatasets, loadBundledDataset } from './bundled.js';

describe('bundled datasets', () => {
  it('lists the shop tables and the open samples with source and licence', () => {
    const list = listBundledDatasets();
    expect(list.map((d) => d.name)).toContain('shop/units');
    expect(list.map((d) => d.name)).toContain('open/cdnow_summary');
    for (const d of list) {
      expect(d.title).not.toBe('');
      expect(d.license).not.toBe('');
      expect(d.source).not.toBe('');
    }
    expect(isBundledDataset('shop/orders')).toBe(true);
    expect(isBundledDataset('orders.csv')).toBe(false);
  });

  it('loads every open sample as a non-empty typed table', async () => {
    for (const { name } of listBundledDatasets().filter((d) => d.name.startsWith('open/'))) {
      const table = await loadBundledDataset(name);
      expect(table.numRows(), name).toBeGreaterThan(100);
    }
    const cdnow = await loadBundledDataset('open/cdnow_summary');
    expect(cdnow.numRows()).toBe(2357);
    expect(cdnow.columnNames()).toEqual(['ID', 'frequency', 'recency', 'T']);
    expect(typeof cdnow.get('recency', 0)).toBe('number');
    const retail = await loadBundledDataset('open/online_retail');
    expect(retail.get('InvoiceDate', 0)).toBeInstanceOf(Date);
  });

  it('loads a generated shop table, the same for the same seed, different for another', async () => {
    const a = await loadBundledDataset('shop/units', { seed: 3, customers: 300 });
    const b = await loadBundledDataset('shop/units', { seed: 3, customers: 300 });
    const c = await loadBundledDataset('shop/units', { seed: 4, customers: 300 });
    expect(a.numRows()).toBe(300);
    expect(a.columnNames()).toEqual(expect.arrayContaining(['customer_id', 'variant', 'converted', 'revenue']));
    expect(b.objects()).toEqual(a.objects());
    expect(c.objects()).not.toEqual(a.objects());
    const orders = await loadBundledDataset('shop/orders', { seed: 3, customers: 300 });
    expect(orders.get('timestamp', 0)).toBeInstanceOf(Date);
  });

  it('names the available datasets when the name is unknown', async () => {
    await expect(loadBundledDataset('shop/nope')).rejects.toThrow(/no bundled dataset "shop\/nope"\. Available: shop\/customers, .*open\/cdnow_summary/);
  });
});
