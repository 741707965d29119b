/**
 * The state of one channel search: the context, the scare quotes, the candidates found so far (the last one is
 * the "recent" channel that "both sides" and "their" refer to) and per-sentence caches; plus small helpers the
 * judging modules share.
 */
import { lowerBoundSpan } from '../text/document';
import type { Channel, Quote, Span } from '../types';
import type { ChannelContext } from './context';
import { isBlankCode } from './phrase';

export interface Candidate extends Channel {
  /** The sentence it was found in. */
  sentence: Span;
  /** True when the participants came only from the sentence fallback (no syntax tied them to the trigger). */
  fallback: boolean;
  weak: boolean;
  /** A bare "between A and B" with no channel word: kept only when nothing else was found in its sentence. */
  bare?: boolean;
}

export type Draft = Omit<Candidate, 'text'>;

/** An intermediary or companion phrase of a sentence: where it starts and the actors it names. */
export interface ViaHit {
  at: number;
  ids: string[];
}

/** Per-sentence results of pure lookups (see `Finder.factsOf`); undefined or -1 while not worked out. */
export interface SentenceFacts {
  /** "through C" phrases. */
  via: ViaHit[] | undefined;
  /** "together with C" phrases. */
  company: ViaHit[] | undefined;
  /** Number of sides (`sidesIn`). */
  sides: number;
  /** Sentence fallback participants, when they depend on the sentence alone. */
  fallback: string[] | undefined;
}

export class Finder {
  readonly out: Candidate[] = [];
  /** The last candidate pushed. */
  recent: Candidate | undefined;
  /** The sentence `facts` belong to. */
  private factsSentence: Span | undefined;
  private readonly facts: SentenceFacts = { via: undefined, company: undefined, sides: -1, fallback: undefined };

  constructor(
    readonly ctx: ChannelContext,
    readonly scare: readonly Quote[],
  ) {}

  /**
   * What the judges worked out about `sentence` so far. Triggers are judged in text order, so their sentences
   * come one after the other: the facts of one sentence are kept until the judging moves on to the next.
   */
  factsOf(sentence: Span): SentenceFacts {
    const f = this.facts;
    if (sentence !== this.factsSentence) {
      this.factsSentence = sentence;
      f.via = undefined;
      f.company = undefined;
      f.sides = -1;
      f.fallback = undefined;
    }
    return f;
  }

  /** Reports a candidate unless its span is empty. */
  emit(c: Draft): void {
    if (c.end > c.start) this.push(c);
  }

  /** Trims the span (blanks, trailing , ; :), takes its text, removes repeated ids, and records the candidate. */
  push(d: Draft): void {
    const c = d as Candidate;
    const t = this.ctx.text;
    for (let ch = t.charCodeAt(c.end - 1); c.end > c.start && (ch === 44 || ch === 59 || ch === 58 || isBlankCode(ch)); ch = t.charCodeAt(c.end - 1)) c.end--;
    while (c.start < c.end && isBlankCode(t.charCodeAt(c.start))) c.start++;
    if (c.end <= c.start) return;
    c.text = t.slice(c.start, c.end);
    c.participants = unique(c.participants);
    c.via = unique(c.via);
    this.out.push(c);
    this.recent = c;
  }

  /** Whether [s, e) is held at a distance by quotation marks ("so-called “talks”"): not a channel then. */
  inScareQuote(s: number, e: number): boolean {
    // scare quotes are at most 60 long and sorted by start: only those starting in [s - 60, s] can hold [s, e)
    const sc = this.scare;
    for (let i = lowerBoundSpan(sc, s - 60); i < sc.length && sc[i].start <= s; i++) if (e <= sc[i].end) return true;
    // a short term held at a distance by quotation marks, even when the quote stage did not report it
    const t = this.ctx.text;
    let a = s;
    while (a > 0 && isLetterOrHyphen(t.charCodeAt(a - 1))) a--;
    let b = e;
    while (b < t.length && isLetterOrHyphen(t.charCodeAt(b))) b++;
    const open = a > 0 ? t.charCodeAt(a - 1) : 0;
    const close = b < t.length ? t.charCodeAt(b) : 0;
    if (open === 0x201c) return close === 0x201d;
    if (open === 0xab) return close === 0xbb;
    if (open !== 34 || close !== 34) return false;
    const c = a > 1 ? t.charCodeAt(a - 2) : 32;
    return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95);
  }
}

/** `[a-zA-Z-]` */
function isLetterOrHyphen(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45;
}

/** "indirect talks", "proximity talks": through mediators. */
export const INDIRECT_RE = /(?<![a-z])(?:indirect|proximity|shuttle)(?![a-z])/;

/** A sticky regex tried at `pos` of `s` (instead of a `^` regex on a slice). */
export function stickyExec(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

/** `stickyExec` without the match array. */
export function stickyTest(re: RegExp, s: string, pos: number): boolean {
  re.lastIndex = pos;
  return re.test(s);
}

/** Two or more sides, and no organisation among the ids. */
export function explicitPair(ctx: ChannelContext, ids: readonly string[]): boolean {
  return new Set(ids.map((id) => ctx.sideOf(id))).size >= 2 && ids.every((id) => ctx.kindOf(id) !== 'organization');
}

/** `ids` itself when it has no repeats (the judges hand over arrays of their own), else `uniq(ids)`. */
function unique(ids: string[]): string[] {
  for (let i = 1; i < ids.length; i++) if (ids.lastIndexOf(ids[i], i - 1) >= 0) return uniq(ids);
  return ids;
}

/** The ids without repeats, in first-seen order (always a new array). */
export function uniq(ids: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) if (i === 0 || !out.includes(ids[i])) out.push(ids[i]);
  return out;
}
