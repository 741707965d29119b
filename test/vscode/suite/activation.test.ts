/** Smoke test: the extension is installed in the host and activates when an article is opened. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/extension/ids';

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens the fixture workspace');
  return folder.uri;
}

async function firstArticle(ext: string): Promise<vscode.Uri> {
  const [uri] = await vscode.workspace.findFiles(`**/*${ext}`, '**/*.annotations.yaml', 1);
  assert.ok(uri, `the fixture workspace has a ${ext} article`);
  return uri;
}

/** Resolves once `check()` is true (re-checked on every extension change and a short poll), or rejects. */
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('activation', () => {
  it('runs in a real VS Code extension host with Node', () => {
    assert.ok(vscode.version, 'vscode.version');
    assert.strictEqual(typeof process.versions.node, 'string');
  });

  it('the extension is installed from the development path', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    assert.strictEqual(ext.packageJSON.name, 'news-annotator');
  });

  it('activates when a .txt article is opened', async () => {
    workspaceFolder();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const doc = await vscode.workspace.openTextDocument(await firstArticle('.txt'));
    await vscode.window.showTextDocument(doc);
    await until(() => ext.isActive, 'the extension to activate on opening an article');
    assert.strictEqual(ext.isActive, true);
    // activate() returns the test API (read-only views of its state).
    assert.ok(ext.exports, 'activate() returns its API');
  });
});
