/**
 * Attribution helpers: candidates for a speaker (actor mentions, pronouns, capitalised names the actor stage
 * missed), cues before and after a quote, subjects of cue verbs, pronoun resolution.
 * Every look-around is bounded to the quote's paragraph (and the sentence before it for pronouns).
 */
import type { TextDoc } from '../text';
import { splitSentences } from '../text';
import type { ActorFindings, ActorKind, Mention, Span, SpeakerRef, TextSpan } from '../types';
import { ADVERBIAL_OPENERS, CUE_SOURCE, cueForm, ORG_WORDS, PRONOUNS, TITLE_WORDS, type CueForm } from './cues';

export type CandSource = 'mention' | 'pronoun' | 'name' | 'nominal';

export interface Cand extends Span {
  source: CandSource;
  /** Resolved speaker (null for an unresolved pronoun). */
  speaker: SpeakerRef | null;
  kind: ActorKind;
  /** For pronouns: what they can stand for. */
  pronoun?: 'person' | 'group' | 'thing';
  /** For nominals ("the minister"): the head noun. */
  noun?: string;
}

export interface Attribution {
  speaker: SpeakerRef | null;
  kind: ActorKind;
  cue: TextSpan | null;
  confidence: number;
  /** The cue is right next to the quote ("said:", "“…,” he said"), not just earlier in the sentence. */
  adjacent: boolean;
  /** A cue with a subject that is no actor ("critics said", "a source told"): the speaker is unknown, not the previous one. */
  explicit?: boolean;
  how: 'after' | 'before' | 'label' | 'continuation' | 'interview' | 'question';
}

export interface LastSpeaker {
  speaker: SpeakerRef;
  kind: ActorKind;
  /** Offset of the quote it was attributed to. */
  pos: number;
  para: number;
}

const ADV = String.raw`(?:[a-z]+ly|also|then|later|again|once|further|too|has|have|had|would|will|was|were|is|are|not|never|previously|earlier|recently|himself|herself|itself|themselves|on\s+[a-z]+day|last\s+week|yesterday|today|in\s+turn|however)`;
/** Between a subject and its verb: nothing, adverbs/auxiliaries, or an appositive between commas. */
const GAP_VERB = new RegExp(String.raw`^(?:\s*,[^;!?]*,["'\u201d\u2019]?)?\s*(?:${ADV}\s*,?\s+)*$`);
/** A post-modifier ("X of the Department of …, believes"). */
const GAP_POST = new RegExp(String.raw`^\s+(?:of|from|at|with|in)\s[^;!?]*,["'\u201d\u2019]?\s*(?:${ADV}\s+)*$`);
/** A possessive before a noun cue ("Putin's statements that", "Putin's recent remarks that"). */
const GAP_NOUN = /^'s\s+(?:[a-z-]+\s+){0,2}$/;
/** After an ambiguous noun/verb form, what makes it a verb ("notes that", "claims:"). */
const AMBIGUOUS_OK = /^\s*(?:that\b|:|,|it\b|this\b|them\b)/;
/** Cue right next to the quote: "said:", "said that", "told reporters,", "said in a statement:". */
const ADJACENT = /^(?:\s*(?:that\s*)?[:,]?\s*|(?:\s+[^\s:,;.]+){1,4}\s*[:,]\s*)$/;
const ING_BEFORE = /(?:^|,|\b(?:and|but|while|before|after|by|when|without|is|was|were|are|been|kept|keeps))\s*$/;
const PRONOUN_RE = /(?<![a-z0-9'-])(?:he|she|they|it)(?![a-z0-9'-])/g;
const NAME_RE = /[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u00ff'\u2019-]*(?:\s+(?:(?:bin|ibn|al|el|de|da|van|von|der|du|la)\s+)?[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u00ff'\u2019-]*)*/g;
/** A common-noun subject: "the foreign minister", "a Kremlin spokesman", "critics", "officials". */
const NOMINAL_RE =
  /(?<![a-z0-9'-])(?:(?:the|a|an|one|some|many|several|two|three|other|senior|western)\s+(?:[a-z.'-]+\s+){0,2}?(minister|spokesman|spokeswoman|spokesperson|president|envoy|ambassador|secretary|chancellor|premier|diplomat|negotiator|senator|official|analyst|expert|source|ministry|agency|government|embassy|officials|analysts|experts|sources|diplomats|observers|critics|commentators|lawmakers)|(critics|officials|analysts|experts|observers|diplomats|sources|commentators|lawmakers))(?![a-z0-9-])/g;
const ROLE_NOUNS = new Set([
  'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'envoy', 'ambassador', 'secretary',
  'chancellor', 'premier', 'diplomat', 'negotiator', 'senator',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your']);
const CUE_AT_START = new RegExp(`^${CUE_SOURCE}`);
const CUE_ANY = new RegExp(CUE_SOURCE, 'g');

export function kebab(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Per-analysis context: the text, mentions and a small sentence cache. */
export class Ctx {
  readonly text: string;
  readonly folded: string;
  readonly paragraphs: readonly Span[];
  readonly mentions: readonly Mention[];
  readonly findings: ActorFindings;
  /** Quote spans (open..close) of the paragraphs seen so far, per paragraph, to skip quote interiors. */
  readonly quoteSpans = new Map<number, Span[]>();
  private readonly sentences = new Map<number, Span[]>();
  /** Surnames of people named in full by the text but unknown to the actor stage ("Keller" after "Ruth Keller"). */
  private readonly surnames = new Map<string, SpeakerRef>();

  constructor(doc: TextDoc, findings: ActorFindings) {
    this.text = doc.text;
    this.folded = doc.folded;
    this.paragraphs = doc.paragraphs;
    this.mentions = findings.mentions;
    this.findings = findings;
  }

  /** Sentences of paragraph `p` (computed once; only the two latest paragraphs are kept). */
  sentencesOf(p: number): Span[] {
    let s = this.sentences.get(p);
    if (!s) {
      const para = this.paragraphs[p];
      s = splitSentences(this.text, para.start, para.end);
      if (!s.length) s = [{ start: para.start, end: para.end }];
      for (const k of this.sentences.keys()) if (k < p - 1) this.sentences.delete(k);
      this.sentences.set(p, s);
    }
    return s;
  }

  /** Index of the sentence of paragraph `p` containing (or last starting before) `pos`. */
  sentenceIndex(p: number, pos: number): number {
    const ss = this.sentencesOf(p);
    let k = 0;
    while (k + 1 < ss.length && ss[k + 1].start <= pos) k++;
    return k;
  }

  /** Start of the sentence containing `pos`. */
  sentenceStart(p: number, pos: number): number {
    return this.sentencesOf(p)[this.sentenceIndex(p, pos)].start;
  }

  /** Start of the sentence before the one containing `pos` (may be in the previous paragraph). */
  prevSentenceStart(p: number, pos: number): number {
    const k = this.sentenceIndex(p, pos);
    if (k > 0) return this.sentencesOf(p)[k - 1].start;
    if (p > 0) {
      const ss = this.sentencesOf(p - 1);
      return ss[ss.length - 1].start;
    }
    return this.paragraphs[p].start;
  }

  /** First mention index with start >= pos. */
  lowerBound(pos: number): number {
    const ms = this.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insideQuote(p: number, pos: number): boolean {
    for (const q of this.quoteSpans.get(p) ?? []) if (pos >= q.start && pos < q.end) return true;
    return false;
  }

  paraOf(pos: number): number {
    const ps = this.paragraphs;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  kindOf(id: string): ActorKind {
    return this.findings.actors.get(id)?.kind ?? 'person';
  }

  speakerOf(m: Mention): SpeakerRef {
    const a = this.findings.actors.get(m.actorId);
    return { id: m.actorId, name: a?.name ?? m.text };
  }

  /**
   * Speaker candidates in [a, b) outside quotes: mentions, pronouns and capitalised person-like names that no
   * mention covers. Sorted by start.
   */
  candidates(p: number, a: number, b: number, withPronouns = true): Cand[] {
    const out: Cand[] = [];
    if (b <= a) return out;
    const ms = this.mentions;
    for (let k = this.lowerBound(a); k < ms.length && ms[k].start < b; k++) {
      const m = ms[k];
      if (m.end > b || this.insideQuote(p, m.start)) continue;
      out.push({ start: m.start, end: m.end, source: 'mention', speaker: this.speakerOf(m), kind: this.kindOf(m.actorId) });
    }
    const mentionCount = out.length;
    const covered = (s: number, e: number): boolean => {
      for (let k = 0; k < mentionCount; k++) if (out[k].start < e && s < out[k].end) return true;
      return false;
    };
    if (withPronouns) {
      const seg = this.folded.slice(a, b);
      PRONOUN_RE.lastIndex = 0;
      for (let r = PRONOUN_RE.exec(seg); r; r = PRONOUN_RE.exec(seg)) {
        const s = a + r.index;
        if (this.insideQuote(p, s) || covered(s, s + r[0].length)) continue;
        const pr = PRONOUNS.get(r[0]);
        if (pr) out.push({ start: s, end: s + r[0].length, source: 'pronoun', speaker: null, kind: pr === 'person' ? 'person' : 'organization', pronoun: pr });
      }
    }
    const raw = this.text.slice(a, b);
    NAME_RE.lastIndex = 0;
    for (let r = NAME_RE.exec(raw); r; r = NAME_RE.exec(raw)) {
      const s0 = a + r.index;
      if (this.insideQuote(p, s0) || covered(s0, s0 + r[0].length)) continue;
      const nm = personName(r[0]);
      if (!nm) {
        const known = this.surnames.get(r[0].replace(/['\u2019]s$/, ''));
        if (known) out.push({ start: s0, end: s0 + r[0].length, source: 'name', speaker: known, kind: 'person' });
        continue;
      }
      const s = s0 + nm.offset;
      const speaker = { id: kebab(nm.name), name: nm.name };
      this.surnames.set(nm.name.slice(nm.name.lastIndexOf(' ') + 1), speaker);
      out.push({ start: s, end: s + nm.name.length, source: 'name', speaker, kind: 'person' });
    }
    const fseg = this.folded.slice(a, b);
    NOMINAL_RE.lastIndex = 0;
    for (let r = NOMINAL_RE.exec(fseg); r; r = NOMINAL_RE.exec(fseg)) {
      const s = a + r.index;
      if (this.insideQuote(p, s)) continue;
      const e = s + r[0].length;
      let inside = false;
      for (let k = 0; k < mentionCount; k++) if (out[k].start >= s && out[k].end <= e) inside = true;
      // "the Kremlin spokesman" is reported through its mention of the Kremlin; "the minister" stays a nominal
      if (inside && !ROLE_NOUNS.has(r[1] ?? '')) continue;
      out.push({ start: s, end: e, source: 'nominal', speaker: null, kind: 'person', noun: r[1] ?? r[2] });
    }
    if (out.length > mentionCount) out.sort((x, y) => x.start - y.start || y.end - x.end);
    return out;
  }

  /**
   * "the minister", "the Kremlin spokesman": the person mentioned before (this and the previous paragraph) whose
   * title has that noun; else an organisation or state named inside the phrase; else null.
   */
  resolveNominal(p: number, c: Cand): { speaker: SpeakerRef; kind: ActorKind } | null {
    const noun = c.noun ?? '';
    if (ROLE_NOUNS.has(noun)) {
      const from = p > 0 ? this.paragraphs[p - 1].start : this.paragraphs[p].start;
      const ms = this.mentions;
      for (let k = this.lowerBound(c.start) - 1; k >= 0 && ms[k].start >= from; k--) {
        const m = ms[k];
        if (this.kindOf(m.actorId) !== 'person') continue;
        const roles = [m.role ?? '', ...(this.findings.actors.get(m.actorId)?.roles ?? [])].join(' ').toLowerCase();
        if (new RegExp(`\\b${noun}\\b`).test(roles)) return { speaker: this.speakerOf(m), kind: 'person' };
      }
    }
    const ms = this.mentions;
    for (let k = this.lowerBound(c.start); k < ms.length && ms[k].start < c.end; k++) {
      const kind = this.kindOf(ms[k].actorId);
      if (kind !== 'person') return { speaker: this.speakerOf(ms[k]), kind };
    }
    return null;
  }
}

/** A person-like name in a capitalised sequence: titles stripped, 2–4 words, no organisation words. */
export function personName(seq: string): { name: string; offset: number } | null {
  const toks = seq.split(/\s+/);
  let i = 0;
  let offset = 0;
  while (i < toks.length && (TITLE_WORDS.has(toks[i].toLowerCase().replace(/[.'\u2019]+$/, '')) || DETERMINERS.has(toks[i].toLowerCase()))) {
    offset = seq.indexOf(toks[i + 1] ?? '', offset + toks[i].length);
    i++;
  }
  const rest = toks.slice(i);
  if (rest.length < 2 || rest.length > 4 || offset < 0) return null;
  for (const t of rest) {
    const w = t.toLowerCase().replace(/['\u2019]s$/, '');
    if (ORG_WORDS.has(w) || TITLE_WORDS.has(w)) return null;
  }
  let name = rest.join(' ');
  name = name.replace(/['\u2019]s$/, '');
  return { name, offset };
}

export interface CueHit extends TextSpan {
  form: CueForm;
}

/** Cues in folded[a, b), in order (ambiguous noun/verb forms only when followed by that / : / , / it). */
export function cuesIn(ctx: Ctx, a: number, b: number): CueHit[] {
  const out: CueHit[] = [];
  if (b <= a) return out;
  const seg = ctx.folded.slice(a, b);
  CUE_ANY.lastIndex = 0;
  for (let r = CUE_ANY.exec(seg); r; r = CUE_ANY.exec(seg)) {
    const form = cueForm(r[0]);
    if (!form) continue;
    const s = a + r.index;
    const e = s + r[0].length;
    if (form.ambiguous && !AMBIGUOUS_OK.test(ctx.folded.slice(e, e + 8))) continue;
    if (form.lemma === 'call' && /so-?\s*$/.test(seg.slice(Math.max(0, r.index - 4), r.index))) continue; // so-called
    // an -ing form is a cue after a comma/conjunction ("…, noting", "while stating"), not as an adjective ("more promising")
    if (/ing$/.test(r[0]) && r.index > 0 && !ING_BEFORE.test(seg.slice(Math.max(0, r.index - 10), r.index))) continue;
    out.push({ start: s, end: e, text: ctx.text.slice(s, e), form });
  }
  return out;
}

/** Resolves a candidate to a speaker (pronouns through `resolvePronoun`). */
export function resolveCand(ctx: Ctx, p: number, c: Cand, last: LastSpeaker | null): { speaker: SpeakerRef; kind: ActorKind; conf: number } | null {
  if (c.source === 'nominal') {
    const r = ctx.resolveNominal(p, c);
    return r ? { ...r, conf: 0.65 } : null;
  }
  if (c.source !== 'pronoun') return c.speaker ? { speaker: c.speaker, kind: c.kind, conf: c.source === 'mention' ? 0.9 : 0.6 } : null;
  const r = resolvePronoun(ctx, p, c, last);
  return r ? { ...r, conf: 0.7 } : null;
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
  if (prevPara < p) inWindow.push(...ctx.candidates(prevPara, prevStart, ctx.paragraphs[prevPara].end, false));
  inWindow.push(...ctx.candidates(p, Math.max(prevStart, ps), c.start, false));
  const ok = inWindow.filter((x) => x.speaker && compatible(pr, x.kind));
  if (last && compatible(pr, last.kind)) {
    if (last.pos >= prevStart || ok.some((x) => x.speaker?.id === last.speaker.id)) return { speaker: last.speaker, kind: last.kind };
  }
  const near = ok[ok.length - 1];
  if (near?.speaker) return { speaker: near.speaker, kind: near.kind };
  // nearest compatible mention back to the start of the previous paragraph
  const from = p > 0 ? ctx.paragraphs[p - 1].start : ps;
  const ms = ctx.mentions;
  for (let k = ctx.lowerBound(c.start) - 1; k >= 0 && ms[k].start >= from; k--) {
    const m = ms[k];
    const mp = m.start < ps ? p - 1 : p;
    if (ctx.insideQuote(mp, m.start)) continue;
    const kind = ctx.kindOf(m.actorId);
    if (compatible(pr, kind)) return { speaker: ctx.speakerOf(m), kind };
  }
  if (last && compatible(pr, last.kind) && last.para >= p - 2) return { speaker: last.speaker, kind: last.kind };
  return null;
}

/** The subject among candidates of a sentence: the first one after a leading adverbial phrase ("In …, X …"). */
export function subjectOf(ctx: Ctx, cands: readonly Cand[], sentStart: number): Cand | null {
  if (!cands.length) return null;
  const from = adverbialEnd(ctx, sentStart, cands[cands.length - 1].end);
  for (const c of cands) if (c.start >= from) return c;
  return null;
}

/** End of a leading adverbial phrase ("While …, ", "For his part, "), or `sentStart` when there is none. */
function adverbialEnd(ctx: Ctx, sentStart: number, limit: number): number {
  const f = ctx.folded;
  let i = sentStart;
  while (i < limit && !/[a-z]/.test(f[i])) i++;
  let j = i;
  while (j < limit && /[a-z]/.test(f[j])) j++;
  if (!ADVERBIAL_OPENERS.has(f.slice(i, j))) return sentStart;
  const comma = f.indexOf(',', j);
  return comma >= 0 && comma < limit ? comma + 1 : sentStart;
}

/** Whether the text between a candidate and a cue lets the candidate be the cue's subject. */
export function subjectGap(ctx: Ctx, c: Cand, cue: CueHit): boolean {
  const gap = ctx.folded.slice(c.end, cue.start);
  if (cue.form.role === 'noun') return GAP_NOUN.test(gap.replace(/\u2019/g, "'"));
  if (gap.length > 240) return false;
  return GAP_VERB.test(gap) || GAP_POST.test(gap);
}

export function isAdjacent(ctx: Ctx, from: number, to: number): boolean {
  return ADJACENT.test(ctx.folded.slice(from, to));
}

export function cueAtStart(folded: string, pos: number): string | null {
  const r = CUE_AT_START.exec(folded.slice(pos, pos + 30));
  return r ? r[0] : null;
}
