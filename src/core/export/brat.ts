/**
 * brat standoff (https://brat.nlplab.org/standoff.html): a `.ann` file beside a copy of the article's `.txt`.
 *
 * - The copy has LF line ends (brat reads text files with universal newlines, so CR LF would shift offsets);
 *   offsets are Unicode code points into that copy.
 * - `T` lines: actor mentions (`Person` | `Organization` | `State`), `Quote`, `Claim`, and channel triggers
 *   (typed by channel type: `Meeting`, `Call`, …). A span that crosses a line break is written as discontinuous
 *   fragments (`start end;start end`), since a `.ann` line cannot hold a newline; the text field joins the
 *   fragments with a space, as brat expects.
 * - `E` lines: one event per channel: `Call:T7 Participant:T1 Participant2:T3 Via:T5` (each argument is the
 *   mention of that actor nearest to the channel).
 * - `R` lines: `Speaker Arg1:<mention> Arg2:<quote>`, `Claimant Arg1:<mention> Arg2:<claim>`.
 * - `A` lines: `QuoteKind`, `ClaimKind`, `ClaimStatus`, and `Suggested` (an engine suggestion nobody confirmed).
 * - `N` lines: `Reference T1 NewsAnnotator:<actor id>` for every mention, plus `Reference T1 Wikidata:Q…` when known.
 * - `#` lines (AnnotatorNotes): a claim's note and links, and actors a relation names who have no mention in the
 *   text (`speaker: id`, `participants: id, id`, `via: id`), parts joined by ` | `.
 */
import { lowerBound } from '../text/document';
import type { ActorKind, ChannelType } from '../types';
import { ACTOR_KINDS, CHANNEL_TYPES } from '../types';
import { CLAIM_KINDS, QUOTE_KINDS, VERIFICATIONS } from '../store/model';
import type { ArticleAnnotations, MentionItem } from './model';
import { offsetMap } from './offsets';

const ENTITY_OF_KIND: Record<ActorKind, string> = { person: 'Person', organization: 'Organization', state: 'State' };
const KIND_OF_ENTITY = new Map(Object.entries(ENTITY_OF_KIND).map(([k, v]) => [v, k as ActorKind]));

/** brat type name of a channel type: `call` → `Call`, `working-group` → `Working-group`. */
export function bratEventType(type: ChannelType): string {
  return type[0].toUpperCase() + type.slice(1);
}
const CHANNEL_OF_EVENT = new Map(CHANNEL_TYPES.map((t) => [bratEventType(t), t]));

export const NEWS_ANNOTATOR_DB = 'NewsAnnotator';

export interface BratFiles {
  /** The text copy (LF line ends). */
  txt: string;
  ann: string;
}

/** The text with CR LF and lone CR turned into LF, and a map from original UTF-16 offsets to offsets in it. */
export function normalizeNewlines(text: string): { text: string; map: (offset: number) => number } {
  if (!text.includes('\r')) return { text, map: (o) => o };
  const removed: number[] = []; // original offsets of each removed CR (of a CR LF pair)
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) === 10) removed.push(i);
  const out = text.replace(/\r\n?/g, '\n');
  return {
    text: out,
    map: (o) => o - lowerBound(removed, o),
  };
}

/** Fragments of [start, end) in `text` that contain no line break (empty fragments dropped). */
export function lineFragments(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) {
      if (i > s) out.push([s, i]);
      s = i + 1;
    }
  }
  return out;
}

/** brat files for one article. */
export function toBrat(doc: ArticleAnnotations): BratFiles {
  const norm = normalizeNewlines(doc.text);
  const text = norm.text;
  const cp = offsetMap(text);
  const lines: string[] = [];
  let t = 0;
  let a = 0;
  let r = 0;
  let e = 0;
  let n = 0;
  let h = 0;
  const clean = (s: string) => s.replace(/[\r\n\t]+/g, ' ');
  const textBound = (type: string, start0: number, end0: number): string => {
    const start = norm.map(start0);
    const end = norm.map(end0);
    let frags = lineFragments(text, start, end);
    if (!frags.length) frags = [[start, end]];
    const id = `T${++t}`;
    const offsets = frags.map(([s, x]) => `${cp.toCodePoint(s)} ${cp.toCodePoint(x)}`).join(';');
    lines.push(`${id}\t${type} ${offsets}\t${frags.map(([s, x]) => text.slice(s, x)).join(' ')}`);
    return id;
  };
  const notes = new Map<string, string[]>();
  const note = (target: string, part: string) => {
    const list = notes.get(target) ?? [];
    list.push(clean(part));
    notes.set(target, list);
  };

  // Mentions first: relations and events point at them.
  const mentionIds = new Map<MentionItem, string>();
  for (const m of doc.mentions) {
    const actor = doc.actors.get(m.actorId);
    const id = textBound(ENTITY_OF_KIND[actor?.kind ?? 'person'], m.start, m.end);
    mentionIds.set(m, id);
    const name = clean(actor?.name ?? m.actorId);
    lines.push(`N${++n}\tReference ${id} ${NEWS_ANNOTATOR_DB}:${encodeURIComponent(m.actorId)}\t${name}`);
    if (actor?.wikidata) lines.push(`N${++n}\tReference ${id} Wikidata:${actor.wikidata}\t${name}`);
    if (m.origin === 'suggested') lines.push(`A${++a}\tSuggested ${id}`);
  }
  const byActor = new Map<string, MentionItem[]>();
  for (const m of doc.mentions) {
    const list = byActor.get(m.actorId) ?? [];
    list.push(m);
    byActor.set(m.actorId, list);
  }
  /** The T id of the actor's mention nearest to [start, end) (0 when inside), preferring the earlier one. */
  const nearest = (actorId: string, start: number, end: number): string | undefined => {
    let best: MentionItem | undefined;
    let bestD = Infinity;
    for (const m of byActor.get(actorId) ?? []) {
      const d = m.end <= start ? start - m.end : m.start >= end ? m.start - end : 0;
      if (d < bestD) {
        best = m;
        bestD = d;
      }
    }
    return best && mentionIds.get(best);
  };

  for (const q of doc.quotes) {
    const id = textBound('Quote', q.start, q.end);
    if (q.kind) lines.push(`A${++a}\tQuoteKind ${id} ${q.kind}`);
    if (q.origin === 'suggested') lines.push(`A${++a}\tSuggested ${id}`);
    if (q.speaker) {
      const sp = nearest(q.speaker, q.start, q.end);
      if (sp) lines.push(`R${++r}\tSpeaker Arg1:${sp} Arg2:${id}`);
      else note(id, `speaker: ${q.speaker}`);
    }
  }
  for (const c of doc.channels) {
    const evType = bratEventType(c.type);
    const trigger = textBound(evType, c.start, c.end);
    const args: string[] = [];
    const missing: Record<'participants' | 'via', string[]> = { participants: [], via: [] };
    const roles: Array<['participants' | 'via', string]> = [
      ['participants', 'Participant'],
      ['via', 'Via'],
    ];
    for (const [list, role] of roles) {
      let k = 0;
      for (const actorId of c[list]) {
        const m = nearest(actorId, c.start, c.end);
        if (!m) {
          missing[list].push(actorId);
          continue;
        }
        k++;
        args.push(`${role}${k === 1 ? '' : k}:${m}`);
      }
    }
    const ev = `E${++e}`;
    lines.push(`${ev}\t${evType}:${trigger}${args.map((x) => ' ' + x).join('')}`);
    if (c.origin === 'suggested') lines.push(`A${++a}\tSuggested ${ev}`);
    if (missing.participants.length) note(trigger, `participants: ${missing.participants.join(', ')}`);
    if (missing.via.length) note(trigger, `via: ${missing.via.join(', ')}`);
  }
  for (const k of doc.claims) {
    const id = textBound('Claim', k.start, k.end);
    if (k.kind) lines.push(`A${++a}\tClaimKind ${id} ${k.kind}`);
    if (k.status) lines.push(`A${++a}\tClaimStatus ${id} ${k.status}`);
    if (k.origin === 'suggested') lines.push(`A${++a}\tSuggested ${id}`);
    if (k.claimant) {
      const m = nearest(k.claimant, k.start, k.end);
      if (m) lines.push(`R${++r}\tClaimant Arg1:${m} Arg2:${id}`);
      else note(id, `claimant: ${k.claimant}`);
    }
    if (k.note) note(id, k.note);
    if (k.links.length) note(id, `links: ${k.links.join(' ')}`);
  }
  for (const [target, parts] of notes) lines.push(`#${++h}\tAnnotatorNotes ${target}\t${parts.join(' | ')}`);
  return { txt: text, ann: lines.length ? lines.join('\n') + '\n' : '' };
}

/** `annotation.conf` for a brat collection: the types the export uses (and any extra attribute values seen). */
export function bratConf(docs: readonly ArticleAnnotations[] = []): string {
  const actorTypes = ACTOR_KINDS.map((k) => ENTITY_OF_KIND[k]).join('|');
  const values = (known: readonly string[], seen: Iterable<string>) => [...new Set([...known, ...seen])].filter((v) => /^[^\s|,]+$/.test(v)).join('|');
  const quoteKinds = values(QUOTE_KINDS, docs.flatMap((d) => d.quotes.map((q) => q.kind)));
  const claimKinds = values(CLAIM_KINDS, docs.flatMap((d) => d.claims.map((c) => c.kind)));
  const statuses = values(VERIFICATIONS, docs.flatMap((d) => d.claims.map((c) => c.status)));
  const events = CHANNEL_TYPES.map(bratEventType);
  return [
    '# brat annotation types of a News Annotator export (https://brat.nlplab.org/configuration.html)',
    '[entities]',
    ...ACTOR_KINDS.map((k) => ENTITY_OF_KIND[k]),
    'Quote',
    'Claim',
    '',
    '[relations]',
    `Speaker\tArg1:${actorTypes}, Arg2:Quote`,
    `Claimant\tArg1:${actorTypes}, Arg2:Claim`,
    '',
    '[events]',
    ...events.map((ev) => `${ev}\tParticipant*:${actorTypes}, Via*:${actorTypes}`),
    '',
    '[attributes]',
    `QuoteKind\tArg:Quote, Value:${quoteKinds}`,
    `ClaimKind\tArg:Claim, Value:${claimKinds}`,
    `ClaimStatus\tArg:Claim, Value:${statuses}`,
    `Suggested\tArg:<ENTITY>|<EVENT>`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- reading back

export interface BratIssue {
  line: number;
  message: string;
}

/**
 * Reads a `.ann` (as written by `toBrat`, or edited in brat) against its `.txt` back into spans. Checks every
 * text-bound annotation's text against the document, as brat does, and reports mismatches and malformed lines
 * (1-based line numbers) instead of guessing.
 */
export function fromBrat(ann: string, txt: string, article = ''): { doc: ArticleAnnotations; issues: BratIssue[] } {
  const doc: ArticleAnnotations = { article, text: txt, actors: new Map(), mentions: [], quotes: [], channels: [], claims: [] };
  const issues: BratIssue[] = [];
  const cp = offsetMap(txt);
  interface TB {
    type: string;
    start: number;
    end: number;
  }
  const tbs = new Map<string, TB>();
  const attrs = new Map<string, Map<string, string | true>>();
  const refs = new Map<string, Array<{ db: string; id: string; name: string }>>();
  const rels: Array<{ type: string; a1: string; a2: string }> = [];
  const events: Array<{ id: string; type: string; trigger: string; args: Array<[string, string]> }> = [];
  const noteOf = new Map<string, string>();
  ann.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) return;
    const [id, data = '', tail = ''] = splitTabs(line);
    const bad = (message: string) => issues.push({ line: i + 1, message });
    switch (id[0]) {
      case 'T': {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(data);
        if (!m) return bad(`malformed text-bound annotation: ${line}`);
        const frags = m[2].split(';').map((f) => f.split(' ').map((x) => cp.toUtf16(Number(x))) as [number, number]);
        if (frags.some(([s, x]) => s > x || x > txt.length)) return bad(`${id}: offsets outside the text`);
        const expected = frags.map(([s, x]) => txt.slice(s, x)).join(' ');
        if (expected !== tail) return bad(`${id}: text "${tail}" does not match the document ("${expected}")`);
        tbs.set(id, { type: m[1], start: frags[0][0], end: frags[frags.length - 1][1] });
        return;
      }
      case 'A':
      case 'M': {
        const m = /^(\S+) (\S+)(?: (\S+))?$/.exec(data);
        if (!m) return bad(`malformed attribute: ${line}`);
        const map = attrs.get(m[2]) ?? new Map<string, string | true>();
        map.set(m[1], m[3] ?? true);
        attrs.set(m[2], map);
        return;
      }
      case 'N': {
        const m = /^(\S+) (\S+) (\S+?):(\S+)$/.exec(data);
        if (!m) return bad(`malformed normalization: ${line}`);
        const list = refs.get(m[2]) ?? [];
        list.push({ db: m[3], id: m[4], name: tail });
        refs.set(m[2], list);
        return;
      }
      case 'R': {
        const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(data);
        if (!m) return bad(`malformed relation: ${line}`);
        rels.push({ type: m[1], a1: m[2], a2: m[3] });
        return;
      }
      case 'E': {
        const [head, ...rest] = data.split(' ').filter(Boolean);
        const [type, trigger] = (head ?? '').split(':');
        if (!type || !trigger) return bad(`malformed event: ${line}`);
        events.push({ id, type, trigger, args: rest.map((x) => x.split(':') as [string, string]) });
        return;
      }
      case '#': {
        const m = /^AnnotatorNotes (\S+)$/.exec(data);
        if (m) noteOf.set(m[1], tail);
        return;
      }
      default:
        return bad(`unknown annotation line: ${line}`);
    }
  });

  const actorOf = new Map<string, string>(); // mention T id → actor id
  const textOf = (tb: TB) => txt.slice(tb.start, tb.end);
  const origin = (id: string) => (attrs.get(id)?.get('Suggested') ? ('suggested' as const) : ('confirmed' as const));
  for (const [id, tb] of tbs) {
    const kind = KIND_OF_ENTITY.get(tb.type);
    if (!kind) continue;
    const list = refs.get(id) ?? [];
    const own = list.find((x) => x.db === NEWS_ANNOTATOR_DB);
    const actorId = own ? decodeURIComponent(own.id) : tb.type.toLowerCase() + ':' + textOf(tb);
    actorOf.set(id, actorId);
    const info = doc.actors.get(actorId) ?? { id: actorId, name: own?.name || textOf(tb), kind };
    const wd = list.find((x) => x.db === 'Wikidata');
    if (wd) info.wikidata = wd.id;
    doc.actors.set(actorId, info);
    doc.mentions.push({ id, start: tb.start, end: tb.end, text: textOf(tb), actorId, origin: origin(id) });
  }
  const parts = (id: string) => {
    const all = (noteOf.get(id) ?? '').split(' | ');
    const tagged = new Map<string, string>();
    const free: string[] = [];
    for (const p of all) {
      const m = /^(speaker|claimant|participants|via|links): (.*)$/.exec(p);
      if (m) tagged.set(m[1], m[2]);
      else if (p) free.push(p);
    }
    return { tagged, free: free.join(' | ') };
  };
  const list = (s: string | undefined, sep: RegExp) => (s ? s.split(sep).filter(Boolean) : []);
  for (const [id, tb] of tbs) {
    if (tb.type === 'Quote') {
      const rel = rels.find((x) => x.type === 'Speaker' && x.a2 === id);
      const kind = attrs.get(id)?.get('QuoteKind');
      const speaker = (rel && actorOf.get(rel.a1)) ?? parts(id).tagged.get('speaker') ?? null;
      doc.quotes.push({ id, start: tb.start, end: tb.end, text: textOf(tb), kind: typeof kind === 'string' ? kind : 'direct', speaker, cue: null, origin: origin(id) });
    } else if (tb.type === 'Claim') {
      const rel = rels.find((x) => x.type === 'Claimant' && x.a2 === id);
      const a = attrs.get(id);
      const p = parts(id);
      const kind = a?.get('ClaimKind');
      const status = a?.get('ClaimStatus');
      doc.claims.push({
        id,
        start: tb.start,
        end: tb.end,
        text: textOf(tb),
        kind: typeof kind === 'string' ? kind : 'fact',
        claimant: (rel && actorOf.get(rel.a1)) ?? p.tagged.get('claimant') ?? null,
        status: typeof status === 'string' ? status : 'unverified',
        note: p.free,
        links: list(p.tagged.get('links'), / /),
        origin: origin(id),
      });
    }
  }
  for (const ev of events) {
    const tb = tbs.get(ev.trigger);
    const type = CHANNEL_OF_EVENT.get(ev.type);
    if (!tb || !type) {
      issues.push({ line: 0, message: `${ev.id}: unknown channel type or trigger (${ev.type}:${ev.trigger})` });
      continue;
    }
    const p = parts(ev.trigger);
    const role = (r: string) => ev.args.filter(([k]) => k.replace(/\d+$/, '') === r).map(([, v]) => actorOf.get(v)).filter((x): x is string => !!x);
    doc.channels.push({
      id: ev.id,
      start: tb.start,
      end: tb.end,
      text: textOf(tb),
      type,
      participants: [...role('Participant'), ...list(p.tagged.get('participants'), /, /)],
      via: [...role('Via'), ...list(p.tagged.get('via'), /, /)],
      origin: origin(ev.id),
    });
  }
  const bySpan = (x: { start: number; end: number }, y: { start: number; end: number }) => x.start - y.start || x.end - y.end;
  doc.mentions.sort(bySpan);
  doc.quotes.sort(bySpan);
  doc.channels.sort(bySpan);
  doc.claims.sort(bySpan);
  return { doc, issues };
}

/** ID, data and the text after the second tab (which may itself contain tabs). */
function splitTabs(line: string): [string, string, string] {
  const a = line.indexOf('\t');
  if (a < 0) return [line, '', ''];
  const b = line.indexOf('\t', a + 1);
  return b < 0 ? [line.slice(0, a), line.slice(a + 1), ''] : [line.slice(0, a), line.slice(a + 1, b), line.slice(b + 1)];
}
