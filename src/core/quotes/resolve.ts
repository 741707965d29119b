/**
 * Who a candidate stands for: mentions and names are themselves; a pronoun is the last compatible actor (the
 * previous speaker when still in view, else the main-clause subject nearby); "the minister" is the person mentioned
 * before with that title. Also the subject among a sentence's candidates.
 */
import type { ActorKind, SpeakerRef } from '../types';
import { candidates, ROLE_NOUNS, ROLE_RES, type Cand } from './candidates';
import { allSpaces, isLowerAscii } from './chars';
import type { Ctx } from './context';
import { ADVERBIAL_OPENERS } from './cues';
import { titleGap } from './gaps';
import { DOCUMENT_NOUNS, OPINION_PIECES } from './words';
import type { LastSpeaker } from './attribute';

const DOCUMENTS: ReadonlySet<string> = new Set(DOCUMENT_NOUNS);

/** Resolves a candidate to a speaker (pronouns through `resolvePronoun`). */
export function resolveCand(ctx: Ctx, p: number, c: Cand, last: LastSpeaker | null): { speaker: SpeakerRef; kind: ActorKind; conf: number } | null {
  if (c.source === 'nominal') {
    const r = resolveNominal(ctx, p, c);
    return r ? { speaker: r.speaker, kind: r.kind, conf: 0.65 } : null;
  }
  if (c.source !== 'pronoun') return c.speaker ? { speaker: c.speaker, kind: c.kind, conf: c.source === 'mention' ? 0.9 : 0.6 } : null;
  const r = resolvePronoun(ctx, p, c, last);
  return r ? { speaker: r.speaker, kind: r.kind, conf: 0.7 } : null;
}

function compatible(pr: 'person' | 'group' | 'thing', kind: ActorKind): boolean {
  return pr === 'person' ? kind === 'person' : kind !== 'person';
}

/**
 * A pronoun → the last compatible actor: the previous quote's speaker when it is mentioned (or quoted) in this or
 * the previous sentence; else the nearest compatible mention before the pronoun (back to the previous paragraph,
 * outside quotes); else the previous speaker when it spoke in the last two paragraphs.
 */
export function resolvePronoun(ctx: Ctx, p: number, c: Cand, last: LastSpeaker | null): { speaker: SpeakerRef; kind: ActorKind } | null {
  const pr = c.pronoun ?? 'person';
  const ps = ctx.paragraphs[p].start;
  const prevStart = ctx.prevSentenceStart(p, c.start);
  const prevPara = prevStart < ps ? p - 1 : p;
  const inWindow: Cand[] = [];
  if (prevPara < p) inWindow.push(...candidates(ctx, prevPara, prevStart, ctx.paragraphs[prevPara].end, false));
  inWindow.push(...candidates(ctx, p, Math.max(prevStart, ps), c.start, false));
  // an anonymous source ("a senior official said") quoted since: the pronoun is that source
  if (ctx.anonPos >= prevStart && ctx.anonPos < c.start && !inWindow.some((x) => x.start > ctx.anonPos && x.speaker && compatible(pr, x.kind))) return null;
  const ok = inWindow.filter((x) => x.speaker && compatible(pr, x.kind));
  if (last && compatible(pr, last.kind)) {
    if (last.pos >= prevStart || ok.some((x) => x.speaker?.id === last.speaker.id)) return { speaker: last.speaker, kind: last.kind };
  }
  // the main-clause subject: the nearest in this sentence, else the first of the sentence before (not in a
  // relative clause ", who …," nor a prepositional object)
  const sentStart = ctx.outerSentenceStart(p, c.start);
  const main = ok.filter((x) => !subordinate(ctx, x, x.start >= sentStart ? sentStart : prevStart));
  const here = main.filter((x) => x.start >= sentStart);
  let near = here.length ? here[here.length - 1] : null;
  // a recent speaker among the main-clause candidates wins ("Varga met Brandt again. He told …" after Brandt spoke)
  if (!near) for (let k = main.length - 1; k >= 0 && !near; k--) if (ctx.spokeRecently(main[k].speaker?.id, p)) near = main[k];
  near ??= subjectOf(ctx, main, prevStart) ?? ok[ok.length - 1];
  if (near?.speaker) return { speaker: near.speaker, kind: near.kind };
  // nearest compatible mention back to the start of the previous paragraph
  const from = p > 0 ? ctx.paragraphs[p - 1].start : ps;
  const ms = ctx.mentions;
  for (let k = ctx.lowerBound(c.start) - 1, n = 0; k >= 0 && ms[k].start >= from && n < 200; k--, n++) {
    const m = ms[k];
    const mp = m.start < ps ? p - 1 : p;
    if (ctx.insideQuote(mp, m.start)) continue;
    const kind = ctx.kindOf(m.actorId);
    if (compatible(pr, kind)) return { speaker: ctx.speakerOf(m), kind };
  }
  if (last && compatible(pr, last.kind) && last.para >= p - 2) return { speaker: last.speaker, kind: last.kind };
  return null;
}

/**
 * "the minister", "the Kremlin spokesman": the person mentioned before (this and the previous paragraph) whose
 * title has that noun; else an organisation or state named inside the phrase; else null.
 */
export function resolveNominal(ctx: Ctx, p: number, c: Cand): { speaker: SpeakerRef; kind: ActorKind } | null {
  const noun = c.noun ?? '';
  const ms = ctx.mentions;
  if (DOCUMENTS.has(noun)) {
    const author = documentAuthor(ctx, p, c, noun);
    if (author) return author;
  }
  if (ROLE_NOUNS.has(noun) && !c.indefinite) {
    const from = p > 0 ? ctx.paragraphs[p - 1].start : ctx.paragraphs[p].start;
    const re = ROLE_RES.get(noun) as RegExp;
    for (let k = ctx.lowerBound(c.start) - 1, n = 0; k >= 0 && ms[k].start >= from && n < 200; k--, n++) {
      const m = ms[k];
      if (ctx.kindOf(m.actorId) !== 'person') continue;
      const roles = [m.role ?? '', ...(ctx.findings.actors.get(m.actorId)?.roles ?? [])].join(' ').toLowerCase();
      if (re.test(roles)) return { speaker: ctx.speakerOf(m), kind: 'person' };
    }
  }
  for (let k = ctx.lowerBound(c.start); k < ms.length && ms[k].start < c.end; k++) {
    const kind = ctx.kindOf(ms[k].actorId);
    if (kind !== 'person') return { speaker: ctx.speakerOf(ms[k]), kind };
  }
  // "the ministry wrote", "the agency said": the nearest organisation named before with that noun in its name
  if (BODY_NOUNS.has(noun) && !c.indefinite) {
    const from = p > 0 ? ctx.paragraphs[p - 1].start : ctx.paragraphs[p].start;
    for (let k = ctx.lowerBound(c.start) - 1, n = 0; k >= 0 && ms[k].start >= from && n < 200; k--, n++) {
      const m = ms[k];
      if (ctx.kindOf(m.actorId) !== 'organization') continue;
      const name = ctx.findings.actors.get(m.actorId)?.name ?? m.text;
      if (ctx.folded.slice(m.start, m.end).includes(noun) || name.toLowerCase().includes(noun)) return { speaker: ctx.speakerOf(m), kind: 'organization' };
    }
  }
  return null;
}

/** Nominal heads that stand for a body named before ("the ministry", "the agency", "the embassy"). */
const BODY_NOUNS: ReadonlySet<string> = new Set(['ministry', 'agency', 'embassy', 'government']);

/**
 * "the letter said" → who wrote it: where the text last spoke of that document before (this or the previous
 * paragraph: "Sikorski sent her a letter", "The coalition released an open letter to the council"), the nearest
 * actor mentioned before the word in that sentence, outside quotes. Null when the text did not introduce it.
 */
function documentAuthor(ctx: Ctx, p: number, c: Cand, noun: string): { speaker: SpeakerRef; kind: ActorKind } | null {
  const f = ctx.folded;
  const from = p > 0 ? ctx.paragraphs[p - 1].start : ctx.paragraphs[p].start;
  // "the article" after "an op-ed": any opinion-piece noun named before
  const nouns = OPINION.has(noun) ? OPINION_PIECES : [noun];
  let at = -1;
  let len = 0;
  for (const w of nouns) {
    const i = lastWordBefore(ctx, p, w, c.end - w.length - 1, from);
    if (i > at) {
      at = i;
      len = w.length;
    }
  }
  if (at < 0 || len === 0) return null;
  const para = at < ctx.paragraphs[p].start ? p - 1 : p;
  const sentStart = ctx.outerSentenceStart(para, at);
  const ms = ctx.mentions;
  for (let k = ctx.lowerBound(at) - 1; k >= 0 && ms[k].start >= sentStart; k--) {
    if (ctx.insideQuote(para, ms[k].start)) continue;
    return { speaker: ctx.speakerOf(ms[k]), kind: ctx.kindOf(ms[k].actorId) };
  }
  // "He went further in an op-ed …": the sentence's subject pronoun
  const pr = /^(he|she) /.exec(f.slice(sentStart, sentStart + 4));
  if (pr) {
    const cand: Cand = { start: sentStart, end: sentStart + pr[1].length, source: 'pronoun', speaker: null, kind: 'person', pronoun: 'person', noun: undefined, indefinite: undefined };
    const r = resolvePronoun(ctx, para, cand, null);
    if (r) return r;
  }
  return null;
}

const OPINION: ReadonlySet<string> = new Set(OPINION_PIECES);

/** The last whole-word `w` at or before `at` and at or after `from`, outside quotes; -1 if none. */
function lastWordBefore(ctx: Ctx, p: number, w: string, at: number, from: number): number {
  const f = ctx.folded;
  for (let i = f.lastIndexOf(w, at); i >= from; i = f.lastIndexOf(w, i - 1)) {
    if (isWordChar(f.charCodeAt(i - 1)) || isWordChar(f.charCodeAt(i + w.length))) continue;
    const para = i < ctx.paragraphs[p].start ? p - 1 : p;
    if (ctx.insideQuote(para, i)) continue;
    return i;
  }
  return -1;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** The subject among candidates of a sentence: the first one after a leading adverbial phrase ("In …, X …"). */
export function subjectOf(ctx: Ctx, cands: readonly Cand[], sentStart: number): Cand | null {
  if (!cands.length) return null;
  const from = adverbialEnd(ctx, sentStart, cands[cands.length - 1].end);
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.start < from) continue;
    // "South Africa's foreign minister, Ronald Lamola, …": the person named in the appositive
    const n = cands[k + 1];
    if (c.kind !== 'person' && n && n.kind === 'person' && n.speaker && n.source !== 'pronoun' && POSSESSIVE_ROLE.test(ctx.folded.slice(c.end, n.start))) return n;
    // "Beijing's Taiwan Affairs Office replied …": the body the state's possessive names
    if (c.kind === 'state' && n && n.source === 'mention' && n.kind === 'organization' && POSSESSIVE_ONLY.test(ctx.folded.slice(c.end, n.start))) return n;
    return c;
  }
  return null;
}

/** Between a state and a body it possesses: "'s ". */
const POSSESSIVE_ONLY = /^['\u2019]s $/;
/** Between a state or organisation and the person in apposition: "'s foreign minister, ". */
const POSSESSIVE_ROLE = /^['\u2019]s (?:[a-z][a-z.-]* ){0,4}[a-z][a-z.-]*, $/;

/** End of a leading adverbial phrase ("While …, ", "For his part, "), or `sentStart` when there is none. */
function adverbialEnd(ctx: Ctx, sentStart: number, limit: number): number {
  const f = ctx.folded;
  let i = sentStart;
  while (i < limit && !isLowerAscii(f.charCodeAt(i))) i++;
  let j = i;
  while (j < limit && isLowerAscii(f.charCodeAt(j))) j++;
  if (!ADVERBIAL_OPENERS.has(f.slice(i, j))) return sentStart;
  const comma = f.indexOf(',', j);
  return comma >= 0 && comma < limit ? comma + 1 : sentStart;
}

/**
 * The speaker among candidates that follow position `from` with only a title between ("NATO Secretary General
 * Mark Rutte", "Israeli Prime Minister X", "Poland's foreign minister, X"): a person wins over an organisation or
 * state named inside the title. Returns the candidate and whether it is an appositive (title ends with a comma).
 */
export function subjectAfter(ctx: Ctx, cands: readonly Cand[], from: number): { c: Cand; appositive: boolean } | null {
  let fallback: Cand | null = null;
  for (let k = 0; k < cands.length && k < 4; k++) {
    const c = cands[k];
    if (c.start < from) continue;
    const g = titleGap(ctx.text, ctx.folded, from, c.start);
    if (!g) break;
    if (c.source === 'pronoun') return fallback ? null : { c, appositive: false };
    if (c.kind === 'person') return { c, appositive: g === 2 };
    // "the French daily Le Monde": the name right after a descriptive noun phrase
    if (fallback && fallback.source === 'nominal' && c.source === 'mention' && allSpaces(ctx.folded, fallback.end, c.start)) fallback = c;
    fallback ??= c;
  }
  return fallback ? { c: fallback, appositive: false } : null;
}

const PREPOSITIONS = new Set([
  'in', 'at', 'to', 'with', 'from', 'by', 'for', 'of', 'on', 'after', 'before', 'about', 'between', 'against',
  'toward', 'towards', 'near', 'during', 'via', 'through', 'into', 'over', 'under', 'among', 'behind', 'across',
]);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'where', 'when', 'that']);

/**
 * A candidate that cannot be the subject of the main clause: inside a relative clause (", who …,", ", which
 * …,") or an object ("in Jerusalem", "met Netanyahu", "and X" after a subject). `from` bounds the look-back.
 */
export function subordinate(ctx: Ctx, c: Cand, from: number): boolean {
  const f = ctx.folded;
  // the word before (skipping "the")
  let i = c.start;
  while (i > from && f.charCodeAt(i - 1) === 32) i--;
  let s = i;
  while (s > from && isLowerAscii(f.charCodeAt(s - 1))) s--;
  let w = f.slice(s, i);
  if (w === 'the') {
    i = s;
    while (i > from && f.charCodeAt(i - 1) === 32) i--;
    s = i;
    while (s > from && isLowerAscii(f.charCodeAt(s - 1))) s--;
    w = f.slice(s, i);
  }
  if (w && PREPOSITIONS.has(w)) return true;
  // the last comma before it opens a relative clause
  for (let k = c.start - 1; k >= from && k > c.start - 200; k--) {
    const ch = f.charCodeAt(k);
    if (ch === 46 || ch === 59) return false;
    if (ch !== 44) continue;
    let a = k + 1;
    while (a < c.start && f.charCodeAt(a) === 32) a++;
    let b = a;
    while (b < c.start && isLowerAscii(f.charCodeAt(b))) b++;
    return b > a && RELATIVES.has(f.slice(a, b));
  }
  return false;
}
