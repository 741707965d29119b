/**
 * The channel network of the workspace index. Each distinct link (an edge key: type, the two endpoints, the
 * intermediaries) is interned once in a `LinkTable` when a channel is indexed, so that `computeNetwork` only
 * walks the stored channels and counts: no per-call pair building, key strings or id mapping. The result is
 * the same as `NetworkBuilder` (src/core/export/network.ts) over the merged articles; test/unit/corpus checks
 * both.
 */
import { channelLinks } from '../export/model';
import { edgeKey, type ChannelNetwork, type EdgeMention, type NetworkEdge, type NetworkFilter, type NetworkNode } from '../export/network';
import type { ChannelType } from '../types';
import type { ActorTable } from './actors';
import { flat } from './flat';
import { confirmedCounts, type ArticleStore } from './storage';

/** One distinct link of the network (an edge key): computed once, shared by every channel mention behind it. */
export interface LinkDef {
  key: string;
  type: ChannelType;
  source: string;
  target: string;
  via: string[];
  /** Actor numbers touching the link (endpoints and intermediaries), for the actor filter. */
  actors: number[];
}

/** Every distinct link seen (never shrinks; a few per actor pair), numbered, and key → number. */
export class LinkTable {
  private readonly defs: LinkDef[] = [];
  private readonly numbers = new Map<string, number>();

  get(l: number): LinkDef {
    return this.defs[l];
  }

  /** Link numbers of a channel (interned by edge key): -1 for none, a number for one, an array for more. */
  linksOf(type: ChannelType, participants: readonly number[], via: readonly number[], actors: ActorTable): number | number[] {
    const id = (n: number) => actors.get(n).id;
    const ls = channelLinks({ participants: participants.map(id), via: via.map(id) });
    const out: number[] = [];
    ls.forEach((l) => {
      const k = edgeKey(type, l.source, l.target, l.via);
      let no = this.numbers.get(k.key);
      if (no === undefined) {
        no = this.defs.length;
        const touching = [...new Set([k.source, k.target, ...l.via].map((x) => actors.numberOf(x)!))];
        this.defs.push({ key: flat(k.key), type, source: k.source, target: k.target, via: l.via, actors: touching });
        this.numbers.set(this.defs[no].key, no);
      }
      out.push(no);
    });
    return out.length === 0 ? -1 : out.length === 1 ? out[0] : out;
  }
}

type NodeCounts = Map<number, { mentions: number; articles: number }>;

/** The channel network over the stored articles (or the filtered part of them), from the interned links. */
export function computeNetwork(filter: NetworkFilter, store: ArticleStore, actors: ActorTable, links: LinkTable): ChannelNetwork {
  const entries = store.entries();
  const postings = store.postings();
  const types = filter.types?.length ? new Set<string>(filter.types) : undefined;
  const wanted = filter.articles?.length ? new Set(filter.articles) : undefined;
  let actorSet: Set<number> | undefined;
  if (filter.actors?.length) {
    actorSet = new Set();
    for (const id of filter.actors) {
      const n = actors.numberOf(id);
      if (n !== undefined) actorSet.add(n);
    }
  }
  const confirmedOnly = !!filter.confirmedOnly;
  const edges = new Map<number, NetworkEdge>();
  const keepLink = new Map<number, boolean>();
  const ids = wanted ? [...wanted].filter((a) => entries.has(a)).sort() : store.sortedIds();
  const nodeCounts: NodeCounts = new Map();
  const fromArticles = !!wanted || confirmedOnly;
  for (const article of ids) {
    const e = entries.get(article)!;
    for (const c of e.channels) {
      if (types && !types.has(c.type)) continue;
      if (confirmedOnly && c.origin !== 'confirmed') continue;
      const ls = c.links;
      const nl = typeof ls === 'number' ? (ls < 0 ? 0 : 1) : ls.length;
      for (let i = 0; i < nl; i++) {
        const l = typeof ls === 'number' ? ls : ls[i];
        if (actorSet) {
          let keep = keepLink.get(l);
          if (keep === undefined) keepLink.set(l, (keep = links.get(l).actors.some((n) => actorSet.has(n))));
          if (!keep) continue;
        }
        let edge = edges.get(l);
        if (!edge) {
          const d = links.get(l);
          edge = { key: d.key, source: d.source, target: d.target, type: d.type, via: [...d.via], count: 0, mentions: [] };
          edges.set(l, edge);
        }
        edge.count++;
        edge.mentions.push({ article, start: c.start, end: c.end, origin: c.origin });
      }
    }
    if (!fromArticles) continue;
    for (const [n, k] of confirmedOnly ? confirmedCounts(e) : e.counts) addCount(nodeCounts, n, k);
  }
  const countsOf = (n: number) => {
    if (fromArticles) return nodeCounts.get(n);
    const p = postings.get(n);
    if (!p) return undefined;
    let m = 0;
    for (const k of p.values()) m += k;
    return { mentions: m, articles: p.size };
  };
  const node = (n: number): NetworkNode => {
    const a = actors.get(n);
    const k = countsOf(n);
    return { id: a.id, name: a.name, kind: a.kind, mentions: k?.mentions ?? 0, articles: k?.articles ?? 0 };
  };
  const inEdges = new Set<number>();
  for (const l of edges.keys()) for (const n of links.get(l).actors) inEdges.add(n);
  const nodes: NetworkNode[] = [...inEdges].map(node);
  if (filter.includeIsolated) {
    const rest = fromArticles ? [...nodeCounts.keys()] : [...postings.keys()];
    for (const n of rest) if (!inEdges.has(n)) nodes.push(node(n));
  }
  nodes.sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const list = [...edges.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Articles were visited in sorted order and channels are sorted by start: mentions are in order already,
  // except where one article has channels out of order (then that edge is sorted).
  for (const e of list) if (!isSorted(e.mentions)) e.mentions.sort(byArticleStart);
  return { nodes, edges: list };
}

function addCount(m: NodeCounts, n: number, k: number): void {
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
