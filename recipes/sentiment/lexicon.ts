import { readFileSync } from 'node:fs';

/**
 * VADER's word list (datasets/open/vader_lexicon.txt, MIT, C.J. Hutto) is bundled data: it is read
 * once when this module loads, so the recipe's run() stays pure. Each line is
 * `token<TAB>mean valence<TAB>sd<TAB>[ten ratings]`; only the first two fields matter.
 */

/**
 * Parses lexicon text into token → mean valence.
 *
 * @example
 * parseLexicon('good\t1.9\t0.9\t[2]\n').get('good'); // → 1.9
 */
export function parseLexicon(text: string): Map<string, number> {
  const lexicon = new Map<string, number>();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const [word, measure] = trimmed.split('\t');
    if (word !== undefined && measure !== undefined) lexicon.set(word, Number(measure));
  }
  return lexicon;
}

/** The VADER lexicon shipped with the repo (7,500 tokens). */
export const VADER_LEXICON: ReadonlyMap<string, number> = parseLexicon(
  readFileSync(new URL('../../datasets/open/vader_lexicon.txt', import.meta.url), 'utf8'),
);
