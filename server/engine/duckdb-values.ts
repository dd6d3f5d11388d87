import {
  createDuckDBValueConverter,
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type DuckDBType,
  type DuckDBValueConverter,
  type JS,
} from './duckdb-api.js';
import type { SqlColumn } from '../../recipes/types.js';

const NUMBER_IDS = new Set([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);
const DATE_IDS = new Set([
  DuckDBTypeId.DATE, DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS, DuckDBTypeId.TIMESTAMP_TZ,
]);

/**
 * What a DuckDB column type is to a recipe: number, string, boolean, date or other.
 *
 * @example
 * sqlColumnType(DuckDBBigIntType.instance); // → 'number'
 */
export function sqlColumnType(type: DuckDBType): SqlColumn['type'] {
  if (NUMBER_IDS.has(type.typeId)) return 'number';
  if (DATE_IDS.has(type.typeId)) return 'date';
  if (type.typeId === DuckDBTypeId.BOOLEAN) return 'boolean';
  if (type.typeId === DuckDBTypeId.VARCHAR || type.typeId === DuckDBTypeId.ENUM || type.typeId === DuckDBTypeId.UUID) return 'string';
  return 'other';
}

// Tables hold numbers, not bigints: counts and ids are exact up to 2^53, which is plenty, and
// every recipe and chart works on numbers. Everything else as the node API's JS conversion does.
const bigToNumber: DuckDBValueConverter<JS> = (value) => (value === null ? null : Number(value as bigint));
const JS_NUMBERS: DuckDBValueConverter<JS> = createDuckDBValueConverter<JS>({
  ...(Object.fromEntries(Object.values(DuckDBTypeId).filter((v) => typeof v === 'number').map((id) => [id, (value: unknown, type: DuckDBType, c: DuckDBValueConverter<JS>) => JSDuckDBValueConverter(value as never, type, c)])) as Record<DuckDBTypeId, DuckDBValueConverter<JS>>),
  [DuckDBTypeId.BIGINT]: bigToNumber,
  [DuckDBTypeId.UBIGINT]: bigToNumber,
  [DuckDBTypeId.HUGEINT]: bigToNumber,
  [DuckDBTypeId.UHUGEINT]: bigToNumber,
  [DuckDBTypeId.BIGNUM]: bigToNumber,
});

/** The converter results go through: plain JS values with numbers for every integer type. */
export const jsValues = JS_NUMBERS;
