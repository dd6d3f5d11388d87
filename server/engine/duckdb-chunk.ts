import { DuckDBTypeId, type DuckDBDataChunk } from './duckdb-api.js';
import { jsValues } from './duckdb-values.js';

type Numbers = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;
type Bigints = BigInt64Array | BigUint64Array;

// Types whose vectors hold their values in a typed array of the numbers JS gets (bigints are read
// as numbers, as jsValues reads them).
const TYPED = new Map<DuckDBTypeId, new (...args: never[]) => Numbers | Bigints>([
  [DuckDBTypeId.DOUBLE, Float64Array],
  [DuckDBTypeId.FLOAT, Float32Array],
  [DuckDBTypeId.INTEGER, Int32Array],
  [DuckDBTypeId.SMALLINT, Int16Array],
  [DuckDBTypeId.TINYINT, Int8Array],
  [DuckDBTypeId.UINTEGER, Uint32Array],
  [DuckDBTypeId.USMALLINT, Uint16Array],
  [DuckDBTypeId.UTINYINT, Uint8Array],
  [DuckDBTypeId.BIGINT, BigInt64Array],
  [DuckDBTypeId.UBIGINT, BigUint64Array],
]);

/** What the node API's numeric vectors hold (not in its typings): the data and the validity bits. */
interface NumericVector {
  type: { typeId: DuckDBTypeId };
  items?: unknown;
  validity?: { data?: BigUint64Array | null; offset?: number };
}

/** Part of a column: a copy of a vector's typed array and its validity bits (none: all valid), or plain values. */
type Part = { values: Numbers | Bigints; bits: Uint8Array | null } | unknown[];

/** A numeric vector's first `take` values and validity, copied; undefined when the vector does not look as expected. */
function typedPart(vector: NumericVector, take: number): Part | undefined {
  const kind = TYPED.get(vector.type.typeId);
  const { items, validity } = vector;
  // Another version of the node API may lay its vectors out differently: then value by value.
  if (!kind || !(items instanceof kind) || !validity || (validity.offset ?? 0) !== 0) return undefined;
  // Bit r of the validity mask (little-endian 64-bit words) is row r.
  const data = validity.data;
  const bits = data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice(0, Math.ceil(take / 8)) : null;
  // Copied: the chunk's memory belongs to DuckDB and is reused.
  return { values: items.slice(0, take), bits };
}

// One loop per case, kept simple for the JIT: these run once per value of a result.
function copyNumbers(values: Numbers, out: unknown[], at: number): void {
  for (let r = 0; r < values.length; r++) out[at + r] = values[r];
}

function copyWithNulls(values: Numbers | Bigints, bits: Uint8Array, out: unknown[], at: number): void {
  for (let r = 0; r < values.length; r++) out[at + r] = bits[r >> 3]! & (1 << (r & 7)) ? Number(values[r]) : null;
}

function copyBigints(values: Bigints, out: unknown[], at: number): void {
  for (let r = 0; r < values.length; r++) out[at + r] = Number(values[r]);
}

/**
 * The columns of a DuckDB result, gathered chunk by chunk as plain JS values, as
 * `chunk.convertColumns(jsValues)` gives them. Numeric vectors are copied whole and turned into
 * values once, into arrays of the final length: value by value through the node API, reading
 * half a million aggregated rows cost more than the query that made them.
 *
 * @example
 * const columns = new ResultColumns(result.columnCount);
 * for (let chunk; (chunk = await result.fetchChunk()) && chunk.rowCount > 0; ) columns.append(chunk, chunk.rowCount);
 * columns.arrays(); // → one array per column
 */
export class ResultColumns {
  #parts: Part[][];
  #rows = 0;

  constructor(count: number) {
    this.#parts = Array.from({ length: count }, () => []);
  }

  get rows(): number {
    return this.#rows;
  }

  /** Takes the first `take` rows of `chunk`. */
  append(chunk: DuckDBDataChunk, take: number): void {
    this.#parts.forEach((parts, c) => {
      const typed = typedPart(chunk.getColumnVector(c) as unknown as NumericVector, take);
      parts.push(typed ?? chunk.convertColumnValues(c, jsValues).slice(0, take));
    });
    this.#rows += take;
  }

  /** One array per column, and the collector is empty again. */
  arrays(): unknown[][] {
    const columns = this.#parts.map((parts) => {
      const out = new Array<unknown>(this.#rows);
      let at = 0;
      for (const part of parts) {
        if (Array.isArray(part)) for (let r = 0; r < part.length; r++) out[at + r] = part[r];
        else if (part.bits) copyWithNulls(part.values, part.bits, out, at);
        else if (part.values instanceof BigInt64Array || part.values instanceof BigUint64Array) copyBigints(part.values, out, at);
        else copyNumbers(part.values, out, at);
        at += Array.isArray(part) ? part.length : part.values.length;
      }
      return out;
    });
    this.#parts = this.#parts.map(() => []);
    this.#rows = 0;
    return columns;
  }
}
