import { toNumber } from '../columns.js';
import { RecipeInputError } from '../errors.js';

/**
 * Turns raw feature columns into a standardized numeric matrix, learning everything from the
 * training rows only (so held-out scores are honest) and keeping that state as plain JSON so a
 * saved model encodes new customers exactly as it encoded the training ones.
 *
 * - numeric columns: missing values (null, '', NaN) get the training median plus a
 *   `<name>_missing` 0/1 column when the training rows had any;
 * - anything with a non-numeric value is categorical: one column per level (the 30 most common;
 *   rarer ones pool into `(other)`, missing values are the level `(missing)`);
 * - every encoded column is then standardized to training mean 0 and sd 1, so a zero means
 *   "like the average customer" — the reference point of the per-customer reasons.
 */

export interface NumericFeature {
  name: string;
  kind: 'numeric';
  fill: number;
  indicator: boolean;
}

export interface CategoricalFeature {
  name: string;
  kind: 'categorical';
  levels: string[];
}

export type FeatureSpec = NumericFeature | CategoricalFeature;

/** One encoded column: the feature it comes from and its standardization. */
export interface EncodedColumn {
  name: string;
  feature: number;
  mean: number;
  sd: number;
}

export interface EncoderState {
  features: FeatureSpec[];
  columns: EncodedColumn[];
}

/** Raw feature columns by name (values as read from the table). */
export type RawColumns = Record<string, ArrayLike<unknown>>;

const MAX_LEVELS = 30;
const OTHER = '(other)';
const MISSING = '(missing)';

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || (typeof v === 'string' && v.trim() === '');
}

function levelOf(v: unknown): string {
  return isMissing(v) ? MISSING : v instanceof Date ? v.toISOString() : String(v).trim();
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fitFeature(name: string, values: ArrayLike<unknown>, rows: ArrayLike<number>): FeatureSpec {
  const numbers: number[] = [];
  let missing = 0;
  let categorical = false;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (isMissing(v)) missing++;
    else {
      const n = toNumber(v);
      if (n === undefined) categorical = true;
      else numbers.push(n);
    }
  }
  if (!categorical) {
    if (!numbers.length) throw new RecipeInputError(`Feature "${name}" is empty in every training row; drop it from "features".`);
    return { name, kind: 'numeric', fill: median(numbers), indicator: missing > 0 };
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const level = levelOf(values[rows[i]]);
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  if (counts.size > MAX_LEVELS && counts.size > rows.length / 2) {
    throw new RecipeInputError(
      `Feature "${name}" has ${counts.size} distinct values in ${rows.length} training rows, so it looks like an identifier, a date or free text, not a category. ` +
        `Drop it from "features" (list the ones you want, e.g. --param features='["a","b"]'); for a date, derive a number first, such as days since it.`,
    );
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([level]) => level);
  const levels = ranked.length > MAX_LEVELS ? [...ranked.slice(0, MAX_LEVELS - 1), OTHER] : ranked;
  return { name, kind: 'categorical', levels };
}

function rawWidth(f: FeatureSpec): number {
  return f.kind === 'numeric' ? (f.indicator ? 2 : 1) : f.levels.length;
}

/** Writes the unscaled encoding of one row of one feature into `out` at `at`. */
function encodeRaw(f: FeatureSpec, v: unknown, out: Float64Array, at: number): void {
  if (f.kind === 'numeric') {
    const n = isMissing(v) ? undefined : toNumber(v);
    out[at] = n ?? f.fill;
    if (f.indicator) out[at + 1] = n === undefined ? 1 : 0;
    return;
  }
  let k = f.levels.indexOf(levelOf(v));
  if (k < 0) k = f.levels.indexOf(OTHER);
  for (let j = 0; j < f.levels.length; j++) out[at + j] = j === k ? 1 : 0;
}

function checkColumns(features: string[], columns: RawColumns): number {
  let n = -1;
  for (const name of features) {
    const values = columns[name];
    if (!values) throw new RecipeInputError(`The feature column "${name}" is missing from the data. Add it or drop it from "features".`);
    n = values.length;
  }
  return n;
}

/** Encodes all rows without scaling (columns × rows laid out row-major). */
function encodeAllRaw(features: FeatureSpec[], columns: RawColumns, n: number): { raw: Float64Array; width: number } {
  const width = features.reduce((s, f) => s + rawWidth(f), 0);
  const raw = new Float64Array(n * width);
  let at = 0;
  for (const f of features) {
    const values = columns[f.name];
    const row = new Float64Array(rawWidth(f));
    for (let i = 0; i < n; i++) {
      encodeRaw(f, values[i], row, 0);
      raw.set(row, i * width + at);
    }
    at += rawWidth(f);
  }
  return { raw, width };
}

function columnNames(f: FeatureSpec): string[] {
  if (f.kind === 'numeric') return f.indicator ? [f.name, `${f.name}_missing`] : [f.name];
  return f.levels.map((level) => `${f.name}=${level}`);
}

/**
 * Learns the encoding from the training rows.
 *
 * @example
 * const state = fitEncoder(['tenure', 'contract'], { tenure: [1, 5, null], contract: ['a', 'b', 'a'] }, [0, 1, 2]);
 * state.columns.map((c) => c.name); // → ['tenure', 'tenure_missing', 'contract=a', 'contract=b']
 */
export function fitEncoder(features: string[], columns: RawColumns, trainRows: ArrayLike<number>): EncoderState {
  const n = checkColumns(features, columns);
  const specs = features.map((name) => fitFeature(name, columns[name], trainRows));
  const { raw, width } = encodeAllRaw(specs, columns, n);
  const out: EncodedColumn[] = [];
  specs.forEach((f, fi) => columnNames(f).forEach((name) => out.push({ name, feature: fi, mean: 0, sd: 1 })));
  for (let j = 0; j < width; j++) {
    let s = 0;
    let ss = 0;
    for (let r = 0; r < trainRows.length; r++) {
      const v = raw[trainRows[r] * width + j];
      s += v;
      ss += v * v;
    }
    const mean = s / trainRows.length;
    const variance = ss / trainRows.length - mean * mean;
    out[j].mean = mean;
    out[j].sd = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  return { features: specs, columns: out };
}

/**
 * Encodes rows with a fitted state: a row-major Float32Array of n × columns.length.
 *
 * @example
 * const X = encode(state, { tenure: [3], contract: ['b'] });
 */
export function encode(state: EncoderState, columns: RawColumns): Float32Array {
  const n = checkColumns(state.features.map((f) => f.name), columns);
  const { raw, width } = encodeAllRaw(state.features, columns, Math.max(n, 0));
  const X = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const c = state.columns[i % width];
    X[i] = (raw[i] - c.mean) / c.sd;
  }
  return X;
}
