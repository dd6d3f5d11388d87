import { describe, expect, test } from 'vitest';
import { classifyClickHouse, classifyPostgres, sourceError } from './source-errors.js';
import { parseSourceUrl } from './source-url.js';

// What ClickHouse 18.16 and current releases, and Postgres, say; the live servers' answers are
// checked in tests/engines/source-engines.test.ts.
const ch = (code: number, text: string) => Object.assign(new Error(text), { code: String(code) });

describe('classifying database errors', () => {
  test('ClickHouse: old and new wordings of a missing table or column, auth and types', () => {
    expect(classifyClickHouse(ch(60, "Table default.unitz doesn't exist."))).toMatchObject({ problem: 'table', name: 'default.unitz' });
    expect(classifyClickHouse(ch(60, 'Table default.unitz does not exist. (UNKNOWN_TABLE)'))).toMatchObject({ problem: 'table', name: 'default.unitz' });
    expect(classifyClickHouse(ch(47, 'Unknown identifier: revenu'))).toMatchObject({ problem: 'column', name: 'revenu' });
    expect(classifyClickHouse(ch(47, "Missing columns: 'revenu' while processing query"))).toMatchObject({ problem: 'column', name: 'revenu' });
    expect(classifyClickHouse(ch(47, 'Unknown expression identifier `revenu` in scope SELECT'))).toMatchObject({ problem: 'column', name: 'revenu' });
    expect(classifyClickHouse(ch(516, 'default: Authentication failed: password is incorrect'))).toMatchObject({ problem: 'auth' });
    expect(classifyClickHouse(ch(193, 'Wrong password for user liftbook'))).toMatchObject({ problem: 'auth' });
    expect(classifyClickHouse(ch(43, 'Illegal type String of argument for aggregate function sum'))).toMatchObject({ problem: 'type' });
    expect(classifyClickHouse(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({ problem: 'unreachable' });
  });

  test('Postgres: by SQLSTATE', () => {
    const pg = (code: string, text: string) => Object.assign(new Error(text), { code });
    expect(classifyPostgres(pg('42P01', 'relation "unitz" does not exist'))).toMatchObject({ problem: 'table', name: 'unitz' });
    expect(classifyPostgres(pg('42703', 'column "revenu" does not exist'))).toMatchObject({ problem: 'column', name: 'revenu' });
    expect(classifyPostgres(pg('42883', 'function sum(text) does not exist'))).toMatchObject({ problem: 'type' });
    expect(classifyPostgres(pg('28P01', 'password authentication failed for user "liftbook"'))).toMatchObject({ problem: 'auth' });
  });

  test('a message never carries the password, even when the database echoes it', () => {
    const url = parseSourceUrl('wh', 'clickhouse://u:s3cr%2Ft@h:8123/db');
    const error = sourceError('wh', url, { problem: 'other', detail: 'bad thing near s3cr/t and s3cr%2Ft' });
    expect(error.message).toBe('Source "wh" (clickhouse://u:***@h:8123/db) failed: bad thing near *** and ***');
  });
});
