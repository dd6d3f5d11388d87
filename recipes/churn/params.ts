import { z } from 'zod';
import { column } from '../column.js';

/** The `churn` parameters. Column roles default to the shop's column names. */
export const churnParams = z
  .object({
    customer: column({
      default: 'customer_id',
      nonEmpty: true,
      required: true,
      description: 'Column with the customer id (both inputs).',
      role: 'customer id',
    }),
    label: column({
      default: 'churn',
      nonEmpty: true,
      description: 'customers input: the 0/1 (yes/no, true/false) churn column.',
      role: 'churned: 0/1, true/false or yes/no (not needed when scoring with a model)',
    }),
    features: column({
      role: 'feature columns (default: all others)',
      schema: z
        .array(z.string().min(1))
        .min(1)
        .optional()
        .describe(
          'Feature columns. Default: customers input, every column but the customer, label, time and baseline; transactions input, every derived feature.',
        ),
    }),
    attributes: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'transactions and customers inputs together: customers-table columns added to the derived features, e.g. ["segment","device"].',
      ),
    timestamp: column({
      default: 'timestamp',
      nonEmpty: true,
      required: true,
      description: 'transactions input: order date.',
      role: 'order date',
    }),
    amount: column({
      default: 'amount',
      defaultWhenRead: true,
      nonEmpty: true,
      description: 'transactions input: order value (default {default} when present; spend features need it).',
      role: 'order value',
    }),
    category: column({
      default: 'category',
      defaultWhenRead: true,
      nonEmpty: true,
      description: 'transactions input: product category (default {default} when present; adds category-share features).',
      role: 'product category',
    }),
    cutoff: z
      .string()
      .optional()
      .describe(
        'transactions input: features use orders before this date (ISO); the label is "no order within window days from it". Default: window days before the data ends.',
      ),
    window: z.number().int().positive().default(90).describe('transactions input: churn window in days.'),
    model: z.enum(['logistic', 'mlp']).default('logistic').describe('logistic regression, or a one-hidden-layer ReLU network.'),
    hidden: z.number().int().min(1).max(256).default(16).describe('mlp: hidden units.'),
    epochs: z
      .number()
      .int()
      .min(1)
      .max(5000)
      .optional()
      .describe('Training epochs. Default: 300 full-batch for logistic, 30 mini-batch for mlp.'),
    learning_rate: z.number().positive().optional().describe('Adam learning rate. Default: 0.05 logistic, 0.003 mlp.'),
    l2: z.number().min(0).default(1e-4).describe('Weight decay: l2 · Σw² added to the log loss.'),
    seed: z.number().int().default(42).describe('Seeds the split, initial weights, batch order and permutations.'),
    split: z
      .enum(['stratified', 'time'])
      .default('stratified')
      .describe(
        'stratified: random held-out customers with the churn rate kept. time: transactions, train at cutoff − window and test at cutoff; customers, the latest customers by the "time" column are held out.',
      ),
    test_fraction: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.25)
      .describe('Share of customers held out for the metrics (stratified split; time split on a customers table).'),
    time: z.string().min(1).optional().describe('customers input, time split: the date column that orders customers (e.g. signup date).'),
    baseline: z
      .string()
      .min(1)
      .optional()
      .describe(
        'customers input: a column whose higher values mean more churn risk (e.g. days since last order), scored as the baseline AUC. Transactions: recency_days.',
      ),
    reasons: z.number().int().min(0).max(10).default(3).describe('Top reasons listed per customer.'),
    importance_repeats: z.number().int().min(1).max(50).default(5).describe('Shuffles per feature for permutation importance.'),
  })
  .strict();

export type ChurnParams = z.output<typeof churnParams>;
