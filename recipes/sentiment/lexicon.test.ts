import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexiconModule, parseLexicon, VADER_LEXICON } from './lexicon.js';

const file = readFileSync(new URL('../../datasets/open/vader_lexicon.txt', import.meta.url), 'utf8');

describe('the bundled VADER lexicon', () => {
  it('holds exactly the tokens and valences of datasets/open/vader_lexicon.txt (else rerun bin/generate-vader-lexicon.ts)', () => {
    expect(new Map(VADER_LEXICON)).toEqual(parseLexicon(file));
    expect(VADER_LEXICON.size).toBe(7506);
  });

  it('keeps the published valences of sample tokens', () => {
    expect(VADER_LEXICON.get('good')).toBe(1.9);
    expect(VADER_LEXICON.get('hate')).toBe(-2.7);
    expect(VADER_LEXICON.get(":)")).toBe(2.0);
  });

  it('generates a module that keeps only token and mean valence, escaping quotes', () => {
    const source = lexiconModule('good\t1.9\t0.9\t[2, 2]\n"q"\t-0.5\t0.1\t[0]\n');
    expect(source).toContain('export const VADER_LEXICON_TEXT = "good\\t1.9\\n\\"q\\"\\t-0.5";');
  });
});
