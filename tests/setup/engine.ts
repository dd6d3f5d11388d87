// Every test process runs recipes' aggregation phase in the embedded DuckDB, as the server's
// recipe workers do, so `runRecipe(recipe, { inputs: tables })` works in any test unchanged.
// The engine module loads on the first aggregation, not in every test file's set-up: most files
// never aggregate, and loading DuckDB in each of them was most of the suite's set-up time.
import { setDefaultExecutor } from '../../recipes/define-recipe.js';
import type { Executor } from '../../recipes/types.js';

const lazyInlineExecutor: Executor = async (request) => (await import('../../server/engine/inline-executor.js')).inlineExecutor(request);
setDefaultExecutor(lazyInlineExecutor);
