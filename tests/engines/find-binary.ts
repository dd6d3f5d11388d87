import { existsSync } from 'node:fs';
import path from 'node:path';

/** The first of `names` found in PATH or in `extraDirs`, or null. */
export function findBinary(names: string[], extraDirs: string[] = []): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...extraDirs];
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}
