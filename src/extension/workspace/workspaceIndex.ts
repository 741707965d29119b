/**
 * The editor side of the workspace index (issue 5): a `CorpusIndex` (src/core/corpus) over every article the
 * `newsAnnotator.include`/`exclude` settings match.
 *
 * - First build: `workspace.findFiles`, files read through `workspace.fs` (a few reads in flight), the core
 *   `analyze` with the registry as the extension loads it (`RegistryService.get`), confirmed sidecar annotations
 *   through the core `SidecarStore` (only for articles that have a sidecar), fed to `buildCorpusIndex`, which
 *   yields to the event loop between time slices; a cancellable progress notification.
 * - Afterwards: incremental. A FileSystemWatcher per include glob and one for sidecars re-index one article
 *   (debounced per file); edits of open articles re-index from the document text after a pause in typing; a
 *   registry change re-indexes everything in the background; an include/exclude change rebuilds.
 * - No worker thread: the engine takes 1–3 ms per 5 KB article and the build yields every `SLICE_MS`, so the
 *   extension host is never held longer than a slice plus one article (`stats().maxArticleMs` measures the
 *   longest single article; docs/network.md has the figures).
 *
 * Article ids in the index are URI strings (`file:///…`), so they map back to editors without a table; offsets
 * are turned into positions with a line table of the text that was indexed.
 *
 * This module holds the service the features use, which composes the parts: the shared state (indexState.ts),
 * the build (indexBuild.ts) and the incremental updates from watchers and edits (indexUpdates.ts).
 */
import * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/corpus';
import { Settings } from '../ids';
import { IndexBuilder } from './indexBuild';
import { IndexState, isArticleUri, type IndexStats, type WorkspaceIndexDeps } from './indexState';
import { IndexUpdates } from './indexUpdates';

export type { IndexStats, WorkspaceIndexDeps } from './indexState';

function positionIn(lines: Uint32Array | undefined, offset: number): vscode.Position {
  if (!lines) return new vscode.Position(0, 0);
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, offset - lines[lo]);
}

/** Shortest pause between two prunes started by the window regaining focus. */
const FOCUS_PRUNE_INTERVAL_MS = 60_000;

export class WorkspaceIndexService implements vscode.Disposable {
  readonly index: CorpusIndex;
  /** Fires (coalesced) after the index changed: a build slice, an incremental update, a removal. */
  readonly onDidChange: vscode.Event<void>;
  private readonly state: IndexState;
  private readonly updates: IndexUpdates;
  private readonly builder: IndexBuilder;
  private readonly disposables: vscode.Disposable[] = [];
  /** When the window's focus last started a prune (ms since the epoch). */
  private lastFocusPrune = 0;

  constructor(deps: WorkspaceIndexDeps) {
    this.state = new IndexState(deps);
    this.index = this.state.index;
    this.onDidChange = this.state.changed.event;
    this.updates = new IndexUpdates(this.state);
    this.builder = new IndexBuilder(this.state, this.updates);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isArticleUri(e.document.uri)) this.updates.schedule(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // closed without saving: the file on disk is the truth again
        if (this.index.has(d.uri.toString())) this.updates.schedule(d.uri);
      }),
      deps.registries.onDidChange(() => void this.builder.reindexAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.include) || e.affectsConfiguration(Settings.exclude)) void this.builder.rebuild(false);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.builder.rebuild(false)),
      // back from a file manager or a terminal: files deleted there whose events were missed leave the index (at
      // most once a minute: a large workspace means one stat per article)
      vscode.window.onDidChangeWindowState((w) => {
        if (!w.focused || Date.now() - this.lastFocusPrune < FOCUS_PRUNE_INTERVAL_MS) return;
        this.lastFocusPrune = Date.now();
        void this.prune();
      }),
    );
  }

  /**
   * Drops the indexed articles whose files are gone. File watchers can miss events (a busy machine, network and
   * WSL folders, a folder deleted in one go); this check does not depend on them. Resolves with the count removed.
   */
  prune(): Promise<number> {
    return this.updates.prune();
  }

  dispose(): void {
    this.state.disposed = true;
    this.builder.dispose();
    this.updates.dispose();
    this.state.dispose();
    for (const d of this.disposables) d.dispose();
  }

  stats(): IndexStats {
    return this.state.stats();
  }

  /** The first (or a new) build; resolves when it is done or cancelled. Calls while building share the build. */
  ready(): Promise<IndexStats> {
    return this.builder.ready();
  }

  /** Whether a URI is an article by the include/exclude settings (the same rule as for open documents). */
  isArticleUri(uri: vscode.Uri): boolean {
    return isArticleUri(uri);
  }

  /** The index's article id of a URI. */
  articleId(uri: vscode.Uri): string {
    return uri.toString();
  }

  uriOf(article: string): vscode.Uri {
    return vscode.Uri.parse(article, true);
  }

  /** A short label for an article: its workspace-relative path. */
  label(article: string): string {
    return vscode.workspace.asRelativePath(this.uriOf(article), false);
  }

  /** Editor location of an index span (positions in the text that was indexed). */
  location(article: string, start: number, end: number): vscode.Location {
    const lines = this.state.lines.get(article);
    return new vscode.Location(this.uriOf(article), new vscode.Range(positionIn(lines, start), positionIn(lines, end)));
  }

  /** Re-indexes one article now (tests, commands); resolves when it is in the index. */
  refresh(uri: vscode.Uri): Promise<void> {
    return this.updates.refresh(uri);
  }
}

/** Creates the service and starts the first build (with its progress notification). */
export function registerWorkspaceIndex(deps: WorkspaceIndexDeps): { service: WorkspaceIndexService; disposable: vscode.Disposable } {
  const service = new WorkspaceIndexService(deps);
  void service.ready();
  return { service, disposable: service };
}
