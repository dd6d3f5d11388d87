import type { Random } from './random.js';
import {
  AGE_GROUPS, AGE_WEIGHTS, BGNBD, DEVICES, DEVICE_WEIGHTS, EXPERIMENT_START, FAVOURITE, GAMMA_GAMMA,
  HISTORY_START, REGIONS, SEGMENTS, SEGMENT_WEIGHTS, WEEK,
} from './design.js';

/** A customer with the latent traits the rest of the shop is generated from. */
export interface Customer {
  id: string;
  signup: number;
  segment: (typeof SEGMENTS)[number];
  ageGroup: (typeof AGE_GROUPS)[number];
  region: (typeof REGIONS)[number];
  device: (typeof DEVICES)[number];
  variant: 'control' | 'personalized';
  favourite: string;
  /** BG/NBD purchase rate per week and dropout probability after each repeat purchase. */
  lambda: number;
  dropout: number;
  /** Gamma–Gamma spend rate: mean order value is p/nu. */
  nu: number;
  alive: boolean;
}

/**
 * Draws customers: demographics, a 50/50 randomized variant, and BG/NBD + Gamma–Gamma latents.
 *
 * @example
 * drawCustomers(createRandom(1), 10).length; // → 10
 */
export function drawCustomers(rng: Random, count: number): Customer[] {
  const lastSignup = EXPERIMENT_START - WEEK;
  return Array.from({ length: count }, (_, i) => {
    const segment = rng.pick(SEGMENTS, SEGMENT_WEIGHTS);
    return {
      id: `C${String(i + 1).padStart(5, '0')}`,
      signup: HISTORY_START + Math.floor(rng.uniform() * (lastSignup - HISTORY_START)),
      segment,
      ageGroup: rng.pick(AGE_GROUPS, AGE_WEIGHTS),
      region: rng.pick(REGIONS),
      device: rng.pick(DEVICES, DEVICE_WEIGHTS),
      variant: rng.bernoulli(0.5) ? 'personalized' : 'control',
      favourite: FAVOURITE[segment],
      lambda: rng.gamma(BGNBD.r, BGNBD.alpha),
      dropout: rng.beta(BGNBD.a, BGNBD.b),
      nu: rng.gamma(GAMMA_GAMMA.q, GAMMA_GAMMA.v),
      alive: true,
    };
  });
}
