import { describe, expect, test } from 'vitest';
import { dialects } from '../../recipes/sql/dialects.js';
import { inlineParams } from './inline-params.js';

const ch = dialects.clickhouse;

describe('inlineParams', () => {
  test('replaces $1… with quoted literals', () => {
    expect(inlineParams('SELECT * FROM t WHERE a = $1 AND b > $2 AND c = $10', ["x'y", 2.5, 0, 0, 0, 0, 0, 0, 0, true], ch)).toBe(
      "SELECT * FROM t WHERE a = 'x\\'y' AND b > 2.5 AND c = 1",
    );
  });

  test('leaves placeholders inside strings, quoted names and comments alone', () => {
    const sql = "SELECT '$1', 'it\\'s $1', `$1`, \"$2\" -- $1\n, /* $2 */ $1";
    expect(inlineParams(sql, ['v', 'w'], ch)).toBe("SELECT '$1', 'it\\'s $1', `$1`, \"$2\" -- $1\n, /* $2 */ 'v'");
  });

  test('a value cannot end its string: quotes and backslashes are escaped', () => {
    const out = inlineParams('SELECT $1', ["\\'; DROP TABLE units; --"], ch);
    expect(out).toBe("SELECT '\\\\\\'; DROP TABLE units; --'");
  });

  test('writes dates as UTC text and null as NULL', () => {
    expect(inlineParams('SELECT $1, $2', [new Date('2025-01-05T10:00:00.250Z'), null], ch)).toBe("SELECT '2025-01-05 10:00:00', NULL");
  });

  test('a missing value or an object is an error naming the placeholder', () => {
    expect(() => inlineParams('SELECT $2', ['a'], ch)).toThrow('The query uses $2 but 1 parameter was given');
    expect(() => inlineParams('SELECT $1', [{ a: 1 }], ch)).toThrow('Parameter $1 is an object');
    expect(() => inlineParams('SELECT $1', [NaN], ch)).toThrow(/finite number/);
  });
});
