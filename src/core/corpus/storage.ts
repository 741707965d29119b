/**
 * The compact per-article storage of the workspace index and its encoding. Per article, mentions and quotes
 * are packed in Int32Arrays (stride 4) of actor numbers (actors.ts), offsets and flags; channels keep their
 * actor numbers and network links (network.ts); no article text is kept. Offsets are UTF-16 code units (the
 * editor's). `ArticleStore` holds the entries by article id with the postings (actor → article → mentions)
 * that `update`/`remove` keep in step one article at a time. The layout is known here only: the index reads
 * the arrays through the functions below.
 */
import type { ArticleAnnotations, Origin } from '../export/model';
import type { ActorKind, Analysis, ChannelType } from '../types';
import type { ActorTable } from './actors';
import { flat } from './flat';
import type { LinkTable } from './network';
import type { ReferenceLocation } from './types';

/** Flag bit of a packed mention or quote: confirmed in the sidecar (else an engine suggestion). */
const CONFIRMED = 1;

export interface ChannelRec {
  type: ChannelType;
  participants: number[];
  via: number[];
  start: number;
  end: number;
  origin: Origin;
  /**
   * The network links of this channel (numbers into the `LinkTable`), computed once when it is indexed:
   * a number for the usual single link (-1 for none), an array for more (no typed array per channel: too
   * much overhead).
   */
  links: number | number[];
}

export interface ArticleEntry {
  id: string;
  /** Stride 4: actor number, start, end, flags. Sorted by start. */
  mentions: Int32Array;
  /** Stride 4: speaker actor number (-1 none), start, end, flags. */
  quotes: Int32Array;
  channels: ChannelRec[];
  claims: number;
  /** actor number → mentions in this article. */
  counts: Map<number, number>;
}

// ---------------------------------------------------------------- encoding

/** The entry of merged annotations (engine suggestions and sidecar). Numbers new actors, notes surface forms. */
export function encodeAnnotations(article: string, doc: ArticleAnnotations, actors: ActorTable, links: LinkTable): ArticleEntry {
  const num = (id: string) => actors.number(id, doc.actors.get(id));
  const mentions = new Int32Array(doc.mentions.length * 4);
  const counts = new Map<number, number>();
  doc.mentions.forEach((m, i) => {
    const n = num(m.actorId);
    mentions.set([n, m.start, m.end, m.origin === 'confirmed' ? CONFIRMED : 0], i * 4);
    counts.set(n, (counts.get(n) ?? 0) + 1);
    actors.noteForm(n, m.text);
  });
  const quotes = new Int32Array(doc.quotes.length * 4);
  doc.quotes.forEach((q, i) => quotes.set([q.speaker ? num(q.speaker) : -1, q.start, q.end, q.origin === 'confirmed' ? CONFIRMED : 0], i * 4));
  const channels = doc.channels.map((c) => encodeChannel(c, c.origin, num, actors, links));
  return { id: flat(article), mentions, quotes, channels, claims: doc.claims.length, counts };
}

/** The fast path of `encodeAnnotations` for an engine analysis without sidecar annotations (same result). */
export function encodeAnalysis(article: string, an: Analysis, actors: ActorTable, links: LinkTable): ArticleEntry {
  let infos: Map<string, { name: string; kind: ActorKind }> | undefined;
  const num = (id: string) => {
    const n = actors.numberOf(id);
    if (n !== undefined) return n;
    infos ??= new Map(an.actors.map((a) => [a.id, a]));
    return actors.number(id, infos.get(id));
  };
  const ms = an.mentions;
  const mentions = new Int32Array(ms.length * 4);
  const counts = new Map<number, number>();
  for (let i = 0, k = 0; i < ms.length; i++, k += 4) {
    const m = ms[i];
    const n = num(m.actorId);
    mentions[k] = n;
    mentions[k + 1] = m.start;
    mentions[k + 2] = m.end;
    counts.set(n, (counts.get(n) ?? 0) + 1);
    actors.noteForm(n, m.text);
  }
  const qs = an.quotes;
  const quotes = new Int32Array(qs.length * 4);
  for (let i = 0, k = 0; i < qs.length; i++, k += 4) {
    const q = qs[i];
    quotes[k] = q.speaker ? num(q.speaker.id) : -1;
    quotes[k + 1] = q.start;
    quotes[k + 2] = q.end;
  }
  const channels = an.channels.map((c) => encodeChannel(c, 'suggested', num, actors, links));
  return { id: flat(article), mentions, quotes, channels, claims: 0, counts };
}

type ChannelSource = { type: ChannelType; participants: readonly string[]; via: readonly string[]; start: number; end: number };

function encodeChannel(c: ChannelSource, origin: Origin, num: (id: string) => number, actors: ActorTable, links: LinkTable): ChannelRec {
  const participants = c.participants.map(num);
  const via = c.via.map(num);
  return { type: c.type, participants, via, start: c.start, end: c.end, origin, links: links.linksOf(c.type, participants, via, actors) };
}

// ---------------------------------------------------------------- decoding

const originOf = (flags: number): Origin => (flags & CONFIRMED ? 'confirmed' : 'suggested');

export const mentionCount = (e: ArticleEntry): number => e.mentions.length / 4;
export const quoteCount = (e: ArticleEntry): number => e.quotes.length / 4;

/** Appends the mentions of actor `n` in `e` to `out`, in offset order. */
export function pushMentionsOf(e: ArticleEntry, n: number, confirmedOnly: boolean, out: ReferenceLocation[]): void {
  const m = e.mentions;
  for (let i = 0; i < m.length; i += 4) {
    if (m[i] !== n) continue;
    const confirmed = (m[i + 3] & CONFIRMED) !== 0;
    if (confirmedOnly && !confirmed) continue;
    out.push({ article: e.id, start: m[i + 1], end: m[i + 2], origin: confirmed ? 'confirmed' : 'suggested' });
  }
}

/** Appends the quotes attributed to actor `n` in `e` to `out`. */
export function pushQuotesBy(e: ArticleEntry, n: number, out: ReferenceLocation[]): void {
  const q = e.quotes;
  for (let i = 0; i < q.length; i += 4) if (q[i] === n) out.push({ article: e.id, start: q[i + 1], end: q[i + 2], origin: originOf(q[i + 3]) });
}

/** The mention covering `offset` (start ≤ offset ≤ end), the shortest when several do. */
export function mentionCovering(e: ArticleEntry, offset: number): { actor: number; start: number; end: number; origin: Origin } | undefined {
  const m = e.mentions;
  let best = -1;
  for (let i = 0; i < m.length; i += 4) {
    if (m[i + 1] <= offset && m[i + 2] >= offset && (best < 0 || m[i + 2] - m[i + 1] < m[best + 2] - m[best + 1])) best = i;
  }
  if (best < 0) return undefined;
  return { actor: m[best], start: m[best + 1], end: m[best + 2], origin: originOf(m[best + 3]) };
}

/** actor number → confirmed mentions in `e`. */
export function confirmedCounts(e: ArticleEntry): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < e.mentions.length; i += 4) if (e.mentions[i + 3] & CONFIRMED) counts.set(e.mentions[i], (counts.get(e.mentions[i]) ?? 0) + 1);
  return counts;
}

// ---------------------------------------------------------------- the store

/** The entries by article id, the postings, and the sorted article ids (until the set of articles changes). */
export class ArticleStore {
  private readonly byId = new Map<string, ArticleEntry>();
  /** actor number → article id → mentions. */
  private readonly byActor = new Map<number, Map<string, number>>();
  private sorted: string[] | null = null;

  /** Article id → entry (read-only: change it through `put` and `remove`). */
  entries(): ReadonlyMap<string, ArticleEntry> {
    return this.byId;
  }

  /** Actor number → article id → mentions (read-only). */
  postings(): ReadonlyMap<number, ReadonlyMap<string, number>> {
    return this.byActor;
  }

  /** Article ids in sorted order (the network's mention order); shared, do not change it. */
  sortedIds(): string[] {
    this.sorted ??= [...this.byId.keys()].sort();
    return this.sorted;
  }

  /** Adds or replaces an article's entry (after `remove` of its old one) and its postings. */
  put(e: ArticleEntry): void {
    if (!this.byId.has(e.id)) this.sorted = null;
    this.byId.set(e.id, e);
    for (const [n, c] of e.counts) {
      let p = this.byActor.get(n);
      if (!p) this.byActor.set(n, (p = new Map()));
      p.set(e.id, c);
    }
  }

  /** Drops an article and its postings; false when it was not stored. */
  remove(article: string): boolean {
    const e = this.byId.get(article);
    if (!e) return false;
    for (const [actor] of e.counts) {
      const p = this.byActor.get(actor);
      if (!p) continue;
      p.delete(article);
      if (!p.size) this.byActor.delete(actor);
    }
    this.byId.delete(article);
    this.sorted = null;
    return true;
  }

  clear(): void {
    this.sorted = null;
    this.byId.clear();
    this.byActor.clear();
  }
}
