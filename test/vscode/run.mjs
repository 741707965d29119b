#!/usr/bin/env node
// The project's tests in a real VS Code, offline: installs the host (Node 24 + code-server + Chromium) if needed,
// builds the extension and the integration suite, starts code-server on 127.0.0.1, then
//   1. runs the integration suite (test/vscode/suite) inside the real extension host, and
//   2. drives the workbench in Chromium for the UI checks (test/vscode/ui/*.ui.mjs), saving a screenshot per check
//      under test-output/ui/.
// Prints `N passed, N failed` last and exits non-zero on any failure.
//
// usage: node test/vscode/run.mjs [--no-install] [--no-build] [--integration-only | --ui-only] [--grep REGEX]
//                                 [--screenshots-for-readme]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installHost } from '../../scripts/vscode-host/install.mjs';
import { copyWorkspace, newDataDir, openWorkbench, repoRoot, startCodeServer } from './harness/index.mjs';
import { Workbench } from './ui/workbench.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const grep = option('--grep') ? new RegExp(option('--grep'), 'i') : undefined;
const runIntegration = !flag('--ui-only');
const runUi = !flag('--integration-only');
const INTEGRATION_TIMEOUT_MS = Number(process.env.NEWS_ANNOTATOR_INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);

const outputDir = path.join(repoRoot, 'test-output');
const screenshotDir = path.join(outputDir, 'ui');
const t0 = Date.now();
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

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

async function main() {
  fs.mkdirSync(outputDir, { recursive: true });
  if (!flag('--no-install')) await installHost({ quiet: false });
  if (!flag('--no-build')) {
    runNode(path.join(repoRoot, 'scripts/build.mjs'));
    runNode(path.join(repoRoot, 'scripts/build-tests.mjs'));
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist/extension.js'))) throw new Error('dist/extension.js was not built');

  const server = await startCodeServer({ dataDir: newDataDir('test'), settings: { 'editor.wordWrap': 'on' } });
  say(`code-server on ${server.origin} (data ${path.relative(repoRoot, server.dataDir)}) after ${secs()}`);
  try {
    if (runIntegration) {
      try {
        await integrationSuite(server);
      } catch (e) {
        record('integration suite', false, e?.stack ?? String(e));
      }
    }
    if (runUi) {
      try {
        await uiChecks(server);
      } catch (e) {
        record('UI checks', false, e?.stack ?? String(e));
      }
    }
  } finally {
    await server.stop();
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
say(`total ${secs()}`);
const passed = results.length - failed.length;
console.log(`${passed} passed, ${failed.length + (crashed ? 1 : 0)} failed`);
process.exit(failed.length || crashed ? 1 : 0);
