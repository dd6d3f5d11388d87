import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBundledDataset } from '../../server/datasets/bundled.js';
import { getRecipe } from '../../recipes/registry.js';
import { README, readmeCommands, runReadmeCommand, warehouseCommands, work } from './readme-commands.js';
import { ROOT, SPAWN_TIMEOUT } from './spawn-cli.js';

// Every `npx liftbook` command of the README runs in `npm run bench -- readme` (recipes and notebook
// runs take minutes on 2 cores); here: the README only shows commands that can run, and the quick
// ones (catalogue, serve, users) do.
describe('the README', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const commands = readmeCommands(README);

  it('shows only commands that can run: npx liftbook, real recipes, datasets and files, never ../shared', () => {
    expect(commands.length).toBeGreaterThan(25);
    expect(README).not.toMatch(/\.\.\/shared|\/work\/shared/);
    for (const block of README.matchAll(/```sh\n([\s\S]*?)```/g)) expect(block[1]).not.toMatch(/^liftbook /m);
    // Warehouse examples name their source (an option or the environment variable the block sets).
    for (const args of warehouseCommands(README)) {
      // `run x.md --source wh=…` names its source and has no warehouse input.
      const input = args.find((a, i) => args[i - 1] === '--input' && /^[^=]+=[a-z][\w-]*:/i.test(a));
      const source = input?.split('=')[1]!.split(':')[0] ?? '';
      if (!input) {
        expect(args.includes('--source') || /^export LIFTBOOK_SOURCE_\w+=/m.test(README), args.join(' ')).toBe(true);
        continue;
      }
      expect(args.includes('--source') || README.includes(`LIFTBOOK_SOURCE_${source.toUpperCase()}=`), args.join(' ')).toBe(true);
    }
    // Files the README's own commands write first (generate --out shop-data).
    const made = commands.filter((c) => c[0] === 'generate').map((c) => c[c.indexOf('--out') + 1]!);
    for (const args of commands) {
      if (args[0] === 'recipe') expect(() => getRecipe(args[1]!)).not.toThrow();
      if (args[0] === 'run') expect(existsSync(path.join(ROOT, args[1]!)), args.join(' ')).toBe(true);
      args.forEach((arg, i) => {
        if (args[i - 1] !== '--input') return;
        const source = arg.slice(arg.indexOf('=') + 1);
        const known = isBundledDataset(source) || existsSync(path.join(ROOT, source)) || made.some((dir) => source.startsWith(`${dir}/`));
        expect(known, `${args.join(' ')}: input ${source}`).toBe(true);
      });
    }
  });

  it('runs its quick commands (recipes, serve, users), each exiting 0', async () => {
    const quick = commands.filter((c) => ['recipes', 'serve', 'user'].includes(c[0]!));
    expect(quick.length).toBeGreaterThan(6);
    for (const args of quick) {
      const result = await runReadmeCommand(args);
      expect({ command: args.join(' '), code: result.code, stderr: result.stderr.slice(0, 500) }).toMatchObject({ command: args.join(' '), code: 0 });
    }
  }, SPAWN_TIMEOUT);
});
