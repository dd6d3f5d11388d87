// The clv family's public API for other recipes (churn and next-purchase reuse P(alive)).
export { bgnbdConditionalExpected, bgnbdExpectedPurchases, bgnbdLogLikelihood, bgnbdPAlive, fitBgNbd } from './bgnbd.js';
export type { BgNbdParams, ModelFit, RfmData } from './bgnbd.js';
export { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdPAlive } from './pnbd.js';
export type { ParetoNbdParams } from './pnbd.js';
export { expectedAverageValue, fitGammaGamma } from './gamma-gamma.js';
export { fitPurchaseModel, type FittedPurchaseModel } from './models.js';
export { summarizeTransactions, UNIT_DAYS, type CustomerSummary, type TimeUnit } from './summary.js';
export { hyp2f1 } from './hyp2f1.js';
export { clv } from './recipe.js';
