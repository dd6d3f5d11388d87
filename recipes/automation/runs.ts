import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { dateColumn, numberColumn, parseDate, requireColumn, requireRows, stringColumn } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';
import { columnName, defaultColumn } from '../column.js';
import { automationParams } from './params.js';

/** Column names of the `runs` input, one per role (defaults: automationParams). */
export interface RunColumns {
  campaign: string;
  created_at: string;
  launched_at: string;
  status: string;
  errors?: string;
  records?: string;
  cost?: string;
  staff_minutes?: string;
}

/** One campaign run, validated: times in epoch ms, `hours` from creation to launch (NaN if not launched). */
export interface Run {
  campaign: string;
  createdAt: number;
  launchedAt: number;
  status: string;
  failed: boolean;
  hours: number;
  errors: number;
  records: number;
  cost: number;
  staffMinutes: number;
}

/** The runs and which optional measures the table had. */
export interface Runs {
  runs: Run[];
  has: { errors: boolean; records: boolean; cost: boolean; staffMinutes: boolean };
}

/**
 * Reads and checks the `runs` table. A run may lack `launched_at` (it failed or is not launched
 * yet); a launch before creation is an error naming the row.
 *
 * @example
 * readRuns(aq.from([{ campaign: 'a', created_at: '2025-01-01', launched_at: '2025-01-02', status: 'launched' }]), cols, ['failed']);
 */
export function readRuns(table: ColumnTable, columns: Partial<RunColumns>, failedValues: readonly string[]): Runs {
  requireRows(table, 'runs');
  const name = (role: keyof RunColumns) => columnName(automationParams, columns, role);
  const campaign = stringColumn(table, 'runs', name('campaign'), 'campaign');
  const created = dateColumn(table, 'runs', name('created_at'), 'created_at');
  requireColumn(table, 'runs', name('launched_at'), 'launched_at');
  const launchedRaw = table.array(name('launched_at')) as ArrayLike<unknown>;
  const status = stringColumn(table, 'runs', name('status'), 'status');
  const optional = (role: 'errors' | 'records' | 'cost' | 'staff_minutes') => {
    const column = optionalColumn(table, 'runs', role, columns[role], defaultColumn(automationParams, role));
    return column ? numberColumn(table, 'runs', column, role) : null;
  };
  const errors = optional('errors');
  const records = optional('records');
  const cost = optional('cost');
  const staff = optional('staff_minutes');
  for (const [role, values] of [['errors', errors], ['records', records], ['cost', cost], ['staff_minutes', staff]] as const) {
    const bad = values ? values.findIndex((v) => v < 0) : -1;
    if (bad >= 0) throw new RecipeInputError(`runs.${name(role)} (the ${role} column) is negative (${values![bad]}) in row ${bad + 1}; counts, costs and minutes cannot be negative.`);
  }
  const failedSet = new Set(failedValues.map((v) => v.toLowerCase()));
  const runs = campaign.map((c, i): Run => {
    const raw = launchedRaw[i];
    const missing = raw === null || raw === undefined || raw === '';
    const launchedAt = missing ? NaN : parseDate(raw);
    if (launchedAt === undefined) {
      throw new RecipeInputError(`runs.${name('launched_at')} has ${JSON.stringify(raw)} in row ${i + 1}, which is not a date (ISO-8601, YYYYMMDD or YYYY-MM-DD HH:MM:SS); leave it empty for a run that never launched.`);
    }
    if (launchedAt < created[i]!) {
      throw new RecipeInputError(`runs row ${i + 1} (campaign "${c}") launched before it was created (${name('launched_at')} < ${name('created_at')}); fix the timestamps or the column names.`);
    }
    return {
      campaign: c, createdAt: created[i]!, launchedAt, status: status[i]!, failed: failedSet.has(status[i]!.toLowerCase()),
      hours: (launchedAt - created[i]!) / 3_600_000,
      errors: errors?.[i] ?? NaN, records: records?.[i] ?? NaN, cost: cost?.[i] ?? NaN, staffMinutes: staff?.[i] ?? NaN,
    };
  });
  return { runs, has: { errors: !!errors, records: !!records, cost: !!cost, staffMinutes: !!staff } };
}
