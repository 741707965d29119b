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
 */
import * as vscode from 'vscode';
import { analyze } from '../../core/analyze';
import { buildCorpusIndex, CorpusIndex, type BuildResult, type CancellationLike, type CorpusSource } from '../../core/corpus';
import { SidecarStore, type Annotation } from '../../core/store';
import { decodeText } from '../../core/text/decode';
import type { Analysis } from '../../core/types';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, debounceMs, matchesGlobs, matchPath } from '../config';
import { Settings, SIDECAR_SUFFIX, WORKSPACE_REGISTRY_PATH } from '../ids';
import type { RegistryService } from '../registryService';
import { portPath } from '../storeAdapter';
import { WorkspaceFsPort } from '../workspaceFsPort';

const SLICE_MS = 12;
const READ_AHEAD = 8;
const MAX_FILES = 200_000;
/** Shortest pause before an edited or changed article is re-indexed (the open article's own analysis comes first). */
const MIN_DEBOUNCE_MS = 300;

export interface WorkspaceIndexDeps {
  registries: Pick<RegistryService, 'get' | 'onDidChange'>;
  log?: vscode.LogOutputChannel;
}

export interface IndexStats {
  state: 'idle' | 'building' | 'ready' | 'cancelled';
  articles: number;
  lastBuild?: BuildResult & { files: number };
  /** Longest time one article took to read-decode-analyse-index synchronously (ms). */
  maxArticleMs: number;
  /** Last incremental update of one article (ms, analysis + index). */
  lastUpdateMs: number;
}

function lineStarts(text: string): Uint32Array {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Uint32Array.from(starts);
}

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

/** `{a,b}` for a list of globs (one glob as is). */
function globOf(list: readonly string[]): string {
  return list.length === 1 ? list[0] : `{${list.join(',')}}`;
}

export class WorkspaceIndexService implements vscode.Disposable {
  readonly index = new CorpusIndex();
  private readonly lines = new Map<string, Uint32Array>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  /**
   * Files and folders deleted while a build runs: the build listed and read them before, and must not put them
   * back into the index (a file created again afterwards is taken off this list by its create event).
   */
  private readonly deletedDuringBuild = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (coalesced) after the index changed: a build slice, an incremental update, a removal. */
  readonly onDidChange = this.changed.event;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private building: Promise<IndexStats> | undefined;
  private buildToken: vscode.CancellationTokenSource | undefined;
  private watchers: vscode.Disposable[] = [];
  private readonly port = new WorkspaceFsPort();
  private readonly statsValue: IndexStats = { state: 'idle', articles: 0, maxArticleMs: 0, lastUpdateMs: 0 };
  private disposed = false;

  constructor(private readonly deps: WorkspaceIndexDeps) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isArticleUri(e.document.uri)) this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // closed without saving: the file on disk is the truth again
        if (this.index.has(d.uri.toString())) this.schedule(d.uri);
      }),
      deps.registries.onDidChange(() => void this.reindexAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.include) || e.affectsConfiguration(Settings.exclude)) void this.rebuild(false);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild(false)),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.buildToken?.cancel();
    this.buildToken?.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    clearTimeout(this.changeTimer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
    this.watchers = [];
  }

  stats(): IndexStats {
    return { ...this.statsValue, articles: this.index.size };
  }

  /** The first (or a new) build; resolves when it is done or cancelled. Calls while building share the build. */
  ready(): Promise<IndexStats> {
    return this.building ?? this.rebuild(true);
  }

  /** Whether a URI is an article by the include/exclude settings (the same rule as for open documents). */
  isArticleUri(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote' && uri.scheme !== 'vscode-vfs') return false;
    if (uri.path.endsWith(SIDECAR_SUFFIX)) return false;
    const cfg = vscode.workspace.getConfiguration(Settings.section, uri);
    return matchesGlobs(matchPath(uri), cfg.get<string[]>('include') ?? DEFAULT_INCLUDE, cfg.get<string[]>('exclude') ?? DEFAULT_EXCLUDE);
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
    const lines = this.lines.get(article);
    return new vscode.Location(this.uriOf(article), new vscode.Range(positionIn(lines, start), positionIn(lines, end)));
  }

  /** Re-indexes one article now (tests, commands); resolves when it is in the index. */
  async refresh(uri: vscode.Uri): Promise<void> {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    await this.updateOne(uri);
  }

  // ---------------------------------------------------------------- building

  private rebuild(withProgress: boolean): Promise<IndexStats> {
    this.buildToken?.cancel();
    this.buildToken?.dispose();
    const cts = new vscode.CancellationTokenSource();
    this.buildToken = cts;
    const run = async (token: CancellationLike, report?: (done: number, total: number) => void): Promise<IndexStats> => {
      this.statsValue.state = 'building';
      this.deletedDuringBuild.clear();
      await this.loadRegistry();
      this.watch();
      const files = await this.findArticles();
      const sidecars = await this.findSidecars();
      if (token.isCancellationRequested) return this.finish(undefined, files.length, true);
      const known = new Set(files.map((f) => f.toString()));
      for (const a of this.index.articles()) {
        if (!known.has(a)) {
          this.index.remove(a);
          this.lines.delete(a);
        }
      }
      const result = await buildCorpusIndex(this.index, this.sources(files, sidecars, token), token, {
        sliceMs: SLICE_MS,
        onProgress: (n) => {
          report?.(n, files.length);
          this.fireChanged();
        },
        onError: (id, e) => this.deps.log?.warn(`indexing ${id}: ${e instanceof Error ? e.message : String(e)}`),
      });
      for (const a of this.index.articles()) {
        if (this.deletedSinceBuild(a)) {
          this.index.remove(a);
          this.lines.delete(a);
        }
      }
      return this.finish(result, files.length, result.cancelled);
    };
    const p: Promise<IndexStats> = withProgress
      ? Promise.resolve(
          vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'News Annotator: indexing articles', cancellable: true }, async (progress, token) => {
            const sub = token.onCancellationRequested(() => cts.cancel());
            let last = 0;
            try {
              return await run(cts.token, (done, total) => {
                const pct = total ? (done / total) * 100 : 100;
                progress.report({ message: `${done} / ${total}`, increment: pct - last });
                last = pct;
              });
            } finally {
              sub.dispose();
            }
          }),
        )
      : run(cts.token);
    const shared = p.finally(() => {
      if (this.building === shared) this.building = undefined;
    });
    this.building = shared;
    return shared;
  }

  private finish(result: BuildResult | undefined, files: number, cancelled: boolean): IndexStats {
    if (result) this.statsValue.lastBuild = { ...result, files };
    this.statsValue.state = cancelled ? 'cancelled' : 'ready';
    this.deps.log?.info(`workspace index: ${this.index.size} articles${result ? ` in ${result.ms} ms` : ''}${cancelled ? ' (cancelled)' : ''}; longest article ${this.statsValue.maxArticleMs.toFixed(1)} ms`);
    this.fireChanged(true);
    return this.stats();
  }

  private async loadRegistry(): Promise<void> {
    const reg = await this.deps.registries.get(vscode.workspace.workspaceFolders?.[0]?.uri);
    this.index.setRegistry([...reg.compiled.entries.values()]);
  }

  private async findArticles(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const cfg = vscode.workspace.getConfiguration(Settings.section, folder.uri);
      const include = cfg.get<string[]>('include') ?? DEFAULT_INCLUDE;
      const exclude = cfg.get<string[]>('exclude') ?? DEFAULT_EXCLUDE;
      if (!include.length) continue;
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, globOf(include)), exclude.length ? new vscode.RelativePattern(folder, globOf(exclude)) : null, MAX_FILES);
      for (const u of uris) if (this.isArticleUri(u)) found.set(u.toString(), u);
    }
    return [...found.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
  }

  private async findSidecars(): Promise<Set<string>> {
    const uris = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', MAX_FILES);
    return new Set(uris.map((u) => u.toString()));
  }

  /** Articles to index, read a few ahead, analysed one by one (each a short synchronous stretch). */
  private async *sources(files: readonly vscode.Uri[], sidecars: ReadonlySet<string>, token: CancellationLike): AsyncGenerator<CorpusSource> {
    const reads: Array<Promise<Uint8Array | undefined>> = [];
    const read = (u: vscode.Uri) => Promise.resolve(vscode.workspace.fs.readFile(u)).then(
      (b) => b,
      () => undefined,
    );
    for (let i = 0; i < Math.min(READ_AHEAD, files.length); i++) reads.push(read(files[i]));
    for (let i = 0; i < files.length; i++) {
      if (token.isCancellationRequested || this.disposed) return;
      const bytes = await reads[i];
      reads[i] = Promise.resolve(undefined); // drop the bytes
      if (i + READ_AHEAD < files.length) reads.push(read(files[i + READ_AHEAD]));
      const uri = files[i];
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let text: string | undefined = open?.getText();
      if (text === undefined && bytes) {
        const decoded = decodeText(bytes);
        if (decoded.ok) text = decoded.text;
      }
      if (text === undefined || this.deletedSinceBuild(uri.toString())) continue;
      const hasSidecar = sidecars.has(uri.with({ path: uri.path + SIDECAR_SUFFIX }).toString());
      const annotations = hasSidecar ? await this.loadAnnotations(uri, text) : undefined;
      const reg = await this.deps.registries.get(uri);
      const t0 = performance.now();
      const analysis = analyze(text, reg.compiled);
      this.lines.set(uri.toString(), lineStarts(text));
      this.noteArticleMs(performance.now() - t0);
      yield { id: uri.toString(), analysis, annotations };
    }
  }

  private noteArticleMs(ms: number): void {
    if (ms > this.statsValue.maxArticleMs) this.statsValue.maxArticleMs = ms;
  }

  private async loadAnnotations(uri: vscode.Uri, text: string): Promise<Annotation[] | undefined> {
    try {
      const store = new SidecarStore(this.port);
      const r = await store.load(portPath(uri), text);
      if (r.errors.length) return undefined; // the open article shows the error; the index takes the suggestions
      return store.annotations.filter((a) => !a.orphaned);
    } catch (e) {
      this.deps.log?.warn(`workspace index: reading the sidecar of ${uri.toString()}: ${String(e)}`);
      return undefined;
    }
  }

  // ---------------------------------------------------------------- incremental updates

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const include = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const g of vscode.workspace.getConfiguration(Settings.section, folder.uri).get<string[]>('include') ?? DEFAULT_INCLUDE) include.add(g);
    }
    const onArticle = (u: vscode.Uri) => {
      this.deletedDuringBuild.delete(u.toString());
      if (this.isArticleUri(u)) this.schedule(u);
    };
    const onDelete = (u: vscode.Uri) => {
      // a file, or a folder with articles in it
      const key = u.toString();
      const inside = (a: string) => a === key || a.startsWith(key + '/');
      if (this.statsValue.state === 'building') this.deletedDuringBuild.add(key);
      // Updates scheduled or under way for what was deleted must not bring it back.
      for (const [a, timer] of this.timers) {
        if (!inside(a)) continue;
        clearTimeout(timer);
        this.timers.delete(a);
      }
      for (const a of this.generations.keys()) if (inside(a)) this.generations.set(a, (this.generations.get(a) ?? 0) + 1);
      let removed = false;
      for (const a of this.index.articles()) {
        if (inside(a)) {
          this.index.remove(a);
          this.lines.delete(a);
          removed = true;
        }
      }
      if (removed) this.fireChanged();
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
      if (this.index.has(article.toString()) || this.isArticleUri(article)) this.schedule(article);
    };
    this.watchers.push(side, side.onDidCreate(onSidecar), side.onDidChange(onSidecar), side.onDidDelete(onSidecar));
    // The RegistryService is invalidated by the extension's own registry watcher; a workspace without the
    // extension's file events still gets it through this one.
    const reg = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_REGISTRY_PATH}`);
    this.watchers.push(reg);
  }

  /** The article, or a folder it is in, was deleted while the current build ran. */
  private deletedSinceBuild(article: string): boolean {
    for (const k of this.deletedDuringBuild) if (article === k || article.startsWith(k + '/')) return true;
    return false;
  }

  private schedule(uri: vscode.Uri): void {
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
      const bytes = gone ? undefined : await this.port.read(portPath(uri)).catch(() => undefined);
      if (!bytes) {
        if (this.generations.get(key) === gen && this.index.remove(key)) {
          this.lines.delete(key);
          this.fireChanged();
        }
        return;
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) return;
      text = decoded.text;
    }
    const annotations = await this.loadAnnotations(uri, text);
    const reg = await this.deps.registries.get(uri);
    if (this.disposed || this.generations.get(key) !== gen) return; // a newer update is under way
    const t0 = performance.now();
    let analysis: Analysis;
    try {
      analysis = analyze(text, reg.compiled);
      this.index.update(key, analysis, annotations);
    } catch (e) {
      this.deps.log?.warn(`workspace index: ${key}: ${String(e)}`);
      return;
    }
    this.lines.set(key, lineStarts(text));
    this.statsValue.lastUpdateMs = performance.now() - t0;
    this.noteArticleMs(this.statsValue.lastUpdateMs);
    this.fireChanged();
  }

  /** The registry changed: new names and aliases, and the engine finds other mentions: re-index everything. */
  private async reindexAll(): Promise<void> {
    if (this.statsValue.state === 'idle') return; // not built yet
    await this.rebuild(false);
  }

  private fireChanged(now = false): void {
    clearTimeout(this.changeTimer);
    if (now) {
      this.changeTimer = undefined;
      this.changed.fire();
      return;
    }
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      if (!this.disposed) this.changed.fire();
    }, 100);
  }
}

/** Creates the service and starts the first build (with its progress notification). */
export function registerWorkspaceIndex(deps: WorkspaceIndexDeps): { service: WorkspaceIndexService; disposable: vscode.Disposable } {
  const service = new WorkspaceIndexService(deps);
  void service.ready();
  return { service, disposable: service };
}
