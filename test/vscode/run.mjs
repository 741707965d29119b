#!/usr/bin/env node
// The project's tests in a real VS Code, offline: installs the host (Node 24 + code-server + Chromium) if needed,
// builds the extension and the integration suite, starts code-server on 127.0.0.1, then
//   1. runs the integration suite (test/vscode/suite) inside the real extension host, and
//   2. drives the workbench in Chromium for the UI checks (test/vscode/ui/*.ui.mjs), saving a screenshot per check,
//   3. packages the extension with vsce (test/vscode/package/vsix.mjs), checks the .vsix's size and contents,
//      installs it into a fresh code-server and checks that the installed extension highlights an article.
// Each run writes to its own test-output/<timestamp>/ (test-output/latest points at the newest run).
// Prints `N passed, N failed` last and exits non-zero on any failure.
//
// usage: node test/vscode/run.mjs [--no-install] [--no-build] [--integration-only | --ui-only | --package-only]
//                                 [--no-package] [--grep REGEX] [--screenshots-for-readme]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installHost } from '../../scripts/vscode-host/install.mjs';
import { copyWorkspace, installExtension, newDataDir, openWorkbench, repoRoot, startCodeServer } from './harness/index.mjs';
import { MAX_VSIX_BYTES, contentProblems, packageVsix, vsceWarnings, zipEntries } from './package/vsix.mjs';
import { Workbench } from './ui/workbench.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const grep = option('--grep') ? new RegExp(option('--grep'), 'i') : undefined;
const only = ['--integration-only', '--ui-only', '--package-only'].filter(flag);
if (only.length > 1) throw new Error(`choose one of ${only.join(', ')}`);
const runIntegration = !only.length || flag('--integration-only');
const runUi = !only.length || flag('--ui-only');
// With --grep, the package phase runs only when the pattern matches its checks' names ("package: …").
const runPackage = (!only.length || flag('--package-only')) && !flag('--no-package') && (!grep || grep.test('package: vsix'));
const INTEGRATION_TIMEOUT_MS = Number(process.env.NEWS_ANNOTATOR_INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);

/**
 * The workbench's own highlights of the word under the cursor and of the selection look like ours in screenshots
 * (and would be read as ours by nobody but a human): off.
 */
const EDITOR_SETTINGS = { 'editor.wordWrap': 'on', 'editor.occurrencesHighlight': 'off', 'editor.selectionHighlight': false };
const outputRoot = path.join(repoRoot, 'test-output');
const outputDir = newOutputDir();
const screenshotDir = path.join(outputDir, 'ui');
const t0 = Date.now();
const timings = []; // [phase, ms]
async function timed(phase, fn) {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings.push([phase, Date.now() - started]);
  }
}

/**
 * This run's own output folder, test-output/<timestamp>/ (concurrent runs never share one), and
 * test-output/latest → it. The newest KEEP_RUNS folders are kept.
 */
function newOutputDir(KEEP_RUNS = 8) {
  fs.mkdirSync(outputRoot, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  let dir;
  for (let n = 1; ; n++) {
    dir = path.join(outputRoot, n === 1 ? stamp : `${stamp}-${n}`);
    try {
      fs.mkdirSync(dir); // fails if another run took the name this second
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
  }
  const latest = path.join(outputRoot, 'latest');
  const tmp = `${latest}.${process.pid}`;
  try {
    fs.rmSync(tmp, { force: true });
    fs.symlinkSync(path.basename(dir), tmp);
    fs.renameSync(tmp, latest); // atomic replace
  } catch {
    fs.rmSync(tmp, { force: true });
  }
  const runs = fs.readdirSync(outputRoot).filter((n) => /^\d{8}T\d{6}(-\d+)?$/.test(n)).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - KEEP_RUNS))) {
    if (path.join(outputRoot, old) !== dir) fs.rmSync(path.join(outputRoot, old), { recursive: true, force: true });
  }
  return dir;
}
const secs = (since = t0) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (m) => console.log(`[vscode-test] ${m}`);

const results = []; // { name, ok, error?, ms }
function record(name, ok, error, ms) {
  results.push({ name, ok, error, ms });
  const first = error ? String(error).split('\n')[0] : '';
  console.log(`  ${ok ? '✓' : '✗'} ${name}${ms !== undefined ? ` (${ms} ms)` : ''}${ok ? '' : `\n      ${first}`}`);
}

function runNode(script, args = []) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${path.relative(repoRoot, script)} failed (${r.status ?? r.signal})`);
}

async function integrationSuite(server) {
  const started = Date.now();
  const dir = path.join(server.dataDir, 'integration');
  const workspace = copyWorkspace(dir);
  const resultsFile = path.join(dir, 'results.json');
  const logFile = path.join(outputDir, 'integration.log');
  const log = fs.createWriteStream(logFile);
  say('integration suite in the extension host…');
  const wb = await openWorkbench(server, {
    label: 'integration',
    folder: workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'dist/test/suite/index.js'),
    extensionEnv: {
      NEWS_ANNOTATOR_TEST_RESULTS: resultsFile,
      NEWS_ANNOTATOR_TEST_WORKSPACE: workspace,
      NEWS_ANNOTATOR_TEST_OUTPUT: outputDir,
      ...(grep ? { NEWS_ANNOTATOR_TEST_GREP: grep.source } : {}),
    },
    onLog: (line) => log.write(`${line}\n`),
  });
  wb.page.on('console', (m) => m.type() === 'error' && log.write(`[workbench] ${m.text()}\n`));
  let timer;
  const code = await Promise.race([
    wb.exitCode,
    new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), INTEGRATION_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (code === 'timeout') await wb.page.screenshot({ path: path.join(outputDir, 'integration-timeout.png') }).catch(() => {});
  await wb.close();
  await new Promise((r) => log.end(r));

  const summary = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  say(`integration suite finished in ${secs(started)} (exit code ${code}${summary?.vscodeVersion ? `, VS Code ${summary.vscodeVersion}, Node ${summary.node}` : ''}); extension host log: ${path.relative(repoRoot, logFile)}`);
  if (summary) {
    for (const t of summary.tests) {
      if (t.state === 'pending') console.log(`  - ${t.title} (pending)`);
      else record(t.title, t.state === 'passed', t.error, t.durationMs);
    }
  }
  if (code === 'timeout') {
    record('integration suite', false, `no exit code from the extension host after ${INTEGRATION_TIMEOUT_MS / 1000} s (see ${path.relative(repoRoot, logFile)})`);
  } else if (!summary) {
    record('integration suite', false, `the suite ended with exit code ${code} without writing results (did the extension host start? see ${path.relative(repoRoot, logFile)})`);
  } else if (code !== 0 && summary.failed === 0) {
    record('integration suite', false, `exit code ${code} although no test failed (see ${path.relative(repoRoot, logFile)})`);
  } else if (summary.tests.length === 0) {
    record('integration suite', false, 'no integration tests ran');
  }
}

async function uiChecks(server) {
  const started = Date.now();
  const dir = path.join(server.dataDir, 'ui');
  const workspace = copyWorkspace(dir);
  fs.rmSync(screenshotDir, { recursive: true, force: true });
  fs.mkdirSync(screenshotDir, { recursive: true });

  const uiDir = path.join(repoRoot, 'test/vscode/ui');
  const checks = [];
  for (const file of fs.readdirSync(uiDir).filter((f) => f.endsWith('.ui.mjs')).sort()) {
    const mod = await import(pathToFileURL(path.join(uiDir, file)).href);
    for (const c of mod.checks) checks.push({ ...c, name: `ui: ${c.name}` });
  }
  const selected = checks.filter((c) => !grep || grep.test(c.name));
  say(`UI checks (${selected.length}) in Chromium…`);
  const wb = await openWorkbench(server, { label: 'ui', folder: workspace, extensionDevelopmentPath: repoRoot });
  const ui = new Workbench(wb.page, { workspace, server, screenshotDir });
  const shots = [];
  try {
    await ui.ready();
    say(`workbench ready after ${secs(started)}`);
    let n = 0;
    for (const check of selected) {
      const t = Date.now();
      let error;
      try {
        await check.run(ui);
      } catch (e) {
        error = e?.stack ?? String(e);
      }
      const shot = path.join(screenshotDir, `${String(++n).padStart(2, '0')}-${slug(check.name.replace(/^ui: /, ''))}.png`);
      await wb.page.screenshot({ path: shot, animations: 'disabled' }).catch(() => {});
      shots.push({ check, shot, ok: !error });
      record(check.name, !error, error, Date.now() - t);
      await ui.dismiss().catch(() => {});
    }
  } finally {
    await wb.close();
  }
  say(`UI checks finished in ${secs(started)}; screenshots in ${path.relative(repoRoot, screenshotDir)}/`);

  if (flag('--screenshots-for-readme')) {
    const docs = path.join(repoRoot, 'docs/images');
    fs.mkdirSync(docs, { recursive: true });
    for (const { check, shot, ok } of shots) {
      const wanted = Object.entries(check.readmeShots ?? {}).map(([file, name]) => [file, ui.shots.get(name)]);
      if (check.readme) wanted.push([check.readme, shot]);
      for (const [file, from] of wanted) {
        if (!ok || !from) {
          say(`not copying docs/images/${file}: ${ok ? 'no such screenshot' : 'its check failed'}`);
          continue;
        }
        fs.copyFileSync(from, path.join(docs, file));
        say(`docs/images/${file} ← ${path.relative(repoRoot, from)}`);
      }
    }
  }
}

async function packageChecks() {
  const started = Date.now();
  const dir = path.join(outputDir, 'package');
  say('packaging the extension (vsce package --no-dependencies)…');
  let vsix;
  try {
    vsix = packageVsix(dir);
    const warnings = vsceWarnings(vsix.output);
    if (warnings.length) throw new Error(`vsce packaged with warnings: ${warnings.join(' | ')}`);
    record('package: vsce package accepts the manifest', true, undefined, vsix.ms);
  } catch (e) {
    record('package: vsce package accepts the manifest', false, e?.stack ?? String(e));
    if (!vsix) return;
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  say(`${path.relative(repoRoot, vsix.file)}: ${kb(vsix.size)}`);
  record(`package: the .vsix is under 2 MB (${kb(vsix.size)})`, vsix.size < MAX_VSIX_BYTES,
    vsix.size < MAX_VSIX_BYTES ? undefined : `${vsix.size} bytes ≥ ${MAX_VSIX_BYTES}`);
  try {
    const entries = zipEntries(vsix.file);
    fs.writeFileSync(path.join(dir, 'contents.txt'), `${entries.join('\n')}\n`);
    const problems = contentProblems(entries);
    record(`package: the .vsix holds what the extension needs and nothing else (${entries.length} entries)`, !problems.length,
      problems.length ? `${problems.join('; ')} (listing: ${path.relative(repoRoot, path.join(dir, 'contents.txt'))})` : undefined);
  } catch (e) {
    record('package: the .vsix holds what the extension needs and nothing else', false, e?.stack ?? String(e));
  }

  // The installed extension, as a user gets it: a fresh code-server, `--install-extension`, no development path.
  const t = Date.now();
  const name = 'package: the installed .vsix highlights an article (no extensionDevelopmentPath)';
  let server;
  let wb;
  try {
    const dataDir = newDataDir('vsix');
    const out = installExtension(vsix.file, dataDir);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`;
    const installed = fs.readdirSync(path.join(dataDir, 'extensions')).find((n) => n.toLowerCase().startsWith(`${id.toLowerCase()}-`));
    if (!installed) throw new Error(`${id} is not in the extensions folder after --install-extension:\n${out}`);
    server = await startCodeServer({ dataDir, settings: EDITOR_SETTINGS });
    const workspace = copyWorkspace(path.join(dataDir, 'vsix'));
    wb = await openWorkbench(server, { label: 'vsix', folder: workspace });
    const ui = new Workbench(wb.page, { workspace, server, screenshotDir: dir });
    await ui.ready();
    await ui.openFile('kremlin-call.txt');
    await ui.waitForDecoration('Sergey Lavrov');
    await ui.waitForDecoration('Marco Rubio');
    await ui.screenshot('installed-vsix');
    record(`${name} [${installed}]`, true, undefined, Date.now() - t);
  } catch (e) {
    if (wb) await wb.page.screenshot({ path: path.join(dir, 'installed-vsix-failure.png') }).catch(() => {});
    record(name, false, e?.stack ?? String(e), Date.now() - t);
  } finally {
    await wb?.close();
    await server?.stop();
  }
  say(`package checks finished in ${secs(started)}; .vsix, listing and screenshot in ${path.relative(repoRoot, dir)}/`);
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

async function main() {
  say(`output in ${path.relative(repoRoot, outputDir)}/ (also test-output/latest)`);
  if (!flag('--no-install')) await timed('install', () => installHost({ quiet: false }));
  if (!flag('--no-build')) {
    await timed('build', () => {
      runNode(path.join(repoRoot, 'scripts/build.mjs'));
      if (runIntegration) runNode(path.join(repoRoot, 'scripts/build-tests.mjs'));
    });
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist/extension.js'))) throw new Error('dist/extension.js was not built');

  if (runIntegration || runUi) {
    const server = await startCodeServer({ dataDir: newDataDir('test'), settings: EDITOR_SETTINGS });
    say(`code-server on ${server.origin} (data ${path.relative(repoRoot, server.dataDir)}) after ${secs()}`);
    try {
      if (runIntegration) {
        await timed('integration', async () => {
          try {
            await integrationSuite(server);
          } catch (e) {
            record('integration suite', false, e?.stack ?? String(e));
          }
        });
      }
      if (runUi) {
        await timed('ui', async () => {
          try {
            await uiChecks(server);
          } catch (e) {
            record('UI checks', false, e?.stack ?? String(e));
          }
        });
      }
    } finally {
      await server.stop();
    }
  }
  if (runPackage) {
    await timed('package', async () => {
      try {
        await packageChecks();
      } catch (e) {
        record('package checks', false, e?.stack ?? String(e));
      }
    });
  }
}

let crashed = false;
try {
  await main();
} catch (e) {
  crashed = true;
  console.error(`[vscode-test] ${e?.stack ?? e}`);
}
const failed = results.filter((r) => !r.ok);
if (failed.length) {
  console.log('\nFailures:');
  for (const f of failed) console.log(`  ✗ ${f.name}\n${String(f.error).split('\n').slice(0, 6).map((l) => `      ${l}`).join('\n')}`);
}
say(`total ${secs()}${timings.length ? ` (${timings.map(([p, ms]) => `${p} ${(ms / 1000).toFixed(1)} s`).join(', ')})` : ''}; output in ${path.relative(repoRoot, outputDir)}/`);
const passed = results.length - failed.length;
console.log(`${passed} passed, ${failed.length + (crashed ? 1 : 0)} failed`);
process.exit(failed.length || crashed ? 1 : 0);
