// Bundles the extension and the CLI with esbuild, then the channel network webview
// (media/network/network.js, scripts/build-webview.mjs). With --bench, also the benchmark (dist-bench/bench.js):
// it measures the engine as it ships, bundled, not as a per-module transpile would run it.
// usage: node scripts/build.mjs [--production] [--bench]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'src/extension/extension.ts', out: 'dist/extension', external: ['vscode'] },
  { in: 'src/cli/main.ts', out: 'dist/cli' },
  ...(process.argv.includes('--bench') ? [{ in: 'test/bench/bench.ts', out: 'dist-bench/bench' }] : []),
].filter((e) => existsSync(e.in));

await Promise.all(
  entries.map((e) =>
    esbuild.build({
      entryPoints: [e.in],
      outfile: `${e.out}.js`,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      sourcemap: !production,
      minify: production,
      external: e.external ?? [],
      logLevel: 'warning',
    }),
  ),
);
console.log(`built ${entries.map((e) => `${e.out}.js`).join(', ')}`);

// The webview script (built, not committed: `npm ci` runs `prepare` → this build, and the .vsix takes the result).
await import('./build-webview.mjs');
