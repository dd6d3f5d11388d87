import { describe, expect, it } from 'vitest';
import { SignInLimiter } from './sign-in-limiter.js';

describe('SignInLimiter', () => {
  it('lets an address fail up to the limit, then shuts it out until the oldest failure leaves the window', () => {
    const limiter = new SignInLimiter({ maxFailures: 3, windowMs: 10_000 });
    const a = { address: 'a' };
    limiter.fail(a, 0);
    limiter.fail(a, 1000);
    expect(limiter.retryAfter(a, 1000)).toBe(0);
    limiter.fail(a, 2000);
    expect(limiter.retryAfter(a, 2000)).toBe(8);
    expect(limiter.retryAfter(a, 9999)).toBe(1);
    expect(limiter.retryAfter(a, 10_000)).toBe(0);
  });

  it('counts each address on its own', () => {
    const limiter = new SignInLimiter({ maxFailures: 1, windowMs: 1000 });
    limiter.fail({ address: 'a' }, 0);
    expect(limiter.retryAfter({ address: 'a' }, 0)).toBe(1);
    expect(limiter.retryAfter({ address: 'b' }, 0)).toBe(0);
  });

  it('counts a token prefix across addresses', () => {
    const limiter = new SignInLimiter({ maxFailures: 2, windowMs: 1000 });
    limiter.fail({ address: 'a', prefix: 'lb_abcdefg' }, 0);
    limiter.fail({ address: 'b', prefix: 'lb_abcdefg' }, 0);
    expect(limiter.retryAfter({ address: 'c', prefix: 'lb_abcdefg' }, 0)).toBe(1);
    expect(limiter.retryAfter({ address: 'c', prefix: 'lb_zzzzzzz' }, 0)).toBe(0);
  });
});
