import type { LocalTableSource } from '../engine/local.js';
import type { Engine } from '../engine/types.js';

/** The source every deployment has: the embedded DuckDB over the datasets a user may load. */
export const LOCAL_SOURCE = 'local';

/**
 * How a host opens engines for SQL: the API server and the CLI each give one (tests give fakes).
 * Every engine opened is closed by the caller after its request.
 */
export interface SqlEngines {
  /**
   * The embedded DuckDB holding exactly `tables` (files as views, tables copied in, named as
   * `load()` names them: `"shop/units"`, `"orders.csv"`), confined: its SQL cannot read other
   * files or the network.
   */
  local(tables: Record<string, LocalTableSource>): Promise<Engine>;
  /** A connection to a named ClickHouse or Postgres source. */
  source(name: string, url: string): Promise<Engine>;
}
