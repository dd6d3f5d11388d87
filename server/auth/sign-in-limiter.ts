/** Who failed: the client's address and, when a token was sent, its first characters. */
export interface FailureKey {
  address: string;
  prefix?: string;
}

/**
 * Counts failed sign-ins (a wrong token, by Bearer header or on the sign-in page) per client
 * address and per token prefix, and once either has failed `maxFailures` times in a window, wrong
 * tokens from it get 429 for the rest of the window. A valid token is never refused: the limiter
 * is asked only after a token failed, so behind a shared proxy address one person's typos cannot
 * shut the team out. Counting per prefix too brakes a guesser spread over many addresses.
 * In memory: a restart forgives, which is fine for 256-bit tokens (the limit is a brake on
 * floods, not the thing that keeps tokens unguessable).
 *
 * @example
 * const limiter = new SignInLimiter({ maxFailures: 5, windowMs: 60_000 });
 * limiter.fail({ address: '10.0.0.7', prefix: 'lb_q3V7abc' });
 * limiter.retryAfter({ address: '10.0.0.7' }); // → 0 until the fifth failure, then seconds to wait
 */
export class SignInLimiter {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly #failures = new Map<string, number[]>();

  constructor(options: { maxFailures?: number; windowMs?: number } = {}) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 15 * 60_000;
  }

  /** Seconds until this address and prefix may fail again; 0 when they may now. */
  retryAfter(key: FailureKey, now = Date.now()): number {
    return Math.max(...counters(key).map((counter) => this.#wait(counter, now)));
  }

  fail(key: FailureKey, now = Date.now()): void {
    for (const counter of counters(key)) {
      const recent = this.#recent(counter, now);
      recent.push(now);
      this.#failures.set(counter, recent);
    }
    // Bound the memory an address-spraying client can take.
    if (this.#failures.size > 10_000) this.#sweep(now);
  }

  #wait(counter: string, now: number): number {
    const recent = this.#recent(counter, now);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.maxFailures]! + this.windowMs - now) / 1000));
  }

  #recent(counter: string, now: number): number[] {
    return (this.#failures.get(counter) ?? []).filter((at) => now - at < this.windowMs);
  }

  #sweep(now: number): void {
    for (const [counter, times] of this.#failures) {
      if (times.every((at) => now - at >= this.windowMs)) this.#failures.delete(counter);
    }
  }
}

function counters(key: FailureKey): string[] {
  return key.prefix ? [`address:${key.address}`, `prefix:${key.prefix}`] : [`address:${key.address}`];
}

/**
 * What the limiter counts a wrong token under: its first 10 characters (as the token list shows
 * them), so a guesser cycling one prefix is braked wherever it comes from.
 *
 * @example
 * tokenPrefix('lb_q3V7abcdef…'); // → 'lb_q3V7abc'
 */
export function tokenPrefix(token: string | undefined): string | undefined {
  return token ? token.slice(0, 10) : undefined;
}
