import { z } from 'zod';
import { column } from '../column.js';

/** The `next-purchase` parameters. Column roles default to the shop's `orders` columns. */
export const nextPurchaseParams = z
  .object({
    customer: column({
      default: 'customer_id',
      nonEmpty: true,
      required: true,
      description: 'Column with the customer id.',
      role: 'customer id',
    }),
    timestamp: column({ default: 'timestamp', nonEmpty: true, required: true, description: 'Order date.', role: 'order date' }),
    amount: column({ default: 'amount', nonEmpty: true, required: true, description: 'Order value.', role: 'order value' }),
    category: column({
      default: 'category',
      defaultWhenRead: true,
      nonEmpty: true,
      description: 'Product category (default {default} when present; adds category-share features).',
      role: 'product category',
    }),
    cutoff: z
      .string()
      .optional()
      .describe(
        'Predict as of this date (YYYY-MM-DD): features use orders before it; metrics compare with the orders in the horizon after it. Default: horizon days before the data ends.',
      ),
    horizon: z
      .number()
      .int()
      .positive()
      .default(90)
      .describe(
        'Days after the cutoff in which next orders are measured; the models learn from the same span before it (cutoff − horizon to cutoff).',
      ),
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
