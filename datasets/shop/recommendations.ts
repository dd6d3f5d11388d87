import type { Random } from './random.js';
import type { Customer } from './customers.js';
import { CATEGORIES } from './design.js';

export const CATALOGUE_SIZE = 400;
/** Chance a personalized top-10 contains each of the user's relevant items; control only by chance. */
export const PERSONALIZED_RECALL = 0.5;

/** The catalogue: item ids B0001… with a category each (round-robin, so categories are even). */
export function catalogue(): { item: string; category: string }[] {
  return Array.from({ length: CATALOGUE_SIZE }, (_, i) => ({
    item: `B${String(i + 1).padStart(4, '0')}`,
    category: CATEGORIES[i % CATEGORIES.length],
  }));
}

/**
 * For one user: the items they later bought (relevant, graded 1–3) and a top-10 list. The
 * personalized recommender knows the user's favourite category; the control recommender shows
 * the best sellers.
 *
 * @example
 * userRecommendations(rng, customer, catalogue());
 */
export function userRecommendations(
  rng: Random,
  c: Customer,
  items: { item: string; category: string }[],
): { recommended: Record<string, unknown>[]; relevant: Record<string, unknown>[] } {
  const favourite = items.filter((i) => i.category === c.favourite);
  const wanted = new Set<string>();
  const count = 2 + rng.int(0, 2);
  while (wanted.size < count) wanted.add((rng.bernoulli(0.7) ? rng.pick(favourite) : rng.pick(items)).item);
  const relevant = [...wanted].map((item) => ({ user: c.id, item, relevance: rng.int(1, 3) }));
  const list: string[] = [];
  if (c.variant === 'personalized') {
    for (const item of wanted) if (rng.bernoulli(PERSONALIZED_RECALL)) list.push(item);
    while (list.length < 10) {
      const item = rng.pick(favourite).item;
      if (!list.includes(item)) list.push(item);
    }
    // Shuffle so hits are not always on top.
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [list[i], list[j]] = [list[j], list[i]];
    }
  } else {
    const bestSellers = items.slice(0, 30);
    while (list.length < 10) {
      const item = rng.pick(bestSellers).item;
      if (!list.includes(item)) list.push(item);
    }
  }
  const recommended = list.map((item, i) => ({ user: c.id, item, score: Math.round((1 - i * 0.08) * 1000) / 1000, rank: i + 1 }));
  return { recommended, relevant };
}
