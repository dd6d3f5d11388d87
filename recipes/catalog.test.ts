import { describe, expect, it } from 'vitest';
import { loadRecipe, recipeIds } from './catalog.js';
import { recipes } from './registry.js';

describe('the recipe catalog', () => {
  it('lists the registry\'s recipes by id, in order, and loads the same objects', async () => {
    expect(recipeIds).toEqual(recipes.map((r) => r.id));
    for (const recipe of recipes) expect(await loadRecipe(recipe.id)).toBe(recipe);
    expect(await loadRecipe('toString')).toBeUndefined();
  });
});
