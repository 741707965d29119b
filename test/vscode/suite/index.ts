/**
 * Entry point of the integration suite inside a real VS Code extension host. Both runners load the bundled copy
 * (`dist/test/suite/index.js`) and call `run()`: the offline code-server runner (`test/vscode/run.mjs`) and
 * `@vscode/test-electron` (`test/vscode/run-electron.mjs`). It runs every `*.test.js` bundled next to it (built from
 * `test/vscode/suite/**\/*.test.ts` by `scripts/build-tests.mjs`).
 *
 * Environment (all optional, set by the runners through the extension host's environment):
 * - `NEWS_ANNOTATOR_TEST_RESULTS`: file to write a JSON summary to (counts and each test's outcome);
 * - `NEWS_ANNOTATOR_TEST_GREP`: only run tests whose full title matches this regular expression.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }[];
  vscodeVersion?: string;
  node: string;
}

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000, slow: 2_000 });
  const grep = process.env.NEWS_ANNOTATOR_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  for (const file of findTests(__dirname)) mocha.addFile(file);

  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, tests: [], node: process.version };
  return new Promise<void>((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        writeResult(result);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (e) {
      // A test file that throws while loading: report it as a failure rather than a silent crash.
      result.failed++;
      result.tests.push({ title: 'loading the test files', state: 'failed', error: String((e as Error)?.stack ?? e) });
      writeResult(result);
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    runner.on('pass', (t) => {
      result.passed++;
      result.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
    });
    runner.on('fail', (t, err: Error) => {
      result.failed++;
      result.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err?.stack ?? String(err) });
    });
    runner.on('pending', (t) => {
      result.pending++;
      result.tests.push({ title: t.fullTitle(), state: 'pending' });
    });
  });
}

function writeResult(result: SuiteResult): void {
  const out = process.env.NEWS_ANNOTATOR_TEST_RESULTS;
  if (!out) return;
  try {
    // `vscode` is only loaded here, lazily, so this file stays usable for reading the types.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    result.vscodeVersion = (require('vscode') as typeof import('vscode')).version;
  } catch {
    /* not in an extension host */
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
}
