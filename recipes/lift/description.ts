// The lift recipe's description (`liftbook recipes`, forms, docs/recipes.md): one named part per topic, one line each.

const INTRO =
  "Did the personalized variant win? Compares every variant with the control on each metric, with the statistics of GrowthBook's gbstats:";

const METRICS = [
  '- Metrics: a 0/1 column is a proportion (variance p(1−p)); any other numeric column a mean (variance with n−1);',
  '{name, numerator, denominator} a ratio Σnum/Σden (delta method).',
  'Override the type with types: {metric: "proportion"|"mean"}.',
].join(' ');

const EFFECT = [
  '- Effect: relative (treatment − control)/|control| by default, or absolute;',
  'Welch t-test with Welch–Satterthwaite dof (column dof);',
  "CUPED with a pooled θ when covariates gives a pre-period column per metric, and for a ratio metric covariates {metric: {numerator, denominator}} gives gbstats' regression-adjusted ratio;",
  "the relative CUPED variance is gbstats' own;",
  'Bayesian chance to win and risk (expected loss) from a normal approximation (flat prior, or prior {mean, variance} on the relative effect).',
].join(' ');

const SEQUENTIAL = [
  '- Sequential testing (sequential: true, sequential_tuning 5000):',
  "gbstats' asymptotic confidence sequences and always-valid p-values, so the result can be checked every day without inflating false positives;",
  'intervals are wider, narrowest near sequential_tuning units in total.',
  'Two-sided only.',
].join(' ');

const INVERSE = [
  '- Inverse metrics (inverse: ["bounce_rate"]):',
  'lower is better, so chance to win is the chance the treatment lowers the metric, risk_control and risk_treatment swap, and notes call a decrease the improvement.',
].join(' ');

const CONTROL = '- Control: the control parameter, else a variant named "control", else the first variant in natural sort order.';

const SRM = '- Sample ratio mismatch: chi-square of units per variant against split (equal by default); p < 0.001 is flagged.';

const TABLES = [
  "- Tables: variants holds each arm's raw (unadjusted) mean and per-unit variance;",
  'comparisons holds control_mean and mean unadjusted too, with effect, se and interval CUPED-adjusted when a covariate is given.',
  'An arm under 100 units gets a "too few units" note.',
].join(' ');

const CORRECTIONS = [
  '- Several comparisons: p_value_holm is Holm-adjusted over all variant × metric pairs;',
  'p_value_adjusted is adjusted by correction (holm, the default; bh for Benjamini–Hochberg; none)',
  'and "significant" means p_value_adjusted < alpha (bayesian method: the credible interval excludes 0).',
].join(' ');

const SUMMARY_INPUT = [
  '- Summary input (counts only): one row per variant and metric with columns variant, metric, n, sum and optional sum_squares',
  '(missing or empty: a proportion, sum = conversions).',
  'A ratio row adds denominator_sum, denominator_sum_squares and cross_sum (Σ numerator·denominator) with sum/sum_squares for the numerator;',
  'a CUPED row adds covariate_sum, covariate_sum_squares (absent: a 0/1 covariate of a 0/1 metric) and covariate_cross_sum (Σ metric·covariate).',
  'A ratio row with CUPED adds, for pre-period numerator m₀ and denominator d₀:',
  'covariate_sum, covariate_sum_squares (Σm₀, Σm₀²),',
  'denominator_covariate_sum, denominator_covariate_sum_squares (Σd₀, Σd₀²),',
  'covariate_cross_sum (Σm·m₀), denominator_covariate_cross_sum (Σd·d₀), pre_cross_sum (Σm₀·d₀),',
  'numerator_denominator_covariate_cross_sum (Σm·d₀) and covariate_denominator_cross_sum (Σm₀·d).',
  'Sums no data can give (a negative implied variance, a correlation beyond ±1) are refused naming the row; within rounding they get a note.',
  'The units of a variant for the SRM check are its largest n.',
].join(' ');

const ONE_SIDED = [
  '- One-sided tests (sided greater/less) leave one interval end open (null in the tables);',
  'sided applies to the frequentist test, Bayesian intervals are always two-sided.',
].join(' ');

export const LIFT_DESCRIPTION = [
  INTRO,
  METRICS,
  EFFECT,
  SEQUENTIAL,
  INVERSE,
  CONTROL,
  SRM,
  TABLES,
  CORRECTIONS,
  SUMMARY_INPUT,
  ONE_SIDED,
].join('\n');
