/**
 * W3C Web Annotation (JSON-LD): one AnnotationCollection per article, its annotations in one embedded
 * AnnotationPage. Each annotation targets the article with a TextQuoteSelector (exact, prefix, suffix) and a
 * TextPositionSelector (Unicode code points, see offsets.ts); its bodies say what it is:
 *
 * - `tagging` TextualBody: the annotation type (actor | quote | channel | claim), then its sub-type (the actor's
 *   kind, the quote kind, the channel type, the claim kind);
 * - `identifying` SpecificResource: the actor (source `urn:news-annotator:actor:<id>`, label = name) for a
 *   mention, the speaker of a quote, the participants of a channel, the claimant of a claim; plus the Wikidata
 *   entity for a mention when known;
 * - `linking` SpecificResource: a channel's intermediaries (via), a claim's evidence links;
 * - `assessing` TextualBody: a claim's verification status; `commenting` TextualBody: a claim's note.
 *
 * Engine suggestions nobody confirmed carry `creator` = the News Annotator engine (type Software).
 * See docs/exports.md.
 */
import { makeTarget } from '../store/model';
import type { ActorKind, ChannelType } from '../types';
import { ACTOR_KINDS, CHANNEL_TYPES } from '../types';
import type { ActorInfo, ArticleAnnotations, ChannelItem, ClaimItem, MentionItem, Origin, QuoteItem } from './model';
import { offsetMap } from './offsets';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ACTOR_URN = 'urn:news-annotator:actor:';
export const ENGINE_AGENT = { id: 'urn:news-annotator:engine', type: 'Software', name: 'News Annotator' } as const;
const WIKIDATA = 'http://www.wikidata.org/entity/';

export interface W3cOptions {
  /** IRI of the article (the target's `source`), e.g. its file: URL. */
  source: string;
  /** IRI of the collection; annotation ids are `<id>#<annotation id>`. Default: `<source>#annotations`. */
  id?: string;
}

export interface W3cSelector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

export interface W3cBody {
  type: 'TextualBody' | 'SpecificResource';
  purpose: string;
  value?: string;
  source?: string;
  label?: string;
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  creator?: typeof ENGINE_AGENT;
  body: W3cBody[];
  target: { source: string; selector: W3cSelector[] };
}

export interface W3cCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: number; items: W3cAnnotation[] };
}

const tag = (value: string): W3cBody => ({ type: 'TextualBody', purpose: 'tagging', value });
const actorBody = (purpose: string, a: ActorInfo | undefined, id: string): W3cBody => ({
  type: 'SpecificResource',
  purpose,
  source: ACTOR_URN + encodeURIComponent(id),
  label: a?.name ?? id,
});

/** The article's annotations as a W3C AnnotationCollection (mentions, quotes, channels, claims in text order). */
export function toW3c(doc: ArticleAnnotations, options: W3cOptions): W3cCollection {
  const collectionId = options.id ?? `${options.source}#annotations`;
  const map = offsetMap(doc.text);
  type Item = { start: number; end: number; id: string; anno: () => Omit<W3cAnnotation, 'id' | 'type' | 'target'> & { origin: Origin } };
  const items: Item[] = [];
  for (const m of doc.mentions) items.push({ ...m, anno: () => mentionAnno(doc, m) });
  for (const q of doc.quotes) items.push({ ...q, anno: () => quoteAnno(doc, q) });
  for (const c of doc.channels) items.push({ ...c, anno: () => channelAnno(doc, c) });
  for (const k of doc.claims) items.push({ ...k, anno: () => claimAnno(doc, k) });
  items.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const annotations = items.map((it): W3cAnnotation => {
    const { origin, ...rest } = it.anno();
    const t = makeTarget(doc.text, it.start, it.end);
    const out: W3cAnnotation = {
      id: `${collectionId}-${encodeURIComponent(it.id)}`,
      type: 'Annotation',
      motivation: rest.motivation,
      ...(origin === 'suggested' ? { creator: ENGINE_AGENT } : {}),
      body: rest.body,
      target: {
        source: options.source,
        selector: [
          { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
          { type: 'TextPositionSelector', start: map.toCodePoint(it.start), end: map.toCodePoint(it.end) },
        ],
      },
    };
    return out;
  });
  return {
    '@context': W3C_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: doc.article,
    total: annotations.length,
    first: { id: `${collectionId}-page1`, type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
}

/** JSON text of a collection (2-space indent, LF, final newline). */
export function w3cJson(collection: W3cCollection | W3cCollection[]): string {
  return JSON.stringify(collection, null, 2) + '\n';
}

function mentionAnno(doc: ArticleAnnotations, m: MentionItem) {
  const a = doc.actors.get(m.actorId);
  const body: W3cBody[] = [tag('actor'), tag(a?.kind ?? 'person'), actorBody('identifying', a, m.actorId)];
  if (a?.wikidata) body.push({ type: 'SpecificResource', purpose: 'identifying', source: WIKIDATA + a.wikidata, label: a.name });
  return { motivation: 'identifying', body, origin: m.origin };
}

function quoteAnno(doc: ArticleAnnotations, q: QuoteItem) {
  const body: W3cBody[] = [tag('quote'), tag(q.kind)];
  if (q.speaker) body.push(actorBody('identifying', doc.actors.get(q.speaker), q.speaker));
  return { motivation: 'tagging', body, origin: q.origin };
}

function channelAnno(doc: ArticleAnnotations, c: ChannelItem) {
  const body: W3cBody[] = [tag('channel'), tag(c.type)];
  for (const p of c.participants) body.push(actorBody('identifying', doc.actors.get(p), p));
  for (const v of c.via) body.push(actorBody('linking', doc.actors.get(v), v));
  return { motivation: 'tagging', body, origin: c.origin };
}

function claimAnno(doc: ArticleAnnotations, k: ClaimItem) {
  const body: W3cBody[] = [tag('claim'), tag(k.kind), { type: 'TextualBody', purpose: 'assessing', value: k.status }];
  if (k.claimant) body.push(actorBody('identifying', doc.actors.get(k.claimant), k.claimant));
  if (k.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: k.note });
  for (const l of k.links) body.push({ type: 'SpecificResource', purpose: 'linking', source: l });
  return { motivation: k.note ? 'commenting' : 'tagging', body, origin: k.origin };
}

// ---------------------------------------------------------------- reading back

export interface W3cReadResult {
  doc: ArticleAnnotations;
  /** Annotations whose selectors matched nowhere in the text (kept out of `doc`), by id. */
  orphans: string[];
  /** Annotations not made by this exporter or malformed, skipped, with the reason. */
  skipped: Array<{ id: string; reason: string }>;
}

/**
 * Reads a collection this exporter wrote (or a page, or a single annotation, or an array of them) back into
 * spans over `text`. A position selector whose span still reads the quote's `exact` text wins; otherwise the
 * quote is searched for (best by prefix/suffix); otherwise the annotation is reported as orphaned.
 */
export function fromW3c(json: unknown, text: string, article = ''): W3cReadResult {
  const doc: ArticleAnnotations = { article, text, actors: new Map(), mentions: [], quotes: [], channels: [], claims: [] };
  const orphans: string[] = [];
  const skipped: Array<{ id: string; reason: string }> = [];
  const map = offsetMap(text);
  for (const [raw, collectionId] of annotationsOf(json, '', (l) => (doc.article ||= l))) {
    const iri = String(raw.id ?? '');
    const id = collectionId && iri.startsWith(collectionId + '-') ? decodeURIComponent(iri.slice(collectionId.length + 1)) : iri;
    const bodies = (Array.isArray(raw.body) ? raw.body : raw.body ? [raw.body] : []) as W3cBody[];
    const tags = bodies.filter((b) => b?.purpose === 'tagging' && typeof b.value === 'string').map((b) => b.value as string);
    const target = (Array.isArray(raw.target) ? raw.target[0] : raw.target) as { selector?: W3cSelector | W3cSelector[] } | undefined;
    const selectors = target?.selector ? (Array.isArray(target.selector) ? target.selector : [target.selector]) : [];
    const type = tags[0];
    if (!['actor', 'quote', 'channel', 'claim'].includes(type)) {
      skipped.push({ id, reason: 'no News Annotator type tag' });
      continue;
    }
    const span = locate(text, selectors, map);
    if (!span) {
      orphans.push(id);
      continue;
    }
    const origin: Origin = (raw.creator as { id?: string } | undefined)?.id === ENGINE_AGENT.id ? 'suggested' : 'confirmed';
    const actorRefs = (purpose: string) =>
      bodies
        .filter((b) => b?.purpose === purpose && typeof b.source === 'string' && b.source.startsWith(ACTOR_URN))
        .map((b) => {
          const actorId = decodeURIComponent((b.source as string).slice(ACTOR_URN.length));
          if (!doc.actors.has(actorId)) doc.actors.set(actorId, { id: actorId, name: b.label ?? actorId, kind: 'person' });
          return actorId;
        });
    const base = { id, start: span.start, end: span.end, text: text.slice(span.start, span.end), origin };
    const sub = tags[1] ?? '';
    if (type === 'actor') {
      const [actorId] = actorRefs('identifying');
      if (!actorId) {
        skipped.push({ id, reason: 'actor mention without an actor' });
        continue;
      }
      const info = doc.actors.get(actorId)!;
      if ((ACTOR_KINDS as readonly string[]).includes(sub)) info.kind = sub as ActorKind;
      const wd = bodies.find((b) => b?.purpose === 'identifying' && typeof b.source === 'string' && b.source.startsWith(WIKIDATA));
      if (wd) info.wikidata = (wd.source as string).slice(WIKIDATA.length);
      doc.mentions.push({ ...base, actorId });
    } else if (type === 'quote') {
      doc.quotes.push({ ...base, kind: sub, speaker: actorRefs('identifying')[0] ?? null, cue: null });
    } else if (type === 'channel') {
      const ct = ((CHANNEL_TYPES as readonly string[]).includes(sub) ? sub : 'other') as ChannelType;
      doc.channels.push({ ...base, type: ct, participants: actorRefs('identifying'), via: actorRefs('linking') });
    } else {
      const status = bodies.find((b) => b?.purpose === 'assessing')?.value ?? 'unverified';
      const note = bodies.find((b) => b?.purpose === 'commenting')?.value ?? '';
      const links = bodies.filter((b) => b?.purpose === 'linking' && typeof b.source === 'string').map((b) => b.source as string);
      doc.claims.push({ ...base, kind: sub, claimant: actorRefs('identifying')[0] ?? null, status, note, links });
    }
  }
  const bySpan = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || a.end - b.end;
  doc.mentions.sort(bySpan);
  doc.quotes.sort(bySpan);
  doc.channels.sort(bySpan);
  doc.claims.sort(bySpan);
  return { doc, orphans, skipped };
}

type RawAnnotation = Record<string, unknown>;

function annotationsOf(json: unknown, collectionId: string, onLabel: (label: string) => void): Array<[RawAnnotation, string]> {
  if (Array.isArray(json)) return json.flatMap((j) => annotationsOf(j, collectionId, onLabel));
  if (!json || typeof json !== 'object') return [];
  const o = json as Record<string, unknown>;
  if (o.type === 'AnnotationCollection') {
    if (typeof o.label === 'string') onLabel(o.label);
    return annotationsOf(o.first, typeof o.id === 'string' ? o.id : collectionId, onLabel);
  }
  if (o.type === 'AnnotationPage') return Array.isArray(o.items) ? (o.items as RawAnnotation[]).map((r) => [r, collectionId]) : [];
  if (o.type === 'Annotation') return [[o, collectionId]];
  return [];
}

function locate(text: string, selectors: W3cSelector[], map: ReturnType<typeof offsetMap>): { start: number; end: number } | undefined {
  const quote = selectors.find((s) => s?.type === 'TextQuoteSelector' && typeof s.exact === 'string');
  const pos = selectors.find((s) => s?.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end));
  if (pos) {
    const start = map.toUtf16(pos.start!);
    const end = map.toUtf16(pos.end!);
    if (start <= end && end <= text.length && (!quote || text.slice(start, end) === quote.exact)) return { start, end };
  }
  if (!quote || !quote.exact) return undefined;
  const exact = quote.exact;
  const hint = pos ? map.toUtf16(pos.start!) : 0;
  let best: { start: number; score: number } | undefined;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    let score = 0;
    if (quote.prefix && text.slice(Math.max(0, i - quote.prefix.length), i) === quote.prefix) score += 2;
    if (quote.suffix && text.slice(i + exact.length, i + exact.length + quote.suffix.length) === quote.suffix) score += 2;
    score -= Math.abs(i - hint) / (text.length + 1);
    if (!best || score > best.score) best = { start: i, score };
  }
  return best ? { start: best.start, end: best.start + exact.length } : undefined;
}
