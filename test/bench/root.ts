import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above this file with the package manifest. The benchmark runs as the
 * bundle dist/bench.js (what ships is a bundle too) or from source under test/bench, so `__dirname` differs.
 */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'registry'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${__dirname}`);
  }
}
