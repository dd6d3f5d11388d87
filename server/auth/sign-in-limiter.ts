/**
 * Counts failed sign-ins per client address and shuts that address out for the rest of a window
 * once it has failed `maxFailures` times — a right token included, so guessing cannot go on.
 * In memory: a restart forgives, which is fine for 256-bit tokens (the limit is a brake on
 * floods, not the thing that keeps tokens unguessable).
 *
 * @example
 * const limiter = new SignInLimiter({ maxFailures: 5, windowMs: 60_000 });
 * limiter.fail('10.0.0.7');
 * limiter.retryAfter('10.0.0.7'); // → 0 until the fifth failure, then seconds to wait
 */
export class SignInLimiter {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly #failures = new Map<string, number[]>();

  constructor(options: { maxFailures?: number; windowMs?: number } = {}) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 15 * 60_000;
  }

  /** Seconds until the address may try again; 0 when it may now. */
  retryAfter(address: string, now = Date.now()): number {
    const recent = this.#recent(address, now);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.maxFailures]! + this.windowMs - now) / 1000));
  }

  fail(address: string, now = Date.now()): void {
    const recent = this.#recent(address, now);
    recent.push(now);
    this.#failures.set(address, recent);
    // Bound the memory an address-spraying client can take.
    if (this.#failures.size > 10_000) this.#sweep(now);
  }

  #recent(address: string, now: number): number[] {
    return (this.#failures.get(address) ?? []).filter((at) => now - at < this.windowMs);
  }

  #sweep(now: number): void {
    for (const [address, times] of this.#failures) {
      if (times.every((at) => now - at >= this.windowMs)) this.#failures.delete(address);
    }
  }
}
