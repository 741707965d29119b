/**
 * Editor benchmark (the pure part of edit → decorations, without `vscode`): a 100 KB article built from the
 * samples, the default registry, one ArticleSession.
 *
 * - `edit → decorations`: what runs in the extension host on a keystroke — the session moves every shown item
 *   through the edit (no analysis) and the decoration layers are recomputed, plus the offset → line/column
 *   conversion of every range. Target ≤ 16 ms.
 * - `window re-analysis`: what runs after a short pause in typing — an edit, the engine on the edited
 *   paragraph and one either side, spliced in, the merge with the sidecar into the view model, the layers.
 * - `full re-analysis`: what runs on open and after a longer pause — the engine on the whole text, the merge,
 *   the layers; `engine only` is the engine's share of it.
 * Medians over repeated runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './root';
import { analyze } from '../../src/core/analyze';
import { compileRegistry, parseRegistry } from '../../src/core/registry';
import { LineMap } from '../../src/core/text';
import { ArticleSession } from '../../src/extension/articleSession';
import { ALL_ON, computeLayers, LAYER_IDS } from '../../src/extension/layers';
import type { StoredAnnotation } from '../../src/extension/viewModel';
import { buildArticle } from './engine';

const ROOT = repoRoot();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function measure(fn: (i: number) => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Offsets → line/column for every range, as `document.positionAt` does for decorations. */
function toRanges(lines: LineMap, layers: ReturnType<typeof computeLayers>): number {
  let n = 0;
  for (const id of LAYER_IDS) {
    for (const s of layers[id]) {
      lines.positionAt(s.start);
      lines.positionAt(s.end);
      n++;
    }
  }
  return n;
}

export async function benchEdit(): Promise<Record<string, number>> {
  const text = buildArticle(100 * 1024);
  const file = join(ROOT, 'registry', 'world.yaml');
  const registry = compileRegistry(parseRegistry(readFileSync(file, 'utf8'), file).entries);

  // Every tenth mention confirmed in the "sidecar", so the merge has work to do.
  const first = analyze(text, registry);
  const stored: StoredAnnotation[] = first.mentions
    .filter((_, i) => i % 10 === 0)
    .map((m, i) => ({ id: `a${i}`, type: 'actor', status: 'confirmed', start: m.start, end: m.end, text: m.text, actorId: m.actorId }));
  const session = new ArticleSession(text, registry, stored);
  session.reanalyze();
  const items = session.vm.items.length;

  const mid = Math.floor(text.length / 2);
  let cursor = mid;
  const edit = measure(() => {
    session.applyEdits([{ start: cursor, end: cursor, text: 'x' }]);
    cursor++;
    const layers = computeLayers(session.vm, ALL_ON, cursor);
    toRanges(new LineMap(session.text), layers);
  }, 200);

  const windowReanalysis = measure(() => {
    session.applyEdits([{ start: cursor, end: cursor, text: 'y' }]);
    cursor++;
    session.reanalyzeIncremental();
    computeLayers(session.vm, ALL_ON, cursor);
  }, 50);

  const reanalysis = measure(() => {
    session.reanalyze();
    computeLayers(session.vm, ALL_ON, cursor);
  }, 15);
  const analyzeOnly = measure(() => analyze(session.text, registry), 15);


  return {
    'article KB': Math.round(text.length / 1024),
    'shown items': items,
    'edit → decorations ms': edit,
    'window re-analysis ms': windowReanalysis,
    'full re-analysis ms': reanalysis,
    'engine only (full) ms': analyzeOnly,
  };
}
