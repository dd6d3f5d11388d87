import type { ColumnTable } from 'arquero';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';

/**
 * The aggregation phase of `recommendations`: the recommended table becomes one ranked list per
 * user (by `rank` ascending when that column exists, else by `score` descending, ties by item id),
 * the relevant table one map of judged items → gain per user.
 */

export interface Lists {
  ranked: Map<string, string[]>;
  /** The ordering key of each ranked item (rank, or −score): equal keys are tied. */
  keys: Map<string, number[]>;
  gains: Map<string, Map<string, number>>;
  /** Segment of each user, when a segment column was named. */
  segments?: Map<string, string>;
}

export interface ListColumns {
  user: string;
  item: string;
  score: string;
  rank: string;
  relevance: string;
  segment?: string;
}

/**
 * Builds per-user lists from the two input tables.
 *
 * @example
 * const { ranked, gains } = readLists(recommended, relevant, { user: 'user', item: 'item', score: 'score', rank: 'rank', relevance: 'relevance' });
 */
export function readLists(recommended: ColumnTable, relevant: ColumnTable, c: ListColumns): Lists {
  requireRows(recommended, 'recommended');
  requireRows(relevant, 'relevant');
  const users = stringColumn(recommended, 'recommended', c.user, 'user');
  const items = stringColumn(recommended, 'recommended', c.item, 'item');
  const cols = recommended.columnNames();
  let order: Float64Array;
  if (cols.includes(c.rank)) order = numberColumn(recommended, 'recommended', c.rank, 'rank');
  else if (cols.includes(c.score)) order = numberColumn(recommended, 'recommended', c.score, 'score').map((s) => -s);
  else {
    throw new RecipeInputError(
      `recommended has neither a rank column "${c.rank}" nor a score column "${c.score}", so the lists cannot be ordered. ` +
        'Name one with --param rank=<column> or --param score=<column>.',
    );
  }
  const rows = new Map<string, { item: string; key: number }[]>();
  for (let i = 0; i < users.length; i++) {
    const list = rows.get(users[i]) ?? [];
    list.push({ item: items[i], key: order[i] });
    rows.set(users[i], list);
  }
  const ranked = new Map<string, string[]>();
  const keys = new Map<string, number[]>();
  for (const [user, list] of rows) {
    list.sort((a, b) => a.key - b.key || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
    const seen = new Set<string>();
    const kept = list.filter((r) => !seen.has(r.item) && seen.add(r.item));
    ranked.set(user, kept.map((r) => r.item));
    keys.set(user, kept.map((r) => r.key));
  }
  const relUsers = stringColumn(relevant, 'relevant', c.user, 'user');
  const relItems = stringColumn(relevant, 'relevant', c.item, 'item');
  const relevance = relevant.columnNames().includes(c.relevance) ? numberColumn(relevant, 'relevant', c.relevance, 'relevance') : undefined;
  const gains = new Map<string, Map<string, number>>();
  for (let i = 0; i < relUsers.length; i++) {
    const g = relevance ? relevance[i] : 1;
    if (g < 0) throw new RecipeInputError(`relevant.${c.relevance} (the relevance column) has ${g} in row ${i + 1}; relevance must be 0 or more.`);
    const m = gains.get(relUsers[i]) ?? new Map<string, number>();
    m.set(relItems[i], Math.max(g, m.get(relItems[i]) ?? 0));
    gains.set(relUsers[i], m);
  }
  let segments: Map<string, string> | undefined;
  if (c.segment) {
    const table = recommended.columnNames().includes(c.segment) ? recommended : relevant;
    const name = table === recommended ? 'recommended' : 'relevant';
    const values = stringColumn(table, name, c.segment, 'segment');
    const who = table === recommended ? users : relUsers;
    segments = new Map();
    who.forEach((u, i) => segments!.set(u, values[i]));
  }
  return { ranked, keys, gains, segments };
}
