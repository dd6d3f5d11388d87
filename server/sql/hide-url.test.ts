import { describe, expect, it } from 'vitest';
import { hideUrl } from './hide-url.js';

describe('hideUrl', () => {
  it('drops the URL (also password-free), the host and the password from a message', () => {
    const url = 'postgres://reader:p%40ss!word@db.internal:5432/shop';
    const message = `Source "wh" (postgres://reader:***@db.internal:5432/shop) cannot be reached at db.internal:5432 (ECONNREFUSED); password p@ss!word, ${url}`;
    const hidden = hideUrl(message, url);
    expect(hidden).toBe('Source "wh" cannot be reached at its host (ECONNREFUSED); password ***, its URL');
    for (const secret of ['p@ss!word', 'p%40ss!word', 'db.internal', 'postgres://']) expect(hidden).not.toContain(secret);
  });
});
