/**
 * The workspace index: every article's actor mentions, quotes and channels (engine suggestions merged with the
 * confirmed sidecar annotations), kept compact and updated one article at a time.
 *
 * - Pure: no editor, no file system. The extension (or the CLI) reads files, runs the engine — on a worker if it
 *   wants, an `Analysis` is plain data — and calls `update`; `buildCorpusIndex` (build.ts) feeds it in chunks
 *   with cancellation and yields between chunks.
 * - Incremental: `update`/`remove` touch only that article's entries and the postings of the actors it mentions.
 * - Compact: per article, mentions are packed in an Int32Array (actor number, start, end, flags); no article text
 *   is kept. Offsets are UTF-16 code units (the editor's).
 */
import { channelLinks, collectAnnotations, type ArticleAnnotations, type Origin } from '../export/model';
import { edgeKey, type ChannelNetwork, type EdgeMention, type NetworkEdge, type NetworkFilter, type NetworkNode } from '../export/network';
import type { Annotation } from '../store/model';
import { fold } from '../text';
import type { ActorEntry, ActorKind, Analysis, ChannelType } from '../types';

export { buildCorpusIndex, type BuildOptions, type BuildResult, type CancellationLike, type CorpusSource } from './build';

export interface CorpusActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** Registry aliases and (up to a few) other surface forms seen in the corpus. */
  aliases: string[];
  wikidata?: string;
  /** In the registry (true) or only introduced by a text. */
  known: boolean;
}

export interface ReferenceLocation {
  article: string;
  start: number;
  end: number;
  origin: Origin;
}

export interface ActorHit {
  actor: CorpusActor;
  /** Mentions across the corpus. */
  mentions: number;
  /** Articles mentioning the actor. */
  articles: number;
}

export interface ArticleCounts {
  article: string;
  actors: number;
  mentions: number;
  quotes: number;
  channels: number;
  claims: number;
  /** Mentions per actor, most first. */
  byActor: Array<{ id: string; count: number }>;
}

/** What `update` takes: article text (needs `analyze`), an engine analysis, or already merged annotations. */
export type ArticleInput = string | Analysis | ArticleAnnotations;

export interface CorpusIndexOptions {
  /** The engine, for `update(id, text)`. */
  analyze?: (text: string) => Analysis;
  /** Registry entries: names, kinds, aliases for look-up, Wikidata ids. */
  registry?: readonly ActorEntry[];
  /** Surface forms kept per actor for look-up (besides registry aliases). Default 8. */
  maxSurfaceForms?: number;
}

const CONFIRMED = 1;

interface ChannelRec {
  type: ChannelType;
  participants: number[];
  via: number[];
  start: number;
  end: number;
  origin: Origin;
  /**
   * The network links of this channel (numbers into `CorpusIndex.links`), computed once when it is indexed:
   * a number for the usual single link, an array for more (no typed array per channel: too much overhead).
   */
  links: number | number[];
}

/** One distinct link of the network (an edge key): computed once, shared by every channel mention behind it. */
interface LinkDef {
  key: string;
  type: ChannelType;
  source: string;
  target: string;
  via: string[];
  /** Actor numbers touching the link (endpoints and intermediaries), for the actor filter. */
  actors: number[];
}

interface ArticleEntry {
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

export class CorpusIndex {
  private readonly actors: CorpusActor[] = [];
  private readonly actorNo = new Map<string, number>();
  private readonly articlesById = new Map<string, ArticleEntry>();
  /** actor number → article id → mentions. */
  private readonly postings = new Map<number, Map<string, number>>();
  private readonly analyzeText?: (text: string) => Analysis;
  private readonly registry = new Map<string, ActorEntry>();
  private readonly maxForms: number;
  private lookupKeys: Array<[string, number]> | null = null;
  private readonly networkCache = new Map<string, ChannelNetwork>();
  /** Every distinct link seen (never shrinks; a few per actor pair), and key → number. */
  private readonly links: LinkDef[] = [];
  private readonly linkNo = new Map<string, number>();
  /** Article ids in sorted order (the network's mention order), until the set of articles changes. */
  private sortedIds: string[] | null = null;

  constructor(options: CorpusIndexOptions = {}) {
    this.analyzeText = options.analyze;
    this.maxForms = options.maxSurfaceForms ?? 8;
    if (options.registry) this.setRegistry(options.registry);
  }

  /** Replaces the registry used for names, kinds, aliases and Wikidata ids (indexed articles are kept). */
  setRegistry(entries: readonly ActorEntry[]): void {
    this.registry.clear();
    this.networkCache.clear();
    for (const e of entries) {
      this.registry.set(e.id, e);
      const n = this.actorNo.get(e.id);
      if (n !== undefined) this.actors[n] = fromEntry(e);
    }
    this.lookupKeys = null;
  }

  get size(): number {
    return this.articlesById.size;
  }

  has(article: string): boolean {
    return this.articlesById.has(article);
  }

  articles(): string[] {
    return [...this.articlesById.keys()];
  }

  /**
   * Indexes (or re-indexes) one article. `annotations` are its sidecar annotations: confirmed ones are added,
   * rejected ones hide the suggestion at the same span. Touches only this article's entries.
   */
  update(article: string, input: ArticleInput, annotations?: readonly Annotation[], options: { confirmedOnly?: boolean } = {}): void {
    let analysis: Analysis;
    if (typeof input === 'string') {
      if (!this.analyzeText) throw new Error('CorpusIndex: update with text needs the `analyze` option');
      analysis = this.analyzeText(input);
    } else if (isArticleAnnotations(input)) {
      this.remove(article);
      this.add(article, input);
      return;
    } else analysis = input;
    this.remove(article);
    // Most articles have no sidecar: index the analysis directly (no merged copy to build).
    if (!annotations?.length && !options.confirmedOnly) this.addAnalysis(article, analysis);
    else this.add(article, this.collect(article, analysis, annotations, options.confirmedOnly));
  }

  /** Drops an article; false when it was not indexed. */
  remove(article: string): boolean {
    const e = this.articlesById.get(article);
    if (!e) return false;
    this.networkCache.clear();
    for (const [actor] of e.counts) {
      const p = this.postings.get(actor);
      if (!p) continue;
      p.delete(article);
      if (!p.size) this.postings.delete(actor);
    }
    this.articlesById.delete(article);
    this.sortedIds = null;
    return true;
  }

  clear(): void {
    this.networkCache.clear();
    this.sortedIds = null;
    this.articlesById.clear();
    this.postings.clear();
  }

  actor(id: string): CorpusActor | undefined {
    const n = this.actorNo.get(id);
    if (n !== undefined) return this.actors[n];
    const e = this.registry.get(id);
    return e && fromEntry(e);
  }

  /** Every mention of an actor across the corpus (Find All References), by article then offset. */
  references(actorId: string, options: { confirmedOnly?: boolean; articles?: readonly string[] } = {}): ReferenceLocation[] {
    const n = this.actorNo.get(actorId);
    const p = n === undefined ? undefined : this.postings.get(n);
    if (!p) return [];
    const ids = options.articles ? options.articles.filter((a) => p.has(a)) : [...p.keys()].sort();
    const out: ReferenceLocation[] = [];
    for (const article of ids) {
      const m = this.articlesById.get(article)!.mentions;
      for (let i = 0; i < m.length; i += 4) {
        if (m[i] !== n) continue;
        const confirmed = (m[i + 3] & CONFIRMED) !== 0;
        if (options.confirmedOnly && !confirmed) continue;
        out.push({ article, start: m[i + 1], end: m[i + 2], origin: confirmed ? 'confirmed' : 'suggested' });
      }
    }
    return out;
  }

  /** The actor mention covering `offset` in an article (start ≤ offset ≤ end), the shortest when several do. */
  mentionAt(article: string, offset: number): (ReferenceLocation & { actorId: string }) | undefined {
    const m = this.articlesById.get(article)?.mentions;
    if (!m) return undefined;
    let best = -1;
    for (let i = 0; i < m.length; i += 4) {
      if (m[i + 1] <= offset && m[i + 2] >= offset && (best < 0 || m[i + 2] - m[i + 1] < m[best + 2] - m[best + 1])) best = i;
    }
    if (best < 0) return undefined;
    return { actorId: this.actors[m[best]].id, article, start: m[best + 1], end: m[best + 2], origin: m[best + 3] & CONFIRMED ? 'confirmed' : 'suggested' };
  }

  /** Articles mentioning an actor with their mention counts (the workspace scope of the Actors view). */
  articlesOf(actorId: string): Array<{ article: string; count: number }> {
    const n = this.actorNo.get(actorId);
    const p = n === undefined ? undefined : this.postings.get(n);
    if (!p) return [];
    return [...p].map(([article, count]) => ({ article, count })).sort((a, b) => b.count - a.count || (a.article < b.article ? -1 : 1));
  }

  /** Every actor mentioned in the corpus with totals, most mentioned first. */
  actorTotals(): ActorHit[] {
    const out: ActorHit[] = [];
    for (const [n, p] of this.postings) out.push(this.hit(n, p));
    return out.sort((a, b) => b.mentions - a.mentions || (a.actor.id < b.actor.id ? -1 : 1));
  }

  /**
   * Actors whose name, an alias, or a word of one starts with `query` (case and diacritics ignored), for
   * Workspace Symbols. Only actors mentioned in the corpus unless `includeUnmentioned`. Most mentioned first.
   */
  findActors(query: string, options: { limit?: number; includeUnmentioned?: boolean } = {}): ActorHit[] {
    const limit = options.limit ?? 100;
    const q = fold(query.trim());
    const keys = this.keys();
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid][0] < q) lo = mid + 1;
      else hi = mid;
    }
    const found = new Set<number>();
    for (let i = lo; i < keys.length && keys[i][0].startsWith(q); i++) found.add(keys[i][1]);
    const hits: ActorHit[] = [];
    for (const n of found) {
      const p = this.postings.get(n);
      if (!p && !options.includeUnmentioned) continue;
      hits.push(this.hit(n, p));
    }
    hits.sort((a, b) => b.mentions - a.mentions || (a.actor.name < b.actor.name ? -1 : 1));
    return hits.slice(0, limit);
  }

  /** Counts for one article (the status bar, the Actors view). */
  counts(article: string): ArticleCounts | undefined {
    const e = this.articlesById.get(article);
    if (!e) return undefined;
    const byActor = [...e.counts].map(([n, count]) => ({ id: this.actors[n].id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
    return { article, actors: e.counts.size, mentions: e.mentions.length / 4, quotes: e.quotes.length / 4, channels: e.channels.length, claims: e.claims, byActor };
  }

  /** Quotes attributed to an actor across the corpus. */
  quotesBy(actorId: string): ReferenceLocation[] {
    const n = this.actorNo.get(actorId);
    if (n === undefined) return [];
    const out: ReferenceLocation[] = [];
    for (const article of [...this.articlesById.keys()].sort()) {
      const q = this.articlesById.get(article)!.quotes;
      for (let i = 0; i < q.length; i += 4) if (q[i] === n) out.push({ article, start: q[i + 1], end: q[i + 2], origin: q[i + 3] & CONFIRMED ? 'confirmed' : 'suggested' });
    }
    return out;
  }

  /**
   * The channel network over the corpus (or the filtered part of it). The last few results are cached until the
   * next update, so a view asking again (a redraw, a toggled filter coming back) gets them at once; treat them
   * as read-only.
   */
  network(filter: NetworkFilter = {}): ChannelNetwork {
    const key = JSON.stringify([filter.types, filter.articles, filter.actors, !!filter.confirmedOnly, !!filter.includeIsolated]);
    const hit = this.networkCache.get(key);
    if (hit) return hit;
    const net = this.computeNetwork(filter);
    if (this.networkCache.size >= 8) this.networkCache.delete(this.networkCache.keys().next().value!);
    this.networkCache.set(key, net);
    return net;
  }

  /**
   * The network from the links computed at indexing time: no per-call pair building, key strings or id
   * mapping. Same result as `NetworkBuilder` over the merged articles (test/unit/corpus checks both).
   */
  private computeNetwork(filter: NetworkFilter): ChannelNetwork {
    const types = filter.types?.length ? new Set<string>(filter.types) : undefined;
    const wanted = filter.articles?.length ? new Set(filter.articles) : undefined;
    let actorSet: Set<number> | undefined;
    if (filter.actors?.length) {
      actorSet = new Set();
      for (const id of filter.actors) {
        const n = this.actorNo.get(id);
        if (n !== undefined) actorSet.add(n);
      }
    }
    const confirmedOnly = !!filter.confirmedOnly;
    const edges = new Map<number, NetworkEdge>();
    const keepLink = new Map<number, boolean>();
    const ids = wanted ? [...wanted].filter((a) => this.articlesById.has(a)).sort() : this.sortedArticleIds();
    const nodeCounts = new Map<number, { mentions: number; articles: number }>();
    const fromArticles = !!wanted || confirmedOnly;
    for (const article of ids) {
      const e = this.articlesById.get(article)!;
      for (const c of e.channels) {
        if (types && !types.has(c.type)) continue;
        if (confirmedOnly && c.origin !== 'confirmed') continue;
        const ls = c.links;
        const nl = typeof ls === 'number' ? (ls < 0 ? 0 : 1) : ls.length;
        for (let i = 0; i < nl; i++) {
          const l = typeof ls === 'number' ? ls : ls[i];
          if (actorSet) {
            let keep = keepLink.get(l);
            if (keep === undefined) keepLink.set(l, (keep = this.links[l].actors.some((n) => actorSet.has(n))));
            if (!keep) continue;
          }
          let edge = edges.get(l);
          if (!edge) {
            const d = this.links[l];
            edge = { key: d.key, source: d.source, target: d.target, type: d.type, via: [...d.via], count: 0, mentions: [] };
            edges.set(l, edge);
          }
          edge.count++;
          edge.mentions.push({ article, start: c.start, end: c.end, origin: c.origin });
        }
      }
      if (!fromArticles) continue;
      if (confirmedOnly) {
        const counts = new Map<number, number>();
        for (let i = 0; i < e.mentions.length; i += 4) if (e.mentions[i + 3] & CONFIRMED) counts.set(e.mentions[i], (counts.get(e.mentions[i]) ?? 0) + 1);
        for (const [n, k] of counts) addCount(nodeCounts, n, k);
      } else for (const [n, k] of e.counts) addCount(nodeCounts, n, k);
    }
    const countsOf = (n: number) => {
      if (fromArticles) return nodeCounts.get(n);
      const p = this.postings.get(n);
      if (!p) return undefined;
      let m = 0;
      for (const k of p.values()) m += k;
      return { mentions: m, articles: p.size };
    };
    const node = (n: number): NetworkNode => {
      const a = this.actors[n];
      const k = countsOf(n);
      return { id: a.id, name: a.name, kind: a.kind, mentions: k?.mentions ?? 0, articles: k?.articles ?? 0 };
    };
    const inEdges = new Set<number>();
    for (const l of edges.keys()) for (const n of this.links[l].actors) inEdges.add(n);
    const nodes: NetworkNode[] = [...inEdges].map(node);
    if (filter.includeIsolated) {
      const rest = fromArticles ? [...nodeCounts.keys()] : [...this.postings.keys()];
      for (const n of rest) if (!inEdges.has(n)) nodes.push(node(n));
    }
    nodes.sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const list = [...edges.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // Articles were visited in sorted order and channels are sorted by start: mentions are in order already,
    // except where one article has channels out of order (then that edge is sorted).
    for (const e of list) if (!isSorted(e.mentions)) e.mentions.sort(byArticleStart);
    return { nodes, edges: list };
  }

  private sortedArticleIds(): string[] {
    this.sortedIds ??= [...this.articlesById.keys()].sort();
    return this.sortedIds;
  }

  /** Link numbers of a channel (interned by edge key). */
  private linksOf(type: ChannelType, participants: readonly number[], via: readonly number[]): number | number[] {
    const id = (n: number) => this.actors[n].id;
    const ls = channelLinks({ participants: participants.map(id), via: via.map(id) });
    const out: number[] = [];
    ls.forEach((l) => {
      const k = edgeKey(type, l.source, l.target, l.via);
      let no = this.linkNo.get(k.key);
      if (no === undefined) {
        no = this.links.length;
        const actors = [...new Set([k.source, k.target, ...l.via].map((x) => this.actorNo.get(x)!))];
        this.links.push({ key: flat(k.key), type, source: k.source, target: k.target, via: l.via, actors });
        this.linkNo.set(this.links[no].key, no);
      }
      out.push(no);
    });
    return out.length === 0 ? -1 : out.length === 1 ? out[0] : out;
  }

  // ---------------------------------------------------------------- internals

  private collect(article: string, analysis: Analysis, annotations: readonly Annotation[] | undefined, confirmedOnly?: boolean): ArticleAnnotations {
    return collectAnnotations({ article, analysis, annotations, confirmedOnly, lookup: (id) => this.registry.get(id) });
  }

  private hit(n: number, p: Map<string, number> | undefined): ActorHit {
    let mentions = 0;
    if (p) for (const c of p.values()) mentions += c;
    return { actor: this.actors[n], mentions, articles: p?.size ?? 0 };
  }

  private number(id: string, info: { name: string; kind: ActorKind } | undefined): number {
    let n = this.actorNo.get(id);
    if (n === undefined) {
      n = this.actors.length;
      const entry = this.registry.get(id);
      this.actors.push(entry ? fromEntry(entry) : { id: flat(id), name: flat(info?.name ?? id), kind: info?.kind ?? 'person', aliases: [], known: false });
      this.actorNo.set(this.actors[n].id, n);
      this.lookupKeys = null;
    }
    return n;
  }

  private add(article: string, doc: ArticleAnnotations): void {
    const num = (id: string) => this.number(id, doc.actors.get(id));
    const mentions = new Int32Array(doc.mentions.length * 4);
    const counts = new Map<number, number>();
    doc.mentions.forEach((m, i) => {
      const n = num(m.actorId);
      mentions.set([n, m.start, m.end, m.origin === 'confirmed' ? CONFIRMED : 0], i * 4);
      counts.set(n, (counts.get(n) ?? 0) + 1);
      this.noteForm(n, m.text);
    });
    const quotes = new Int32Array(doc.quotes.length * 4);
    doc.quotes.forEach((q, i) => quotes.set([q.speaker ? num(q.speaker) : -1, q.start, q.end, q.origin === 'confirmed' ? CONFIRMED : 0], i * 4));
    const channels = doc.channels.map((c): ChannelRec => {
      const participants = c.participants.map(num);
      const via = c.via.map(num);
      return { type: c.type, participants, via, start: c.start, end: c.end, origin: c.origin, links: this.linksOf(c.type, participants, via) };
    });
    this.store(article, mentions, quotes, channels, doc.claims.length, counts);
  }

  /** The fast path of `add` for an engine analysis without sidecar annotations (same result). */
  private addAnalysis(article: string, an: Analysis): void {
    let infos: Map<string, { name: string; kind: ActorKind }> | undefined;
    const num = (id: string) => {
      const n = this.actorNo.get(id);
      if (n !== undefined) return n;
      infos ??= new Map(an.actors.map((a) => [a.id, a]));
      return this.number(id, infos.get(id));
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
      this.noteForm(n, m.text);
    }
    const qs = an.quotes;
    const quotes = new Int32Array(qs.length * 4);
    for (let i = 0, k = 0; i < qs.length; i++, k += 4) {
      const q = qs[i];
      quotes[k] = q.speaker ? num(q.speaker.id) : -1;
      quotes[k + 1] = q.start;
      quotes[k + 2] = q.end;
    }
    const channels = an.channels.map((c): ChannelRec => {
      const participants = c.participants.map(num);
      const via = c.via.map(num);
      return { type: c.type, participants, via, start: c.start, end: c.end, origin: 'suggested', links: this.linksOf(c.type, participants, via) };
    });
    this.store(article, mentions, quotes, channels, 0, counts);
  }

  private store(article: string, mentions: Int32Array, quotes: Int32Array, channels: ChannelRec[], claims: number, counts: Map<number, number>): void {
    const id = flat(article);
    this.networkCache.clear();
    if (!this.articlesById.has(id)) this.sortedIds = null;
    this.articlesById.set(id, { id, mentions, quotes, channels, claims, counts });
    for (const [n, c] of counts) {
      let p = this.postings.get(n);
      if (!p) this.postings.set(n, (p = new Map()));
      p.set(id, c);
    }
  }

  /** Remembers a surface form of an actor's name for look-up (a few per actor). */
  private noteForm(n: number, text: string): void {
    const a = this.actors[n];
    if (!text || text === a.name || text === a.id || a.aliases.length >= this.maxForms + (this.registry.get(a.id)?.aliases.length ?? 0)) return;
    if (a.aliases.includes(text)) return;
    a.aliases.push(flat(text));
    this.lookupKeys = null;
  }

  private keys(): Array<[string, number]> {
    if (this.lookupKeys) return this.lookupKeys;
    const keys: Array<[string, number]> = [];
    const seen = new Set<string>();
    const addAll = (n: number, name: string) => {
      const f = fold(name);
      // the whole name and every word start in it ("lavrov" finds "Sergey Lavrov")
      for (let i = 0; i < f.length; i++) {
        if (i > 0 && !/[\s\-'.]/.test(f[i - 1])) continue;
        if (/[\s\-'.]/.test(f[i])) continue;
        const k = f.slice(i);
        const key = k + '\u0000' + n;
        if (seen.has(key)) continue;
        seen.add(key);
        keys.push([k, n]);
      }
    };
    for (const e of this.registry.values()) if (!this.actorNo.has(e.id)) this.number(e.id, e);
    this.actors.forEach((a, n) => {
      addAll(n, a.name);
      addAll(n, a.id);
      a.aliases.forEach((x) => addAll(n, x));
    });
    keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.lookupKeys = keys;
    return keys;
  }
}

function addCount(m: Map<number, { mentions: number; articles: number }>, n: number, k: number): void {
  const c = m.get(n);
  if (c) {
    c.mentions += k;
    if (k > 0) c.articles++;
  } else m.set(n, { mentions: k, articles: k > 0 ? 1 : 0 });
}

function byArticleStart(a: EdgeMention, b: EdgeMention): number {
  return a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start;
}

function isSorted(ms: readonly EdgeMention[]): boolean {
  for (let i = 1; i < ms.length; i++) if (byArticleStart(ms[i - 1], ms[i]) > 0) return false;
  return true;
}

function fromEntry(e: ActorEntry): CorpusActor {
  const a: CorpusActor = { id: e.id, name: e.name, kind: e.kind, aliases: [...e.aliases], known: true };
  if (e.wikidata) a.wikidata = e.wikidata;
  return a;
}

function isArticleAnnotations(x: Analysis | ArticleAnnotations): x is ArticleAnnotations {
  return (x as ArticleAnnotations).claims !== undefined && (x as ArticleAnnotations).actors instanceof Map;
}

/**
 * A copy of a short string that does not keep a larger one alive: V8 may represent `text.slice(...)` as a view
 * into the whole article, and the index must not retain 50 MB of articles through a few names.
 */
function flat(s: string): string {
  return s.length < 13 ? s : s.split('').join('');
}
