/**
 * The engine in worker threads, for the CLI `export`/`network` commands on many files and the corpus benchmark.
 * This module is the entry that the callers import; the pieces live by idea in:
 *
 * - enginePool.ts: `EnginePool`, the pool of workers (one per core, at most one per text), with per-text errors
 *   and workers that are replaced when they die and unref'd while idle;
 * - mapOrdered.ts: `mapOrdered`, a bounded number of texts in flight, results in input order;
 * - analysisCodec.ts: `encodeAnalysis` / `decodeAnalysis`, the compact transfer form of an `Analysis`;
 * - engineWorker.ts: the messages and the worker's own entry (the worker script, or the bundle that holds it).
 */
export { decodeAnalysis, encodeAnalysis } from './analysisCodec';
export { defaultPoolSize, EnginePool, type PoolOptions } from './enginePool';
export type { PrepareInput, RegistrySource } from './engineWorker';
export { mapOrdered, type Settled } from './mapOrdered';
