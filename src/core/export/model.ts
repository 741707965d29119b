/**
 * What every export (and the workspace index) works from: one article's annotations, merged from the engine's
 * suggestions and the user's confirmed sidecar annotations. Plain data; offsets are UTF-16 code-unit indices
 * into the article text, end exclusive (the engine's and the store's offsets).
 */
import type { Annotation } from '../store/model';
import type { ActorEntry, ActorKind, Analysis, ChannelType, MatchKind, TextSpan } from '../types';

/** Where an annotation comes from: an engine suggestion nobody has reviewed, or one the user confirmed. */
export type Origin = 'suggested' | 'confirmed';

export interface ActorInfo {
  id: string;
  name: string;
  kind: ActorKind;
  wikidata?: string;
}

export interface MentionItem extends TextSpan {
  id: string;
  actorId: string;
  origin: Origin;
  match?: MatchKind;
}

export interface QuoteItem extends TextSpan {
  id: string;
  /** direct | scare from the engine; the sidecar also has indirect | partial. */
  kind: string;
  /** Actor id of the speaker, or null. */
  speaker: string | null;
  /** The cue text ("said"), or null. */
  cue: string | null;
  origin: Origin;
}

export interface ChannelItem extends TextSpan {
  id: string;
  type: ChannelType;
  participants: string[];
  via: string[];
  origin: Origin;
}

export interface ClaimItem extends TextSpan {
  id: string;
  kind: string;
  /** Actor id of the claimant, or null (the author / unknown). */
  claimant: string | null;
  /** Verification status: unverified | supported | disputed | false | misleading. */
  status: string;
  note: string;
  links: string[];
  origin: Origin;
}

export interface ArticleAnnotations {
  /** The article as the user names it (a workspace-relative path). */
  article: string;
  /** The article text ('' when only offsets are known, e.g. in the index). */
  text: string;
  /** Every actor an item refers to. */
  actors: Map<string, ActorInfo>;
  /** Each list sorted by start, then end. */
  mentions: MentionItem[];
  quotes: QuoteItem[];
  channels: ChannelItem[];
  claims: ClaimItem[];
}

export interface CollectOptions {
  article: string;
  text?: string;
  /** Engine suggestions. */
  analysis?: Analysis;
  /** The article's sidecar annotations (store model). Rejected ones hide the suggestion at the same span. */
  annotations?: readonly Annotation[];
  /** Leave out engine suggestions nobody confirmed. */
  confirmedOnly?: boolean;
  /** Registry look-up for names, kinds and Wikidata ids. */
  lookup?: (id: string) => ActorEntry | undefined;
}

/**
 * Merges engine suggestions with sidecar annotations: confirmed annotations are kept as they are, suggestions are
 * added unless an annotation of the same type already covers the same span (confirmed or rejected), orphaned
 * annotations are left out (they have no place in the current text).
 */
export function collectAnnotations(o: CollectOptions): ArticleAnnotations {
  const text = o.text ?? '';
  const actors = new Map<string, ActorInfo>();
  const out: ArticleAnnotations = { article: o.article, text, actors, mentions: [], quotes: [], channels: [], claims: [] };
  const taken = new Set<string>();
  const key = (type: string, start: number, end: number) => `${type}:${start}:${end}`;
  const analysisActors = new Map((o.analysis?.actors ?? []).map((a) => [a.id, a]));
  const need = (id: string | null | undefined) => {
    if (!id || actors.has(id)) return;
    const entry = o.lookup?.(id);
    const found = analysisActors.get(id);
    const info: ActorInfo = { id, name: entry?.name ?? found?.name ?? id, kind: entry?.kind ?? found?.kind ?? 'person' };
    if (entry?.wikidata) info.wikidata = entry.wikidata;
    actors.set(id, info);
  };
  const spanText = (t: { exact: string; start: number; end: number }) => (text ? text.slice(t.start, t.end) : t.exact);

  for (const a of o.annotations ?? []) {
    if (a.orphaned) continue;
    const { start, end } = a.target;
    taken.add(key(a.type, start, end));
    if (a.status !== 'confirmed') continue;
    const base = { id: a.id, start, end, text: spanText(a.target), origin: 'confirmed' as const };
    switch (a.type) {
      case 'actor':
        need(a.actor);
        out.mentions.push({ ...base, actorId: a.actor });
        break;
      case 'quote':
        need(a.speaker);
        out.quotes.push({ ...base, kind: a.kind, speaker: a.speaker, cue: a.cue });
        break;
      case 'channel':
        a.participants.forEach(need);
        a.via.forEach(need);
        out.channels.push({ ...base, type: a.channelType, participants: [...a.participants], via: [...a.via] });
        break;
      case 'claim':
        need(a.claimant);
        out.claims.push({ ...base, kind: a.kind, claimant: a.claimant, status: a.verification, note: a.note, links: [...a.links] });
        break;
    }
  }

  const an = o.analysis;
  if (an && !o.confirmedOnly) {
    let n = 0;
    for (const m of an.mentions) {
      if (taken.has(key('actor', m.start, m.end))) continue;
      need(m.actorId);
      out.mentions.push({ id: `m${++n}`, start: m.start, end: m.end, text: m.text, actorId: m.actorId, origin: 'suggested', match: m.match });
    }
    n = 0;
    for (const q of an.quotes) {
      if (taken.has(key('quote', q.start, q.end))) continue;
      need(q.speaker?.id);
      out.quotes.push({ id: `q${++n}`, start: q.start, end: q.end, text: q.text, kind: q.kind, speaker: q.speaker?.id ?? null, cue: q.cue?.text ?? null, origin: 'suggested' });
    }
    n = 0;
    for (const c of an.channels) {
      if (taken.has(key('channel', c.start, c.end))) continue;
      c.participants.forEach(need);
      c.via.forEach(need);
      out.channels.push({ id: `c${++n}`, start: c.start, end: c.end, text: c.text, type: c.type, participants: [...c.participants], via: [...c.via], origin: 'suggested' });
    }
  }
  const bySpan = (a: TextSpan & { id: string }, b: TextSpan & { id: string }) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  out.mentions.sort(bySpan);
  out.quotes.sort(bySpan);
  out.channels.sort(bySpan);
  out.claims.sort(bySpan);
  return out;
}

/** The actor pairs a channel connects, and the intermediaries the connection runs through. */
export interface ChannelLink {
  source: string;
  target: string;
  /** Intermediaries, in order; empty for a direct link. */
  via: string[];
}

/**
 * Edges of one channel: every pair of participants (through the channel's `via` actors). A channel with fewer than
 * two participants links its participant to each intermediary directly ("sent a message through Embalo"); one
 * with no participant links its intermediaries to each other. A channel with a single actor in all yields no link.
 */
export function channelLinks(c: { participants: readonly string[]; via: readonly string[] }): ChannelLink[] {
  const parts = unique(c.participants);
  const via = unique(c.via).filter((v) => !parts.includes(v));
  if (parts.length >= 2) {
    const links: ChannelLink[] = [];
    for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) links.push({ source: parts[i], target: parts[j], via: [...via] });
    return links;
  }
  if (parts.length === 1) return via.map((v) => ({ source: parts[0], target: v, via: [] }));
  const links: ChannelLink[] = [];
  for (let i = 0; i < via.length; i++) for (let j = i + 1; j < via.length; j++) links.push({ source: via[i], target: via[j], via: [] });
  return links;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
