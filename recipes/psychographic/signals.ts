import type { ColumnTable } from 'arquero';
import { numberColumn, requireColumn, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import { match, tokenize, type Matcher } from './tokenize.js';

/** Everything one customer's texts and interactions contributed. */
export interface CustomerSignals {
  group: string | null;
  /** Lexicon hits per dimension: word → count. */
  words: Map<string, Map<string, number>>;
  emotive: number;
  exclamations: number;
  tokens: number;
  texts: number;
  /** Engagement-weighted tag totals per dimension. */
  tagDims: Map<string, number>;
  /** tag → summed engagement. */
  tags: Map<string, number>;
  engagement: number;
  interactions: number;
}

function blank(): CustomerSignals {
  return { group: null, words: new Map(), emotive: 0, exclamations: 0, tokens: 0, texts: 0, tagDims: new Map(), tags: new Map(), engagement: 0, interactions: 0 };
}

function get(all: Map<string, CustomerSignals>, id: string): CustomerSignals {
  let s = all.get(id);
  if (!s) all.set(id, (s = blank()));
  return s;
}

function groupOf(table: ColumnTable, group: string | undefined): ArrayLike<unknown> | null {
  return group && table.columnNames().includes(group) ? (table.array(group) as ArrayLike<unknown>) : null;
}

/**
 * Adds the lexicon hits, emotive words and exclamation marks of each text to its customer.
 *
 * @example
 * readTexts(all, reviews, { customer: 'customer_id', text: 'text' }, dims, emotive);
 */
export function readTexts(all: Map<string, CustomerSignals>, table: ColumnTable, cols: { customer: string; text: string; group?: string }, dims: Matcher[], emotive: Matcher[]): void {
  const ids = stringColumn(table, 'texts', cols.customer, 'customer');
  requireColumn(table, 'texts', cols.text, 'text');
  const texts = table.array(cols.text) as ArrayLike<unknown>;
  const groups = groupOf(table, cols.group);
  for (let i = 0; i < ids.length; i++) {
    const s = get(all, ids[i]!);
    if (groups && s.group === null && groups[i] != null) s.group = String(groups[i]);
    const raw = texts[i];
    if (raw === null || raw === undefined || raw === '') continue;
    if (typeof raw !== 'string') throw new RecipeInputError(`texts.${cols.text} (the text column) has ${JSON.stringify(raw)} in row ${i + 1}, which is not text. Point "text" at the column with the review or survey text.`);
    const tokens = tokenize(raw);
    s.texts++;
    s.tokens += tokens.length;
    s.exclamations += (raw.match(/!/g) ?? []).length;
    s.emotive += match(tokens, emotive).length;
    for (const h of match(tokens, dims)) {
      const words = s.words.get(h.label) ?? new Map<string, number>();
      words.set(h.word, (words.get(h.word) ?? 0) + 1);
      s.words.set(h.label, words);
    }
  }
}

/**
 * Adds each interaction's tags ("a;b;c" in one cell or one per row), weighted by engagement, to
 * its customer. Returns the tags that no mapping knows.
 *
 * @example
 * readInteractions(all, orders, { customer: 'customer_id', tag: 'category' }, DEFAULT_TAGS);
 */
export function readInteractions(all: Map<string, CustomerSignals>, table: ColumnTable, cols: { customer: string; tag: string; engagement?: string; group?: string }, mapping: Map<string, Record<string, number>>): Map<string, number> {
  const ids = stringColumn(table, 'interactions', cols.customer, 'customer');
  requireColumn(table, 'interactions', cols.tag, 'tag');
  const tags = table.array(cols.tag) as ArrayLike<unknown>;
  const weights = cols.engagement ? numberColumn(table, 'interactions', cols.engagement, 'engagement') : null;
  const groups = groupOf(table, cols.group);
  const unknown = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const w = weights ? weights[i]! : 1;
    if (w < 0) throw new RecipeInputError(`interactions.${cols.engagement} (the engagement column) has ${w} in row ${i + 1}; engagement weights must be 0 or more.`);
    const s = get(all, ids[i]!);
    if (groups && s.group === null && groups[i] != null) s.group = String(groups[i]);
    s.interactions++;
    s.engagement += w;
    const raw = tags[i];
    if (raw === null || raw === undefined) continue;
    for (const tag of String(raw).split(/[;|]/).map((t) => t.trim().toLowerCase()).filter(Boolean)) {
      const dims = mapping.get(tag);
      if (!dims) {
        unknown.set(tag, (unknown.get(tag) ?? 0) + 1);
        continue;
      }
      s.tags.set(tag, (s.tags.get(tag) ?? 0) + w);
      for (const [d, x] of Object.entries(dims)) s.tagDims.set(d, (s.tagDims.get(d) ?? 0) + w * x);
    }
  }
  return unknown;
}
