/**
 * What the server may say of a source's URL: nothing. Members see source names and kinds only, so
 * a message that reaches a client through the API loses the URL (also in its password-free form
 * the engines print for the CLI), the host and the password — wherever they show.
 */
import { parseSourceUrl, redactUrl } from '../engine/source-url.js';

/**
 * `message` without the source's URL, password or host: ` (postgres://reader:***@db:5432/shop)`
 * disappears, `db:5432` and `db` read "its host", the password reads `***`.
 *
 * @example
 * hideUrl('Source "wh" (postgres://r:***@db:5432/shop) cannot be reached at db:5432', 'postgres://r:pw@db:5432/shop');
 * // → 'Source "wh" cannot be reached at its host'
 */
export function hideUrl(message: string, url: string): string {
  let out = message;
  const shown = redactUrl(url);
  for (const text of [url, shown]) out = out.split(` (${text})`).join('').split(text).join('its URL');
  let parsed: ReturnType<typeof parseSourceUrl> | undefined;
  try {
    parsed = parseSourceUrl('source', url);
  } catch {
    return out;
  }
  for (const secret of new Set([parsed.password, encodeURIComponent(parsed.password)])) if (secret.length >= 3) out = out.split(secret).join('***');
  for (const host of [`${parsed.host}:${parsed.port}`, parsed.host]) if (host.length >= 2) out = out.split(host).join('its host');
  return out;
}
