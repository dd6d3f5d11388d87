/**
 * The planted design of the generated bookstore: every effect a recipe should find is a number
 * here, so tests compare estimates with these values (or with truths derived from them in
 * `truth.ts`). Time unit for the purchase process: weeks.
 */
export const DAY = 86_400_000;
export const WEEK = 7 * DAY;

export const HISTORY_START = Date.UTC(2024, 0, 1);
export const EXPERIMENT_START = Date.UTC(2025, 0, 1);
export const EXPERIMENT_WEEKS = 12;
export const EXPERIMENT_END = EXPERIMENT_START + EXPERIMENT_WEEKS * WEEK;
export const OBSERVATION_END = Date.UTC(2025, 5, 30);

export const SEGMENTS = ['bargain_hunter', 'collector', 'gift_buyer', 'student', 'book_club'] as const;
export const SEGMENT_WEIGHTS = [0.3, 0.15, 0.2, 0.2, 0.15];
export const AGE_GROUPS = ['18-24', '25-34', '35-44', '45-54', '55+'] as const;
export const AGE_WEIGHTS = [0.15, 0.25, 0.25, 0.2, 0.15];
export const REGIONS = ['north', 'south', 'east', 'west'] as const;
export const DEVICES = ['mobile', 'desktop', 'tablet'] as const;
export const DEVICE_WEIGHTS = [0.55, 0.35, 0.1];
export const CATEGORIES = ['fiction', 'mystery', 'sci-fi', 'history', 'children', 'cookbooks', 'poetry', 'rare editions'] as const;
/** Each segment's favourite category: what a personalized recommender would learn. */
export const FAVOURITE: Record<(typeof SEGMENTS)[number], (typeof CATEGORIES)[number]> = {
  bargain_hunter: 'fiction',
  collector: 'rare editions',
  gift_buyer: 'children',
  student: 'history',
  book_club: 'mystery',
};

/** BG/NBD purchase process before the experiment (Fader, Hardie & Lee 2005 parameterisation). */
export const BGNBD = { r: 0.6, alpha: 5, a: 0.8, b: 2.5 } as const;
/** Gamma–Gamma spend: order value z ~ Gamma(p, ν), ν ~ Gamma(q, v); mean spend p·v/(q−1) = 30. */
export const GAMMA_GAMMA = { p: 6, q: 4, v: 15 } as const;

/** Sessions per customer in the 12-week window: Poisson mean for alive and dormant customers. */
export const SESSIONS_ALIVE = 4;
export const SESSIONS_DORMANT = 0.5;
/** Chance a session converts, by journey stage; stages drawn with these weights. */
export const STAGES = ['browse', 'consider', 'checkout'] as const;
export const STAGE_WEIGHTS = [0.6, 0.3, 0.1];
export const STAGE_CONVERSION = [0.02, 0.06, 0.35];
/** Relative lift of session conversion from personalization, by segment (the planted heterogeneity). */
export const SEGMENT_LIFT: Record<(typeof SEGMENTS)[number], number> = {
  bargain_hunter: 0,
  collector: 0.4,
  gift_buyer: 0.15,
  student: 0.1,
  book_club: 0.25,
};
/** Extra multiplicative lift on mobile (the planted context effect): personalization helps most on small screens. */
export const DEVICE_LIFT: Record<(typeof DEVICES)[number], number> = { mobile: 0.2, desktop: 0, tablet: 0 };
/** Personalized order values are this much higher (better recommendations add a book). */
export const AOV_LIFT = 0.05;
/** After the window, personalized customers' purchase rate is multiplied by 1 + this. */
export const RATE_LIFT_AFTER = 0.3;

/** Engagement: pages per session = 1 + Poisson(μ); dwell per page ~ Exponential(mean seconds). */
export const PAGES_EXTRA = { control: 2.0, personalized: 2.4 } as const;
export const DWELL_SECONDS = { control: 45, personalized: 50 } as const;
export const SCROLL_BETA = { control: [2, 2], personalized: [2.5, 2] } as const;
export const INTERACTION = { control: 0.3, personalized: 0.36 } as const;

export const EMAIL = {
  open: { control: 0.25, personalized: 0.3 },
  clickGivenOpen: { control: 0.12, personalized: 0.18 },
  convertGivenClick: 0.1,
} as const;

/** NPS answer distribution (0–10) by arm; CSAT (1–5); trust items share a latent factor. */
export const NPS_PROBS = {
  control: [0.02, 0.02, 0.03, 0.03, 0.04, 0.06, 0.08, 0.14, 0.18, 0.2, 0.2],
  personalized: [0.01, 0.02, 0.02, 0.03, 0.03, 0.05, 0.07, 0.12, 0.17, 0.23, 0.25],
} as const;
export const CSAT_PROBS = {
  control: [0.05, 0.1, 0.2, 0.35, 0.3],
  personalized: [0.04, 0.08, 0.16, 0.36, 0.36],
} as const;
export const RATING_PROBS = {
  control: [0.08, 0.1, 0.17, 0.3, 0.35],
  personalized: [0.06, 0.08, 0.14, 0.3, 0.42],
} as const;

/** Automation runs: hours from creation to launch ~ LogNormal(ln(median), sigma). */
export const RUNS = { count: 80, medianHours: 20, sigma: 0.8, failRate: 0.08, recordErrorRate: 0.002, costFixed: 15, costPer1k: 0.9 } as const;

/** Churn-model scores: signal strength by age group; 55+ gets a weaker signal (the planted unfairness). */
export const SCORE_SIGNAL: Record<(typeof AGE_GROUPS)[number], number> = { '18-24': 2, '25-34': 2, '35-44': 2, '45-54': 2, '55+': 0.8 };

/** Recommendation slot click-through by arm; personalized serving costs this much per impression. */
export const CTR = { control: 0.04, personalized: 0.07 } as const;
export const SERVING_COST_PER_IMPRESSION = 0.02;
