import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { numberColumn, requireColumn, requireRows, stringColumn, toNumber } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';
import type { FairnessParams } from './params.js';

/** Confusion cell of each row: 0 TP, 1 FP, 2 FN, 3 TN. */
export const TP = 0, FP = 1, FN = 2, TN = 3;

export interface Predictions {
  cell: Uint8Array;
  group: string[];
  score: Float64Array | null;
  positive: Uint8Array;
}

const norm = (v: unknown) => {
  const n = toNumber(v);
  return n !== undefined ? String(n) : String(v).trim();
};

function labels(table: ColumnTable, column: string, role: string, pos: string): Uint8Array {
  requireColumn(table, 'predictions', column, role);
  const values = table.array(column) as ArrayLike<unknown>;
  const seen = new Set<string>();
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') throw new RecipeInputError(`predictions.${column} (the ${role} column) is empty in row ${i + 1}; every row needs a label.`);
    const s = norm(v);
    seen.add(s);
    out[i] = s === pos ? 1 : 0;
  }
  if (seen.size > 2) throw new RecipeInputError(`predictions.${column} (the ${role} column) has ${seen.size} different values (${[...seen].slice(0, 5).join(', ')}…); fairness metrics need a binary label. Map it to 0/1 first.`);
  if (seen.size === 2 && !seen.has(pos)) throw new RecipeInputError(`predictions.${column} (the ${role} column) has the values ${[...seen].join(' and ')}, neither of which is pos_label ${pos}. Set "pos_label" to the positive value.`);
  return out;
}

/**
 * Reads labels, predictions (or scores cut at `cutoff`) and the group of each row; several group
 * columns are joined into intersectional groups ("55+ / collector").
 *
 * @example
 * readPredictions(aq.from([{ y_true: 1, y_pred: 0, group: 'a' }]), fairnessParams.parse({}));
 */
export function readPredictions(table: ColumnTable, p: FairnessParams): Predictions {
  requireRows(table, 'predictions');
  const pos = norm(p.pos_label);
  const yTrue = labels(table, p.y_true ?? 'y_true', 'y_true', pos);
  const scoreCol = optionalColumn(table, 'predictions', 'y_score', p.y_score, 'y_score');
  const score = scoreCol ? numberColumn(table, 'predictions', scoreCol, 'y_score') : null;
  const predCol = p.y_pred !== undefined || !score ? (p.y_pred ?? 'y_pred') : optionalColumn(table, 'predictions', 'y_pred', undefined, 'y_pred');
  const yPred = predCol ? labels(table, predCol, 'y_pred', pos) : Uint8Array.from(score!, (s) => (s >= p.cutoff ? 1 : 0));
  const columns = p.group.map((g) => stringColumn(table, 'predictions', g, 'group'));
  const group = Array.from({ length: table.numRows() }, (_, i) => columns.map((c) => c[i]!).join(' / '));
  const cell = Uint8Array.from(yTrue, (t, i) => (t ? (yPred[i] ? TP : FN) : yPred[i] ? FP : TN));
  return { cell, group, score, positive: yTrue };
}
