// Every `npx liftbook` command the README shows, in order, as a reader would run them (from a
// scratch directory laid out like a clone); fails naming the first that does not exit 0.
// `npm run bench -- readme`. The quick ones also run in npm test (tests/cli/readme-commands.test.ts).
import { rmSync } from 'node:fs';
import { README, readmeCommands, runReadmeCommand, work } from '../cli/readme-commands.js';

let failed = 0;
const started = Date.now();
for (const args of readmeCommands(README)) {
  const t0 = Date.now();
  const result = await runReadmeCommand(args);
  const line = `npx liftbook ${args.join(' ')}`;
  if (result.code === 0) console.log(`ok   ${String(Date.now() - t0).padStart(6)} ms  ${line}`);
  else {
    failed++;
    console.log(`FAIL (exit ${result.code})  ${line}\n${result.stderr.slice(0, 800)}`);
  }
}
rmSync(work, { recursive: true, force: true });
console.log(`${failed ? `${failed} README commands failed` : 'every README command ran'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
