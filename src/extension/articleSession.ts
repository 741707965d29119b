/**
 * One open article: its text, the engine's analysis, the sidecar's annotations and the merged view model.
 * Pure (no `vscode`): documents.ts feeds it edits and the sidecar, decorations/hovers/trees read `vm`.
 *
 * While the user types, `applyEdits` moves every shown item through the edit at once (O(items), no analysis),
 * so decorations stay on their words; `reanalyze` (debounced by the caller) runs the engine again. The engine's
 * one entry (`analyze`) works on the whole text: surname coreference and quote attribution look back across
 * paragraphs, so re-analysing only the edited paragraphs would give different answers from a fresh run. The
 * figures from test/bench/edit.ts show a full run fits well inside the debounce budget, so it stays whole.
 */
import { analyze } from '../core/analyze';
import type { CompiledRegistry } from '../core/registry';
import type { Analysis } from '../core/types';
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
  /** True after edits that the last analysis has not seen. */
  private stale = true;
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
    }
    this.textValue = text;
    this.storedValue = stored;
    this.vmValue = vm;
    this.stale = true;
    this.version++;
  }

  /** Replaces the whole text (a reload from disk); the caller re-analyses. */
  setText(text: string): void {
    if (text === this.textValue) return;
    this.textValue = text;
    this.stale = true;
  }

  setRegistry(registry: CompiledRegistry): void {
    this.registryValue = registry;
    this.stale = true;
  }

  /** New sidecar contents (already anchored on the current text): re-merges without re-analysing. */
  setStored(stored: readonly StoredAnnotation[]): void {
    this.storedValue = stored;
    if (this.stale) return this.reanalyze();
    this.vmValue = buildViewModel(this.textValue, this.analysis, stored, this.registryValue);
    this.version++;
  }

  /** Runs the engine on the whole text and rebuilds the view model. */
  reanalyze(): void {
    this.analysis = analyze(this.textValue, this.registryValue);
    this.vmValue = buildViewModel(this.textValue, this.analysis, this.storedValue, this.registryValue);
    this.stale = false;
    this.version++;
  }
}
