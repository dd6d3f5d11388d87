import { z } from 'zod';
import { column } from '../column.js';
import { customerId } from '../column-roles.js';

/**
 * The `clv` parameters: the transactions or summary input's columns, the purchase and spend models,
 * and the horizon and money of the valuation.
 *
 * @example
 * clvParams.parse({}).model; // → 'bgnbd'
 */
export const clvParams = z
  .object({
    customer: customerId,
    timestamp: column({ default: 'timestamp', required: true, description: 'transactions: column with the purchase date/time (UTC).', role: 'purchase date/time (UTC)' }),
    amount: column({ default: 'amount', description: 'transactions: column with the purchase value (optional: without it CLV counts purchases).', role: 'purchase value' }),
    frequency: column({ default: 'frequency', required: true, description: 'summary: repeat purchases in calibration.', role: 'repeat purchases' }),
    recency: column({ default: 'recency', required: true, description: 'summary: time from first to last purchase, in `unit`.', role: 'first to last purchase' }),
    T: column({ default: 'T', description: 'summary: time from first purchase to the calibration end, in `unit`.', role: 'first purchase to calibration end (bgnbd, pnbd)' }),
    n_periods: column({ default: 'n_periods', description: 'summary, model bgbb: number of transaction opportunities since the first (recency is the opportunity of the last transaction).', role: 'transaction opportunities (bgbb)' }),
    monetary_value: column({ default: 'monetary_value', description: 'summary: mean value of the repeat purchases (optional).', role: 'mean repeat purchase value' }),
    group: column({ description: 'Optional column with each customer\'s group (e.g. variant) for clv_lift.', role: 'group of the customer (e.g. variant)' }),
    control: z.string().optional().describe('The group that lifts are measured against (default "control", else the first group).'),
    unit: z.enum(['day', 'week', 'month']).default('week').describe('Time unit of the model; continuous (a week is 7 days, a month 365.25/12 days).'),
    calibration_end: z.string().optional().describe('Last day of the calibration period (default: the last purchase day).'),
    observation_end: z.string().optional().describe('Last day of the holdout period (default: the last purchase day).'),
    model: z.enum(['bgnbd', 'pnbd', 'bgbb']).default('bgnbd').describe('Purchase model: BG/NBD or Pareto/NBD (continuous time), or BG/BB (discrete opportunities such as newsletters or annual donations; summary input with n_periods).'),
    monetary: z.enum(['gamma_gamma', 'none']).default('gamma_gamma').describe('Spend model: Gamma-Gamma, or none (every customer valued at the mean repeat purchase value).'),
    horizon: z.number().positive().default(52).describe('CLV horizon in units (bgbb: in opportunities); also the horizon of the pmf table.'),
    discount_rate: z.number().min(0).default(0.1).describe('Annual discount rate, converted to the unit.'),
    margin: z.number().positive().default(1).describe('Profit margin applied to revenue in CLV.'),
    alpha: z.number().gt(0).lt(1).default(0.05).describe('Significance level of the clv_lift interval.'),
  })
  .strict();

export type ClvParams = z.output<typeof clvParams>;
