/**
 * The engine in worker threads: a small pool (one worker per core, at most one per text) that loads and compiles
 * the registry once per worker and analyses the texts sent to it. Used by the CLI `export`/`network` commands on
 * many files and by the corpus benchmark. The worker's side is engineWorker.ts; results travel in the compact
 * form of analysisCodec.ts.
 *
 * - Results come back as plain data; anything the codec does not expect falls back to a clone, so results are
 *   always those of `analyze` on the main thread.
 * - Errors are per text (a rejected promise), never thrown out of the pool; a worker that dies fails only its own
 *   tasks and is replaced.
 * - Workers are unref'd while idle, so a forgotten pool never keeps the process alive; `close()` ends them.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PreparedArticle } from '../core/export';
import type { Analysis } from '../core/types';
import { decodeAnalysis } from './analysisCodec';
import { WORKER_FILE, WORKER_FLAG, type PrepareInput, type RegistrySource, type Reply, type Task } from './engineWorker';

export interface PoolOptions {
  registry: RegistrySource;
  /** Workers; default min(availableParallelism(), `expected`). */
  size?: number;
  /** How many texts will be sent (caps the default size). */
  expected?: number;
  /** Tasks handed to one worker at once (so it never waits for the main thread). Default 2. */
  perWorker?: number;
  /** The worker script; default engineWorker.ts (or the bundle it is in). */
  workerFile?: string;
}

interface Pending {
  task: Task;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Pending>;
  /** Completed tasks (a worker that dies before finishing any is not replaced: it would die again). */
  done: number;
  dead: boolean;
}

/** Default pool size: one worker per core, never more than there are texts. */
export function defaultPoolSize(expected = Infinity): number {
  return Math.max(1, Math.min(availableParallelism(), expected));
}

export class EnginePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly perWorker: number;
  private readonly file: string;
  private nextId = 1;
  private closed = false;
  private fatal: Error | undefined;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? defaultPoolSize(options.expected));
    this.perWorker = Math.max(1, options.perWorker ?? 2);
    this.file = options.workerFile ?? WORKER_FILE;
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** The engine's analysis of one text, as `analyze(text, registry)` on this thread would give it. */
  analyze(text: string): Promise<Analysis> {
    return this.submit({ id: this.nextId++, kind: 'analyze', text }) as Promise<Analysis>;
  }

  /** `prepareArticle` (sidecar, engine, merge) in a worker. */
  prepare(input: PrepareInput): Promise<PreparedArticle> {
    return this.submit({ id: this.nextId++, kind: 'prepare', input }) as Promise<PreparedArticle>;
  }

  /** Tasks sent and not yet answered, plus those waiting for a worker. */
  get pending(): number {
    return this.queue.length + this.slots.reduce((s, w) => s + w.busy.size, 0);
  }

  /** Ends the workers; tasks not yet answered are rejected. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = new Error('engine pool closed');
    for (const p of this.queue.splice(0)) p.reject(err);
    await Promise.all(
      this.slots.map(async (s) => {
        const busy = [...s.busy.values()];
        s.busy.clear();
        s.dead = true;
        for (const p of busy) p.reject(err);
        await s.worker.terminate();
      }),
    );
  }

  private submit(task: Task): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('engine pool closed'));
      if (this.fatal) return reject(this.fatal);
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      let best: Slot | undefined;
      for (const s of this.slots) if (!s.dead && s.busy.size < this.perWorker && (!best || s.busy.size < best.busy.size)) best = s;
      if (!best) return;
      const p = this.queue.shift()!;
      if (!best.busy.size) best.worker.ref();
      best.busy.set(p.task.id, p);
      best.worker.postMessage(p.task);
    }
  }

  private spawn(): Slot {
    const ts = /\.[cm]?tsx?$/.test(this.file);
    const worker = new Worker(this.file, {
      workerData: { [WORKER_FLAG]: true, registry: this.options.registry },
      // Under tsx the worker runs a TypeScript file: it needs the loader (resolved from here, not the cwd;
      // through createRequire so that the bundler leaves this dev-only path alone).
      execArgv: ts ? ['--require', createRequire(__filename).resolve('tsx/cjs')] : [],
    });
    const slot: Slot = { worker, busy: new Map(), done: 0, dead: false };
    worker.unref();
    worker.on('message', (r: Reply) => {
      const p = slot.busy.get(r.id);
      if (!p) return;
      slot.busy.delete(r.id);
      slot.done++;
      if (!slot.busy.size) worker.unref();
      if (!r.ok) {
        const e = new Error(r.message);
        if (r.stack) e.stack = r.stack;
        p.reject(e);
      } else if (r.enc) {
        try {
          p.resolve(decodeAnalysis(r.enc, (p.task as { text: string }).text));
        } catch (e) {
          p.reject(e as Error);
        }
      } else p.resolve(r.value);
      this.dispatch();
    });
    const fail = (e: Error) => {
      if (slot.dead) return;
      slot.dead = true;
      const busy = [...slot.busy.values()];
      slot.busy.clear();
      for (const p of busy) p.reject(e);
      if (this.closed) return;
      void worker.terminate();
      const i = this.slots.indexOf(slot);
      if (slot.done > 0 && i >= 0) this.slots[i] = this.spawn();
      else if (this.slots.every((s) => s.dead)) {
        // No worker can start (a missing registry, a broken bundle): fail what waits and what comes.
        this.fatal = e;
        for (const p of this.queue.splice(0)) p.reject(e);
      }
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`engine worker exited (code ${code})`)));
    return slot;
  }
}
