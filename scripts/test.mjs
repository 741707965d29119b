#!/usr/bin/env node
// The whole test suite, from a fresh clone: installs dependencies when needed, builds, type-checks, lints,
// runs the unit tests (mocha, plain Node) and the tests in a real VS Code (test/vscode/run.mjs).
// usage: npm test [-- --unit-only] [-- --skip-lint]
// Last line: "N passed, N failed" over every suite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = new Set(process.argv.slice(2));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let passed = 0;
let failed = 0;
const problems = [];

function step(title) {
  console.log(`\n=== ${title}`);
}

function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  step('npm ci');
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm ci failed');
    process.exit(1);
  }
}

/** Runs a command, echoing its output; returns {code, output}. */
function run(cmd, argv, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** A check that is not a test suite (build, types, lint) counts as one test. */
async function check(title, cmd, argv) {
  step(title);
  const r = await run(cmd, argv);
  if (r.code === 0) passed++;
  else {
    failed++;
    problems.push(title);
  }
}

ensureDependencies();
await check('build', process.execPath, ['scripts/build.mjs']);
await check('typecheck', npx, ['tsc', '-p', '.', '--noEmit']);
if (!args.has('--skip-lint')) await check('lint', npx, ['eslint', 'src', 'test', 'scripts']);

step('unit tests (mocha)');
const unit = await run(npx, ['mocha']);
const p = /(\d+) passing/.exec(unit.output);
const f = /(\d+) failing/.exec(unit.output);
passed += p ? Number(p[1]) : 0;
failed += f ? Number(f[1]) : 0;
if (unit.code !== 0 && !f) {
  failed++;
  problems.push('unit tests did not run');
} else if (f) problems.push(`${f[1]} unit tests`);

if (!args.has('--unit-only') && existsSync(join(root, 'test', 'vscode', 'run.mjs'))) {
  step('tests in a real VS Code (extension host + UI)');
  const vs = await run(process.execPath, ['test/vscode/run.mjs']);
  const m = /^(\d+) passed, (\d+) failed/m.exec(vs.output.split('\n').reverse().join('\n'));
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
    if (Number(m[2])) problems.push(`${m[2]} VS Code tests`);
  }
  if (vs.code !== 0 && (!m || Number(m[2]) === 0)) {
    failed++;
    problems.push('VS Code test run failed');
  }
}

console.log('');
if (problems.length) console.log(`failures: ${problems.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
