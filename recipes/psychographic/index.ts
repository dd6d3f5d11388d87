import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import { requireRows } from '../columns.js';
import { DEFAULT_TAGS, EMOTIVE, LEXICON } from './lexicon.js';
import { compile } from './tokenize.js';
import { readInteractions, readTexts, type CustomerSignals } from './signals.js';
import { profileRow } from './profile.js';
import { readBrand } from './brand.js';
import { meanProfileChart } from './charts.js';
import { psychographicNotes } from './notes.js';
import { psychographicParams as params } from './params.js';
import { defaultColumn, roles } from '../column.js';

/**
 * Psychographic customer profiles from text and content tags over a documented, editable lexicon:
 * value alignment with a brand, content resonance and emotional engagement, each explained.
 *
 * @example
 * await runRecipe(psychographic, { inputs: { texts: reviews, interactions: orders }, params: { tag: 'category', brand: { collecting: 1 } } });
 */
export const psychographic = defineRecipe({
  id: 'psychographic',
  title: 'Psychographic profiles: what do customers care about?',
  description:
    'Per-customer profile over dimensions (curiosity, collecting, prestige, value, ethics, social by default) from lexicon words in texts and mapped content tags; cosine alignment with a brand profile, content resonance, emotional engagement, with the words and tags behind every score.',
  inputs: [
    { name: 'texts', optional: true, description: 'one row per review or survey answer: customer, text', roles: roles(params, ['customer', 'text']) },
    {
      name: 'interactions',
      optional: true,
      description: 'one row per interaction: customer, content tags ("a;b;c" or one per row), optional engagement weight',
      roles: roles(params, ['customer', 'tag', 'engagement']),
    },
    { name: 'brand', optional: true, description: 'the brand profile: one row per dimension with a weight (columns dimension, weight)', roles: [] },
  ],
  params,
  async run({ inputs, params: p, progress, signal }) {
    const { texts, interactions } = inputs;
    if (!texts && !interactions) throw new RecipeInputError('Give a "texts" table (customer, text) and/or an "interactions" table (customer, content tags).');
    const lexicon = { ...LEXICON, ...(p.lexicon ?? {}) };
    const mapping = new Map<string, Record<string, number>>();
    for (const [t, d] of Object.entries({ ...DEFAULT_TAGS, ...(p.tags ?? {}) })) mapping.set(t.trim().toLowerCase(), Array.isArray(d) ? Object.fromEntries(d.map((x) => [x, 1])) : d);
    const tagDims = new Set([...mapping.values()].flatMap((d) => Object.keys(d)));
    const dims = [...new Set(p.dimensions)];
    for (const d of dims) {
      if (!lexicon[d] && !tagDims.has(d)) throw new RecipeInputError(`dimension "${d}" has no lexicon words and no tag mapping. Add it with --param lexicon='{"${d}": ["word", …]}' or map tags to it; built-in dimensions are ${Object.keys(LEXICON).join(', ')}.`);
    }
    const brand = readBrand(inputs.brand, p.brand, dims);
    const matchers = dims.flatMap((d) => compile(d, lexicon[d] ?? []));
    const all = new Map<string, CustomerSignals>();
    if (texts) {
      requireRows(texts, 'texts');
      readTexts(all, texts, { customer: p.customer, text: p.text, group: p.group }, matchers, compile('emotive', EMOTIVE));
    }
    throwIfAborted(signal);
    progress(0.5, 'reading interactions');
    let unknownTags = new Map<string, number>();
    if (interactions) {
      requireRows(interactions, 'interactions');
      // Unnamed, the tags column is the default one, else "category" when only that is present.
      const tags = defaultColumn(params, 'tag');
      const has = (c: string) => interactions.columnNames().includes(c);
      const tag = p.tag ?? (has(tags) || !has('category') ? tags : 'category');
      unknownTags = readInteractions(all, interactions, { customer: p.customer, tag, engagement: p.engagement, group: p.group }, mapping);
    }
    if (p.group && ![texts, interactions].some((t) => t?.columnNames().includes(p.group!))) {
      throw new RecipeInputError(`Neither texts nor interactions has the group column "${p.group}". Name an existing column with --param group=<column>.`);
    }
    progress(0.8, 'scoring profiles');
    const rows = [...all].map(([id, s]) => profileRow(id, s, dims, brand, !!interactions, mapping));
    const withSignal = rows.filter((r) => r[dims[0]!] !== null);
    const mean = (xs: unknown[]) => {
      const v = xs.filter((x): x is number => typeof x === 'number');
      return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
    };
    const means = Object.fromEntries(dims.map((d) => [d, mean(withSignal.map((r) => r[d]))]));
    const dimensionRows = dims.map((d) => ({
      dimension: d,
      words: (lexicon[d] ?? []).join(', '),
      tags: [...mapping].filter(([, m]) => (m[d] ?? 0) > 0).map(([t]) => t).join(', '),
      brand_weight: brand ? brand[dims.indexOf(d)]! : null,
      customers_with_signal: withSignal.filter((r) => (r[d] as number) > 0).length,
      mean: means[d],
    }));
    const metrics: Record<string, number | string | null> = {
      customers: rows.length,
      customers_with_signal: withSignal.length,
      customers_without_signal: rows.length - withSignal.length,
      mean_value_alignment_score: mean(rows.map((r) => r.value_alignment_score)),
      mean_content_resonance_score: mean(rows.map((r) => r.content_resonance_score)),
      mean_emotional_engagement: mean(rows.map((r) => r.emotional_engagement)),
    };
    const byGroup = !!p.group;
    const groups = byGroup ? [...new Set(withSignal.map((r) => String(r.group ?? '(none)')))].sort() : ['all'];
    const chartRows = groups.flatMap((g) => dims.map((d) => ({ group: g, dimension: d, mean: mean(withSignal.filter((r) => !byGroup || String(r.group ?? '(none)') === g).map((r) => r[d])) })));
    const tables: Record<string, aq.ColumnTable> = { profiles: aq.from(rows), dimensions: aq.from(dimensionRows) };
    if (byGroup) tables.groups = aq.from(chartRows);
    progress(1, 'done');
    return {
      metrics,
      tables,
      charts: [meanProfileChart(chartRows, byGroup)],
      notes: psychographicNotes({ customers: rows.length, withSignal: withSignal.length, dims, means, brand: !!brand, metrics, unknownTags, hasTexts: !!texts, hasInteractions: !!interactions }),
    };
  },
});
