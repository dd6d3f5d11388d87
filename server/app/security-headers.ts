import type { MiddlewareHandler } from 'hono';

/** The workbench page: its own scripts, styles inline (Monaco, Plot), workers from its origin. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The sandbox worker that runs cell code: it may evaluate code and import the app's own modules,
 * but it cannot open any connection (`connect-src 'none'`: no fetch, XHR, WebSocket or
 * EventSource), so cell code can never call the API with the user's session.
 */
export const SANDBOX_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  "connect-src 'none'",
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** API responses are data, never documents. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** A script whose file name contains `sandbox` is the cell sandbox (e.g. /assets/sandbox-worker-3f2a.js). */
export const SANDBOX_SCRIPT = /sandbox[^/]*\.m?js$/;

/**
 * Sets the security headers on every response: a CSP chosen by path (page, sandbox worker, API),
 * nosniff, no framing, no referrer, same-origin isolation.
 *
 * @example
 * app.use('*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const path = c.req.path;
    const csp = path.startsWith('/api/') ? API_CSP : SANDBOX_SCRIPT.test(path) ? SANDBOX_CSP : PAGE_CSP;
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  };
}
