import type { Recipe } from './types.js';

/**
 * Every recipe by id, loaded on demand: a process that runs one recipe (the CLI, a recipe worker)
 * loads that recipe's code only, not every model library. Same ids and order as registry.ts
 * (catalog.test.ts holds them to it).
 *
 * @example
 * const lift = await loadRecipe('lift');
 */
export const recipeLoaders: Record<string, () => Promise<Recipe>> = {
  lift: () => import('./lift/index.js').then((m) => m.lift),
  power: () => import('./power/index.js').then((m) => m.powerRecipe),
  engagement: () => import('./engagement/index.js').then((m) => m.engagement),
  segments: () => import('./segments/index.js').then((m) => m.segments),
  roi: () => import('./roi/index.js').then((m) => m.roi),
  retention: () => import('./retention/index.js').then((m) => m.retention),
  clv: () => import('./clv/index.js').then((m) => m.clv),
  churn: () => import('./churn/index.js').then((m) => m.churn),
  'next-purchase': () => import('./next-purchase/index.js').then((m) => m.nextPurchase),
  recommendations: () => import('./recommendations/index.js').then((m) => m.recommendations),
  attribution: () => import('./attribution/index.js').then((m) => m.attribution),
  omnichannel: () => import('./omnichannel/index.js').then((m) => m.omnichannel),
  sentiment: () => import('./sentiment/index.js').then((m) => m.sentiment),
  psychographic: () => import('./psychographic/index.js').then((m) => m.psychographic),
  fairness: () => import('./fairness/index.js').then((m) => m.fairness),
  relationship: () => import('./relationship/index.js').then((m) => m.relationship),
  context: () => import('./context/index.js').then((m) => m.context),
  automation: () => import('./automation/index.js').then((m) => m.automation),
};

/** The ids of every recipe, in registry order, without loading any. */
export const recipeIds = Object.keys(recipeLoaders);

/**
 * One recipe by id, or undefined when there is none.
 *
 * @example
 * (await loadRecipe('lift'))?.title; // → 'Lift: did the personalized variant win?'
 */
export function loadRecipe(id: string): Promise<Recipe | undefined> {
  return Object.hasOwn(recipeLoaders, id) ? recipeLoaders[id]!() : Promise.resolve(undefined);
}
