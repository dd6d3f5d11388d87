import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import { logHyp2f1 } from './hyp2f1.js';
import type { ParetoNbdParams } from './pnbd.js';

/**
 * P(X(t) = x) for a new Pareto/NBD customer (Fader & Hardie, "Deriving an expression for
 * P(X(t) = x) under the Pareto/NBD model", note 012; lifetimes' ParetoNBDFitter gives the same
 * expression conditioned on a history). Given λ and μ, the customer either is still alive at t
 * (Poisson count, probability e^(−μt)) or died at τ < t after exactly x purchases; mixing over
 * λ ~ Gamma(r, α) and μ ~ Gamma(s, β) gives
 *
 *   NBD(x; r, α, t)·(β/(β+t))^s + αʳβˢ B(r+x, s+1)/B(r, s) · [B₁ − Σᵢ₌₀ˣ Γ(r+s+i)/(Γ(r+s) i!) tⁱ B₂(i)]
 *
 * where B₁ and B₂(i) are 2F1 ratios written, like the likelihood's A₀, around max(α, β) so that
 * the 2F1 argument |α−β|/(max+…) stays in [0, 1).
 *
 * The bracket is E[P(Poisson((λ+μ)t) > x)]-like and computed as a difference; its rounding error
 * is about 1e-16 of B₁, far below any probability the table shows, but it can leave a
 * far-tail value a hair below zero, so the result is floored at 0.
 *
 * @example
 * paretoNbdPmf({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 39, 0); // ≈ 0.6
 */
export function paretoNbdPmf(p: ParetoNbdParams, t: number, x: number): number {
  if (!(t >= 0 && Number.isFinite(t))) throw new RangeError(`paretoNbdPmf needs a finite time t ≥ 0, got ${t}`);
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`paretoNbdPmf needs a whole number of purchases x ≥ 0, got ${x}`);
  // Nothing can happen in no time (and i·ln t below would be 0·(−∞)).
  if (t === 0) return x === 0 ? 1 : 0;
  const { r, alpha, s, beta } = p;
  const alive = Math.exp(
    gammaln(r + x) - gammaln(r) - gammaln(x + 1) + r * Math.log(alpha / (alpha + t)) + x * Math.log(t / (alpha + t)) + s * Math.log(beta / (beta + t)),
  );
  const high = Math.max(alpha, beta);
  const diff = Math.abs(alpha - beta);
  // The second 2F1 parameter that keeps the series in the convergent form (as in the note).
  const b = alpha >= beta ? s + 1 : r + x;
  const c = r + s + x + 1;
  const logB1 = logHyp2f1(r + s, b, c, diff / high) - (r + s) * Math.log(high);
  const zt = diff / (high + t);
  let below = 0;
  for (let i = 0; i <= x; i++) {
    const logB2 = gammaln(r + s + i) - gammaln(r + s) - gammaln(i + 1) + i * Math.log(t) + logHyp2f1(r + s + i, b, c, zt) - (r + s + i) * Math.log(high + t);
    below += Math.exp(logB2 - logB1);
  }
  const logCoefficient = r * Math.log(alpha) + s * Math.log(beta) + betaln(r + x, s + 1) - betaln(r, s);
  const died = Math.exp(logCoefficient + logB1) * (1 - below);
  return Math.max(0, alive + died);
}
