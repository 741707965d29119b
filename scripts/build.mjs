// Bundles the extension, the CLI and the benchmark with esbuild, then the channel network webview
// (media/network/network.js, scripts/build-webview.mjs). usage: node scripts/build.mjs [--production]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'src/extension/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'src/cli/main.ts', out: 'cli' },
].filter((e) => existsSync(e.in));

await Promise.all(
  entries.map((e) =>
    esbuild.build({
      entryPoints: [e.in],
      outfile: `dist/${e.out}.js`,
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
console.log(`built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);

// The webview script (built, not committed: `npm ci` runs `prepare` → this build, and the .vsix takes the result).
await import('./build-webview.mjs');
