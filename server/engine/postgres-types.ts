import pg from 'pg';
import type { SqlColumn } from '../../recipes/types.js';

const NUMBER = new Set([20, 21, 23, 26, 700, 701, 790, 1700]);
const STRING = new Set([18, 19, 25, 1042, 1043, 2950]);
const DATE = new Set([1082, 1114, 1184]);

/** The liftbook kind of a Postgres type OID. */
export function postgresKind(oid: number): SqlColumn['type'] {
  if (NUMBER.has(oid)) return 'number';
  if (STRING.has(oid)) return 'string';
  if (DATE.has(oid)) return 'date';
  if (oid === 16) return 'boolean';
  return 'other';
}

/** The liftbook kind of an information_schema `data_type`. */
export function postgresKindByName(type: string): SqlColumn['type'] {
  if (/^(smallint|integer|bigint|real|double precision|numeric|decimal|oid|money)/.test(type)) return 'number';
  if (/^(text|character|character varying|name|uuid|"char")/.test(type)) return 'string';
  if (/^(date|timestamp)/.test(type)) return 'date';
  if (type === 'boolean') return 'boolean';
  return 'other';
}

const number = (s: string) => (s === 'NaN' ? NaN : s === 'Infinity' ? Infinity : s === '-Infinity' ? -Infinity : Number(s));
const utc = (s: string) => {
  if (s === 'infinity' || s === '-infinity') return null;
  const d = new Date(s.length <= 10 ? `${s}T00:00:00Z` : `${s.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * Parsers for the driver: 64-bit integers and numerics as JS numbers (counts and sums the recipes
 * compute with), dates and zone-less timestamps as UTC (the engine's session runs in UTC), never
 * the machine's local time zone.
 */
export const postgresTypeParsers = {
  getTypeParser(oid: number, format?: string): (text: string) => unknown {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary' as 'text');
    if (NUMBER.has(oid)) return number;
    if (oid === 1082 || oid === 1114) return utc;
    return pg.types.getTypeParser(oid);
  },
};
