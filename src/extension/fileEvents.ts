/**
 * Files changing around the articles:
 * - renaming or moving an article in VS Code (explorer, or any workspace edit) moves its sidecar with the
 *   store's `moveSidecar`, which also updates the file's `article` field; it never overwrites a sidecar;
 * - deleting an article asks what to do with its sidecar (keep or delete);
 * - a sidecar or the workspace registry changed on disk (git, another editor, our own writes) refreshes the
 *   open articles.
 */
import * as vscode from 'vscode';
import type { DocumentSessions } from './documents';
import { SIDECAR_SUFFIX, WORKSPACE_REGISTRY_PATH } from './ids';
import type { RegistryService } from './registryService';
import type { Sidecars } from './sidecars';

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
  private readonly renamed = new vscode.EventEmitter<void>();
  /** Fires when the sidecars of a rename have been moved (tests wait on it). */
  readonly onDidMoveSidecars = this.renamed.event;

  constructor(
    private readonly sessions: DocumentSessions,
    private readonly registries: RegistryService,
    private readonly sidecars: Sidecars,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const sidecarWatcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const registry = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_REGISTRY_PATH}`);
    const onSidecar = (u: vscode.Uri) => {
      const article = u.with({ path: u.path.slice(0, -SIDECAR_SUFFIX.length) });
      if (this.sessions.get(article)) void this.sessions.reloadSidecar(article);
    };
    this.disposables.push(
      this.renamed,
      sidecarWatcher,
      registry,
      sidecarWatcher.onDidChange(onSidecar),
      sidecarWatcher.onDidCreate(onSidecar),
      sidecarWatcher.onDidDelete(onSidecar),
      registry.onDidChange(() => this.registries.invalidate()),
      registry.onDidCreate(() => this.registries.invalidate()),
      registry.onDidDelete(() => this.registries.invalidate()),
      vscode.workspace.onDidRenameFiles((e) => void this.afterRename(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => void this.afterDelete(e.files)),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Moves the sidecar of each renamed article (files only: a renamed folder carries its sidecars along). */
  private async afterRename(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
    for (const { oldUri, newUri } of files) {
      if (oldUri.path.endsWith(SIDECAR_SUFFIX)) continue;
      if (!(await exists(sidecarOf(oldUri)))) continue;
      try {
        await this.sidecars.move(oldUri, newUri);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        this.log.error(`moving the sidecar of ${oldUri.toString()}: ${msg}`);
        void vscode.window.showWarningMessage(`News Annotator: the annotations of ${oldUri.path} were not moved — ${msg}`);
        continue;
      }
      if (this.sessions.get(newUri)) await this.sessions.reloadSidecar(newUri);
    }
    this.renamed.fire();
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
