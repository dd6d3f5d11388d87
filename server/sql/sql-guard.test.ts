import { describe, expect, it } from 'vitest';
import { checkSql } from './sql-guard.js';
import { sqlTokens } from './sql-tokens.js';

const refused = (sql: string, kind: 'duckdb' | 'postgres' | 'clickhouse' = 'duckdb') => {
  try {
    checkSql(sql, kind);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('checkSql on the local engine', () => {
  it('lets reading queries through, whatever letters sit in strings, names and comments', () => {
    for (const sql of [
      'SELECT * FROM "shop/units"',
      'select arm, count(*) from "shop/units" group by 1;',
      "WITH t AS (SELECT 1 AS x) SELECT x, 'read_csv(''/etc/passwd'')' AS s FROM t -- COPY t TO 'x'",
      'FROM "open/online_retail" LIMIT 5',
      '(SELECT 1) UNION ALL (SELECT 2)',
      'SELECT "update", t."delete" FROM (VALUES (1, 2)) AS t("update", "delete")',
      'SELECT $1::INTEGER + $2',
      "SELECT $$ATTACH 'x'$$ AS s",
      'DESCRIBE "shop/units"',
    ]) {
      expect(refused(sql), sql).toBeNull();
    }
  });

  it('refuses reading files or the network, naming the way to read a dataset', () => {
    expect(refused("SELECT * FROM read_csv('/etc/passwd')")).toMatch(/read_csv\(\) is not allowed: SQL on the local source cannot read files.*FROM "shop\/units"/);
    expect(refused("SELECT * FROM READ_PARQUET('https://example.com/x.parquet')")).toMatch(/READ_PARQUET\(\) is not allowed/);
    expect(refused("SELECT * FROM '/etc/passwd'")).toMatch(/FROM '\/etc\/passwd' would read a file/);
    expect(refused("SELECT * FROM \"shop/units\" u JOIN '/etc/passwd' p ON true")).toMatch(/would read a file/);
    expect(refused("SELECT * FROM \"shop/units\", '/etc/passwd'")).toMatch(/would read a file/);
    expect(refused("SELECT * FROM glob('/*')")).toMatch(/glob\(\) is not allowed/);
    expect(refused("SELECT * FROM query('SELECT 1')")).toMatch(/query\(\) is not allowed/);
    expect(refused("SELECT getenv('HOME')")).toMatch(/getenv\(\) is not allowed/);
    // Standard SQL strings have no backslash escape: this quote ends the string, read_csv is a call.
    expect(refused("SELECT 'a\\', read_csv('/etc/passwd')")).toMatch(/read_csv\(\) is not allowed/);
  });

  it('refuses COPY, ATTACH, INSTALL, LOAD, SET and every other statement that is not a read', () => {
    expect(refused("COPY (SELECT 1) TO '/tmp/x.csv'")).toMatch(/Only queries that read are run here.*not "COPY"/);
    expect(refused("ATTACH '/tmp/x.db' AS x")).toMatch(/not "ATTACH"/);
    expect(refused('INSTALL httpfs')).toMatch(/not "INSTALL"/);
    expect(refused('LOAD httpfs')).toMatch(/not "LOAD"/);
    expect(refused("SET enable_external_access = true")).toMatch(/not "SET"/);
    expect(refused("SELECT 1; COPY (SELECT 1) TO '/tmp/x'")).toMatch(/one statement at a time/);
    expect(refused("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x")).toMatch(/"INSERT" is not allowed: SQL here may only read/);
    expect(refused('  ;  ')).toMatch(/The query is empty/);
  });
});

describe('checkSql on a database source', () => {
  it('allows only one reading statement, and leaves file functions to the database (a read-only user)', () => {
    expect(refused("SELECT * FROM read_csv('/x')", 'postgres')).toBeNull();
    expect(refused('DROP TABLE units', 'postgres')).toMatch(/not "DROP"/);
    expect(refused('WITH gone AS (DELETE FROM units RETURNING *) SELECT * FROM gone', 'postgres')).toMatch(/"DELETE" is not allowed/);
    expect(refused('SELECT 1; SELECT 2', 'clickhouse')).toMatch(/one statement/);
    // ClickHouse strings do take backslash escapes: the ; is inside the string.
    expect(refused("SELECT 'a\\';b'", 'clickhouse')).toBeNull();
  });
});

describe('sqlTokens', () => {
  it('keeps strings, names and dollar-quoted strings whole and drops comments', () => {
    expect(sqlTokens("SELECT 'a;b', \"c d\", $t$x$t$ /* no */ -- no\nFROM t").map((t) => `${t.kind}:${t.text}`)).toEqual([
      'word:SELECT', "string:'a;b'", 'punct:,', 'name:"c d"', 'punct:,', 'string:$t$x$t$', 'word:FROM', 'word:t',
    ]);
  });
});
