import { describe, expect, it } from 'vitest';
import { DEFAULT_SQL_LIMITS, sqlLimitsFromEnv } from './run-sql.js';

describe('sqlLimitsFromEnv', () => {
  it('reads the time and row caps from the environment and refuses what is not a positive number', () => {
    expect(sqlLimitsFromEnv({})).toEqual(DEFAULT_SQL_LIMITS);
    expect(sqlLimitsFromEnv({ LIFTBOOK_SQL_TIMEOUT: '2.5', LIFTBOOK_SQL_MAX_ROWS: '5000' })).toEqual({ ...DEFAULT_SQL_LIMITS, timeoutMs: 2500, maxRows: 5000 });
    expect(() => sqlLimitsFromEnv({ LIFTBOOK_SQL_TIMEOUT: 'soon' })).toThrow('LIFTBOOK_SQL_TIMEOUT must be a positive number, got "soon".');
    expect(() => sqlLimitsFromEnv({ LIFTBOOK_SQL_MAX_ROWS: '-1' })).toThrow(/LIFTBOOK_SQL_MAX_ROWS must be a positive number/);
  });
});
