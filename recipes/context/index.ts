import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { throwIfAborted } from '../errors.js';
import { COMPARISON_COLUMNS, rowsTable } from '../stats/comparison-rows.js';
import { holm } from '../stats/distributions.js';
import { resolveControl, tryCompare } from '../stats/versus-control.js';
import { armsBy, contextPlan, contextTables, outcomeKind, readDaily, readMix, readValueCells } from './aggregate.js';
import { contextLevels } from './levels.js';
import { contextEffects, type ContextRow } from './effects.js';
import { rollingLift } from './rolling.js';
import { contextDrift } from './drift.js';
import { contextHeatmap, driftChart, rollingChart } from './charts.js';
import { contextNotes } from './notes.js';
import { contextParams as params } from './params.js';
import { columnName, roles } from '../column.js';
import { finiteOrNull } from '../format.js';

/**
 * Contextual relevance and adaptability: does the lift depend on when, where and how the customer
 * arrives (hour, weekday, device, region, journey stage)? Lift per context value, an interaction
 * test per context, lift over time in rolling windows, and drift of the context mix (PSI).
 *
 * @example
 * await runRecipe(context, { inputs: { units: sessions }, params: { outcome: 'converted', timestamp: 'started_at' } });
 */
export const context = defineRecipe({
  id: 'context',
  title: 'Context: when and where does personalization work?',
  description:
    'Lift per value of each context column (hour, weekday, device, region, journey stage) with Holm-adjusted p-values, interaction_p_value_<context> (does the lift depend on the context), rolling-window lift over time and PSI drift of the context mix between windows.',
  inputs: [
    {
      name: 'units',
      description: 'one row per unit (session, visit, send): variant, outcome, context columns, optional timestamp',
      roles: roles(params, ['variant', 'outcome', 'contexts', 'timestamp']),
    },
  ],
  params,
  aggregate: contextPlan,
  async run({ inputs, params: p, progress, signal }) {
    throwIfAborted(signal);
    const contextInputs = contextTables(inputs);
    const kind = outcomeKind(contextInputs[0]!.table);
    const cells = contextInputs.map(({ context: c, table }) => readValueCells(table, c, p, kind));
    // Every context table covers every unit, so any one of them summed over values gives the arms.
    const overallArms = armsBy(cells[0]!, () => '').get('')!;
    const variantNames = [...overallArms.keys()];
    const control = resolveControl(variantNames, p.control, 'units', p.variant);
    const treatments = variantNames.filter((v) => v !== control).sort();
    const options = { difference: p.difference, alpha: p.alpha, sided: p.sided, method: p.method } as const;
    const levels = contextInputs.map(({ context: c }, i) => contextLevels(c, cells[i]!, p.max_levels, p.bins));
    const units = [...overallArms.values()].reduce((a, s) => a + s.n, 0);
    const metrics: Record<string, number | string | null> = { units, outcome_kind: kind };
    const overall = tryCompare(overallArms.get(control)!, overallArms.get(treatments[0]!)!, options);
    if (overall.ok) Object.assign(metrics, { effect: overall.value.effect, ci_low: overall.value.ciLow, ci_high: overall.value.ciHigh, p_value: overall.value.pValue });
    const rows: ContextRow[] = [];
    const skipped: string[] = [];
    const mix: Record<string, number> = {};
    const interactionP: Record<string, number | null> = {};
    levels.forEach((l, k) => {
      progress((0.6 * k) / levels.length, `context ${l.context}`);
      const e = contextEffects(l, cells[k]!, control, treatments, options);
      rows.push(...e.rows);
      skipped.push(...e.skipped);
      mix[l.context] = e.mixPValue;
      for (const [t, h] of e.interaction) {
        const key = t === treatments[0] ? l.context : `${l.context}_${t}`;
        interactionP[key] = finiteOrNull(h.pValue);
        metrics[`interaction_p_value_${key}`] = interactionP[key]!;
      }
    });
    // Holm over the per-context interaction tests: several contexts are several chances to find one.
    const keys = Object.keys(interactionP);
    const adjusted = holm(keys.map((k) => interactionP[k] ?? NaN));
    keys.forEach((k, i) => (metrics[`interaction_p_value_holm_${k}`] = finiteOrNull(adjusted[i])));
    // The table's Holm family is every context value of every context.
    const family = holm(rows.map((r) => r.p_value ?? NaN));
    rows.forEach((r, i) => {
      r.p_value_holm = finiteOrNull(family[i]);
      r.significant = r.p_value_holm === null ? null : r.p_value_holm < p.alpha;
    });
    const relative = p.difference === 'relative';
    const charts = levels.map((l) => contextHeatmap(rows, l.context, l.order, relative, interactionP[l.context] ?? null));
    const tables: Record<string, aq.ColumnTable> = { contexts: rowsTable(rows.map(({ metric: _m, ...r }) => r), ['context', 'value', 'n_control', 'n', ...COMPARISON_COLUMNS.filter((c) => c !== 'metric')]) };
    const timeCol = inputs.daily ? columnName(params, p, 'timestamp') : null;
    let drift: ReturnType<typeof contextDrift> = [];
    let rolling: ReturnType<typeof rollingLift> = [];
    if (timeCol) {
      progress(0.7, 'rolling lift');
      rolling = rollingLift(readDaily(inputs.daily!, p, timeCol), kind, control, treatments, p.window, options, signal);
      drift = contextDrift(levels.map((l, i) => ({ levels: l, mix: readMix(inputs[`mix_${i}`]!) })), p.window);
      tables.rolling = aq.from(rolling);
      tables.drift = aq.from(drift);
      for (const l of levels) {
        const values = drift.filter((d) => d.context === l.context && d.psi !== null).map((d) => d.psi!);
        metrics[`psi_${l.context}`] = values.length ? Math.max(...values) : null;
      }
      charts.push(rollingChart(rolling, p.window, relative), driftChart(drift));
    }
    progress(1, 'done');
    return {
      metrics,
      tables,
      charts,
      notes: contextNotes({ rows, levels, interactionP, metrics, mix, skipped, control, treatments, rolling, drift, hasTime: !!timeCol, relative, window: p.window }),
    };
  },
});
