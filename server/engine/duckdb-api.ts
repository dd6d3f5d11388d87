import { createRequire } from 'node:module';

// @duckdb/node-api is CommonJS. Imported from ESM, Node first lexes each of its ~100 files for
// their export names; required, it only runs them: ~0.2 s less for every command that opens DuckDB.
type Api = typeof import('@duckdb/node-api');
const api = createRequire(import.meta.url)('@duckdb/node-api') as Api;

export const {
  DuckDBInstance,
  DuckDBTimestampValue,
  DuckDBBigIntType,
  DuckDBBooleanType,
  DuckDBDataChunk,
  DuckDBDoubleType,
  DuckDBTimestampType,
  DuckDBTypeId,
  DuckDBVarCharType,
  JSToDuckDBValueConverter,
  JSDuckDBValueConverter,
  createDuckDBValueConverter,
} = api;
// The classes and the enum are types too, under the same names.
export type DuckDBInstance = InstanceType<Api['DuckDBInstance']>;
export type DuckDBTimestampValue = InstanceType<Api['DuckDBTimestampValue']>;
export type DuckDBDataChunk = InstanceType<Api['DuckDBDataChunk']>;
export type DuckDBTypeId = Api['DuckDBTypeId'][keyof Api['DuckDBTypeId']];
export type { DuckDBConnection, DuckDBResult, DuckDBType, DuckDBValue, DuckDBValueConverter, JS } from '@duckdb/node-api';
