// Bundles the integration suite for the extension host: test/vscode/suite/index.ts and every
// test/vscode/suite/**/*.test.ts, each to dist/test/suite/<same path>.js (CommonJS, `vscode` external).
// Mocha stays a normal dependency (loaded from node_modules at run time, through its CommonJS build).
// usage: node scripts/build-tests.mjs
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suiteDir = path.join(root, 'test/vscode/suite');
const outDir = path.join(root, 'dist/test/suite');

function collect(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return collect(full);
    return e.name.endsWith('.test.ts') || full === path.join(suiteDir, 'index.ts') ? [full] : [];
  });
}

/** `mocha` resolves to its ESM entry; the extension host wants plain CommonJS: use mocha's own CJS build. */
const mochaCjs = {
  name: 'mocha-cjs',
  setup(build) {
    build.onResolve({ filter: /^mocha$/ }, () => ({ path: 'mocha/lib/mocha.cjs', external: true }));
  },
};

const entries = collect(suiteDir).sort();
fs.rmSync(outDir, { recursive: true, force: true }); // no stale tests from deleted sources
const started = Date.now();
await esbuild.build({
  entryPoints: entries,
  outbase: suiteDir,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  plugins: [mochaCjs],
  logLevel: 'warning',
});
const tests = entries.filter((e) => e.endsWith('.test.ts')).length;
console.log(`built dist/test/suite: index.js + ${tests} test file(s) in ${Date.now() - started} ms`);
