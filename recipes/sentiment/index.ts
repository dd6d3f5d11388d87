import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import { numberColumn, requireColumn, requireRows, stringColumn } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';
import { vaderScores } from './vader.js';
import { ratingAgreement, spearman, summarizeGroup } from './summary.js';
import { compoundChart } from './charts.js';
import { sentimentNotes } from './notes.js';
import { sentimentParams as params } from './params.js';
import { defaultColumn, roles } from '../column.js';

const label = (c: number) => (c >= 0.05 ? 'positive' : c <= -0.05 ? 'negative' : 'neutral');

/**
 * VADER sentiment of each text (compound, pos, neu, neg, label), per-group means with t intervals,
 * and agreement with ratings when given.
 *
 * @example
 * await runRecipe(sentiment, { inputs: { texts }, params: { group: 'segment', rating: 'stars' } });
 */
export const sentiment = defineRecipe({
  id: 'sentiment',
  title: 'Sentiment: what do customers feel, by group?',
  description:
    'VADER-compatible sentiment (same lexicon and rules as vaderSentiment; compound in −1…1, positive ≥ 0.05, negative ≤ −0.05) of each text, the mean per group with a t interval and the shares positive/negative, and the Spearman correlation and label agreement with ratings when given.',
  inputs: [
    {
      name: 'texts',
      description: 'one row per text: id, text, optional group and rating',
      roles: roles(params, ['text', 'id', 'group', 'rating']),
    },
  ],
  params,
  async run({ inputs, params: p, progress, signal }) {
    const table = inputs.texts!;
    requireRows(table, 'texts');
    requireColumn(table, 'texts', p.text, 'text');
    const raw = table.array(p.text) as ArrayLike<unknown>;
    const idCol = optionalColumn(table, 'texts', 'id', p.id, defaultColumn(params, 'id'));
    const ids = idCol ? stringColumn(table, 'texts', idCol, 'id') : Array.from({ length: raw.length }, (_, i) => String(i + 1));
    const groups = p.group ? stringColumn(table, 'texts', p.group, 'group') : null;
    const ratings = p.rating ? numberColumn(table, 'texts', p.rating, 'rating', { missing: 'nan' }) : null;
    const n = raw.length;
    const rows = new Array(n);
    const compound: number[] = new Array(n);
    // Empty texts score 0 as in vaderSentiment, but they say nothing: they are kept in the texts
    // table and left out of means, shares and the rating comparison.
    const hasText = new Uint8Array(n);
    let empty = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 4095) === 0) {
        throwIfAborted(signal);
        progress((0.9 * i) / n, 'scoring texts');
      }
      const v = raw[i];
      if (v !== null && v !== undefined && typeof v !== 'string' && typeof v !== 'number') {
        throw new RecipeInputError(`texts: the text column "${p.text}" holds a ${typeof v} in row ${i + 1}; it must be text.`);
      }
      const t = v === null || v === undefined ? '' : String(v);
      if (t.trim() === '') empty++;
      else hasText[i] = 1;
      const s = vaderScores(t);
      compound[i] = s.compound;
      rows[i] = { id: ids[i], compound: s.compound, pos: s.pos, neu: s.neu, neg: s.neg, label: label(s.compound), ...(groups ? { group: groups[i] } : {}), ...(ratings ? { rating: Number.isNaN(ratings[i]) ? null : ratings[i] } : {}) };
    }
    progress(0.9, 'summarizing');
    if (empty === n) throw new RecipeInputError(`texts: every value of the text column "${p.text}" is empty; point "text" at the column that holds the texts.`);
    const overall = summarizeGroup('all', compound.filter((_, i) => hasText[i]), p.alpha);
    const byGroup = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      if (!hasText[i]) continue;
      const g = groups ? groups[i]! : 'all';
      const list = byGroup.get(g) ?? [];
      if (list.length === 0) byGroup.set(g, list);
      list.push(compound[i]!);
    }
    const groupRows = [...byGroup].map(([g, cs]) => summarizeGroup(g, cs, p.alpha)).sort((a, b) => a.group.localeCompare(b.group));
    let ratingStats: { correlation: number | null; agreement: number | null; n: number } | null = null;
    if (ratings) {
      const idx = [...ratings.keys()].filter((i) => hasText[i] && !Number.isNaN(ratings[i]!));
      if (idx.length < 3) throw new RecipeInputError(`texts: only ${idx.length} non-empty text(s) have a number in the rating column "${p.rating}"; at least 3 are needed to compare sentiment with ratings (or leave "rating" out).`);
      const c = idx.map((i) => compound[i]!);
      const r = idx.map((i) => ratings[i]!);
      ratingStats = { correlation: spearman(c, r), ...ratingAgreement(c, r) };
    }
    progress(1, 'done');
    return {
      metrics: {
        texts: n, scored_texts: n - empty, mean_compound: overall.mean_compound, mean_compound_ci_low: overall.ci_low, mean_compound_ci_high: overall.ci_high,
        share_positive: overall.share_positive, share_negative: overall.share_negative,
        ...(ratingStats ? { rating_correlation: ratingStats.correlation, rating_agreement: ratingStats.agreement, rated_texts: ratingStats.n } : {}),
      },
      tables: { texts: aq.from(rows), groups: aq.from(groupRows) },
      charts: [compoundChart(compound.flatMap((c, i) => (hasText[i] ? [{ group: groups ? groups[i]! : 'all', compound: c }] : [])))],
      notes: sentimentNotes(overall, groupRows, ratingStats, empty),
    };
  },
});
