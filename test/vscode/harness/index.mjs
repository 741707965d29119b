export { startCodeServer, installExtension, freePort, newDataDir, quietSettings, repoRoot, runsDir } from './server.mjs';
export { openWorkbench, workbenchUrl, CHROMIUM_ARGS } from './workbench.mjs';
export { copyWorkspace, fixtureWorkspace } from './workspace.mjs';
