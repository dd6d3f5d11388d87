import { describe, expect, it } from 'vitest';
import type { FittedPurchaseModel } from './models.js';
import { fitNotes } from './notes.js';

const model = (params: Record<string, number>, converged = true) =>
  ({ name: 'bgnbd', params, logLikelihood: 0, report: { x: [], fx: 0, iterations: 6, restarts: 0, gradientNorm: converged ? 1e-8 : 1e-2, converged } }) as unknown as FittedPurchaseModel;

describe('fit notes', () => {
  it('say when BG/NBD ran up the a, b ridge (no dropout heterogeneity), with the common dropout probability', () => {
    const [note] = fitNotes(model({ r: 1.12, alpha: 1.11, a: 593744.67, b: 9427048.25 }), false);
    expect(note).toMatch(/a = 5\.94e\+5, b = 9\.43e\+6.*no heterogeneity in dropout.*a\/\(a\+b\) = 0\.0593/);
  });

  it('say nothing of the kind at CDNOW\'s estimates, for saved parameters, or when the fit did not converge', () => {
    expect(fitNotes(model({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), false)).toEqual([]);
    expect(fitNotes(model({ r: 1, alpha: 1, a: 6e5, b: 9e6 }), true)).toEqual(['Scored at the parameters of the model input; the purchase model was not fitted.']);
    expect(fitNotes(model({ r: 1, alpha: 1, a: 6e5, b: 9e6 }, false), false)).toHaveLength(1);
  });
});
