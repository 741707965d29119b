/**
 * The incremental side of the workspace index: after a build, FileSystemWatchers (one per include glob, one for
 * deletions of anything, one for sidecars) and edits re-index one article at a time, debounced per file.
 *
 * Deleted articles must stay out of the index, whatever is under way when they go:
 * - a deletion during a build is remembered in `deletedDuringBuild` (the build listed and read the file before,
 *   and checks this list; a file created again afterwards is taken off it by its create event);
 * - a per-article generation counter, raised by every update and by a deletion, makes an update that was already
 *   reading when a newer update or the deletion came drop its result.
 */
import * as vscode from 'vscode';
import { analyze } from '../../core/analyze';
import { decodeText } from '../../core/text/decode';
import type { Analysis } from '../../core/types';
import { DEFAULT_INCLUDE, debounceMs } from '../config';
import { Settings, SIDECAR_SUFFIX, WORKSPACE_REGISTRY_PATH } from '../ids';
import { portPath } from '../storeAdapter';
import { isArticleUri, lineStarts, type IndexState } from './indexState';

/** Shortest pause before an edited or changed article is re-indexed (the open article's own analysis comes first). */
const MIN_DEBOUNCE_MS = 300;

export class IndexUpdates {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  /**
   * Files and folders deleted while a build runs: the build listed and read them before, and must not put them
   * back into the index (a file created again afterwards is taken off this list by its create event).
   */
  readonly deletedDuringBuild = new Set<string>();
  private watchers: vscode.Disposable[] = [];

  constructor(private readonly state: IndexState) {}

  /** Cancels the scheduled updates and ends the watchers. */
  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }

  /** Re-indexes one article now (tests, commands); resolves when it is in the index. */
  async refresh(uri: vscode.Uri): Promise<void> {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    await this.updateOne(uri);
  }

  /** (Re)creates the watchers for the current include settings; the build calls it as it starts. */
  watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const include = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const g of vscode.workspace.getConfiguration(Settings.section, folder.uri).get<string[]>('include') ?? DEFAULT_INCLUDE) include.add(g);
    }
    const onArticle = (u: vscode.Uri) => {
      this.deletedDuringBuild.delete(u.toString());
      if (isArticleUri(u)) this.schedule(u);
    };
    const onDelete = (u: vscode.Uri) => {
      // a file, or a folder with articles in it
      const key = u.toString();
      const inside = (a: string) => a === key || a.startsWith(key + '/');
      if (this.state.statsValue.state === 'building') this.deletedDuringBuild.add(key);
      // Updates scheduled or under way for what was deleted must not bring it back.
      for (const [a, timer] of this.timers) {
        if (!inside(a)) continue;
        clearTimeout(timer);
        this.timers.delete(a);
      }
      for (const a of this.generations.keys()) if (inside(a)) this.generations.set(a, (this.generations.get(a) ?? 0) + 1);
      let removed = false;
      for (const a of this.state.index.articles()) {
        if (inside(a)) {
          this.state.index.remove(a);
          this.state.lines.delete(a);
          removed = true;
        }
      }
      if (removed) this.state.fireChanged();
    };
    for (const g of include) {
      const w = vscode.workspace.createFileSystemWatcher(g);
      this.watchers.push(w, w.onDidCreate(onArticle), w.onDidChange(onArticle), w.onDidDelete(onDelete));
    }
    // A deleted folder is reported as the folder only (not each article in it): deletions of anything.
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.watchers.push(deletions, deletions.onDidDelete(onDelete));
    const side = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onSidecar = (u: vscode.Uri) => {
      const article = u.with({ path: u.path.slice(0, -SIDECAR_SUFFIX.length) });
      if (this.state.index.has(article.toString()) || isArticleUri(article)) this.schedule(article);
    };
    this.watchers.push(side, side.onDidCreate(onSidecar), side.onDidChange(onSidecar), side.onDidDelete(onSidecar));
    // The RegistryService is invalidated by the extension's own registry watcher; a workspace without the
    // extension's file events still gets it through this one.
    const reg = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_REGISTRY_PATH}`);
    this.watchers.push(reg);
  }

  /** Removes the indexed articles whose files no longer exist (see WorkspaceIndexService.prune). */
  async prune(): Promise<number> {
    const articles = this.state.index.articles();
    const gone = await Promise.all(articles.map((a) => vscode.workspace.fs.stat(vscode.Uri.parse(a)).then(() => false, () => true)));
    let removed = 0;
    articles.forEach((a, i) => {
      if (!gone[i] || !this.state.index.has(a)) return;
      // an update under way for it must not bring it back
      this.generations.set(a, (this.generations.get(a) ?? 0) + 1);
      clearTimeout(this.timers.get(a));
      this.timers.delete(a);
      this.state.index.remove(a);
      this.state.lines.delete(a);
      removed++;
    });
    if (removed) this.state.fireChanged();
    return removed;
  }

  /** The article, or a folder it is in, was deleted while the current build ran. */
  deletedSinceBuild(article: string): boolean {
    for (const k of this.deletedDuringBuild) if (article === k || article.startsWith(k + '/')) return true;
    return false;
  }

  /** Re-indexes an article after a pause (each new call for it restarts the pause). */
  schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = Math.max(MIN_DEBOUNCE_MS, debounceMs(uri));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.updateOne(uri);
      }, delay),
    );
  }

  private async updateOne(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const gen = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, gen);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    let text: string | undefined = open?.getText();
    // A document VS Code still holds after its file was deleted is not an article of the workspace any more.
    const gone = text === undefined ? undefined : await vscode.workspace.fs.stat(uri).then(() => false, () => true);
    if (text === undefined || gone) {
      const bytes = gone ? undefined : await this.state.port.read(portPath(uri)).catch(() => undefined);
      if (!bytes) {
        if (this.generations.get(key) === gen && this.state.index.remove(key)) {
          this.state.lines.delete(key);
          this.state.fireChanged();
        }
        return;
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) return;
      text = decoded.text;
    }
    const annotations = await this.state.loadAnnotations(uri, text);
    const reg = await this.state.deps.registries.get(uri);
    if (this.state.disposed || this.generations.get(key) !== gen) return; // a newer update is under way
    const t0 = performance.now();
    let analysis: Analysis;
    try {
      analysis = analyze(text, reg.compiled);
      this.state.index.update(key, analysis, annotations);
    } catch (e) {
      this.state.deps.log?.warn(`workspace index: ${key}: ${String(e)}`);
      return;
    }
    this.state.lines.set(key, lineStarts(text));
    this.state.statsValue.lastUpdateMs = performance.now() - t0;
    this.state.noteArticleMs(this.state.statsValue.lastUpdateMs);
    this.state.fireChanged();
  }
}
