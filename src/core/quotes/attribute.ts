/**
 * Attribution helpers: candidates for a speaker (actor mentions, pronouns, capitalised names the actor stage
 * missed), cues before and after a quote, subjects of cue verbs, pronoun resolution.
 * Every look-around is bounded to the quote's paragraph (and the sentence before it for pronouns).
 */
import type { TextDoc } from '../text';
import * as textMod from '../text';
import type { ActorFindings, ActorKind, Mention, Span, SpeakerRef, TextSpan } from '../types';
import * as cuesMod from './cues';
import type { CueForm } from './cues';

// imported bindings read once (a transpiled module reads every imported name through an accessor on each use)
const isUpperCode = textMod.isUpperCode;
const paragraphAt = textMod.paragraphAt;
const ADVERBIAL_OPENERS = cuesMod.ADVERBIAL_OPENERS;
const ORG_WORDS = cuesMod.ORG_WORDS;
const PRONOUNS = cuesMod.PRONOUNS;
const scanCues = cuesMod.scanCues;
const TITLE_WORDS = cuesMod.TITLE_WORDS;

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
  /** For nominals: indefinite ("a senior official", "one negotiator", "diplomats"), an anonymous source. */
  indefinite?: boolean;
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
  /** A naming verb ("called", "dubbed", "described … as"). */
  naming?: boolean;
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
export const ADJACENT = /^(?:\s*(?:that\s*)?[:,]?\s*|(?:\s+[^\s:,;.]+){1,4}\s*[:,]\s*)$/;
const ING_BEFORE = /(?:^|[,"'\u201d\u2019\u00bb]|\b(?:and|but|while|before|after|by|when|without|is|was|were|are|been|kept|keeps))\s*$/;
const PRONOUN_RE = /\b(?:he|she|they|it)\b/g;
const NAME_RE = /[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u00ff'\u2019-]*(?:\s+(?:(?:bin|ibn|al|el|de|da|van|von|der|du|la)\s+)?[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u00ff'\u2019-]*)*/g;
/** A common-noun subject: "the foreign minister", "a Kremlin spokesman", "critics", "officials". */
const NOMINAL_HEAD =
  /\b(?:minister|spokesman|spokeswoman|spokesperson|president|envoy|ambassador|secretary|chancellor|premier|diplomat|negotiator|senator|official|analyst|expert|source|ministry|agency|government|embassy|officials|analysts|experts|sources|diplomats|observers|critics|commentators|lawmakers)\b/g;
const NOMINAL_DETS = new Set(['the', 'a', 'an', 'one', 'some', 'many', 'several', 'two', 'three', 'other', 'senior', 'western']);

/**
 * Length of "the (modifier (modifier))" right before `i` in the folded `seg` ("the foreign " before "minister"),
 * or -1 when no determiner starts one of the three words before.
 */
function determinerBefore(seg: string, i: number): number {
  let e = i;
  let found = -1;
  for (let w = 0; w < 3; w++) {
    let j = e;
    while (j > 0 && seg.charCodeAt(j - 1) <= 32) j--;
    if (j === e) return found;
    let s = j;
    while (s > 0 && isNominalChar(seg.charCodeAt(s - 1))) s--;
    if (s === j) return found;
    // "a senior official": the determiner before a determiner-like modifier belongs to the phrase too
    if (NOMINAL_DETS.has(seg.slice(s, j))) found = i - s;
    else if (found >= 0) return found;
    e = s;
  }
  return found;
}

function isNominalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 46 || c === 39 || c === 45;
}

const BARE_PLURAL = new Set(['critics', 'officials', 'analysts', 'experts', 'observers', 'diplomats', 'sources', 'commentators', 'lawmakers']);
const ROLE_NOUNS = new Set([
  'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'envoy', 'ambassador', 'secretary',
  'chancellor', 'premier', 'diplomat', 'negotiator', 'senator',
]);
/** Word-bounded patterns of the role nouns, built once. */
const ROLE_RES = new Map<string, RegExp>();
/** Capitalised words at the front of a sequence that are no part of a name ("The", "In", "But", "Yesterday"). */
const LEADING_STOP = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'and', 'but',
  'or', 'so', 'then', 'also', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'there', 'here', 'what', 'who', 'why',
  'how', 'where', 'let', 'dear', 'photo', 'source', 'author', 'original', 'statement', 'update',
  ...ADVERBIAL_OPENERS,
]);

export function kebab(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Words whose trailing period ends no sentence ("U.S.", "Mr.", "Gen."). */
const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'rep', 'sen', 'gov', 'pres',
  'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'amb', 'hon', 'rev', 'fr', 'mt', 'ft',
]);
/** How far back a sentence start is looked for (a garbled paragraph without punctuation stays linear). */
const MAX_SENTENCE = 800;

/** Per-analysis context: the text, mentions, quote interiors and candidates of the latest paragraphs. */
export class Ctx {
  readonly text: string;
  readonly folded: string;
  readonly paragraphs: readonly Span[];
  readonly mentions: readonly Mention[];
  readonly findings: ActorFindings;
  /** Quote spans (open..close mark), sorted, of the latest paragraphs, to skip quote interiors. */
  private quoteSpans: Array<{ p: number; spans: Span[] }> = [];
  /** The last two sentence-start look-ups (the same quote asks several times). */
  private memoPos = -1;
  private memoStart = 0;
  private memoPos2 = -1;
  private memoStart2 = 0;
  /** Surnames of people named in full by the text but unknown to the actor stage ("Keller" after "Ruth Keller"). */
  private readonly surnames = new Map<string, SpeakerRef>();
  private readonly kebabs = new Map<string, string>();
  /** Start of the last quote attributed to an anonymous source ("a senior official said"), or -1. */
  anonPos = -1;
  /** The last few speakers and the paragraph they spoke in. */
  private readonly recent: Array<{ id: string; para: number }> = [];

  noteSpeaker(id: string, para: number): void {
    const r = this.recent;
    if (r.length && r[r.length - 1].id === id) {
      r[r.length - 1].para = para;
      return;
    }
    r.push({ id, para });
    if (r.length > 4) r.shift();
  }

  /** Whether actor `id` was quoted in the last three paragraphs before `p` (or in `p`). */
  spokeRecently(id: string | undefined, p: number): boolean {
    if (!id) return false;
    for (const x of this.recent) if (x.id === id && x.para >= p - 3) return true;
    return false;
  }

  constructor(
    private readonly doc: TextDoc,
    findings: ActorFindings,
  ) {
    this.text = doc.text;
    this.folded = doc.folded;
    this.paragraphs = doc.paragraphs;
    this.mentions = findings.mentions;
    this.findings = findings;
  }

  private cuePs = -1;
  private cuePe = -1;
  private cueList: CueHit[] = [];

  /** The cues of the paragraph containing `pos` (scanned once per paragraph). */
  paraCues(pos: number): CueHit[] {
    if (pos >= this.cuePs && pos < this.cuePe) return this.cueList;
    const p = paragraphAt(this.doc, pos);
    if (p < 0) return [];
    const { start, end } = this.paragraphs[p];
    this.cuePs = start;
    this.cuePe = end + 1;
    // only the author's text: quote interiors hold no cues of this paragraph
    let qs: Span[] | undefined;
    for (const x of this.quoteSpans) if (x.p === p) qs = x.spans;
    if (!qs?.length) this.cueList = scanParaCues(this, start, end);
    else {
      const out: CueHit[] = [];
      let from = start;
      for (const q of qs) {
        if (q.start > from) scanParaCues(this, from, q.start, start, out);
        from = q.end;
      }
      if (from < end) scanParaCues(this, from, end, start, out);
      this.cueList = out;
    }
    return this.cueList;
  }

  setQuoteSpans(p: number, spans: Span[]): void {
    this.cuePs = this.cuePe = -1;
    this.quoteSpans.push({ p, spans });
    if (this.quoteSpans.length > 3) this.quoteSpans.shift();
  }

  /** Start of the sentence containing `pos`: a backward scan inside the paragraph, at most MAX_SENTENCE long. */
  sentenceStart(p: number, pos: number): number {
    if (pos === this.memoPos) return this.memoStart;
    if (pos === this.memoPos2) return this.memoStart2;
    const ps = this.paragraphs[p].start;
    const t = this.text;
    const floor = Math.max(ps, pos - MAX_SENTENCE);
    let found = floor;
    for (let i = pos - 1; i > floor; i--) {
      const c = t.charCodeAt(i);
      if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
      let j = i + 1;
      while (j < pos && isClosing(t.charCodeAt(j))) j++;
      if (j >= pos || !isSpace(t.charCodeAt(j))) continue;
      let k = j;
      while (k < pos && isSpace(t.charCodeAt(k))) k++;
      const n = t.charCodeAt(k);
      if (!(isUpperCode(n) || (n >= 48 && n <= 57) || isOpening(n))) continue;
      if (c === 46) {
        let w = i - 1;
        while (w >= ps && isAbbrevChar(t.charCodeAt(w))) w--;
        if (i - w <= 5) {
          const word = this.folded.slice(w + 1, i);
          if (ABBREV.has(word) || (word.length === 1 && isUpperCode(t.charCodeAt(i - 1)))) continue;
        }
      }
      found = k;
      break;
    }
    this.memoPos2 = this.memoPos;
    this.memoStart2 = this.memoStart;
    this.memoPos = pos;
    this.memoStart = found;
    return found;
  }

  /** Start of the sentence before the one containing `pos` (may be in the previous paragraph). */
  prevSentenceStart(p: number, pos: number): number {
    const s = this.outerSentenceStart(p, pos);
    const ps = this.paragraphs[p].start;
    if (s > ps) return this.outerSentenceStart(p, s - 1);
    if (p > 0) return this.sentenceStart(p - 1, this.paragraphs[p - 1].end);
    return ps;
  }

  /** Start of the author's sentence containing `pos`: sentence breaks inside quotes ("“He left. We stay,” she said") do not count. */
  outerSentenceStart(p: number, pos: number): number {
    let s = this.sentenceStart(p, pos);
    for (let n = 0; n < 8; n++) {
      const qs = this.quoteStartAt(p, s);
      if (qs < 0) break;
      s = this.sentenceStart(p, qs);
    }
    return s;
  }

  /** Start of the quote span of paragraph `p` holding `pos` (not at its start), or -1. */
  private quoteStartAt(p: number, pos: number): number {
    let qs: Span[] | undefined;
    for (const x of this.quoteSpans) if (x.p === p) qs = x.spans;
    if (!qs) return -1;
    for (const q of qs) if (pos > q.start && pos < q.end) return q.start;
    return -1;
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
    let qs: Span[] | undefined;
    for (const x of this.quoteSpans) if (x.p === p) qs = x.spans;
    if (!qs) return false;
    let lo = 0;
    let hi = qs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pos < qs[mid].start) hi = mid - 1;
      else if (pos >= qs[mid].end) lo = mid + 1;
      else return true;
    }
    return false;
  }

  kindOf(id: string): ActorKind {
    return this.findings.actors.get(id)?.kind ?? 'person';
  }

  speakerOf(m: Mention): SpeakerRef {
    const a = this.findings.actors.get(m.actorId);
    return { id: m.actorId, name: a?.name ?? m.text };
  }

  private readonly names = new Map<string, { name: string; offset: number } | null>();

  private personName(seq: string): { name: string; offset: number } | null {
    let r = this.names.get(seq);
    if (r === undefined) {
      r = personName(seq);
      if (this.names.size > 5000) this.names.clear();
      this.names.set(seq, r);
    }
    return r;
  }

  kebab(name: string): string {
    let k = this.kebabs.get(name);
    if (k === undefined) {
      k = kebab(name);
      this.kebabs.set(name, k);
    }
    return k;
  }

  /**
   * Speaker candidates in [a, b) of paragraph `p`, outside quotes: mentions, pronouns, capitalised person-like
   * names that no mention covers, common-noun subjects. Sorted by start. Only the window is read (windows are
   * sentence-sized: the sentence before a quote, a few words after it).
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
    const fseg = this.folded.slice(a, b);
    if (withPronouns) {
      PRONOUN_RE.lastIndex = 0;
      for (let r = PRONOUN_RE.exec(fseg); r; r = PRONOUN_RE.exec(fseg)) {
        const s = a + r.index;
        const before = r.index > 0 ? fseg.charCodeAt(r.index - 1) : 32;
        const after = fseg.charCodeAt(r.index + r[0].length);
        if (before === 39 || before === 45 || after === 39 || after === 45 || this.insideQuote(p, s)) continue;
        const pr = PRONOUNS.get(r[0]);
        if (pr) out.push({ start: s, end: s + r[0].length, source: 'pronoun', speaker: null, kind: pr === 'person' ? 'person' : 'organization', pronoun: pr });
      }
    }
    const raw = this.text.slice(a, b);
    let cursor = 0;
    NAME_RE.lastIndex = 0;
    for (let r = NAME_RE.exec(raw); r; r = NAME_RE.exec(raw)) {
      const s0 = a + r.index;
      const e0 = s0 + r[0].length;
      while (cursor < mentionCount && out[cursor].end <= s0) cursor++;
      if ((cursor < mentionCount && out[cursor].start < e0) || this.insideQuote(p, s0)) continue;
      const nm = r[0].indexOf(' ') < 0 ? null : this.personName(r[0]);
      if (!nm) {
        const known = this.surnames.size ? this.surnames.get(r[0].endsWith('s') ? r[0].replace(/['\u2019]s$/, '') : r[0]) : undefined;
        if (known) out.push({ start: s0, end: e0, source: 'name', speaker: known, kind: 'person' });
        continue;
      }
      const s = s0 + nm.offset;
      const speaker = { id: this.kebab(nm.name), name: nm.name };
      this.surnames.set(nm.name.slice(nm.name.lastIndexOf(' ') + 1), speaker);
      out.push({ start: s, end: s + nm.name.length, source: 'name', speaker, kind: 'person' });
    }
    NOMINAL_HEAD.lastIndex = 0;
    for (let r = NOMINAL_HEAD.exec(fseg); r; r = NOMINAL_HEAD.exec(fseg)) {
      const noun = r[0];
      const detLen = determinerBefore(fseg, r.index);
      if (detLen < 0 && !BARE_PLURAL.has(noun)) continue;
      const s = a + r.index - Math.max(0, detLen);
      const e = a + r.index + noun.length;
      if (this.insideQuote(p, s)) continue;
      // "the Kremlin spokesman" is reported through its mention of the Kremlin; "the minister" stays a nominal
      if (!ROLE_NOUNS.has(noun)) {
        let inside = false;
        for (let k = this.lowerBound(s); k < ms.length && ms[k].start < e; k++) if (ms[k].end <= e) inside = true;
        if (inside) continue;
      }
      const indefinite = detLen < 0 || fseg.charCodeAt(r.index - detLen) !== 116 || fseg.charCodeAt(r.index - detLen + 1) !== 104; // not "the …"
      out.push({ start: s, end: e, source: 'nominal', speaker: null, kind: 'person', noun, indefinite });
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
    const ms = this.mentions;
    if (ROLE_NOUNS.has(noun) && !c.indefinite) {
      const from = p > 0 ? this.paragraphs[p - 1].start : this.paragraphs[p].start;
      let re = ROLE_RES.get(noun);
      if (!re) ROLE_RES.set(noun, (re = new RegExp(`\\b${noun}\\b`)));
      for (let k = this.lowerBound(c.start) - 1, n = 0; k >= 0 && ms[k].start >= from && n < 200; k--, n++) {
        const m = ms[k];
        if (this.kindOf(m.actorId) !== 'person') continue;
        const roles = [m.role ?? '', ...(this.findings.actors.get(m.actorId)?.roles ?? [])].join(' ').toLowerCase();
        if (re.test(roles)) return { speaker: this.speakerOf(m), kind: 'person' };
      }
    }
    for (let k = this.lowerBound(c.start); k < ms.length && ms[k].start < c.end; k++) {
      const kind = this.kindOf(ms[k].actorId);
      if (kind !== 'person') return { speaker: this.speakerOf(ms[k]), kind };
    }
    return null;
  }
}

function isAbbrevChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

function isClosing(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0x00bb || c === 41 || c === 93;
}

function isOpening(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 0x00ab || c === 0x201e || c === 40 || c === 91;
}

/** A person-like name in a capitalised sequence: titles stripped, 2–4 words, no organisation words. */
export function personName(seq: string): { name: string; offset: number } | null {
  const toks = seq.split(/\s+/);
  let i = 0;
  let offset = 0;
  while (i < toks.length && (TITLE_WORDS.has(toks[i].toLowerCase().replace(/[.'\u2019]+$/, '')) || LEADING_STOP.has(toks[i].toLowerCase()))) {
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
  /** Reads as a cue in running text (an ambiguous "states"/"notes" before that/:/, ; an -ing form after a comma). */
  ok?: boolean;
}

/** Cues in folded[a, b) of one paragraph, in order (ambiguous noun/verb forms only when followed by that / : / , / it). */
export function cuesIn(ctx: Ctx, a: number, b: number): CueHit[] {
  const out: CueHit[] = [];
  if (b <= a) return out;
  const list = ctx.paraCues(a);
  for (let k = lowerBoundSpan(list, a); k < list.length && list[k].end <= b; k++) if (list[k].ok) out.push(list[k]);
  return out;
}

/** First index in `list` (sorted by start) with start >= pos. */
export function lowerBoundSpan(list: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every cue form of paragraph [ps, pe), with `ok` set where it reads as a cue in running text. */
function scanParaCues(ctx: Ctx, ps: number, pe: number, paraStart = ps, out: CueHit[] = []): CueHit[] {
  const f = ctx.folded;
  for (const [s, e, form] of scanCues(f, ps, pe)) {
    let ok = true;
    if (form.ambiguous && !AMBIGUOUS_OK.test(f.slice(e, e + 8))) ok = false;
    else if (form.lemma === 'call' && /so-?\s*$/.test(f.slice(Math.max(0, s - 4), s))) ok = false; // so-called
    // an -ing form is a cue after a comma/conjunction/quote ("…, noting", "while stating"), not as an adjective ("more promising")
    else if (form.form.endsWith('ing') && s > paraStart && !ING_BEFORE.test(f.slice(Math.max(paraStart, s - 10), s))) ok = false;
    out.push({ start: s, end: e, text: ctx.text.slice(s, e), form, ok });
  }
  return out;
}

/** Resolves a candidate to a speaker (pronouns through `resolvePronoun`). */
export function resolveCand(ctx: Ctx, p: number, c: Cand, last: LastSpeaker | null): { speaker: SpeakerRef; kind: ActorKind; conf: number } | null {
  if (c.source === 'nominal') {
    const r = ctx.resolveNominal(p, c);
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
  if (prevPara < p) inWindow.push(...ctx.candidates(prevPara, prevStart, ctx.paragraphs[prevPara].end, false));
  inWindow.push(...ctx.candidates(p, Math.max(prevStart, ps), c.start, false));
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
  return adjacentGap(ctx.folded, from, to);
}

/** Whether code unit `c` matches /\s/ (JavaScript white space and line terminators). */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `ADJACENT.test(f.slice(from, to))` without the substring or backtracking: either spaces, an optional "that",
 * an optional colon/comma and spaces; or 1–4 words (runs of anything but spaces and :,;.), each after spaces,
 * then optional spaces, a colon or comma and optional spaces.
 */
export function adjacentGap(f: string, from: number, to: number): boolean {
  // first form: \s*(?:that\s*)?[:,]?\s*
  let i = from;
  while (i < to && isJsSpace(f.charCodeAt(i))) i++;
  if (to - i >= 4 && f.startsWith('that', i)) {
    i += 4;
    while (i < to && isJsSpace(f.charCodeAt(i))) i++;
  }
  if (i < to && (f.charCodeAt(i) === 58 || f.charCodeAt(i) === 44)) i++;
  while (i < to && isJsSpace(f.charCodeAt(i))) i++;
  if (i >= to) return true;
  // second form: (?:\s+[^\s:,;.]+){1,4}\s*[:,]\s*
  i = from;
  let words = 0;
  for (;;) {
    let j = i;
    while (j < to && isJsSpace(f.charCodeAt(j))) j++;
    if (j === i || j >= to || isGapStop(f.charCodeAt(j))) break;
    let e = j;
    while (e < to && !isJsSpace(f.charCodeAt(e)) && !isGapStop(f.charCodeAt(e))) e++;
    if (++words > 4) return false;
    i = e;
  }
  if (words === 0) return false;
  while (i < to && isJsSpace(f.charCodeAt(i))) i++;
  if (i >= to || (f.charCodeAt(i) !== 58 && f.charCodeAt(i) !== 44)) return false;
  i++;
  while (i < to && isJsSpace(f.charCodeAt(i))) i++;
  return i >= to;
}

function isGapStop(c: number): boolean {
  return c === 58 || c === 44 || c === 59 || c === 46;
}

/** The cue form starting exactly at `pos` (ambiguous forms too), or null. */
export function cueAtStart(ctx: Ctx, pos: number): CueForm | null {
  const list = ctx.paraCues(pos);
  const k = lowerBoundSpan(list, pos);
  return k < list.length && list[k].start === pos ? list[k].form : null;
}

/** Lowercase words that may sit inside a title before a name ("foreign minister", "chief of staff"). */
const TITLE_LINKS = new Set(['of', 'for', 'the', 'and', 'to', 'on', 'at', 'de', 'du', 'von', 'van']);
const MAX_TITLE_WORDS = 9;

/**
 * Whether text[from, to) is a title in front of a name: capitalised words ("Israeli Prime Minister", "NATO
 * Secretary General", "Poland's"), lowercase title words ("foreign minister", "chief of staff"), a leading
 * "the", optionally ending with a comma ("Poland's foreign minister, X"). Returns 0 (no), 1 (yes), 2 (yes, ends
 * with a comma: the name is an appositive).
 */
export function titleGap(text: string, folded: string, from: number, to: number): 0 | 1 | 2 {
  let i = from;
  let words = 0;
  let titleWord = false;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i >= to) return 1;
  while (i < to) {
    const s = i;
    while (i < to && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 44) i++;
    if (i === s) return 0;
    words++;
    if (words > MAX_TITLE_WORDS) return 0;
    const c = text.charCodeAt(s);
    if (!isUpperCode(c)) {
      let e = i;
      while (e > s && (folded.charCodeAt(e - 1) === 46 || folded.charCodeAt(e - 1) === 39)) e--;
      const w = folded.slice(s, e);
      if (TITLE_WORDS.has(w)) titleWord = true;
      else if (!(TITLE_LINKS.has(w) && words > 1) && !(w === 'the' && words === 1) && !TITLE_NOUNS.has(w)) return 0;
      else if (TITLE_NOUNS.has(w)) titleWord = true;
    }
    if (i < to && text.charCodeAt(i) === 44) {
      // "foreign minister, X": a comma only after a title word, and only at the end
      i++;
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      return i >= to && titleWord ? 2 : 0;
    }
    while (i < to && isSpace(text.charCodeAt(i))) i++;
  }
  return 1;
}

/** Lowercase nouns that head a title ("the bloc's foreign policy chief", "Hamas leader"). */
const TITLE_NOUNS = new Set([
  'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'leader', 'head', 'envoy', 'ambassador',
  'president', 'secretary', 'negotiator', 'adviser', 'advisor', 'commander', 'general', 'chancellor', 'premier',
  'foreign', 'defence', 'defense', 'policy', 'deputy', 'prime', 'top', 'diplomat', 'official', 'director', 'chair',
  'chairman', 'chairwoman', 'mayor', 'governor', 'senator', 'lawmaker', 'economist', 'analyst', 'fellow', 'staff',
  'state', 'security', 'national', 'special', 'senior', 'former', 'vice', 'interior', 'finance', 'economy', 'trade',
]);

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

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}
