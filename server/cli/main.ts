// The `liftbook` executable (bin/liftbook.js loads this file): run the command line, exit with its status.
import { main } from './cli.js';

// A reader that stops early (`liftbook … | head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exit(await main(process.argv.slice(2)));
