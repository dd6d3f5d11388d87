// The `liftbook` executable (bin/liftbook.js loads this file): run the command line, exit with its status.
import { main } from './cli.js';

process.exit(await main(process.argv.slice(2)));
