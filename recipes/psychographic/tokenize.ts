/**
 * Tokenization for lexicon matching: lowercase, letters and digits only (apostrophes dropped),
 * then a light plural stemmer so "editions" matches "edition" and "stories" matches "story".
 * Not a Porter stemmer on purpose: the lexicon uses a trailing `*` when it wants prefix matching.
 */

/**
 * Strips a possessive and a regular plural ending.
 *
 * @example
 * stem('stories'); // → 'story'
 */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * Lowercase word tokens of a text, unstemmed.
 *
 * @example
 * tokenize("Rare, SIGNED editions!"); // → ['rare', 'signed', 'editions']
 */
export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A compiled lexicon entry: a single stem, a prefix (`word*`) or a phrase of stems. */
export interface Matcher {
  entry: string;
  label: string;
  stems: string[];
  prefix: boolean;
}

/**
 * Compiles lexicon entries of one label (a dimension, or "emotive").
 *
 * @example
 * compile('collecting', ['collect*', 'first edition']);
 */
export function compile(label: string, entries: string[]): Matcher[] {
  return entries.map((entry) => {
    const prefix = entry.endsWith('*');
    const words = tokenize(prefix ? entry.slice(0, -1) : entry);
    // The `*` applies to the last word of a phrase; earlier words match by stem.
    return { entry, label, prefix, stems: words.map((w, i) => (prefix && i === words.length - 1 ? w : stem(w))) };
  });
}

/** One lexicon hit: the word as written (phrases joined by a space) and its label. */
export interface Hit {
  word: string;
  label: string;
}

/**
 * Every lexicon hit in a token list. A token can count for several labels (e.g. "lovely" is both
 * prestige and emotive) but only once per label; phrases are tried before single words.
 *
 * @example
 * match(tokenize('A signed first edition'), compile('collecting', ['signed', 'first edition']));
 */
export function match(tokens: string[], matchers: Matcher[]): Hit[] {
  const stems = tokens.map(stem);
  const hits: Hit[] = [];
  const used = new Set<string>();
  const ordered = [...matchers].sort((a, b) => b.stems.length - a.stems.length);
  for (const m of ordered) {
    if (!m.stems.length) continue;
    for (let i = 0; i + m.stems.length <= tokens.length; i++) {
      const last = m.stems.length - 1;
      const ok = m.stems.every((s, k) => (m.prefix && k === last ? tokens[i + k]!.startsWith(s) : stems[i + k] === s));
      if (!ok) continue;
      const span = m.stems.map((_, k) => `${m.label}\u0000${i + k}`);
      if (span.some((s) => used.has(s))) continue;
      span.forEach((s) => used.add(s));
      hits.push({ word: tokens.slice(i, i + m.stems.length).join(' '), label: m.label });
    }
  }
  return hits;
}
