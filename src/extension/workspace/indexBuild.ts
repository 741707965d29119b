/**
 * Building the workspace index: the first build and every rebuild (include/exclude or workspace folders changed,
 * registry changed). `workspace.findFiles` lists the articles and sidecars, the files are read through
 * `workspace.fs` a few ahead, analysed one by one with the registry as the extension loads it, and fed to the
 * core `buildCorpusIndex`, which yields to the event loop between time slices; the first build shows a
 * cancellable progress notification.
 *
 * A build starts the watchers (indexUpdates.ts) before listing files and keeps out what they saw deleted
 * meanwhile (`deletedDuringBuild`), both while reading and once it is done.
 */
import * as vscode from 'vscode';
import { analyze } from '../../core/analyze';
import { buildCorpusIndex, type BuildResult, type CancellationLike, type CorpusSource } from '../../core/corpus';
import { decodeText } from '../../core/text/decode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../config';
import { Settings, SIDECAR_SUFFIX } from '../ids';
import { isArticleUri, lineStarts, type IndexState, type IndexStats } from './indexState';
import type { IndexUpdates } from './indexUpdates';

const SLICE_MS = 12;
const READ_AHEAD = 8;
const MAX_FILES = 200_000;

/** `{a,b}` for a list of globs (one glob as is). */
function globOf(list: readonly string[]): string {
  return list.length === 1 ? list[0] : `{${list.join(',')}}`;
}

export class IndexBuilder {
  private building: Promise<IndexStats> | undefined;
  private buildToken: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly state: IndexState,
    private readonly updates: IndexUpdates,
  ) {}

  /** Cancels the build under way, if any. */
  dispose(): void {
    this.buildToken?.cancel();
    this.buildToken?.dispose();
  }

  /** The first (or a new) build; resolves when it is done or cancelled. Calls while building share the build. */
  ready(): Promise<IndexStats> {
    return this.building ?? this.rebuild(true);
  }

  /** The registry changed: new names and aliases, and the engine finds other mentions: re-index everything. */
  async reindexAll(): Promise<void> {
    if (this.state.statsValue.state === 'idle') return; // not built yet
    await this.rebuild(false);
  }

  /** A new build; the one under way, if any, is cancelled. */
  rebuild(withProgress: boolean): Promise<IndexStats> {
    this.buildToken?.cancel();
    this.buildToken?.dispose();
    const cts = new vscode.CancellationTokenSource();
    this.buildToken = cts;
    const run = async (token: CancellationLike, report?: (done: number, total: number) => void): Promise<IndexStats> => {
      this.state.statsValue.state = 'building';
      this.updates.deletedDuringBuild.clear();
      await this.loadRegistry();
      this.updates.watch();
      const files = await this.findArticles();
      const sidecars = await this.findSidecars();
      if (token.isCancellationRequested) return this.finish(undefined, files.length, true);
      const known = new Set(files.map((f) => f.toString()));
      for (const a of this.state.index.articles()) {
        if (!known.has(a)) {
          this.state.index.remove(a);
          this.state.lines.delete(a);
        }
      }
      const result = await buildCorpusIndex(this.state.index, this.sources(files, sidecars, token), token, {
        sliceMs: SLICE_MS,
        onProgress: (n) => {
          report?.(n, files.length);
          this.state.fireChanged();
        },
        onError: (id, e) => this.state.deps.log?.warn(`indexing ${id}: ${e instanceof Error ? e.message : String(e)}`),
      });
      for (const a of this.state.index.articles()) {
        if (this.updates.deletedSinceBuild(a)) {
          this.state.index.remove(a);
          this.state.lines.delete(a);
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
    if (result) this.state.statsValue.lastBuild = { ...result, files };
    this.state.statsValue.state = cancelled ? 'cancelled' : 'ready';
    this.state.deps.log?.info(`workspace index: ${this.state.index.size} articles${result ? ` in ${result.ms} ms` : ''}${cancelled ? ' (cancelled)' : ''}; longest article ${this.state.statsValue.maxArticleMs.toFixed(1)} ms`);
    this.state.fireChanged(true);
    return this.state.stats();
  }

  private async loadRegistry(): Promise<void> {
    const reg = await this.state.deps.registries.get(vscode.workspace.workspaceFolders?.[0]?.uri);
    this.state.index.setRegistry([...reg.compiled.entries.values()]);
  }

  private async findArticles(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const cfg = vscode.workspace.getConfiguration(Settings.section, folder.uri);
      const include = cfg.get<string[]>('include') ?? DEFAULT_INCLUDE;
      const exclude = cfg.get<string[]>('exclude') ?? DEFAULT_EXCLUDE;
      if (!include.length) continue;
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, globOf(include)), exclude.length ? new vscode.RelativePattern(folder, globOf(exclude)) : null, MAX_FILES);
      for (const u of uris) if (isArticleUri(u)) found.set(u.toString(), u);
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
      if (token.isCancellationRequested || this.state.disposed) return;
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
      if (text === undefined || this.updates.deletedSinceBuild(uri.toString())) continue;
      const hasSidecar = sidecars.has(uri.with({ path: uri.path + SIDECAR_SUFFIX }).toString());
      const annotations = hasSidecar ? await this.state.loadAnnotations(uri, text) : undefined;
      const reg = await this.state.deps.registries.get(uri);
      const t0 = performance.now();
      const analysis = analyze(text, reg.compiled);
      this.state.lines.set(uri.toString(), lineStarts(text));
      this.state.noteArticleMs(performance.now() - t0);
      yield { id: uri.toString(), analysis, annotations };
    }
  }
}
