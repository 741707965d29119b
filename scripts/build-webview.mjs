// Bundles the channel network webview script: media/network/src/main.ts → media/network/network.js (one IIFE,
// no imports at run time, so it loads under the panel's strict CSP from media/network only).
// usage: node scripts/build-webview.mjs [--watch] [--production]
import * as esbuild from 'esbuild';

const options = {
  entryPoints: ['media/network/src/main.ts'],
  outfile: 'media/network/network.js',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: process.argv.includes('--production'),
  sourcemap: false,
  logLevel: 'warning',
};
if (process.argv.includes('--watch')) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  const r = await esbuild.build({ ...options, metafile: true });
  const bytes = Object.values(r.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
  console.log(`built media/network/network.js (${(bytes / 1024).toFixed(1)} KB)`);
}
