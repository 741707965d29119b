/**
 * The view model of one article: engine suggestions merged with what the user stored in the sidecar.
 * Pure data and pure functions (no `vscode`), so the benchmark and the unit tests can run it in plain Node.
 *
 * Merge rules: a stored annotation (confirmed or rejected) covers the suggestion of the same type on the same
 * span; a confirmed one is shown instead of it, a rejected one hides it. Stored annotations without a matching
 * suggestion are shown as they are. Orphans (stored annotations that could not be placed) are listed apart.
 */
import type { ActorEntry, ActorKind, Analysis, ChannelType, MatchKind, SpeakerRef, Span, TextSpan } from '../core/types';

export type AnnotationType = 'actor' | 'quote' | 'channel' | 'claim';
export type AnnotationState = 'suggested' | 'confirmed';

/** An annotation as the sidecar holds it, in the extension's own terms (see storeAdapter.ts). */
export interface StoredAnnotation {
  id: string;
  type: AnnotationType;
  status: 'confirmed' | 'rejected';
  start: number;
  end: number;
  text: string;
  /** Could not be re-anchored: `start`/`end` are the last known position. */
  orphan?: boolean;
  actorId?: string;
  speaker?: string | null;
  cue?: string | null;
  channelType?: ChannelType;
  participants?: string[];
  via?: string[];
  claimKind?: string;
  claimant?: string | null;
  claimStatus?: string;
  note?: string;
  links?: string[];
}

interface ItemBase extends TextSpan {
  /** Stable key: `s:` + type + span for suggestions, `a:` + store id for stored annotations. */
  key: string;
  state: AnnotationState;
  /** The sidecar id when stored. */
  storeId?: string;
}

export interface ActorItem extends ItemBase {
  type: 'actor';
  actorId: string;
  match?: MatchKind;
  role?: string;
  confidence: number;
}

export interface QuoteItem extends ItemBase {
  type: 'quote';
  speaker: SpeakerRef | null;
  cue: TextSpan | null;
  confidence: number;
  quoteKind: 'direct' | 'scare';
}

export interface ChannelItem extends ItemBase {
  type: 'channel';
  channelType: ChannelType;
  participants: string[];
  via: string[];
  confidence: number;
}

export interface ClaimItem extends ItemBase {
  type: 'claim';
  claimKind: string;
  claimant: string | null;
  claimStatus: string;
  note: string;
  links: string[];
}

export type Item = ActorItem | QuoteItem | ChannelItem | ClaimItem;

/** What the article knows about one actor. */
export interface ActorInfo {
  id: string;
  name: string;
  kind: ActorKind;
  known: boolean;
  roles: string[];
  aliases: string[];
  affiliation?: string;
  wikidata?: string;
  mentions: ActorItem[];
}

export interface ViewModel {
  /** Every shown item, sorted by start then end. */
  items: Item[];
  actors: Map<string, ActorInfo>;
  quotes: QuoteItem[];
  channels: ChannelItem[];
  claims: ClaimItem[];
  orphans: StoredAnnotation[];
  counts: { actors: number; quotes: number; channels: number; claims: number; suggestions: number; orphans: number };
}

export interface RegistryView {
  readonly entries: ReadonlyMap<string, ActorEntry>;
}

const spanKey = (type: AnnotationType, s: Span): string => `${type}:${s.start}:${s.end}`;

/** Builds the view model. `stored` holds the sidecar's annotations (already re-anchored onto `text`). */
export function buildViewModel(text: string, analysis: Analysis, stored: readonly StoredAnnotation[], registry: RegistryView): ViewModel {
  const covered = new Set<string>();
  const orphans: StoredAnnotation[] = [];
  const confirmed: Item[] = [];
  for (const s of stored) {
    if (s.orphan) {
      orphans.push(s);
      continue;
    }
    covered.add(spanKey(s.type, s));
    if (s.status === 'confirmed') confirmed.push(fromStored(s, text, registry));
  }

  const items: Item[] = [];
  for (const m of analysis.mentions) {
    if (covered.has(spanKey('actor', m))) continue;
    const it: ActorItem = { key: `s:actor:${m.start}:${m.end}`, type: 'actor', state: 'suggested', start: m.start, end: m.end, text: m.text, actorId: m.actorId, match: m.match, confidence: m.confidence };
    if (m.role) it.role = m.role;
    items.push(it);
  }
  for (const q of analysis.quotes) {
    if (covered.has(spanKey('quote', q))) continue;
    items.push({ key: `s:quote:${q.start}:${q.end}`, type: 'quote', state: 'suggested', start: q.start, end: q.end, text: q.text, speaker: q.speaker, cue: q.cue, confidence: q.confidence, quoteKind: q.kind });
  }
  for (const c of analysis.channels) {
    if (covered.has(spanKey('channel', c))) continue;
    items.push({ key: `s:channel:${c.start}:${c.end}`, type: 'channel', state: 'suggested', start: c.start, end: c.end, text: c.text, channelType: c.type, participants: c.participants, via: c.via, confidence: c.confidence });
  }
  items.push(...confirmed);
  items.sort((a, b) => a.start - b.start || a.end - b.end);

  return assemble(items, orphans, analysis, registry);
}

/** Groups sorted items into the per-kind lists and the actor table. */
export function assemble(items: Item[], orphans: StoredAnnotation[], analysis: Pick<Analysis, 'actors'>, registry: RegistryView): ViewModel {
  const analysed = new Map(analysis.actors.map((a) => [a.id, a]));
  const actors = new Map<string, ActorInfo>();
  const quotes: QuoteItem[] = [];
  const channels: ChannelItem[] = [];
  const claims: ClaimItem[] = [];
  let suggestions = 0;
  for (const it of items) {
    if (it.state === 'suggested') suggestions++;
    switch (it.type) {
      case 'actor': {
        let info = actors.get(it.actorId);
        if (!info) {
          info = actorInfo(it.actorId, it.text, registry, analysed.get(it.actorId));
          actors.set(it.actorId, info);
        }
        info.mentions.push(it);
        break;
      }
      case 'quote':
        quotes.push(it);
        break;
      case 'channel':
        channels.push(it);
        break;
      case 'claim':
        claims.push(it);
        break;
    }
  }
  return {
    items,
    actors,
    quotes,
    channels,
    claims,
    orphans,
    counts: { actors: actors.size, quotes: quotes.length, channels: channels.length, claims: claims.length, suggestions, orphans: orphans.length },
  };
}

function actorInfo(id: string, fallbackName: string, registry: RegistryView, analysed?: Analysis['actors'][number]): ActorInfo {
  const e = registry.entries.get(id);
  const info: ActorInfo = {
    id,
    name: e?.name ?? analysed?.name ?? fallbackName,
    kind: e?.kind ?? analysed?.kind ?? 'person',
    known: e ? true : (analysed?.known ?? false),
    roles: e?.roles ?? analysed?.roles ?? [],
    aliases: e?.aliases ?? [],
    mentions: [],
  };
  if (e?.affiliation) info.affiliation = e.affiliation;
  if (e?.wikidata) info.wikidata = e.wikidata;
  return info;
}

function fromStored(s: StoredAnnotation, text: string, registry: RegistryView): Item {
  const base = { key: `a:${s.id}`, state: 'confirmed' as const, storeId: s.id, start: s.start, end: s.end, text: text.slice(s.start, s.end) || s.text };
  switch (s.type) {
    case 'actor':
      return { ...base, type: 'actor', actorId: s.actorId ?? 'unknown', confidence: 1 };
    case 'quote': {
      const name = s.speaker ? (registry.entries.get(s.speaker)?.name ?? s.speaker) : '';
      let cue: TextSpan | null = null;
      if (s.cue) {
        // The sidecar stores the cue as text; find it near the quote for the hover.
        const from = Math.max(0, s.start - 200);
        const at = text.slice(from, s.end + 200).indexOf(s.cue);
        if (at >= 0) cue = { start: from + at, end: from + at + s.cue.length, text: s.cue };
      }
      return { ...base, type: 'quote', speaker: s.speaker ? { id: s.speaker, name } : null, cue, confidence: 1, quoteKind: 'direct' };
    }
    case 'channel':
      return { ...base, type: 'channel', channelType: s.channelType ?? 'other', participants: s.participants ?? [], via: s.via ?? [], confidence: 1 };
    case 'claim':
      return { ...base, type: 'claim', claimKind: s.claimKind ?? 'fact', claimant: s.claimant ?? null, claimStatus: s.claimStatus ?? 'unverified', note: s.note ?? '', links: s.links ?? [] };
  }
}

// ---------------------------------------------------------------- queries

/** Items whose span contains `offset` (start ≤ offset ≤ end), innermost first. */
export function itemsAt(vm: ViewModel, offset: number): Item[] {
  const out: Item[] = [];
  const items = vm.items;
  // items are sorted by start: everything starting after offset is out.
  let hi = upperBound(items, offset);
  while (--hi >= 0) {
    const it = items[hi];
    if (it.end >= offset && it.start <= offset) out.push(it);
  }
  return out.sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** The first item starting after `offset` (wrapping), or the last starting before it when `back`. */
export function nextItem(vm: ViewModel, offset: number, back = false): Item | undefined {
  const items = vm.items;
  if (!items.length) return undefined;
  if (!back) {
    const i = upperBound(items, offset);
    return items[i < items.length ? i : 0];
  }
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return items[lo > 0 ? lo - 1 : items.length - 1];
}

/** Index of the first item with start > offset. */
function upperBound(items: readonly Item[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Moves every item through one text change (`[start, end)` replaced by `insertedLength` characters) without
 * re-analysis: items after the change shift, items touching it stretch or shrink, items inside a deleted range
 * vanish. Mutates and returns `vm` (the items are the session's own copies).
 */
export function shiftViewModel(vm: ViewModel, start: number, end: number, insertedLength: number): ViewModel {
  const delta = insertedLength - (end - start);
  if (delta === 0 && end === start) return vm;
  const kept: Item[] = [];
  for (const it of vm.items) {
    if (it.end <= start) {
      kept.push(it);
      continue;
    }
    if (it.start >= end) {
      it.start += delta;
      it.end += delta;
      if (it.type === 'quote' && it.cue && it.cue.start >= end) it.cue = { ...it.cue, start: it.cue.start + delta, end: it.cue.end + delta };
      kept.push(it);
      continue;
    }
    // overlaps the change
    if (it.start >= start && it.end <= end) continue; // entirely replaced
    if (it.start < start) it.end = Math.max(start, it.end + delta);
    else {
      it.start = start + insertedLength;
      it.end += delta;
    }
    if (it.end > it.start) kept.push(it);
  }
  const orphans = vm.orphans;
  vm.items = kept;
  const shifted = assemble(kept, orphans, { actors: [] }, { entries: new Map() });
  // keep the actor table's registry facts: copy from the old table
  for (const [id, info] of shifted.actors) {
    const old = vm.actors.get(id);
    if (old) shifted.actors.set(id, { ...old, mentions: info.mentions });
  }
  return shifted;
}
