/**
 * Building the index from many articles without blocking: articles are taken from an (async) iterable and
 * indexed in time slices; between slices the builder yields to the event loop, checks the cancellation token and
 * reports progress. A cancelled build leaves the articles indexed so far in the index (each one complete).
 */
import type { Annotation } from '../store/model';
import type { Analysis } from '../types';
import type { CorpusIndex } from './corpusIndex';

/** Structurally a `vscode.CancellationToken`. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

/** One article to index: its text (the index's `analyze` runs) or a ready analysis, plus its sidecar annotations. */
export interface CorpusSource {
  id: string;
  text?: string;
  analysis?: Analysis;
  annotations?: readonly Annotation[];
}

export interface BuildOptions {
  /** Longest stretch of work between two yields (ms). Default 12. */
  sliceMs?: number;
  /** Called after every slice with the number of articles indexed so far. */
  onProgress?: (indexed: number) => void;
  /** Articles that fail (an engine error, a bad sidecar) are reported here and skipped. */
  onError?: (id: string, error: unknown) => void;
}

export interface BuildResult {
  indexed: number;
  failed: number;
  cancelled: boolean;
  ms: number;
}

const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function buildCorpusIndex(
  index: CorpusIndex,
  articles: AsyncIterable<CorpusSource> | Iterable<CorpusSource>,
  token?: CancellationLike,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const sliceMs = options.sliceMs ?? 12;
  const t0 = Date.now();
  let sliceStart = t0;
  let indexed = 0;
  let failed = 0;
  for await (const a of articles) {
    if (token?.isCancellationRequested) return { indexed, failed, cancelled: true, ms: Date.now() - t0 };
    try {
      if (a.analysis) index.update(a.id, a.analysis, a.annotations);
      else index.update(a.id, a.text ?? '', a.annotations);
      indexed++;
    } catch (e) {
      failed++;
      options.onError?.(a.id, e);
    }
    if (Date.now() - sliceStart >= sliceMs) {
      options.onProgress?.(indexed);
      await yieldToLoop();
      sliceStart = Date.now();
      if (token?.isCancellationRequested) return { indexed, failed, cancelled: true, ms: Date.now() - t0 };
    }
  }
  options.onProgress?.(indexed);
  return { indexed, failed, cancelled: false, ms: Date.now() - t0 };
}
