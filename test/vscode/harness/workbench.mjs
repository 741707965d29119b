// Opens the VS Code workbench served by code-server in Debian's Chromium (playwright-core, no downloads), with our
// extension loaded as an Extension Development Host and, optionally, an extension-host test suite to run.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { hostPaths } from '../../../scripts/vscode-host/install.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * @param {Awaited<ReturnType<import('./server.mjs').startCodeServer>>} server
 * @param {{ folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string,
 *   extensionEnv?: Record<string,string>, openFile?: string, onLog?: (line: string) => void,
 *   viewport?: { width: number, height: number }, label?: string }} opts
 */
export async function openWorkbench(server, opts) {
  const profile = fs.mkdtempSync(path.join(server.dataDir, `chromium-${opts.label ?? 'profile'}-`));
  // A fresh profile per window, inside the run's data folder.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: hostPaths.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: server.dataDir, XDG_CONFIG_HOME: path.join(server.dataDir, 'config') },
    viewport: opts.viewport ?? { width: 1440, height: 900 },
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());

    let resolveExit;
    const exitCode = new Promise((resolve) => (resolveExit = resolve));
    // The workbench's smoke-test driver calls these: the extension host's console output and, when the
    // test run is over, its exit code.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (opts.onLog) opts.onLog(util.format(...(Array.isArray(args) ? args : [args])), type);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));

    const payload = [['skipWelcome', 'true']];
    if (opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', server.remoteUri(opts.extensionDevelopmentPath)]);
    if (opts.extensionTestsPath) payload.push(['extensionTestsPath', server.remoteUri(opts.extensionTestsPath)]);
    if (opts.extensionEnv) payload.push(['extensionEnvironment', JSON.stringify(opts.extensionEnv)]);
    if (opts.openFile) payload.push(['openFile', server.remoteUri(opts.openFile)]);
    const url = workbenchUrl(server, opts.folder, payload);
    await page.goto(url);
    return {
      browser,
      page,
      url,
      exitCode,
      async close() {
        await browser.close().catch(() => {});
      },
    };
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
}

/** The URL that opens `folder` with the given payload (also what `npm start` prints for a human). */
export function workbenchUrl(server, folder, payload = []) {
  let url = `${server.origin}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
