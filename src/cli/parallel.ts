/**
 * The engine in worker threads: a small pool (one worker per core, at most one per text) that loads and compiles
 * the registry once per worker and analyses the texts sent to it. Used by the CLI `export`/`network` commands on
 * many files and by the corpus benchmark.
 *
 * - Results come back as plain data. An `Analysis` travels in a compact form (numbers in transferred typed arrays,
 *   a small string table, texts re-sliced from the article on this side): much cheaper for the main thread to
 *   receive than a structured clone of the object tree. Anything the codec does not expect falls back to a clone,
 *   so results are always those of `analyze` on the main thread.
 * - `mapOrdered` keeps a bounded number of texts in flight and yields results in input order, so memory stays flat.
 * - Errors are per text (a rejected promise / an `error` result), never thrown out of the pool; a worker that dies
 *   fails only its own tasks and is replaced.
 * - Workers are unref'd while idle, so a forgotten pool never keeps the process alive; `close()` ends them.
 *
 * Worker entry: this same module. Bundled (dist/cli.js) the worker runs the bundle; under tsx (tests, benchmarks)
 * it runs this file with the tsx loader. A worker starts when `workerData` carries the WORKER_FLAG.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import { prepareArticle, type ExportInput, type PreparedArticle } from '../core/export';
import { compileRegistry, type CompiledRegistry } from '../core/registry';
import type { ActorEntry, ActorResult, Analysis, Channel, Mention, Quote } from '../core/types';
import { loadRegistry } from './registry';

const WORKER_FLAG = 'newsAnnotatorEngineWorker';

/** Where the workers get their registry: the CLI's files (default registry + these), or ready entries. */
export type RegistrySource = { files: readonly string[] } | { entries: readonly ActorEntry[] };

export interface PoolOptions {
  registry: RegistrySource;
  /** Workers; default min(availableParallelism(), `expected`). */
  size?: number;
  /** How many texts will be sent (caps the default size). */
  expected?: number;
  /** Tasks handed to one worker at once (so it never waits for the main thread). Default 2. */
  perWorker?: number;
  /** The worker script; default this module (or the bundle it is in). */
  workerFile?: string;
}

/** A prepare task: `prepareArticle`'s input without the registry (the worker has it). */
export type PrepareInput = Omit<ExportInput, 'registry'>;

type Task = { id: number; kind: 'analyze'; text: string } | { id: number; kind: 'prepare'; input: PrepareInput };

interface Encoded {
  /** Integers (offsets, counts, string numbers); see `encodeAnalysis`. */
  n: Int32Array;
  /** Confidences, in order: mentions, quotes, channels. */
  f: Float64Array;
  s: string[];
}

type Reply = { id: number; ok: true; enc?: Encoded; value?: unknown } | { id: number; ok: false; message: string; stack?: string };

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
    this.file = options.workerFile ?? __filename;
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
      // Under tsx the worker runs this TypeScript file: it needs the loader (resolved from here, not the cwd;
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

/** A result of `mapOrdered`: the item and its value, or the error it met. */
export type Settled<T, R> = { item: T; value: R; error?: undefined } | { item: T; value?: undefined; error: Error };

/**
 * Runs `work` on every item with at most `maxInFlight` running, and yields the results in input order (the
 * items already done wait for the earliest one). Errors are yielded with their item, never thrown.
 */
export async function* mapOrdered<T, R>(items: Iterable<T> | AsyncIterable<T>, work: (item: T) => Promise<R>, maxInFlight: number): AsyncGenerator<Settled<T, R>> {
  const inFlight: Array<Promise<Settled<T, R>>> = [];
  const start = (item: T): Promise<Settled<T, R>> => {
    let p: Promise<R>;
    try {
      p = work(item);
    } catch (e) {
      p = Promise.reject(e as Error);
    }
    return p.then(
      (value) => ({ item, value }),
      (error: unknown) => ({ item, error: error instanceof Error ? error : new Error(String(error)) }),
    );
  };
  for await (const item of items) {
    inFlight.push(start(item));
    if (inFlight.length >= Math.max(1, maxInFlight)) yield await inFlight.shift()!;
  }
  while (inFlight.length) yield await inFlight.shift()!;
}

// ---------------------------------------------------------------- compact form of an Analysis

/** Exactly these own keys (the optional ones may be missing). */
function keysAre(o: object, required: readonly string[], optional: readonly string[] = []): boolean {
  const ks = Object.keys(o);
  let n = 0;
  for (const k of ks) {
    if (required.includes(k)) n++;
    else if (!optional.includes(k)) return false;
  }
  return n === required.length;
}

const ACTOR_KEYS = ['id', 'name', 'kind', 'known', 'roles', 'mentions'];
const AMENTION_KEYS = ['start', 'end', 'text', 'match'];
const MENTION_KEYS = ['start', 'end', 'text', 'actorId', 'match', 'confidence'];
const QUOTE_KEYS = ['start', 'end', 'text', 'kind', 'speaker', 'cue', 'confidence', 'mark'];
const SPEAKER_KEYS = ['id', 'name'];
const SPAN_KEYS = ['start', 'end', 'text'];
const CHANNEL_KEYS = ['start', 'end', 'text', 'type', 'participants', 'via', 'confidence'];
const ROLE = ['role'];
const CONTINUED = ['continued'];

const isInt = (x: unknown): x is number => typeof x === 'number' && (x | 0) === x;

/**
 * The analysis as integers, confidences and a string table; undefined when it holds anything the compact form
 * does not carry exactly (an unexpected key, a text that is not the slice of the article at its offsets), in
 * which case the caller sends the object itself.
 *
 * n: actors (count; per actor id, name, kind, known, roles count + roles, mentions count + per mention start, end,
 * match, role or -1), mentions (count; start, end, actorId, match, role or -1), quotes (count; start, end, kind,
 * speaker id and name or -1 -1, cue start and end or -1 -1, mark, continued -1 absent / 0 / 1), channels (count;
 * start, end, type, participants count + ids, via count + ids). Strings are numbers into `s`.
 */
export function encodeAnalysis(a: Analysis, text: string): Encoded | undefined {
  if (!keysAre(a, ['actors', 'quotes', 'channels', 'mentions'])) return undefined;
  const n: number[] = [];
  const f: number[] = [];
  const s: string[] = [];
  const strNo = new Map<string, number>();
  const str = (x: unknown): number => {
    if (typeof x !== 'string') throw BAIL;
    let i = strNo.get(x);
    if (i === undefined) {
      i = s.length;
      s.push(x);
      strNo.set(x, i);
    }
    return i;
  };
  const span = (o: { start: number; end: number; text: string }) => {
    if (!isInt(o.start) || !isInt(o.end) || o.text !== text.slice(o.start, o.end)) throw BAIL;
    n.push(o.start, o.end);
  };
  const role = (o: { role?: string }) => {
    if (!('role' in o)) return n.push(-1);
    if (typeof o.role !== 'string') throw BAIL;
    n.push(str(o.role));
  };
  const conf = (x: unknown) => {
    if (typeof x !== 'number') throw BAIL;
    f.push(x);
  };
  try {
    n.push(a.actors.length);
    for (const x of a.actors) {
      if (!keysAre(x, ACTOR_KEYS) || typeof x.known !== 'boolean') throw BAIL;
      n.push(str(x.id), str(x.name), str(x.kind), x.known ? 1 : 0, x.roles.length);
      for (const r of x.roles) n.push(str(r));
      n.push(x.mentions.length);
      for (const m of x.mentions) {
        if (!keysAre(m, AMENTION_KEYS, ROLE)) throw BAIL;
        span(m);
        n.push(str(m.match));
        role(m);
      }
    }
    n.push(a.mentions.length);
    for (const m of a.mentions) {
      if (!keysAre(m, MENTION_KEYS, ROLE)) throw BAIL;
      span(m);
      n.push(str(m.actorId), str(m.match));
      role(m);
      conf(m.confidence);
    }
    n.push(a.quotes.length);
    for (const q of a.quotes) {
      if (!keysAre(q, QUOTE_KEYS, CONTINUED)) throw BAIL;
      span(q);
      n.push(str(q.kind));
      if (q.speaker === null) n.push(-1, -1);
      else if (keysAre(q.speaker, SPEAKER_KEYS)) n.push(str(q.speaker.id), str(q.speaker.name));
      else throw BAIL;
      if (q.cue === null) n.push(-1, -1);
      else if (keysAre(q.cue, SPAN_KEYS)) span(q.cue);
      else throw BAIL;
      n.push(str(q.mark));
      if (!('continued' in q)) n.push(-1);
      else if (typeof q.continued === 'boolean') n.push(q.continued ? 1 : 0);
      else throw BAIL;
      conf(q.confidence);
    }
    n.push(a.channels.length);
    for (const c of a.channels) {
      if (!keysAre(c, CHANNEL_KEYS)) throw BAIL;
      span(c);
      n.push(str(c.type), c.participants.length);
      for (const p of c.participants) n.push(str(p));
      n.push(c.via.length);
      for (const v of c.via) n.push(str(v));
      conf(c.confidence);
    }
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
  return { n: Int32Array.from(n), f: Float64Array.from(f), s };
}

const BAIL = new Error('not encodable');

/** The inverse of `encodeAnalysis`, given the same text. */
export function decodeAnalysis(e: Encoded, text: string): Analysis {
  const { n, f, s } = e;
  let i = 0;
  let fi = 0;
  const actors: ActorResult[] = new Array<ActorResult>(n[i++]);
  for (let a = 0; a < actors.length; a++) {
    const id = s[n[i++]];
    const name = s[n[i++]];
    const kind = s[n[i++]] as ActorResult['kind'];
    const known = n[i++] === 1;
    const roles: string[] = new Array<string>(n[i++]);
    for (let r = 0; r < roles.length; r++) roles[r] = s[n[i++]];
    const mentions: ActorResult['mentions'] = new Array<ActorResult['mentions'][number]>(n[i++]);
    for (let m = 0; m < mentions.length; m++) {
      const start = n[i++];
      const end = n[i++];
      const match = s[n[i++]] as Mention['match'];
      const role = n[i++];
      mentions[m] = role < 0 ? { start, end, text: text.slice(start, end), match } : { start, end, text: text.slice(start, end), match, role: s[role] };
    }
    actors[a] = { id, name, kind, known, roles, mentions };
  }
  const mentions: Mention[] = new Array<Mention>(n[i++]);
  for (let m = 0; m < mentions.length; m++) {
    const start = n[i++];
    const end = n[i++];
    const actorId = s[n[i++]];
    const match = s[n[i++]] as Mention['match'];
    const role = n[i++];
    const confidence = f[fi++];
    mentions[m] = role < 0 ? { start, end, text: text.slice(start, end), actorId, match, confidence } : { start, end, text: text.slice(start, end), actorId, match, confidence, role: s[role] };
  }
  const quotes: Quote[] = new Array<Quote>(n[i++]);
  for (let q = 0; q < quotes.length; q++) {
    const start = n[i++];
    const end = n[i++];
    const kind = s[n[i++]] as Quote['kind'];
    const sid = n[i++];
    const sname = n[i++];
    const cs = n[i++];
    const ce = n[i++];
    const mark = s[n[i++]];
    const cont = n[i++];
    const quote: Quote = {
      start,
      end,
      text: text.slice(start, end),
      kind,
      speaker: sid < 0 ? null : { id: s[sid], name: s[sname] },
      cue: cs < 0 ? null : { start: cs, end: ce, text: text.slice(cs, ce) },
      confidence: f[fi++],
      mark,
    };
    if (cont >= 0) quote.continued = cont === 1;
    quotes[q] = quote;
  }
  const channels: Channel[] = new Array<Channel>(n[i++]);
  for (let c = 0; c < channels.length; c++) {
    const start = n[i++];
    const end = n[i++];
    const type = s[n[i++]] as Channel['type'];
    const participants: string[] = new Array<string>(n[i++]);
    for (let p = 0; p < participants.length; p++) participants[p] = s[n[i++]];
    const via: string[] = new Array<string>(n[i++]);
    for (let v = 0; v < via.length; v++) via[v] = s[n[i++]];
    channels[c] = { start, end, text: text.slice(start, end), type, participants, via, confidence: f[fi++] };
  }
  return { actors, quotes, channels, mentions };
}

// ---------------------------------------------------------------- the worker side

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
