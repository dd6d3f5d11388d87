import { describe, expect, test } from 'vitest';
import { parseSourceUrl, redactUrl } from './source-url.js';

describe('parseSourceUrl', () => {
  test('reads a ClickHouse URL, with 8123 and default as the defaults', () => {
    const u = parseSourceUrl('wh', 'clickhouse://reader:p%40ss@warehouse.internal/shop');
    expect(u).toMatchObject({ kind: 'clickhouse', user: 'reader', password: 'p@ss', host: 'warehouse.internal', port: 8123, database: 'shop', secure: false });
    expect(u.shown).toBe('clickhouse://reader:***@warehouse.internal/shop');
    expect(parseSourceUrl('wh', 'clickhouse://h:9000').database).toBe('default');
    expect(parseSourceUrl('wh', 'clickhouses://u:p@h/db')).toMatchObject({ port: 8443, secure: true });
  });

  test('reads postgres:// and postgresql:// the same way', () => {
    for (const scheme of ['postgres', 'postgresql']) {
      const u = parseSourceUrl('db', `${scheme}://app:secret@10.0.0.5:6543/orders?sslmode=require`);
      expect(u).toMatchObject({ kind: 'postgres', user: 'app', password: 'secret', host: '10.0.0.5', port: 6543, database: 'orders', secure: true });
      expect(u.shown).not.toContain('secret');
    }
    expect(parseSourceUrl('db', 'postgres://app@h/x').port).toBe(5432);
  });

  test('refuses "local", odd names, other schemes and non-URLs, never showing the password', () => {
    expect(() => parseSourceUrl('local', 'postgres://a:b@h/x')).toThrow(/"local" is the embedded engine/);
    expect(() => parseSourceUrl('my wh', 'postgres://a:b@h/x')).toThrow(/not usable; use letters/);
    expect(() => parseSourceUrl('wh', 'mysql://a:hunter2@h/x')).toThrow(/mysql:\/\/a:\*\*\*@h\/x is not a supported source/);
    const error = (() => {
      try {
        parseSourceUrl('wh', 'clickhouse:/ /a:hunter2@');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message ?? '').not.toContain('hunter2');
  });
});

describe('redactUrl', () => {
  test('hides the password and secret-looking query values', () => {
    expect(redactUrl('postgres://u:hunter2@h:5432/db?password=x&sslmode=require')).toBe('postgres://u:***@h:5432/db?password=***&sslmode=require');
    expect(redactUrl('no url with hunter2')).toBe('(not a URL)');
  });
});
