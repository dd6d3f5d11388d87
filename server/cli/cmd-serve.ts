import { isIP } from 'node:net';
import { RecipeInputError } from '../../recipes/errors.js';
import { parseCommand, UsageError } from './args.js';
import { emit } from './output.js';
import { USAGE } from './usage.js';

/**
 * `liftbook serve [--port N] [--host H] [--data DIR] [--build] [--trusted-proxy IP] [--max-notebook-mb N]
 * [--no-sign-in-link] [--keep-links]`: starts the workbench (which prints
 * its URL) and keeps running until Ctrl-C, then closes the server cleanly.
 *
 * @example
 * await serveCommand(['--port', '8787', '--data', './data']);
 */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('serve', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    build: { type: 'boolean' },
    'trusted-proxy': { type: 'string', multiple: true },
    'max-notebook-mb': { type: 'string' },
    'no-sign-in-link': { type: 'boolean' },
    'keep-links': { type: 'boolean' },
  });
  if (values.help) return emit(USAGE.serve + '\n').then(() => 0);
  const rawPort = values.port ?? process.env.PORT;
  const port = rawPort === undefined ? undefined : Number(rawPort);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${rawPort}"`, 'serve');
  }
  const rawNotebookMb = values['max-notebook-mb'] ?? process.env.LIFTBOOK_NOTEBOOK_LIMIT;
  const notebookMb = rawNotebookMb === undefined ? undefined : Number(rawNotebookMb);
  if (notebookMb !== undefined && !(notebookMb > 0)) {
    throw new UsageError(`--max-notebook-mb must be a positive number of megabytes, got "${rawNotebookMb}"`, 'serve');
  }
  const trustedProxies = (values['trusted-proxy'] ?? []).flatMap((list) => list.split(',')).map((a) => a.trim()).filter(Boolean);
  for (const address of trustedProxies) {
    if (!isIP(address)) throw new UsageError(`--trusted-proxy takes the proxy's IP address (as the server sees it, e.g. 127.0.0.1), got "${address}"`, 'serve');
  }
  const { startServer } = await import('../app/start.js');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port,
      host: values.host,
      dataDir: values.data,
      build: values.build,
      notebookLimit: notebookMb === undefined ? undefined : Math.round(notebookMb * 2 ** 20),
      trustedProxies,
      signInLink: !values['no-sign-in-link'],
      keepLinks: values['keep-links'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new RecipeInputError(`Port ${port ?? 'the default port'} is already in use. Pick another with --port N.`);
    }
    throw error;
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
