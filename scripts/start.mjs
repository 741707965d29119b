#!/usr/bin/env node
// `npm start`: builds the extension and opens the sample articles in VS Code with the extension loaded.
//   - desktop VS Code (`code` on PATH): `code --extensionDevelopmentPath=<repo> samples/`;
//   - otherwise (or with --web): a local browser-based VS Code (code-server, the same one the tests use, installed
//     into .vscode-test/host/ on first use) on 127.0.0.1; prints the URL to open and runs until Ctrl+C.
// The samples come from samples/ (or test/fixtures/workspace/ when samples/ is empty).
//
// usage: npm start [-- --web] [-- --port 8080] [-- --no-build] [-- --folder path]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const say = (m) => console.log(`[start] ${m}`);

function articleFolder() {
  if (option('--folder')) return path.resolve(option('--folder'));
  const samples = path.join(root, 'samples');
  const hasArticles = fs.existsSync(samples) && fs.readdirSync(samples).some((f) => !f.startsWith('.'));
  return hasArticles ? samples : path.join(root, 'test/fixtures/workspace');
}

function onPath(cmd) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

if (!flag('--no-build')) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const folder = articleFolder();

if (!flag('--web') && onPath('code')) {
  say(`opening ${path.relative(root, folder) || '.'} in VS Code with the extension from ${root}`);
  const child = spawn('code', [`--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!flag('--web')) say('`code` is not on PATH: starting a local browser-based VS Code (code-server) instead');
  // Loaded only here: the desktop path needs none of it.
  const { installHost } = await import('./vscode-host/install.mjs');
  const { newDataDir, startCodeServer, workbenchUrl } = await import('../test/vscode/harness/index.mjs');
  try {
    await installHost();
  } catch (e) {
    console.error(`[start] cannot set up the local VS Code: ${e.message}`);
    process.exit(1);
  }
  const port = option('--port') ? Number(option('--port')) : undefined;
  // The harness stops the server's process group on SIGINT/SIGTERM (and exits); this only says so first.
  process.prependListener('SIGINT', () => say('stopping the local VS Code…'));
  const server = await startCodeServer({ dataDir: newDataDir('start'), port, settings: { 'editor.wordWrap': 'on' } });
  const url = workbenchUrl(server, folder, [
    ['skipWelcome', 'true'],
    ['extensionDevelopmentPath', server.remoteUri(root)],
  ]);
  console.log('');
  say(`VS Code (code-server) is serving ${path.relative(root, folder) || '.'} with the News Annotator extension loaded.`);
  say('Open this URL in a browser on this machine (or forward the port):');
  console.log(`\n  ${url}\n`);
  say(`server log: ${path.relative(root, server.logFile)} — press Ctrl+C to stop.`);
  const { code, signal } = await server.exited;
  say(`code-server stopped (${code ?? signal}); see ${path.relative(root, server.logFile)}`);
  process.exit(code ? 1 : 0);
}
