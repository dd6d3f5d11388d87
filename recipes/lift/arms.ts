import { RecipeInputError } from '../errors.js';
import type { MetricStats } from '../stats/moments.js';

/**
 * What both input shapes reduce to: sufficient statistics per variant and metric, and units per
 * variant for the sample-ratio check. Everything after this point is the same for unit-level
 * and summary input, which is what makes the two give identical results.
 */
export interface LiftAggregate {
  /** Variants in natural sort order. */
  variants: string[];
  metrics: string[];
  /** stats.get(variant)!.get(metric) */
  stats: Map<string, Map<string, MetricStats>>;
  /** Units per variant (summary input: the largest n among the variant's rows). */
  units: Map<string, number>;
  /** Plain-language remarks made while aggregating (e.g. which metrics were picked by default). */
  notes: string[];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Distinct variants in natural order ("v2" before "v10").
 *
 * @example
 * sortVariants(['b', 'a', 'b', 'v10', 'v2']); // → ['a', 'b', 'v2', 'v10']
 */
export function sortVariants(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(collator.compare);
}

/**
 * The control arm: the `control` parameter when given (it must be a variant seen in the data),
 * else a variant named "control" in any case, else the first variant in sorted order.
 *
 * @example
 * pickControl(['control', 'personalized'], undefined, 'units.variant'); // → 'control'
 * pickControl(['a', 'b'], undefined, 'units.variant');                  // → 'a'
 */
export function pickControl(variants: string[], control: string | undefined, where: string): string {
  if (variants.length < 2) {
    throw new RecipeInputError(
      `${where} has ${variants.length === 0 ? 'no values' : `only one value ("${variants[0]}")`}; lift needs a control and at least one treatment variant. ` +
        'Check that the variant parameter names the column that holds the arm of each unit.',
    );
  }
  if (control !== undefined) {
    if (variants.includes(control)) return control;
    const shown = variants.slice(0, 20).map((v) => `"${v}"`).join(', ');
    throw new RecipeInputError(`The control "${control}" is not a value of ${where}; the variants seen are ${shown}. Set the control parameter to one of them.`);
  }
  return variants.find((v) => v.toLowerCase() === 'control') ?? variants[0]!;
}

/**
 * Intended weight of each variant, in `variants` order, from the `split` parameter.
 *
 * @example
 * splitWeights(['a', 'b'], { a: 1, b: 3 }); // → [1, 3]
 */
export function splitWeights(variants: string[], split: number[] | Record<string, number> | undefined): number[] | undefined {
  if (split === undefined) return undefined;
  if (Array.isArray(split)) {
    if (split.length !== variants.length) {
      throw new RecipeInputError(
        `The split parameter has ${split.length} weights but there are ${variants.length} variants (${variants.join(', ')}); give one weight per variant in that order, or an object {variant: weight}.`,
      );
    }
    return split;
  }
  const unknown = Object.keys(split).filter((k) => !variants.includes(k));
  if (unknown.length) {
    throw new RecipeInputError(`The split parameter names ${unknown.map((u) => `"${u}"`).join(', ')}, which ${unknown.length > 1 ? 'are not variants' : 'is not a variant'}; the variants are ${variants.join(', ')}.`);
  }
  return variants.map((v) => {
    const w = split[v];
    if (w === undefined) throw new RecipeInputError(`The split parameter has no weight for variant "${v}"; give a weight for every variant (${variants.join(', ')}).`);
    return w;
  });
}
