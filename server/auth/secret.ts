import { createHash, randomBytes } from 'node:crypto';

/**
 * A new random secret (256 bits, base64url) with a readable prefix: `lb_` for API tokens, so a
 * leaked one is easy to recognise in logs and scanners.
 *
 * @example
 * newSecret('lb_'); // → 'lb_q3V…' (46 characters)
 */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * How a secret is stored: its SHA-256 in hex. Secrets are 256 random bits, so a fast hash is
 * enough (no dictionary to guess from) and lookups stay one indexed query.
 *
 * @example
 * hashSecret('lb_abc'); // → '5c1f…' (64 hex digits)
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
