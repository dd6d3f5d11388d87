import { RecipeInputError } from '../../recipes/errors.js';
import { parseCommand, UsageError } from './args.js';
import { emit } from './output.js';
import { USAGE } from './usage.js';

/**
 * `liftbook serve [--port N] [--host H] [--data DIR] [--build]`: starts the workbench (which prints
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
  });
  if (values.help) return emit(USAGE.serve + '\n').then(() => 0);
  const rawPort = values.port ?? process.env.PORT;
  const port = rawPort === undefined ? undefined : Number(rawPort);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${rawPort}"`, 'serve');
  }
  const { startServer } = await import('../app/start.js');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ port, host: values.host, dataDir: values.data, build: values.build });
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
