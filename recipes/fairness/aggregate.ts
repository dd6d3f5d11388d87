import type { ColumnTable } from 'arquero';
import { toNumber } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import { column, hasColumn, keyText, numbers } from '../sql/aggregates.js';
import { aliasPrefix, badRows, countWhere, numeric, optionalRelationColumn, relationColumn } from '../sql/relation.js';
import { isMissing } from '../sql/values.js';
import type { AggregateContext, AggregationPlan } from '../types.js';
import type { FairnessParams } from './params.js';
import { columnName, defaultColumn } from '../column.js';
import { fairnessParams } from './params.js';

/**
 * The aggregation phase of `fairness`, as SQL: rows counted per group and (y_true, y_pred) pair,
 * the raw label values kept so the model phase reads them exactly as before (binary check,
 * pos_label); with scores, rows counted per group, label and distinct score for the AUC. Every
 * rate, disparity and bootstrap interval depends only on each group's four confusion counts.
 */

/** Confusion counts [TP, FP, FN, TN] by group, and the score counts when there are scores. */
export interface FairnessCounts {
  groups: string[];
  counts: number[][];
  /** Per group (aligned with `groups`): distinct scores with their positive and negative rows. */
  scores: { score: number[]; positive: number[]; negative: number[] }[] | null;
  rows: number;
}

/**
 * Builds the queries `cells` (group columns, y_true, y_pred, rows; bad scores) and, with a score
 * column, `scores` (group columns, y_true, score, rows).
 *
 * @example
 * fairnessAggregate({ params, inputs: { predictions }, sql: dialects.duckdb }).queries.cells;
 */
export function fairnessAggregate({ params: p, inputs, sql }: AggregateContext<FairnessParams>): AggregationPlan {
  const rel = inputs.predictions!;
  const P = aliasPrefix([rel]);
  const as = (name: string) => sql.ident(P + name);
  const yTrue = relationColumn(rel, 'predictions', columnName(fairnessParams, p, 'y_true'), 'y_true');
  const scoreCol = optionalRelationColumn(rel, 'predictions', 'y_score', p.y_score, defaultColumn(fairnessParams, 'y_score'));
  const predCol = p.y_pred !== undefined || !scoreCol ? relationColumn(rel, 'predictions', columnName(fairnessParams, p, 'y_pred'), 'y_pred') : optionalRelationColumn(rel, 'predictions', 'y_pred', undefined, defaultColumn(fairnessParams, 'y_pred'));
  const groupCols = p.group.map((g) => relationColumn(rel, 'predictions', g, 'group'));
  const score = scoreCol ? numeric(sql, scoreCol, 'predictions', 'y_score') : null;
  const pred = predCol ? sql.ident(predCol.name) : `(CASE WHEN ${score} >= ${sql.literal(p.cutoff)} THEN 1 ELSE 0 END)`;
  const keys = groupCols.map((c, i) => [sql.ident(c.name), `g${i}`] as const);
  const select = (extra: (readonly [string, string])[]) => [...keys, ...extra].map(([e, name]) => `${e} AS ${as(name)}`);
  const groupBy = (extra: string[]) => [...keys.map(([e]) => e), ...extra].join(', ');
  // A prediction derived from the score is already 0/1; a y_pred column is read like y_true.
  const cells = [...select([[sql.ident(yTrue.name), 'y_true'], [pred, predCol ? 'y_pred' : 'y_pred_from_score']]), `${sql.double('count(*)')} AS ${as('n')}`];
  if (scoreCol && score) {
    const bad = `${score} IS NULL`;
    cells.push(`${countWhere(sql, bad)} AS ${as('bad_score')}`, `min(CASE WHEN ${bad} THEN ${sql.text(sql.ident(scoreCol.name))} END) AS ${as('bad_score_value')}`);
  }
  const queries: Record<string, string> = {
    cells: `SELECT ${cells.join(', ')} FROM ${rel.from} GROUP BY ${groupBy([sql.ident(yTrue.name), pred])}`,
  };
  if (scoreCol && score) {
    queries.scores =
      `SELECT ${[...select([[sql.ident(yTrue.name), 'y_true'], [score, 'score']]), `${sql.double('count(*)')} AS ${as('n')}`].join(', ')} ` +
      `FROM ${rel.from} WHERE NOT ${isMissing(sql, yTrue)} AND ${score} IS NOT NULL GROUP BY ${groupBy([sql.ident(yTrue.name), score])}`;
  }
  return { queries, consumes: ['predictions'] };
}

const norm = (v: unknown) => {
  const n = toNumber(v);
  return n !== undefined ? String(n) : String(v).trim();
};

/** Each distinct label value as 1 (pos_label) or 0; throws when the label is not binary. */
function labelReader(values: readonly unknown[], rows: ArrayLike<number>, column: string, role: string, pos: string): (v: unknown) => 0 | 1 {
  let empty = 0;
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (v === null || v === undefined || v === '') empty += rows[i]!;
    else seen.add(norm(v));
  });
  if (empty) throw new RecipeInputError(`predictions.${column} (the ${role} column) is empty in ${empty === 1 ? '1 row' : `${empty} rows`}; every row needs a label.`);
  if (seen.size > 2) throw new RecipeInputError(`predictions.${column} (the ${role} column) has ${seen.size} different values (${[...seen].slice(0, 5).join(', ')}…); fairness metrics need a binary label. Map it to 0/1 first.`);
  if (seen.size === 2 && !seen.has(pos)) throw new RecipeInputError(`predictions.${column} (the ${role} column) has the values ${[...seen].join(' and ')}, neither of which is pos_label ${pos}. Set "pos_label" to the positive value.`);
  return (v) => (norm(v) === pos ? 1 : 0);
}

/** The group of each aggregated row: its group columns' values joined by " / " (intersectional groups). */
function groupKeys(table: ColumnTable, p: FairnessParams, rows: ArrayLike<number>): string[] {
  const parts = p.group.map((name, i) => {
    const values = Array.from(column(table, `g${i}`), keyText);
    const missing = values.reduce((s, v, r) => s + (v === null ? rows[r]! : 0), 0);
    if (missing) throw badRows('predictions', name, 'group', null, missing, 'a value (it is empty)');
    return values as string[];
  });
  return Array.from({ length: table.numRows() }, (_, r) => parts.map((v) => v[r]!).join(' / '));
}

/**
 * The confusion counts per group (groups in natural order) and the score counts, from the
 * aggregated tables; throws on unreadable labels, groups or scores, naming the column and the fix.
 *
 * @example
 * const { groups, counts } = readFairnessCounts(inputs, params);
 */
export function readFairnessCounts(inputs: Record<string, ColumnTable>, p: FairnessParams): FairnessCounts {
  const cells = inputs.cells!;
  const n = numbers(cells, 'n');
  const rows = n.reduce((a, b) => a + b, 0);
  if (rows === 0) throw new RecipeInputError('predictions has no rows; give it at least one row of data.');
  const pos = norm(p.pos_label);
  const trueValues = Array.from(column(cells, 'y_true'));
  const derived = hasColumn(cells, 'y_pred_from_score');
  const predValues = Array.from(column(cells, derived ? 'y_pred_from_score' : 'y_pred'));
  const isTrue = labelReader(trueValues, n, columnName(fairnessParams, p, 'y_true'), 'y_true', pos);
  if (hasColumn(cells, 'bad_score')) {
    const bad = numbers(cells, 'bad_score').reduce((a, b) => a + b, 0);
    if (bad) {
      const example = Array.from(column(cells, 'bad_score_value')).find((v) => v !== null && v !== undefined) ?? null;
      throw badRows('predictions', columnName(fairnessParams, p, 'y_score'), 'y_score', example, bad, 'a number');
    }
  }
  const isPred = derived ? (v: unknown) => (Number(v) === 1 ? 1 : 0) : labelReader(predValues, n, columnName(fairnessParams, p, 'y_pred'), 'y_pred', pos);
  const keys = groupKeys(cells, p, n);
  const groups = [...new Set(keys)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const index = new Map(groups.map((g, i) => [g, i]));
  const counts = groups.map(() => [0, 0, 0, 0]);
  keys.forEach((g, r) => {
    const t = isTrue(trueValues[r]);
    const y = isPred(predValues[r]);
    counts[index.get(g)!]![t ? (y ? 0 : 2) : y ? 1 : 3]! += n[r]!;
  });
  let scores: FairnessCounts['scores'] = null;
  if (inputs.scores) {
    const table = inputs.scores;
    const m = numbers(table, 'n');
    const s = numbers(table, 'score');
    const labels = Array.from(column(table, 'y_true'));
    const perGroup = groups.map(() => new Map<number, [number, number]>());
    groupKeys(table, p, m).forEach((g, r) => {
      const map = perGroup[index.get(g)!]!;
      const entry = map.get(s[r]!) ?? [0, 0];
      entry[isTrue(labels[r]) ? 0 : 1] += m[r]!;
      map.set(s[r]!, entry);
    });
    scores = perGroup.map((map) => {
      const sorted = [...map.entries()].sort((a, b) => a[0] - b[0]);
      return { score: sorted.map((e) => e[0]), positive: sorted.map((e) => e[1][0]), negative: sorted.map((e) => e[1][1]) };
    });
  }
  return { groups, counts, scores, rows };
}
