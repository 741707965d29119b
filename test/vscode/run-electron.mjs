#!/usr/bin/env node
// The same integration suite (test/vscode/suite) under @vscode/test-electron, the usual runner for VS Code
// extensions: it downloads a desktop VS Code (so it needs internet), or uses the one given in
// VSCODE_EXECUTABLE_PATH / --vscode <path>. Not used offline or in CI; test/vscode/run.mjs is.
//
// usage: node test/vscode/run-electron.mjs [--vscode /path/to/code] [--version stable|insiders|1.9x.y] [--grep REGEX]
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { copyWorkspace, newDataDir, repoRoot } from './harness/index.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

for (const script of ['scripts/build.mjs', 'scripts/build-tests.mjs']) {
  const r = spawnSync(process.execPath, [script], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const dataDir = newDataDir('electron');
const workspace = copyWorkspace(dataDir);
const resultsFile = path.join(dataDir, 'results.json');
const grep = option('--grep');
try {
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'dist/test/suite/index.js'),
    vscodeExecutablePath: option('--vscode') ?? process.env.VSCODE_EXECUTABLE_PATH,
    version: option('--version'),
    launchArgs: [
      workspace,
      '--disable-extensions', // only ours (the development extension is always loaded)
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(dataDir, 'user-data')}`,
      `--extensions-dir=${path.join(dataDir, 'extensions')}`,
    ],
    extensionTestsEnv: {
      NEWS_ANNOTATOR_TEST_RESULTS: resultsFile,
      NEWS_ANNOTATOR_TEST_WORKSPACE: workspace,
      NEWS_ANNOTATOR_TEST_OUTPUT: path.join(repoRoot, 'test-output'),
      ...(grep ? { NEWS_ANNOTATOR_TEST_GREP: grep } : {}),
    },
  });
} catch (e) {
  console.error(`[test-electron] ${e?.message ?? e}`);
}
const r = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
if (!r) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`${r.passed} passed, ${r.failed} failed`);
process.exit(r.failed ? 1 : 0);
