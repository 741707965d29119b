/**
 * The engine worker's side: the messages between the pool (enginePool.ts) and a worker, and the worker's entry
 * (`runWorker`), which loads and compiles the registry once and then analyses (or prepares) the texts sent to it,
 * answering each with a compact `Analysis` (analysisCodec.ts) or, when the codec refuses it, the plain value.
 *
 * Worker script: this module. Bundled (dist/cli.js) the worker runs the bundle, which holds this module (the CLI
 * entry in main.ts does not run in a worker thread); under tsx (tests, benchmarks) it runs this file with the tsx
 * loader. The worker starts when this module loads in a worker thread whose `workerData` carries the WORKER_FLAG.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import { prepareArticle, type ExportInput } from '../core/export';
import { compileRegistry, type CompiledRegistry } from '../core/registry';
import type { ActorEntry } from '../core/types';
import { encodeAnalysis, type Encoded } from './analysisCodec';
import { loadRegistry } from './registry';

export const WORKER_FLAG = 'newsAnnotatorEngineWorker';

/** The script a worker runs by default: this module, or the bundle it is in. */
export const WORKER_FILE: string = __filename;

/** Where the workers get their registry: the CLI's files (default registry + these), or ready entries. */
export type RegistrySource = { files: readonly string[] } | { entries: readonly ActorEntry[] };

/** A prepare task: `prepareArticle`'s input without the registry (the worker has it). */
export type PrepareInput = Omit<ExportInput, 'registry'>;

export type Task = { id: number; kind: 'analyze'; text: string } | { id: number; kind: 'prepare'; input: PrepareInput };

export type Reply = { id: number; ok: true; enc?: Encoded; value?: unknown } | { id: number; ok: false; message: string; stack?: string };

function runWorker(): void {
  const port = parentPort!;
  const source = (workerData as { registry: RegistrySource }).registry;
  let registry: CompiledRegistry | undefined;
  const getRegistry = (): CompiledRegistry => {
    if (registry) return registry;
    if ('entries' in source) registry = compileRegistry(source.entries);
    // Registry file errors are the main thread's to report (it loads the same files); the rest is used.
    else registry = loadRegistry(source.files).compiled;
    return registry;
  };
  getRegistry();
  port.on('message', (t: Task) => {
    try {
      if (t.kind === 'analyze') {
        const a = analyze(t.text, getRegistry());
        const enc = encodeAnalysis(a, t.text);
        if (enc) port.postMessage({ id: t.id, ok: true, enc } satisfies Reply, [enc.n.buffer as ArrayBuffer, enc.f.buffer as ArrayBuffer]);
        else port.postMessage({ id: t.id, ok: true, value: a } satisfies Reply);
      } else port.postMessage({ id: t.id, ok: true, value: prepareArticle({ ...t.input, registry: getRegistry() }) } satisfies Reply);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ id: t.id, ok: false, message: err.message, stack: err.stack } satisfies Reply);
    }
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) runWorker();
