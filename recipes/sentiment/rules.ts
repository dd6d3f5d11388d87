/**
 * VADER's rule constants and word lists (Hutto & Gilbert 2014, vaderSentiment 3.3), kept verbatim
 * in value so scores match the reference implementation.
 */

/** Mean intensity added by a booster ("very") or removed by a dampener ("slightly"). */
export const B_INCR = 0.293;
export const B_DECR = -0.293;
/** Intensity added to a word written in ALL CAPS when the rest of the text is not. */
export const C_INCR = 0.733;
/** A negated word keeps −0.74 of its valence (flips and weakens). */
export const N_SCALAR = -0.74;

export const NEGATE = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt',
  "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
  'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt', 'neither',
  "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
  'neednt', "needn't", 'never', 'none', 'nope', 'nor', 'not', 'nothing', 'nowhere',
  'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent',
  "oughtn't", "shan't", "shouldn't", 'uh-uh', "wasn't", "weren't",
  'without', 'wont', 'wouldnt', "won't", "wouldn't", 'rarely', 'seldom', 'despite',
]);

const boosters = [
  'absolutely', 'amazingly', 'awfully', 'completely', 'considerable', 'considerably', 'decidedly', 'deeply',
  'effing', 'enormous', 'enormously', 'entirely', 'especially', 'exceptional', 'exceptionally', 'extreme',
  'extremely', 'fabulously', 'flipping', 'flippin', 'frackin', 'fracking', 'fricking', 'frickin', 'frigging',
  'friggin', 'fully', 'fuckin', 'fucking', 'fuggin', 'fugging', 'greatly', 'hella', 'highly', 'hugely',
  'incredible', 'incredibly', 'intensely', 'major', 'majorly', 'more', 'most', 'particularly', 'purely',
  'quite', 'really', 'remarkably', 'so', 'substantially', 'thoroughly', 'total', 'totally', 'tremendous',
  'tremendously', 'uber', 'unbelievably', 'unusually', 'utter', 'utterly', 'very',
];
const dampeners = [
  'almost', 'barely', 'hardly', 'just enough', 'kind of', 'kinda', 'kindof', 'kind-of', 'less', 'little',
  'marginal', 'marginally', 'occasional', 'occasionally', 'partly', 'scarce', 'scarcely', 'slight',
  'slightly', 'somewhat', 'sort of', 'sorta', 'sortof', 'sort-of',
];

/** Degree adverbs: booster → +0.293, dampener → −0.293 (a few are two-word phrases). */
export const BOOSTER: ReadonlyMap<string, number> = new Map([
  ...boosters.map((w) => [w, B_INCR] as const),
  ...dampeners.map((w) => [w, B_DECR] as const),
]);

/** Idioms and phrases that contain lexicon words and replace their valence. */
export const SPECIAL_CASES: ReadonlyMap<string, number> = new Map([
  ['the shit', 3], ['the bomb', 3], ['bad ass', 1.5], ['badass', 1.5], ['bus stop', 0],
  ['yeah right', -2], ['kiss of death', -1.5], ['to die for', 3], ['beating heart', 3.1], ['broken heart', -2.9],
]);
