/**
 * The compact transfer form of an `Analysis` (`encodeAnalysis` / `decodeAnalysis`), used between the engine
 * workers and the pool (enginePool.ts, engineWorker.ts): numbers in typed arrays the worker transfers instead of
 * copying, a small string table, and no texts (they are re-sliced from the article on the receiving side). This
 * is much cheaper for the main thread to receive than a structured clone of the object tree.
 *
 * The encoder checks the analysis as it goes (exactly the expected keys, every text the slice of the article at
 * its offsets) and refuses anything it would not carry exactly, so a decoded result always equals the original;
 * the caller then sends the object itself.
 */
import type { ActorResult, Analysis, Channel, Mention, Quote } from '../core/types';

export interface Encoded {
  /** Integers (offsets, counts, string numbers); see `encodeAnalysis`. */
  n: Int32Array;
  /** Confidences, in order: mentions, quotes, channels. */
  f: Float64Array;
  s: string[];
}

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
