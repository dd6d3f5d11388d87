import net from 'node:net';

/** A TCP port nothing listens on right now (the OS picks it), for servers started by the tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `check` stops throwing, or rejects with its last error after `ms`. */
export async function waitFor<T>(check: () => Promise<T>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      return await check();
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${what} did not come up within ${ms} ms: ${last instanceof Error ? last.message : String(last)}`);
}
