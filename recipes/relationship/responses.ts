import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { dateColumn, numberColumn, requireRows, stringColumn } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';
import { defaultColumn } from '../column.js';
import { relationshipParams } from './params.js';

/** Survey answers, validated: NaN marks a question the respondent skipped. */
export interface Responses {
  n: number;
  group: string[];
  /** Epoch ms per response, or null when the table has no timestamp column. */
  time: Float64Array | null;
  nps: Float64Array | null;
  csat: Float64Array | null;
  /** Item columns of the trust scale and their values, one array per item. */
  trustItems: string[];
  trust: Float64Array[];
  columns: { nps: string | null; csat: string | null };
}

export interface ResponseParams {
  timestamp?: string;
  group?: string;
  nps?: string;
  csat?: string;
  trust?: string[];
  csat_scale: number;
}

function checkScale(values: Float64Array, column: string, role: string, min: number, max: number): void {
  values.forEach((v, i) => {
    if (Number.isNaN(v)) return;
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new RecipeInputError(`responses.${column} (the ${role} column) has ${v} in row ${i + 1}; ${role} answers must be whole numbers from ${min} to ${max}. Fix that row, or leave it empty if the question was skipped.`);
    }
  });
}

/**
 * Reads the `responses` table. The trust scale defaults to every column named like `trust_1`,
 * `trust_2`, …; a scale with fewer than two items is refused (no Cronbach's alpha, no index).
 *
 * @example
 * readResponses(aq.from([{ nps: 9, csat: 5 }]), { csat_scale: 5 });
 */
export function readResponses(table: ColumnTable, p: ResponseParams): Responses {
  requireRows(table, 'responses');
  const n = table.numRows();
  const npsCol = optionalColumn(table, 'responses', 'nps', p.nps, defaultColumn(relationshipParams, 'nps'));
  const csatCol = optionalColumn(table, 'responses', 'csat', p.csat, defaultColumn(relationshipParams, 'csat'));
  const trustItems = p.trust ?? table.columnNames().filter((c) => /^trust_?\d+$/i.test(c));
  if (p.trust !== undefined || trustItems.length) {
    if (trustItems.length < 2) {
      throw new RecipeInputError(
        `The trust scale needs at least two item columns to be an index with a Cronbach's alpha (got ${trustItems.length}: ${trustItems.map((t) => `"${t}"`).join(', ') || 'none'}). Give --param trust='["trust_1","trust_2"]' with two or more columns, or drop the trust parameter.`,
      );
    }
  }
  if (!npsCol && !csatCol && trustItems.length === 0) {
    throw new RecipeInputError(
      `responses has none of the survey items: no "nps" or "csat" column and no trust_1, trust_2, … columns. Name them with --param nps=<column>, --param csat=<column>, --param trust='["a","b"]'.`,
    );
  }
  const read = (column: string, role: string) => numberColumn(table, 'responses', column, role, { missing: 'nan' });
  const nps = npsCol ? read(npsCol, 'nps') : null;
  if (nps) checkScale(nps, npsCol!, 'nps', 0, 10);
  const csat = csatCol ? read(csatCol, 'csat') : null;
  if (csat) checkScale(csat, csatCol!, 'csat', 1, p.csat_scale);
  const trust = trustItems.map((c) => read(c, 'trust'));
  const groupCol = p.group === undefined ? null : optionalColumn(table, 'responses', 'group', p.group, p.group);
  const timeCol = optionalColumn(table, 'responses', 'timestamp', p.timestamp, defaultColumn(relationshipParams, 'timestamp'));
  return {
    n,
    group: groupCol ? stringColumn(table, 'responses', groupCol, 'group') : new Array<string>(n).fill('all'),
    time: timeCol ? dateColumn(table, 'responses', timeCol, 'timestamp') : null,
    nps,
    csat,
    trustItems,
    trust,
    columns: { nps: npsCol, csat: csatCol },
  };
}
