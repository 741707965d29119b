/**
 * Files changing around the articles:
 * - renaming or moving an article in VS Code moves its sidecar in the same operation (`onWillRenameFiles`
 *   adds the sidecar's rename to the workspace edit; a fallback after the fact covers edits that skipped it);
 * - deleting an article asks what to do with its sidecar (keep or delete);
 * - a sidecar or the workspace registry changed on disk (git, another editor, our own writes) refreshes the
 *   open articles.
 */
import * as vscode from 'vscode';
import type { DocumentSessions } from './documents';
import { SIDECAR_SUFFIX, WORKSPACE_REGISTRY_PATH } from './ids';
import type { RegistryService } from './registryService';

export type DeleteChoice = 'keep' | 'delete';

/** Asks the user; tests replace it through the test API. */
export type AskOnDelete = (article: vscode.Uri, sidecar: vscode.Uri) => Promise<DeleteChoice>;

export const askOnDelete: AskOnDelete = async (article) => {
  const name = article.path.slice(article.path.lastIndexOf('/') + 1);
  const pick = await vscode.window.showWarningMessage(`“${name}” was deleted. What should happen to its annotations (sidecar file)?`, 'Keep Sidecar', 'Delete Sidecar');
  return pick === 'Delete Sidecar' ? 'delete' : 'keep';
};

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

const sidecarOf = (u: vscode.Uri) => u.with({ path: u.path + SIDECAR_SUFFIX });

export class FileEvents implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The delete question (replaceable for tests). */
  ask: AskOnDelete = askOnDelete;
  private readonly moved = new Set<string>();

  constructor(
    private readonly sessions: DocumentSessions,
    private readonly registries: RegistryService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const sidecars = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const registry = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_REGISTRY_PATH}`);
    const onSidecar = (u: vscode.Uri) => {
      const article = u.with({ path: u.path.slice(0, -SIDECAR_SUFFIX.length) });
      if (this.sessions.get(article)) void this.sessions.reloadSidecar(article);
    };
    this.disposables.push(
      sidecars,
      registry,
      sidecars.onDidChange(onSidecar),
      sidecars.onDidCreate(onSidecar),
      sidecars.onDidDelete(onSidecar),
      registry.onDidChange(() => this.registries.invalidate()),
      registry.onDidCreate(() => this.registries.invalidate()),
      registry.onDidDelete(() => this.registries.invalidate()),
      vscode.workspace.onWillRenameFiles((e) => e.waitUntil(this.sidecarRenames(e.files))),
      vscode.workspace.onDidRenameFiles((e) => void this.afterRename(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => void this.afterDelete(e.files)),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** A workspace edit moving the sidecars of renamed articles along (files only: folders carry theirs). */
  private async sidecarRenames(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
    const edit = new vscode.WorkspaceEdit();
    for (const { oldUri, newUri } of files) {
      if (oldUri.path.endsWith(SIDECAR_SUFFIX)) continue;
      const from = sidecarOf(oldUri);
      const to = sidecarOf(newUri);
      if (!(await exists(from))) continue;
      if (await exists(to)) {
        void vscode.window.showWarningMessage(`Not moving the annotations of ${oldUri.path}: ${to.path} already exists.`);
        continue;
      }
      edit.renameFile(from, to, { overwrite: false, ignoreIfExists: true });
      this.moved.add(to.toString());
    }
    return edit;
  }

  /** Fallback: when a rename happened without our edit (e.g. another extension's), move the sidecar now. */
  private async afterRename(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
    for (const { oldUri, newUri } of files) {
      if (oldUri.path.endsWith(SIDECAR_SUFFIX)) continue;
      const from = sidecarOf(oldUri);
      const to = sidecarOf(newUri);
      const planned = this.moved.delete(to.toString());
      if (!planned && (await exists(from)) && !(await exists(to))) {
        try {
          await vscode.workspace.fs.rename(from, to, { overwrite: false });
        } catch (e) {
          this.log.error(`moving ${from.toString()} → ${to.toString()}: ${String(e)}`);
        }
      }
      if (this.sessions.get(newUri)) await this.sessions.reloadSidecar(newUri);
    }
  }

  private async afterDelete(files: readonly vscode.Uri[]): Promise<void> {
    for (const article of files) {
      if (article.path.endsWith(SIDECAR_SUFFIX)) continue;
      const sidecar = sidecarOf(article);
      if (!(await exists(sidecar))) continue;
      const choice = await this.ask(article, sidecar);
      if (choice === 'delete') {
        try {
          await vscode.workspace.fs.delete(sidecar, { useTrash: true });
        } catch {
          await vscode.workspace.fs.delete(sidecar);
        }
      }
    }
  }
}
