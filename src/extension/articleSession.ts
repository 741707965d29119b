/**
 * One open article: its text, the engine's analysis, the sidecar's annotations and the merged view model.
 * Pure (no `vscode`): documents.ts feeds it edits and the sidecar, decorations/hovers/trees read `vm`.
 *
 * While the user types, `applyEdits` moves every shown item through the edit at once (O(items), no analysis),
 * so decorations stay on their words. After a short pause the caller runs `reanalyzeIncremental`: the engine
 * on the edited paragraphs and one paragraph either side only, spliced into the analysis (incremental.ts).
 * A full `reanalyze` runs on open, when the registry or sidecar changes, and after a longer pause, because a
 * window cannot see context from further away (surname coreference, continued quotes). test/bench/edit.ts
 * has the figures: on a 100 KB article a full run costs hundreds of milliseconds, a window well under one.
 */
import { analyze } from '../core/analyze';
import type { CompiledRegistry } from '../core/registry';
import type { Analysis, Span } from '../core/types';
import { paragraphWindow, reanalyzeWindow, shiftAnalysis } from './incremental';
import { buildViewModel, shiftViewModel, type StoredAnnotation, type ViewModel } from './viewModel';

export interface TextEdit {
  /** Offsets into the text before this edit. */
  start: number;
  end: number;
  text: string;
}

/**
 * Moves stored annotations through an edit the way the store does inside the editor: no re-search; an
 * annotation whose text was deleted entirely keeps a collapsed position (the next sidecar load re-anchors it).
 */
export function shiftStored(stored: readonly StoredAnnotation[], start: number, end: number, inserted: number): StoredAnnotation[] {
  const delta = inserted - (end - start);
  return stored.map((a) => {
    if (a.orphan || a.end <= start) return a;
    if (a.start >= end) return { ...a, start: a.start + delta, end: a.end + delta };
    const s = a.start < start ? a.start : Math.min(a.start, start + inserted);
    const e = a.end > end ? a.end + delta : Math.max(s, start + inserted);
    return { ...a, start: s, end: e };
  });
}

const EMPTY: Analysis = { actors: [], quotes: [], channels: [], mentions: [] };

export class ArticleSession {
  private textValue: string;
  private analysis: Analysis = EMPTY;
  private storedValue: readonly StoredAnnotation[];
  private vmValue: ViewModel;
  /** True after edits that the last full analysis has not seen. */
  private stale = true;
  /** The edited region (current offsets) not yet re-analysed, if any. */
  private dirty: Span | undefined;
  /** Edits the analysis has not been moved through yet (done once per re-analysis, not per keystroke). */
  private pendingEdits: TextEdit[] = [];
  /** Bumped on every change of `vm`. */
  version = 0;

  constructor(
    text: string,
    private registryValue: CompiledRegistry,
    stored: readonly StoredAnnotation[] = [],
  ) {
    this.textValue = text;
    this.storedValue = stored;
    this.vmValue = buildViewModel(text, EMPTY, stored, registryValue);
  }

  get text(): string {
    return this.textValue;
  }
  get vm(): ViewModel {
    return this.vmValue;
  }
  get registry(): CompiledRegistry {
    return this.registryValue;
  }
  get stored(): readonly StoredAnnotation[] {
    return this.storedValue;
  }
  get isStale(): boolean {
    return this.stale;
  }

  /**
   * Applies editor changes (each with offsets into the text before it, applied in order) and moves the shown
   * items with them. Cheap: no analysis.
   */
  applyEdits(edits: readonly TextEdit[]): void {
    let text = this.textValue;
    let vm = this.vmValue;
    let stored = this.storedValue;
    for (const e of edits) {
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
      vm = shiftViewModel(vm, e.start, e.end, e.text.length);
      stored = shiftStored(stored, e.start, e.end, e.text.length);
      this.pendingEdits.push(e);
      const delta = e.text.length - (e.end - e.start);
      const d = this.dirty;
      this.dirty = d
        ? { start: Math.min(d.start <= e.start ? d.start : d.start + delta, e.start), end: Math.max(d.end >= e.end ? d.end + delta : d.end, e.start + e.text.length) }
        : { start: e.start, end: e.start + e.text.length };
      this.dirty.start = Math.max(0, Math.min(this.dirty.start, text.length));
      this.dirty.end = Math.max(this.dirty.start, Math.min(this.dirty.end, text.length));
    }
    this.textValue = text;
    this.storedValue = stored;
    this.vmValue = vm;
    this.stale = true;
    this.version++;
  }

  /** Replaces the whole text (a reload from disk); the caller re-analyses in full. */
  setText(text: string): void {
    if (text === this.textValue) return;
    this.textValue = text;
    this.stale = true;
    this.dirty = { start: 0, end: text.length };
  }

  /** Whether edits wait for the (cheap) window re-analysis. */
  get hasDirtyRegion(): boolean {
    return this.dirty !== undefined;
  }

  /**
   * Re-analyses only the edited paragraphs (and one either side) and rebuilds the view model. Falls back to a
   * full run when the edited region is large (a paste, a reload). Returns the window analysed.
   */
  reanalyzeIncremental(): Span | undefined {
    const d = this.dirty;
    if (!d) return undefined;
    if (d.end - d.start > this.textValue.length / 4) {
      this.reanalyze();
      return { start: 0, end: this.textValue.length };
    }
    const window = paragraphWindow(this.textValue, d);
    let a = this.analysis;
    for (const e of this.pendingEdits) a = shiftAnalysis(a, e.start, e.end, e.text.length);
    this.pendingEdits = [];
    this.analysis = reanalyzeWindow(a, this.textValue, window, this.registryValue);
    this.vmValue = buildViewModel(this.textValue, this.analysis, this.storedValue, this.registryValue);
    this.dirty = undefined;
    this.version++;
    return window;
  }

  setRegistry(registry: CompiledRegistry): void {
    this.registryValue = registry;
    this.stale = true;
  }

  /** New sidecar contents (already anchored on the current text): re-merges without re-analysing. */
  setStored(stored: readonly StoredAnnotation[]): void {
    this.storedValue = stored;
    if (this.dirty) this.reanalyzeIncremental();
    this.vmValue = buildViewModel(this.textValue, this.analysis, stored, this.registryValue);
    this.version++;
  }

  /** Runs the engine on the whole text and rebuilds the view model. */
  reanalyze(): void {
    this.analysis = analyze(this.textValue, this.registryValue);
    this.vmValue = buildViewModel(this.textValue, this.analysis, this.storedValue, this.registryValue);
    this.stale = false;
    this.dirty = undefined;
    this.pendingEdits = [];
    this.version++;
  }
}
