// Each run works on its own copy of the fixture workspace, so sidecar writes never touch the repository.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../../scripts/vscode-host/install.mjs';

export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/** Copies the fixture workspace (and its `.news-annotator/` folder, if any) into `dir` and returns the copy's path. */
export function copyWorkspace(dir, from = fixtureWorkspace) {
  const dest = path.join(dir, 'workspace');
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(from, dest, { recursive: true });
  return dest;
}
