#!/usr/bin/env node
// `npm run format [-- files…]`: Prettier over the given files, or else over the files changed since
// the branch left main (committed, staged, unstaged and new). The tree is formatted file by file as
// it is touched, so a formatting pass never buries a real change in someone else's diff.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
const FORMATTED = /\.(ts|js|json|css|html)$/;

let files = process.argv.slice(2);
if (files.length === 0) {
  let base = 'HEAD';
  try {
    base = git('merge-base', 'HEAD', 'main')[0] ?? 'HEAD';
  } catch {
    // no main branch (a bare clone): only the uncommitted changes
  }
  files = [...new Set([...git('diff', '--name-only', base), ...git('ls-files', '--others', '--exclude-standard')])].filter(
    (f) => FORMATTED.test(f) && existsSync(f),
  );
}
if (files.length === 0) {
  console.log('format: no changed files');
  process.exit(0);
}
execFileSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', ...files], { stdio: 'inherit' });
