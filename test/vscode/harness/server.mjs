// Starts a real VS Code server (code-server on Node 24, installed by scripts/vscode-host/install.mjs) for one run:
// a fresh data folder (HOME and XDG_* point into it, so nothing leaks between runs or into the user's home),
// its own process group (so stopping it stops every process it spawned, and nothing else), 127.0.0.1 on a free port.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cleanEnv, hostPaths, repoRoot } from '../../../scripts/vscode-host/install.mjs';

export { repoRoot };
export const runsDir = path.join(repoRoot, '.vscode-test', 'runs');

/** User settings that make the workbench quieter and faster to start; a test may add its own. */
export const quietSettings = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A new, empty data folder under .vscode-test/runs/ (the oldest ones beyond `keep` are removed). */
export function newDataDir(label = 'run', keep = 4) {
  fs.mkdirSync(runsDir, { recursive: true });
  // Old runs of processes that are gone are removed (keeping the newest few to look at); a folder whose
  // process is still running (another test run, `npm start`) is never touched.
  const old = fs
    .readdirSync(runsDir)
    .filter((n) => /^\d{8}T\d{6}/.test(n) && !isAlive(Number(n.split('-').pop())))
    .sort();
  for (const name of old.slice(0, Math.max(0, old.length - keep + 1))) {
    fs.rmSync(path.join(runsDir, name), { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const dir = path.join(runsDir, `${stamp}-${label}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Children still running when this process exits are stopped (by their group id) on the way out. */
const running = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const s of running) s.killGroup('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      for (const s of running) s.killGroup('SIGTERM');
      process.exit(130);
    });
  }
}

/** code-server's environment: HOME and XDG_* inside the run's data folder. */
function serverEnv(dataDir) {
  const env = cleanEnv({
    HOME: dataDir,
    XDG_CONFIG_HOME: path.join(dataDir, 'config'),
    XDG_DATA_HOME: path.join(dataDir, 'share'),
    XDG_CACHE_HOME: path.join(dataDir, 'cache'),
    XDG_STATE_HOME: path.join(dataDir, 'state'),
  });
  // Our own tools on PATH (Node 20's npx etc.) must not matter to code-server; it runs on Node 24.
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

/**
 * Installs a .vsix into the extensions folder a server started with the same `dataDir` uses
 * (`code-server --install-extension`, as a user would); returns the CLI's output. Throws when it fails.
 */
export function installExtension(vsix, dataDir, { timeoutMs = 180_000 } = {}) {
  const r = spawnSync(
    hostPaths.node,
    [hostPaths.codeServerEntry, '--install-extension', path.resolve(vsix), '--extensions-dir', path.join(dataDir, 'extensions'),
      '--user-data-dir', path.join(dataDir, 'user-data')],
    { env: serverEnv(dataDir), cwd: dataDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs },
  );
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  fs.writeFileSync(path.join(dataDir, 'install-extension.log'), `${output}\n`);
  if (r.error || r.status !== 0) throw new Error(`code-server --install-extension ${path.basename(vsix)} failed (${r.error?.message ?? r.status ?? r.signal}):\n${output.slice(-2000)}`);
  return output;
}

/**
 * @param {{ dataDir?: string, settings?: object, port?: number, readyTimeoutMs?: number }} [opts]
 * @returns {Promise<{ port: number, origin: string, dataDir: string, logFile: string, pid: number,
 *   remoteUri(p: string): string, stop(): Promise<void> }>}
 */
export async function startCodeServer(opts = {}) {
  if (!fs.existsSync(hostPaths.codeServerEntry) || !fs.existsSync(hostPaths.node)) {
    throw new Error('code-server is not installed: run `node scripts/vscode-host/install.mjs`');
  }
  const dataDir = opts.dataDir ?? newDataDir('server');
  const userDir = path.join(dataDir, 'user-data');
  fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDir, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...opts.settings }, null, 2),
  );
  const port = opts.port ?? (await freePort());
  const logFile = path.join(dataDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const env = serverEnv(dataDir);
  const args = [
    hostPaths.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '5',
    // Without this the workbench ignores the URL payload (extensionDevelopmentPath, extensionTestsPath).
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', userDir,
    '--extensions-dir', path.join(dataDir, 'extensions'),
  ];
  const child = spawn(hostPaths.node, args, { env, cwd: dataDir, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  const exitedPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );
  const origin = `http://127.0.0.1:${port}`;

  const server = {
    port,
    origin,
    dataDir,
    logFile,
    pid: child.pid,
    /** Resolves with `{ code, signal }` when the server process exits. */
    exited: exitedPromise,
    /** `vscode-remote://` URI of a local path, as the workbench wants it in the payload. */
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`,
    killGroup(signal) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    },
    async stop() {
      running.delete(server);
      if (exited) return server.killGroup('SIGKILL');
      server.killGroup('SIGTERM');
      const timer = setTimeout(() => server.killGroup('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(timer);
      server.killGroup('SIGKILL'); // stragglers in the group (extension hosts, pty hosts)
    },
  };
  installExitHook();
  running.add(server);

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      running.delete(server);
      throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it was ready; see ${logFile}\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer ${origin}/healthz in time; see ${logFile}\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return server;
}

function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
