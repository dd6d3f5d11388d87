import type { Recipe } from './types.js';
import { describeRecipe, type RecipeDescriptor } from './define-recipe.js';
import { RecipeInputError } from './errors.js';
import { lift } from './lift/index.js';
import { powerRecipe } from './power/index.js';
import { engagement } from './engagement/index.js';
import { segments } from './segments/index.js';
import { roi } from './roi/index.js';
import { relationship } from './relationship/index.js';
import { context } from './context/index.js';
import { automation } from './automation/index.js';
import { retention } from './retention/index.js';
import { clv } from './clv/index.js';
import { churn } from './churn/index.js';
import { nextPurchase } from './next-purchase/index.js';
import { recommendations } from './recommendations/index.js';
import { attribution } from './attribution/index.js';
import { omnichannel } from './omnichannel/index.js';
import { sentiment } from './sentiment/index.js';
import { psychographic } from './psychographic/index.js';
import { fairness } from './fairness/index.js';

// One line per recipe, in the order of RECIPES.md. The CLI and the server both read this list.
export const recipes: Recipe[] = [
  lift,
  powerRecipe,
  engagement,
  segments,
  roi,
  retention,
  clv,
  churn,
  nextPurchase,
  recommendations,
  attribution,
  omnichannel,
  sentiment,
  psychographic,
  fairness,
  relationship,
  context,
  automation,
];

/**
 * The recipe with this id, or a RecipeInputError listing the known ids.
 *
 * @example
 * getRecipe('lift').title; // → 'Lift: did the personalized variant win?'
 */
export function getRecipe(id: string): Recipe {
  const recipe = recipes.find((r) => r.id === id);
  if (!recipe) {
    throw new RecipeInputError(`There is no recipe "${id}". Known recipes: ${recipes.map((r) => r.id).join(', ')}.`);
  }
  return recipe;
}

export type { RecipeDescriptor } from './define-recipe.js';

/**
 * Every recipe's id, title, description, inputs and parameter JSON Schema.
 *
 * @example
 * describeRecipes().map((r) => r.id);
 */
export function describeRecipes(): RecipeDescriptor[] {
  return recipes.map(describeRecipe);
}
