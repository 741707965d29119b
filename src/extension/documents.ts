/**
 * Keeps one ArticleSession per open article document: creates it when an article opens, feeds it edits
 * (decorations move at once), re-analyses after a pause in typing (debounced, off the keystroke), reloads the
 * sidecar when it changes, and forgets the session when the document closes. Everything else listens to
 * `onDidChange`.
 */
import * as vscode from 'vscode';
import { ArticleSession, type TextEdit } from './articleSession';
import { debounceMs, isArticle } from './config';
import type { RegistryService } from './registryService';
import type { SidecarOp, Sidecars, SidecarState } from './sidecars';

export interface Entry {
  readonly doc: vscode.TextDocument;
  readonly session: ArticleSession;
  /** The last sidecar load (its error, if any, is shown in Problems). */
  sidecar: SidecarState;
  timer?: ReturnType<typeof setTimeout>;
  fullTimer?: ReturnType<typeof setTimeout>;
  /** Bumped on every reload, so a slow load that lost a race is dropped. */
  generation: number;
  /** An edit touched a stored annotation (or replaced much of the text): re-anchor through the store. */
  needsReanchor?: boolean;
}

export interface ChangeEvent {
  uri: vscode.Uri;
  /** True when only positions moved (an edit before re-analysis). */
  shiftOnly: boolean;
}

export class DocumentSessions implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry | undefined>>();
  private readonly changed = new vscode.EventEmitter<ChangeEvent>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;
  /** Timings of the last runs, for the test API and the log. */
  readonly timings = { lastShiftMs: 0, lastWindowMs: 0, lastAnalyzeMs: 0 };

  constructor(
    private readonly registries: RegistryService,
    private readonly sidecars: Sidecars,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.open(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      registries.onDidChange(() => void this.reloadAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsAnnotator.include') || e.affectsConfiguration('newsAnnotator.exclude')) void this.syncOpenDocuments();
      }),
    );
    void this.syncOpenDocuments();
  }

  dispose(): void {
    for (const e of this.entries.values()) {
      clearTimeout(e.timer);
      clearTimeout(e.fullTimer);
    }
    this.entries.clear();
    for (const d of this.disposables) d.dispose();
  }

  get(uri: vscode.Uri): Entry | undefined {
    return this.entries.get(uri.toString());
  }

  all(): Entry[] {
    return [...this.entries.values()];
  }

  /** The session of a document, opening it if it is an article and not yet open. */
  async ensure(doc: vscode.TextDocument): Promise<Entry | undefined> {
    return this.get(doc.uri) ?? (await this.open(doc));
  }

  /** Waits until pending analysis of `uri` is done (commands and tests want settled data). */
  async settle(uri: vscode.Uri): Promise<Entry | undefined> {
    const p = this.pending.get(uri.toString());
    if (p) await p;
    let e = this.get(uri);
    if (e?.needsReanchor) {
      e.needsReanchor = false;
      await this.reloadSidecar(uri);
      e = this.get(uri);
    }
    if (e && (e.session.isStale || e.session.hasDirtyRegion || e.doc.getText() !== e.session.text)) {
      clearTimeout(e.timer);
      clearTimeout(e.fullTimer);
      this.runAnalysis(e);
    }
    return e;
  }

  private async syncOpenDocuments(): Promise<void> {
    for (const d of vscode.workspace.textDocuments) {
      if (isArticle(d)) await this.open(d);
      else if (this.entries.has(d.uri.toString())) this.close(d.uri);
    }
  }

  private open(doc: vscode.TextDocument): Promise<Entry | undefined> {
    const key = doc.uri.toString();
    const existing = this.entries.get(key);
    if (existing) return Promise.resolve(existing);
    if (!isArticle(doc)) return Promise.resolve(undefined);
    let p = this.pending.get(key);
    if (!p) {
      p = this.create(doc).finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  private async create(doc: vscode.TextDocument): Promise<Entry | undefined> {
    const reg = await this.registries.get(doc.uri);
    const text = doc.getText();
    const sidecar = await this.loadSidecar(doc.uri, text);
    if (doc.isClosed) return undefined;
    const session = new ArticleSession(doc.getText(), reg.compiled, sidecar.annotations);
    const entry: Entry = { doc, session, sidecar, generation: 0 };
    this.entries.set(doc.uri.toString(), entry);
    this.runAnalysis(entry);
    return entry;
  }

  private async loadSidecar(uri: vscode.Uri, text: string): Promise<SidecarState> {
    try {
      return await this.sidecars.load(uri, text);
    } catch (e) {
      this.log.error(`loading the sidecar of ${uri.toString()}: ${String(e)}`);
      return { annotations: [], exists: false, error: { file: this.sidecars.sidecarUri(uri).fsPath, line: 1, column: 1, message: String(e) } };
    }
  }

  private close(uri: vscode.Uri): void {
    const key = uri.toString();
    const e = this.entries.get(key);
    if (!e) return;
    clearTimeout(e.timer);
    clearTimeout(e.fullTimer);
    this.entries.delete(key);
    this.changed.fire({ uri, shiftOnly: false });
  }

  private onEdit(ev: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(ev.document.uri.toString());
    if (!entry || ev.contentChanges.length === 0) return;
    const t0 = performance.now();
    // Changes in one event do not overlap and are relative to the text before the event: apply from the end.
    const edits: TextEdit[] = [...ev.contentChanges]
      .sort((a, b) => b.rangeOffset - a.rangeOffset)
      .map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    const stored = entry.session.stored;
    const total = entry.session.text.length;
    for (const e of edits) {
      if (e.end - e.start > total / 4 || stored.some((a) => !a.orphan && a.start < e.end && a.end > e.start)) entry.needsReanchor = true;
    }
    entry.session.applyEdits(edits);
    if (entry.session.text.length !== ev.document.getText().length) entry.session.setText(ev.document.getText());
    this.timings.lastShiftMs = performance.now() - t0;
    this.changed.fire({ uri: ev.document.uri, shiftOnly: true });
    this.schedule(entry);
  }

  /**
   * After a short pause: the edited paragraphs are re-analysed (cheap). After a longer pause: the whole text,
   * which restores context a window cannot see.
   */
  private schedule(entry: Entry): void {
    const live = () => this.entries.get(entry.doc.uri.toString()) === entry;
    const delay = debounceMs(entry.doc.uri);
    clearTimeout(entry.timer);
    clearTimeout(entry.fullTimer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (!live()) return;
      if (entry.needsReanchor) {
        entry.needsReanchor = false;
        void this.reloadSidecar(entry.doc.uri);
      }
      const t0 = performance.now();
      try {
        entry.session.reanalyzeIncremental();
      } catch (e) {
        this.log.error(`analysing ${entry.doc.uri.toString()}: ${String(e)}`);
      }
      this.timings.lastWindowMs = performance.now() - t0;
      this.changed.fire({ uri: entry.doc.uri, shiftOnly: false });
    }, delay);
    entry.fullTimer = setTimeout(() => {
      entry.fullTimer = undefined;
      if (live() && entry.session.isStale) this.runAnalysis(entry);
    }, Math.max(2000, delay * 10));
  }

  private runAnalysis(entry: Entry): void {
    const t0 = performance.now();
    try {
      entry.session.setText(entry.doc.getText());
      entry.session.reanalyze();
    } catch (e) {
      this.log.error(`analysing ${entry.doc.uri.toString()}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    this.timings.lastAnalyzeMs = performance.now() - t0;
    this.changed.fire({ uri: entry.doc.uri, shiftOnly: false });
  }

  /** Reloads the sidecar of one article (it changed on disk, or after a write) and re-merges. */
  async reloadSidecar(uri: vscode.Uri): Promise<void> {
    const entry = this.get(uri);
    if (!entry) return;
    const gen = ++entry.generation;
    const state = await this.loadSidecar(uri, entry.doc.getText());
    if (gen !== entry.generation || this.get(uri) !== entry) return;
    this.accept(entry, state);
  }

  private accept(entry: Entry, state: SidecarState): void {
    entry.sidecar = state;
    entry.session.setText(entry.doc.getText());
    entry.session.setStored(state.annotations);
    this.changed.fire({ uri: entry.doc.uri, shiftOnly: false });
  }

  /** Registry changed: recompile and re-analyse every open article. */
  private async reloadAll(): Promise<void> {
    for (const entry of this.all()) {
      const reg = await this.registries.get(entry.doc.uri);
      entry.session.setRegistry(reg.compiled);
      this.runAnalysis(entry);
    }
  }

  /** Applies store operations to an article's sidecar (atomic write through the store), then re-merges. */
  async apply(uri: vscode.Uri, ops: readonly SidecarOp[]): Promise<SidecarState> {
    const entry = this.get(uri);
    if (!entry) throw new Error('This file is not an open article.');
    if (!vscode.workspace.isTrusted) throw new Error('annotations are not saved in an untrusted workspace (trust the folder to save them)');
    const state = await this.sidecars.apply(uri, entry.doc.getText(), ops);
    // What was just written is the newest state: it wins over any reload that started before the write.
    entry.generation++;
    if (this.get(uri) === entry) this.accept(entry, state);
    return state;
  }

  /** Re-creates the session of a renamed document under its new uri (VS Code re-opens it). */
  forget(uri: vscode.Uri): void {
    this.close(uri);
  }
}
