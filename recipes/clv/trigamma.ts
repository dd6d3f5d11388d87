/**
 * ψ₁(x) = d²/dx² ln Γ(x), for the exact BG/NBD Hessian (no trigamma among the @stdlib packages we
 * ship). The recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² lifts x to at least 10, where the asymptotic
 * series 1/x + 1/(2x²) + Σ B₂ₖ/x^(2k+1) through B₁₄ is accurate to about 1e-16 relative; negative
 * non-integers use the reflection ψ₁(1 − x) + ψ₁(x) = π²/sin²(πx).
 *
 * @example
 * trigamma(1); // → π²/6 ≈ 1.6449340668482264
 */
export function trigamma(x: number): number {
  if (Number.isNaN(x) || (x <= 0 && Number.isInteger(x))) return NaN;
  if (x === Infinity) return 0;
  if (x < 0) {
    const s = Math.sin(Math.PI * x);
    return (Math.PI * Math.PI) / (s * s) - trigamma(1 - x);
  }
  let sum = 0;
  while (x < 10) {
    sum += 1 / (x * x);
    x += 1;
  }
  const z = 1 / (x * x);
  // B₂/x³ + B₄/x⁵ + … + B₁₄/x¹⁵ with B₂ = 1/6, B₄ = −1/30, B₆ = 1/42, B₈ = −1/30, B₁₀ = 5/66, B₁₂ = −691/2730, B₁₄ = 7/6.
  const tail = (z / x) * (1 / 6 + z * (-1 / 30 + z * (1 / 42 + z * (-1 / 30 + z * (5 / 66 + z * (-691 / 2730 + z * (7 / 6)))))));
  return sum + 1 / x + z / 2 + tail;
}
