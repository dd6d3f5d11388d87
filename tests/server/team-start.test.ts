import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app/start.js';
import { LINK_LABEL } from '../../server/app/sign-in-token.js';
import { openStorage } from '../../server/storage/storage.js';

// Starting a team server: sign-in links from earlier starts stop working (unless --keep-links),
// --no-sign-in-link prints none, and --trusted-proxy reads the client from X-Forwarded-For.

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-team-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const me = (url: string, token: string | undefined, headers: Record<string, string> = {}) => fetch(`${url}/api/session`, { headers: { Authorization: `Bearer ${token}`, ...headers } });

describe('starting a team server', () => {
  it('revokes the links of earlier starts unless told to keep them, and prints none with signInLink: false', async () => {
    const first = await startServer({ port: 0, dataDir, workers: 1, log: () => {} });
    const firstToken = first.token!;
    await first.close();
    const lines: string[] = [];
    const second = await startServer({ port: 0, dataDir, workers: 1, log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).toMatch(/revoked 1 sign-in link token printed by earlier starts/);
      expect((await me(second.url, firstToken)).status).toBe(401);
      expect((await me(second.url, second.token)).status).toBe(200);
    } finally {
      await second.close();
    }
    const kept = await startServer({ port: 0, dataDir, workers: 1, log: () => {}, keepLinks: true, signInLink: false });
    try {
      expect(kept.signInUrl).toBeUndefined();
      expect(kept.token).toBeUndefined();
      expect((await me(kept.url, second.token)).status).toBe(200);
    } finally {
      await kept.close();
    }
    const storage = openStorage(dataDir);
    try {
      expect(storage.users.tokens().filter((t) => t.label === LINK_LABEL).map((t) => t.revoked_at === null)).toEqual([true, false]);
      expect(storage.audit.list()[0]).toMatchObject({ actor: 'cli', action: 'link-tokens-revoke' });
    } finally {
      storage.close();
    }
  });

  it('counts failed sign-ins per forwarded client behind a trusted proxy, not for the proxy as a whole', async () => {
    const server = await startServer({ port: 0, dataDir, workers: 1, log: () => {}, trustedProxies: ['127.0.0.1', '::1'] });
    try {
      for (let i = 0; i < 10; i++) await me(server.url, `lb_wrong-${i}`, { 'X-Forwarded-For': '203.0.113.9' });
      expect((await me(server.url, 'lb_wrong-again', { 'X-Forwarded-For': '203.0.113.9' })).status).toBe(429);
      // Another client behind the same proxy is not shut out of its own mistakes.
      expect((await me(server.url, 'lb_typo-by-someone', { 'X-Forwarded-For': '198.51.100.7' })).status).toBe(401);
      // A forged entry to the left of the real client changes nothing.
      expect((await me(server.url, 'lb_wrong-forged', { 'X-Forwarded-For': '10.9.9.9, 203.0.113.9' })).status).toBe(429);
      expect((await me(server.url, server.token)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
