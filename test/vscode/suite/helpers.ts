/**
 * Helpers for the extension's integration tests (run inside the real extension host): the test API, a
 * scratch folder of articles in the fixture workspace, waiting for conditions, and reading sidecars from disk.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { EXTENSION_ID } from '../../../src/extension/ids';
import type { TestApi } from '../../../src/extension/testApi';
import { workspaceFeatures } from './workspaceFeatures';
import type { Item, ViewModel } from '../../../src/extension/viewModel';

export const ARTICLE = `Lavrov and Rubio discuss Ukraine in phone call

By Jane Doe

MOSCOW — Russian Foreign Minister Sergey Lavrov held a telephone conversation with US Secretary of State Marco Rubio on Monday, the Kremlin said.

"We are ready to continue the dialogue," Lavrov said after the call.

NATO Secretary General Mark Rutte said the alliance would keep supporting Ukraine. "Peace must be just," Rutte told reporters in Brussels.

The message was passed to Kyiv through President Erdogan of Turkey, officials said.
`;

export async function api(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
  assert.ok(ext, 'extension installed');
  return ext.activate();
}

/** A fresh scratch folder inside the workspace (removed by `cleanup`). */
export function scratchDir(name: string): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'a workspace folder is open');
  const dir = path.join(root, `ext-${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Removes a scratch folder and waits until the workspace index has dropped its articles (the file watcher
 * reports deletions asynchronously), so that no suite sees another suite's articles in the index.
 */
export async function cleanup(dir: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  fs.rmSync(dir, { recursive: true, force: true });
  const { features } = await workspaceFeatures();
  const prefix = vscode.Uri.file(dir).toString() + '/';
  const left = () => features.service.index.articles().filter((a) => a.startsWith(prefix));
  // the watchers' delete events normally do it; when they are late or missed (a loaded machine), the index's own
  // check of what is gone (as on window focus) does
  const dropped = await until(() => left().length === 0, 'the watchers to drop the folder', 10_000).catch(() => false);
  if (!dropped) await features.service.prune();
  await until(() => left().length === 0, `the index to drop ${dir} (still has ${left().join(', ')})`, 20_000);
}

export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Writes an article file, opens it in an editor and waits for its analysed view model. */
export async function openArticle(a: TestApi, dir: string, name: string, text = ARTICLE): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; vm: ViewModel }> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const uri = vscode.Uri.file(file);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const vm = await until(async () => {
    const v = await a.viewModel(uri);
    return v && v.items.length > 0 ? v : undefined;
  }, `the analysis of ${name}`);
  return { uri, editor, vm };
}

export function sidecarPath(uri: vscode.Uri): string {
  return `${uri.fsPath}.annotations.yaml`;
}

export interface SidecarFile {
  version: number;
  article: string;
  annotations: Array<Record<string, unknown> & { id: string; type: string; status: string; target: { exact: string; start: number; end: number } }>;
}

export function readSidecar(uri: vscode.Uri): SidecarFile | undefined {
  const p = sidecarPath(uri);
  return fs.existsSync(p) ? (parse(fs.readFileSync(p, 'utf8')) as SidecarFile) : undefined;
}

/** The first item of the view model whose text is `text` (and type, state when given). */
export function findItem(vm: ViewModel, text: string, type?: Item['type'], state?: Item['state']): Item {
  const it = vm.items.find((i) => i.text === text && (!type || i.type === type) && (!state || i.state === state));
  assert.ok(it, `an item “${text}” (${type ?? 'any'}, ${state ?? 'any'}) in ${vm.items.map((i) => `${i.type}:${i.text}`).join(' | ')}`);
  return it;
}

export function offsetOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `“${needle}” in the article`);
  return { start, end: start + needle.length };
}

/** Text of a hover's contents. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
