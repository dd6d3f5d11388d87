// `npm run docs`: writes docs/recipes.md from the recipe registry (recipes/catalogue.ts).
import { writeFileSync } from 'node:fs';
import { recipeCatalogue } from '../recipes/catalogue.js';
import { describeRecipes } from '../recipes/registry.js';

const file = new URL('../docs/recipes.md', import.meta.url);
writeFileSync(file, recipeCatalogue(describeRecipes()));
console.log(`wrote ${file.pathname}`);
