import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recipeCatalogue } from './catalogue.js';
import { describeRecipes } from './registry.js';

describe('the recipe catalogue (docs/recipes.md)', () => {
  it('is current with the registry (run `npm run docs` after changing a recipe)', () => {
    const committed = readFileSync(new URL('../docs/recipes.md', import.meta.url), 'utf8');
    expect(committed, 'docs/recipes.md is out of date: run `npm run docs`').toBe(recipeCatalogue(describeRecipes()));
  });

  it('lists every recipe with its inputs, column roles and parameters', () => {
    const text = recipeCatalogue(describeRecipes());
    for (const recipe of describeRecipes()) {
      expect(text).toContain(`## ${recipe.id}\n`);
      for (const input of recipe.inputs) {
        expect(text).toContain(`- \`${input.name}\``);
        for (const role of input.roles) expect(text).toContain(`column role \`${role.role}\``);
      }
      for (const param of Object.keys((recipe.params as { properties?: object }).properties ?? {})) expect(text).toContain(`| \`${param}\` |`);
    }
    expect(text).toContain('| `alpha` | number (0 < x < 1) | `0.05` |');
  });
});
