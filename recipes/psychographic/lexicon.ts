/**
 * The built-in psychographic lexicon: hand-curated words per dimension, written for liftbook
 * (see README.md for provenance). It is a documented heuristic, not a validated psychometric
 * instrument. Words are matched after the tokenizer's stemming; a trailing `*` matches any word
 * starting with the stem (e.g. `collect*` matches collector, collecting, collection).
 */
export const LEXICON: Record<string, string[]> = {
  curiosity: ['curious', 'curiosity', 'learn*', 'discover*', 'explor*', 'fascinat*', 'insight*', 'history', 'histories', 'science', 'research*', 'knowledge', 'ideas', 'idea', 'wonder', 'question*', 'intrigu*', 'new', 'study', 'studies'],
  collecting: ['collect*', 'rare', 'first edition', 'edition*', 'signed', 'complete', 'series', 'set', 'shelf', 'shelves', 'hardcover', 'hardback', 'vintage', 'antiquarian', 'limited', 'numbered', 'archive*'],
  prestige: ['exclusive', 'premium', 'luxury', 'elegant', 'beautiful', 'prestig*', 'finest', 'quality', 'classic*', 'leather', 'gilt', 'curated', 'refined', 'excellent', 'lovely'],
  value: ['price*', 'cheap*', 'bargain*', 'deal*', 'discount*', 'sale', 'value', 'afford*', 'save', 'saving*', 'cost*', 'budget', 'free', 'coupon*', 'worth'],
  ethics: ['ethic*', 'sustainab*', 'fair', 'local', 'independent', 'recycl*', 'eco', 'green', 'responsib*', 'community', 'charity', 'plastic', 'packaging', 'honest*'],
  social: ['friend*', 'family', 'club', 'gift*', 'share', 'sharing', 'recommend*', 'together', 'group', 'kids', 'children', 'staff', 'helpful', 'people', 'discussion*'],
};

/**
 * Words that carry emotion, for the emotional-intensity measure (share of emotive words plus
 * exclamation marks). Deliberately small and documented; liftbook's `sentiment` recipe is the
 * place for full VADER scoring.
 */
export const EMOTIVE: string[] = [
  'love*', 'hate*', 'wonderful', 'terrible', 'amazing', 'awful', 'great', 'excellent', 'horrible', 'happy', 'unhappy', 'delight*',
  'disappoint*', 'angry', 'furious', 'thrill*', 'excit*', 'adore', 'worst', 'best', 'fantastic', 'useless', 'lovely', 'bad', 'poor', 'damaged',
];

/**
 * Default mapping of the bookstore's content tags (product categories) to dimensions and weights.
 * Tags are matched lowercase and trimmed; unknown tags are ignored and reported in the notes.
 */
export const DEFAULT_TAGS: Record<string, Record<string, number>> = {
  'rare editions': { collecting: 1, prestige: 1 },
  'first editions': { collecting: 1, prestige: 1 },
  signed: { collecting: 1, prestige: 0.5 },
  history: { curiosity: 1 },
  'sci-fi': { curiosity: 1 },
  science: { curiosity: 1 },
  poetry: { prestige: 0.5, curiosity: 0.5 },
  mystery: { social: 0.5, curiosity: 0.5 },
  fiction: { social: 0.5, value: 0.5 },
  children: { social: 1 },
  cookbooks: { social: 0.5, value: 0.5 },
  sale: { value: 1 },
  discount: { value: 1 },
  'book club': { social: 1 },
  gift: { social: 1 },
  'fair trade': { ethics: 1 },
  sustainable: { ethics: 1 },
  'local authors': { ethics: 1, social: 0.5 },
};

export const DEFAULT_DIMENSIONS = ['curiosity', 'collecting', 'prestige', 'value', 'ethics', 'social'];
