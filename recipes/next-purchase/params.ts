import { z } from 'zod';

/** The `next-purchase` parameters. Column roles default to the shop's `orders` columns. */
export const nextPurchaseParams = z
  .object({
    customer: z.string().min(1).default('customer_id').describe('Column with the customer id.'),
    timestamp: z.string().min(1).default('timestamp').describe('Order date.'),
    amount: z.string().min(1).default('amount').describe('Order value.'),
    category: z.string().min(1).optional().describe('Product category (default "category" when present; adds category-share features).'),
    cutoff: z
      .string()
      .optional()
      .describe('Predict as of this date (YYYY-MM-DD): features use orders before it; metrics compare with the orders in the horizon after it. Default: horizon days before the data ends.'),
    horizon: z
      .number()
      .int()
      .positive()
      .default(90)
      .describe('Days after the cutoff in which next orders are measured; the models learn from the same span before it (cutoff − horizon to cutoff).'),
    window: z.number().int().positive().default(30).describe('Days for p_purchase_within_<window> (at most horizon).'),
    model: z.enum(['linear', 'mlp']).default('linear').describe('linear models, or one-hidden-layer ReLU networks.'),
    hidden: z.number().int().min(1).max(256).default(16).describe('mlp: hidden units.'),
    epochs: z.number().int().min(1).max(5000).optional().describe('Training epochs. Default: 400 full-batch.'),
    learning_rate: z.number().positive().default(0.05).describe('Adam learning rate.'),
    l2: z.number().min(0).default(1e-4).describe('Weight decay on the kernels.'),
    seed: z.number().int().default(42).describe('Seeds initial weights and batch order.'),
  })
  .strict();

export type NextPurchaseParams = z.output<typeof nextPurchaseParams>;
