// Every test process runs recipes' aggregation phase in the embedded DuckDB, as the server's
// recipe workers do, so `runRecipe(recipe, { inputs: tables })` works in any test unchanged.
import { setDefaultExecutor } from '../../recipes/define-recipe.js';
import { inlineExecutor } from '../../server/engine/inline-executor.js';

setDefaultExecutor(inlineExecutor);
