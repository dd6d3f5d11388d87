// Regenerates recipes/sentiment/vader-lexicon-data.ts from datasets/open/vader_lexicon.txt, so the
// sentiment recipe imports its word list as code (bundlers and tsx both load it; nothing reads the
// disk when the recipe module loads). Run after changing the lexicon file:
//   node bin/run-ts.js bin/generate-vader-lexicon.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { lexiconModule } from '../recipes/sentiment/lexicon.js';

const source = new URL('../datasets/open/vader_lexicon.txt', import.meta.url);
const target = new URL('../recipes/sentiment/vader-lexicon-data.ts', import.meta.url);
writeFileSync(target, lexiconModule(readFileSync(source, 'utf8')));
console.error(`wrote ${target.pathname}`);
