/**
 * `CorpusIndex`, the workspace index: every article's actor mentions, quotes and channels (engine suggestions
 * merged with the confirmed sidecar annotations), kept compact and updated one article at a time. The class
 * composes the parts and answers the queries (references, counts, findActors / Workspace Symbols, the network):
 * - actors.ts numbers actors and keeps their names, registry entries and look-up keys (search.ts);
 * - storage.ts encodes each article into packed arrays and keeps them with the postings;
 * - network.ts interns channel links at indexing time and builds the network from them.
 *
 * - Pure: no editor, no file system. The extension (or the CLI) reads files, runs the engine — on a worker if it
 *   wants, an `Analysis` is plain data — and calls `update`; `buildCorpusIndex` (build.ts) feeds it in chunks
 *   with cancellation and yields between chunks.
 * - Incremental: `update`/`remove` touch only that article's entries and the postings of the actors it mentions.
 */
import { collectAnnotations, type ArticleAnnotations } from '../export/model';
import type { ChannelNetwork, NetworkFilter } from '../export/network';
import type { Annotation } from '../store/model';
import type { ActorEntry, Analysis } from '../types';
import { ActorTable } from './actors';
import { computeNetwork, LinkTable } from './network';
import { actorsWithPrefix } from './search';
import {
  ArticleStore,
  encodeAnalysis,
  encodeAnnotations,
  mentionCount,
  mentionCovering,
  pushMentionsOf,
  pushQuotesBy,
  quoteCount,
  type ArticleEntry,
} from './storage';
import type { ActorHit, ArticleCounts, ArticleInput, CorpusActor, CorpusIndexOptions, ReferenceLocation } from './types';

export class CorpusIndex {
  private readonly actors: ActorTable;
  private readonly store = new ArticleStore();
  private readonly links = new LinkTable();
  private readonly analyzeText?: (text: string) => Analysis;
  /** The last few networks asked for, until the next change. */
  private readonly networkCache = new Map<string, ChannelNetwork>();

  constructor(options: CorpusIndexOptions = {}) {
    this.analyzeText = options.analyze;
    this.actors = new ActorTable(options.maxSurfaceForms ?? 8);
    if (options.registry) this.setRegistry(options.registry);
  }

  /** Replaces the registry used for names, kinds, aliases and Wikidata ids (indexed articles are kept). */
  setRegistry(entries: readonly ActorEntry[]): void {
    this.networkCache.clear();
    this.actors.setRegistry(entries);
  }

  get size(): number {
    return this.store.entries().size;
  }

  has(article: string): boolean {
    return this.store.entries().has(article);
  }

  articles(): string[] {
    return [...this.store.entries().keys()];
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
      this.put(encodeAnnotations(article, input, this.actors, this.links));
      return;
    } else analysis = input;
    this.remove(article);
    // Most articles have no sidecar: index the analysis directly (no merged copy to build).
    if (!annotations?.length && !options.confirmedOnly) this.put(encodeAnalysis(article, analysis, this.actors, this.links));
    else this.put(encodeAnnotations(article, this.collect(article, analysis, annotations, options.confirmedOnly), this.actors, this.links));
  }

  /** Drops an article; false when it was not indexed. */
  remove(article: string): boolean {
    if (!this.store.entries().has(article)) return false;
    this.networkCache.clear();
    return this.store.remove(article);
  }

  clear(): void {
    this.networkCache.clear();
    this.store.clear();
  }

  actor(id: string): CorpusActor | undefined {
    return this.actors.byId(id);
  }

  /** Every mention of an actor across the corpus (Find All References), by article then offset. */
  references(actorId: string, options: { confirmedOnly?: boolean; articles?: readonly string[] } = {}): ReferenceLocation[] {
    const n = this.actors.numberOf(actorId);
    const p = n === undefined ? undefined : this.store.postings().get(n);
    if (!p) return [];
    const ids = options.articles ? options.articles.filter((a) => p.has(a)) : [...p.keys()].sort();
    const entries = this.store.entries();
    const out: ReferenceLocation[] = [];
    for (const article of ids) pushMentionsOf(entries.get(article)!, n!, !!options.confirmedOnly, out);
    return out;
  }

  /** The actor mention covering `offset` in an article (start ≤ offset ≤ end), the shortest when several do. */
  mentionAt(article: string, offset: number): (ReferenceLocation & { actorId: string }) | undefined {
    const e = this.store.entries().get(article);
    const m = e && mentionCovering(e, offset);
    if (!m) return undefined;
    return { actorId: this.actors.get(m.actor).id, article, start: m.start, end: m.end, origin: m.origin };
  }

  /** Articles mentioning an actor with their mention counts (the workspace scope of the Actors view). */
  articlesOf(actorId: string): Array<{ article: string; count: number }> {
    const n = this.actors.numberOf(actorId);
    const p = n === undefined ? undefined : this.store.postings().get(n);
    if (!p) return [];
    return [...p].map(([article, count]) => ({ article, count })).sort((a, b) => b.count - a.count || (a.article < b.article ? -1 : 1));
  }

  /** Every actor mentioned in the corpus with totals, most mentioned first. */
  actorTotals(): ActorHit[] {
    const out: ActorHit[] = [];
    for (const [n, p] of this.store.postings()) out.push(this.hit(n, p));
    return out.sort((a, b) => b.mentions - a.mentions || (a.actor.id < b.actor.id ? -1 : 1));
  }

  /**
   * Actors whose name, an alias, or a word of one starts with `query` (case and diacritics ignored), for
   * Workspace Symbols. Only actors mentioned in the corpus unless `includeUnmentioned`. Most mentioned first.
   */
  findActors(query: string, options: { limit?: number; includeUnmentioned?: boolean } = {}): ActorHit[] {
    const limit = options.limit ?? 100;
    const found = actorsWithPrefix(this.actors.lookupKeys(), query);
    const postings = this.store.postings();
    const hits: ActorHit[] = [];
    for (const n of found) {
      const p = postings.get(n);
      if (!p && !options.includeUnmentioned) continue;
      hits.push(this.hit(n, p));
    }
    hits.sort((a, b) => b.mentions - a.mentions || (a.actor.name < b.actor.name ? -1 : 1));
    return hits.slice(0, limit);
  }

  /** Counts for one article (the status bar, the Actors view). */
  counts(article: string): ArticleCounts | undefined {
    const e = this.store.entries().get(article);
    if (!e) return undefined;
    const byActor = [...e.counts].map(([n, count]) => ({ id: this.actors.get(n).id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
    return { article, actors: e.counts.size, mentions: mentionCount(e), quotes: quoteCount(e), channels: e.channels.length, claims: e.claims, byActor };
  }

  /** Quotes attributed to an actor across the corpus. */
  quotesBy(actorId: string): ReferenceLocation[] {
    const n = this.actors.numberOf(actorId);
    if (n === undefined) return [];
    const entries = this.store.entries();
    const out: ReferenceLocation[] = [];
    for (const article of [...entries.keys()].sort()) pushQuotesBy(entries.get(article)!, n, out);
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
    const net = computeNetwork(filter, this.store, this.actors, this.links);
    if (this.networkCache.size >= 8) this.networkCache.delete(this.networkCache.keys().next().value!);
    this.networkCache.set(key, net);
    return net;
  }

  // ---------------------------------------------------------------- internals

  private put(e: ArticleEntry): void {
    this.networkCache.clear();
    this.store.put(e);
  }

  private collect(article: string, analysis: Analysis, annotations: readonly Annotation[] | undefined, confirmedOnly?: boolean): ArticleAnnotations {
    return collectAnnotations({ article, analysis, annotations, confirmedOnly, lookup: (id) => this.actors.entry(id) });
  }

  private hit(n: number, p: ReadonlyMap<string, number> | undefined): ActorHit {
    let mentions = 0;
    if (p) for (const c of p.values()) mentions += c;
    return { actor: this.actors.get(n), mentions, articles: p?.size ?? 0 };
  }
}

function isArticleAnnotations(x: Analysis | ArticleAnnotations): x is ArticleAnnotations {
  return (x as ArticleAnnotations).claims !== undefined && (x as ArticleAnnotations).actors instanceof Map;
}
