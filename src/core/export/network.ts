/**
 * The channel network: who talks to whom, through which channel and which intermediaries. The same model is
 * built from exported articles (here) and from the workspace index (src/core/corpus), and is what GraphML, DOT
 * and the network view draw.
 */
import type { ActorKind, ChannelType } from '../types';
import type { ArticleAnnotations, Origin } from './model';
import { channelLinks } from './model';

export interface NetworkNode {
  id: string;
  name: string;
  kind: ActorKind;
  /** Mentions in the articles the network covers. */
  mentions: number;
  /** Articles that mention the actor. */
  articles: number;
}

export interface EdgeMention {
  article: string;
  start: number;
  end: number;
  origin: Origin;
}

export interface NetworkEdge {
  /** Stable key: `type|source|target|via,via`. */
  key: string;
  /** Ids in an undirected edge are ordered (source < target). */
  source: string;
  target: string;
  type: ChannelType;
  /** Intermediaries the channel runs through, in order. */
  via: string[];
  /** Channel mentions behind the edge. */
  count: number;
  mentions: EdgeMention[];
}

export interface ChannelNetwork {
  /** Sorted by mentions (desc), then id. */
  nodes: NetworkNode[];
  /** Sorted by key. */
  edges: NetworkEdge[];
}

export interface NetworkFilter {
  /** Channel types to keep (all when empty/absent). */
  types?: readonly ChannelType[];
  /** Articles to keep (all when empty/absent). */
  articles?: readonly string[];
  /** Keep edges touching one of these actors (as endpoint or intermediary). */
  actors?: readonly string[];
  /** Only confirmed channels. */
  confirmedOnly?: boolean;
  /** Also list actors that take part in no channel (default false). */
  includeIsolated?: boolean;
}

export function edgeKey(type: string, a: string, b: string, via: readonly string[]): { key: string; source: string; target: string } {
  const [source, target] = a <= b ? [a, b] : [b, a];
  return { key: `${type}|${source}|${target}|${via.join(',')}`, source, target };
}

/** Accumulates edges and nodes; used by `buildNetwork` and by the corpus index. */
export class NetworkBuilder {
  private readonly edges = new Map<string, NetworkEdge>();
  private readonly nodes = new Map<string, NetworkNode>();

  private readonly types?: ReadonlySet<string>;
  private readonly articles?: ReadonlySet<string>;
  private readonly actors?: ReadonlySet<string>;

  constructor(private readonly filter: NetworkFilter = {}) {
    if (filter.types?.length) this.types = new Set(filter.types);
    if (filter.articles?.length) this.articles = new Set(filter.articles);
    if (filter.actors?.length) this.actors = new Set(filter.actors);
  }

  keepChannel(type: ChannelType, origin: Origin, article: string, actors: readonly string[]): boolean {
    if (this.types && !this.types.has(type)) return false;
    if (this.filter.confirmedOnly && origin !== 'confirmed') return false;
    if (this.articles && !this.articles.has(article)) return false;
    if (this.actors && !actors.some((a) => this.actors!.has(a))) return false;
    return true;
  }

  addChannel(article: string, c: { type: ChannelType; participants: readonly string[]; via: readonly string[]; start: number; end: number; origin: Origin }): void {
    for (const l of channelLinks(c)) {
      if (!this.keepChannel(c.type, c.origin, article, [l.source, l.target, ...l.via])) continue;
      const k = edgeKey(c.type, l.source, l.target, l.via);
      let e = this.edges.get(k.key);
      if (!e) {
        e = { key: k.key, source: k.source, target: k.target, type: c.type, via: l.via, count: 0, mentions: [] };
        this.edges.set(k.key, e);
      }
      e.count++;
      e.mentions.push({ article, start: c.start, end: c.end, origin: c.origin });
    }
  }

  /** Adds mentions of an actor in an article (the node's size). */
  addMentions(info: { id: string; name: string; kind: ActorKind }, count: number): void {
    let n = this.nodes.get(info.id);
    if (!n) {
      n = { id: info.id, name: info.name, kind: info.kind, mentions: 0, articles: 0 };
      this.nodes.set(info.id, n);
    }
    n.mentions += count;
    if (count > 0) n.articles++;
  }

  wantsArticle(article: string): boolean {
    return !this.articles || this.articles.has(article);
  }

  finish(describe: (id: string) => { name: string; kind: ActorKind }): ChannelNetwork {
    const inEdges = new Set<string>();
    for (const e of this.edges.values()) {
      inEdges.add(e.source);
      inEdges.add(e.target);
      e.via.forEach((v) => inEdges.add(v));
    }
    const nodes: NetworkNode[] = [];
    for (const id of inEdges) {
      const n = this.nodes.get(id);
      if (n) nodes.push(n);
      else {
        const d = describe(id);
        nodes.push({ id, name: d.name, kind: d.kind, mentions: 0, articles: 0 });
      }
    }
    if (this.filter.includeIsolated) for (const n of this.nodes.values()) if (!inEdges.has(n.id)) nodes.push(n);
    nodes.sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const edges = [...this.edges.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const e of edges) e.mentions.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start));
    return { nodes, edges };
  }
}

/** The channel network of a set of exported articles. */
export function buildNetwork(docs: readonly ArticleAnnotations[], filter: NetworkFilter = {}): ChannelNetwork {
  const b = new NetworkBuilder(filter);
  const actors = new Map<string, { name: string; kind: ActorKind }>();
  for (const d of docs) {
    for (const a of d.actors.values()) if (!actors.has(a.id)) actors.set(a.id, a);
    for (const c of d.channels) b.addChannel(d.article, c);
    if (!b.wantsArticle(d.article)) continue;
    const counts = new Map<string, number>();
    for (const m of d.mentions) if (!filter.confirmedOnly || m.origin === 'confirmed') counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
    for (const [id, n] of counts) b.addMentions({ id, ...(actors.get(id) ?? { name: id, kind: 'person' }) }, n);
  }
  return b.finish((id) => actors.get(id) ?? { name: id, kind: 'person' });
}
