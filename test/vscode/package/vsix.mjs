// The VSIX check: `vsce package --no-dependencies` (the bundle is self-contained, so no node_modules go in),
// then what is inside the archive (read from the zip's central directory, no unzip needed) against what the
// extension needs at run time and what must stay out.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../../../scripts/vscode-host/install.mjs';

export const MAX_VSIX_BYTES = 2 * 1024 * 1024;

/** Files the installed extension cannot work without (paths inside the VSIX's `extension/` folder). */
export const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE.txt', // vsce renames LICENSE to LICENSE.txt
  'dist/extension.js',
  'registry/world.yaml',
  'schemas/sidecar.schema.json',
  'media/icon.svg',
  'syntaxes/news-article.tmLanguage.json',
];

/** What must never ship: sources, tests, dependencies, maps, the test host, local output. */
export const FORBIDDEN = [
  [/(^|\/)src\//, 'sources (src/)'],
  [/^test\//, 'tests (test/)'],
  [/(^|\/)node_modules\//, 'node_modules/'],
  [/\.map$/, 'source maps (*.map)'],
  [/(^|\/)\.vscode-test\//, 'the test host (.vscode-test/)'],
  [/\.ts$/, 'TypeScript sources (*.ts)'],
  [/^(scripts|samples|docs|test-output|bin)\//, 'development folders'],
  [/\.vsix$/, 'another .vsix'],
];

/**
 * Runs the project's own vsce (a devDependency) into `outDir`. stdin is closed, so a question vsce would ask
 * (`*` activation; a missing repository is allowed: the project has no public remote) ends the run with an error instead of waiting.
 * @returns {{ file: string, size: number, output: string, ms: number }}
 */
export function packageVsix(outDir, { timeoutMs = 180_000 } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const file = path.join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', file], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  fs.writeFileSync(path.join(outDir, 'vsce.log'), output);
  if (r.error) throw new Error(`vsce package: ${r.error.message}\n${output.slice(-2000)}`);
  if (r.status !== 0 || !fs.existsSync(file)) throw new Error(`vsce package exited with ${r.status ?? r.signal}:\n${output.slice(-2000)}`);
  return { file, size: fs.statSync(file).size, output, ms: Date.now() - started };
}

/** Warnings vsce printed (it packages anyway, but each is something the manifest should fix). */
export function vsceWarnings(output) {
  return output.split('\n').filter((l) => /\bWARNING\b/.test(l)).map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim());
}

/** Entry names of a zip file, from its central directory. */
export function zipEntries(file) {
  const buf = fs.readFileSync(file);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** Problems with the VSIX's file list (empty when it is right). Paths are compared inside `extension/`. */
export function contentProblems(entries) {
  const files = entries.filter((e) => e.startsWith('extension/') && !e.endsWith('/')).map((e) => e.slice('extension/'.length));
  const lower = new Set(files.map((f) => f.toLowerCase()));
  const problems = [];
  for (const f of REQUIRED) if (!lower.has(f.toLowerCase())) problems.push(`missing ${f}`);
  for (const f of files) {
    const bad = FORBIDDEN.find(([re]) => re.test(f));
    if (bad) problems.push(`should not contain ${f} (${bad[1]})`);
  }
  return problems;
}
