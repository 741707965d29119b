/**
 * Sentence starts: a backward scan from a position to the last sentence break (a terminator . ! ? …, closing
 * marks, spaces, then an uppercase letter, a digit or an opening mark; a period after an abbreviation or an
 * initial is none), at most MAX_SENTENCE long, else the paragraph start. The scan reads only from the position
 * back to its sentence start, less than a forward pass over every paragraph would.
 *
 * The quotes of a paragraph ask in text order, so the finder keeps a frontier: the furthest position asked in the
 * paragraph and its answer. A later position is scanned back only to the frontier (and the run of closing marks and
 * spaces before it, where a break's reading depended on the frontier's bound); with no break in between, the answer
 * is the frontier's own, whose break still counts if it lies within MAX_SENTENCE.
 *
 * The paragraph whose cues were scanned last (./cuehits) also left its terminators outside quotes: there the scan
 * reads that list instead of the text, and reads the text only inside quotes.
 */
import { isUpperCode } from '../text';
import type { Span } from '../types';
import { isAbbrevChar, isClosing, isOpening, isSpace } from './chars';

/** Words whose trailing period ends no sentence ("U.S.", "Mr.", "Gen."). */
const ABBREV: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'rep', 'sen', 'gov', 'pres',
  'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'amb', 'hon', 'rev', 'fr', 'mt', 'ft',
]);
/** How far back a sentence start is looked for (a garbled paragraph without punctuation stays linear). */
const MAX_SENTENCE = 800;

export class SentenceFinder {
  /** The last two look-ups (a quote asks several times). */
  private memoPos = -1;
  private memoStart = 0;
  private memoPos2 = -1;
  private memoStart2 = 0;
  /** The frontier: paragraph, furthest position asked, the terminator of its break (-1: none) and its answer. */
  private frontPara = -1;
  private frontPos = -1;
  private frontBreak = -1;
  private frontStart = 0;
  /** The paragraph whose stretches [from, to) (sorted, disjoint) had their terminators listed (sorted), or -1. */
  private scannedPara = -1;
  private stretches: readonly number[] = [];
  private terms: readonly number[] = [];
  /** How many of `stretches` and `terms` are this paragraph's (the arrays are scratch: what lies beyond is stale). */
  private nStretches = 0;
  private nTerms = 0;

  constructor(
    private readonly text: string,
    private readonly folded: string,
    private readonly paragraphs: readonly Span[],
  ) {}

  /**
   * Paragraph `p`'s stretches of text outside quotes (pairs from, to: the first `nStretches` numbers) and every
   * terminator . ! ? … in them, in order (the first `nTerms`; the cue scan's by-product). Stretches out of order are
   * not used. The arrays are read until the next call.
   */
  setScanned(p: number, stretches: readonly number[], nStretches: number, terms: readonly number[], nTerms: number): void {
    let ok = true;
    for (let k = 2; k < nStretches && ok; k += 2) ok = stretches[k] >= stretches[k - 1];
    this.scannedPara = ok ? p : -1;
    this.stretches = stretches;
    this.nStretches = nStretches;
    this.terms = terms;
    this.nTerms = nTerms;
  }

  /** Start of the sentence containing `pos` in paragraph `p`. */
  sentenceStart(p: number, pos: number): number {
    if (pos === this.memoPos) return this.memoStart;
    if (pos === this.memoPos2) return this.memoStart2;
    const ps = this.paragraphs[p].start;
    const floor = Math.max(ps, pos - MAX_SENTENCE);
    let found = floor;
    let at: number;
    if (p === this.frontPara && pos > this.frontPos) {
      // breaks from the frontier on; below it they read as they did for the frontier
      const t = this.text;
      let low = this.frontPos;
      while (low > ps && (isSpace(t.charCodeAt(low - 1)) || isClosing(t.charCodeAt(low - 1)))) low--;
      at = this.lastBreakOf(p, ps, pos, Math.max(floor, low - 2));
      if (at >= 0) found = this.breakStart(at, pos);
      else if (this.frontBreak > floor) {
        at = this.frontBreak;
        found = this.frontStart;
      }
    } else {
      at = this.lastBreakOf(p, ps, pos, floor);
      if (at >= 0) found = this.breakStart(at, pos);
    }
    if (p !== this.frontPara || pos > this.frontPos) {
      this.frontPara = p;
      this.frontPos = pos;
      this.frontBreak = at;
      this.frontStart = found;
    }
    this.memoPos2 = this.memoPos;
    this.memoStart2 = this.memoStart;
    this.memoPos = pos;
    this.memoStart = found;
    return found;
  }

  /** The last terminator in (low, pos) of paragraph `p` that breaks a sentence (read with `pos` as the bound), or -1. */
  private lastBreakOf(p: number, ps: number, pos: number, low: number): number {
    return p === this.scannedPara ? this.lastBreakListed(ps, pos, low) : this.lastBreakIn(ps, pos, low, pos - 1);
  }

  /** `lastBreakOf` reading the text from `hi` down to (low, …]. */
  private lastBreakIn(ps: number, pos: number, low: number, hi: number): number {
    const t = this.text;
    for (let i = hi; i > low; i--) {
      const c = t.charCodeAt(i);
      if ((c === 46 || c === 33 || c === 63 || c === 0x2026) && this.isBreak(ps, i, pos)) return i;
    }
    return -1;
  }

  /** `lastBreakOf` in the scanned paragraph: the listed terminators in its stretches, the text in between. */
  private lastBreakListed(ps: number, pos: number, low: number): number {
    const st = this.stretches;
    const terms = this.terms;
    let i = pos - 1;
    // the last stretch starting at or before i
    let s = this.nStretches - 2;
    while (s >= 0 && st[s] > i) s -= 2;
    // the last listed terminator at or before i
    let x = this.nTerms - 1;
    while (x >= 0 && terms[x] > i) x--;
    while (i > low) {
      if (s >= 0 && i < st[s + 1]) {
        // inside stretch s: its listed terminators
        for (; x >= 0 && terms[x] >= st[s] && terms[x] > low; x--) if (this.isBreak(ps, terms[x], pos)) return terms[x];
        i = st[s] - 1;
        s -= 2;
        continue;
      }
      // between stretches (a quote): the text, down to the end of the stretch before
      const stop = s >= 0 ? Math.max(low, st[s + 1] - 1) : low;
      const r = this.lastBreakIn(ps, pos, stop, i);
      if (r >= 0) return r;
      i = stop;
      while (x >= 0 && terms[x] > i) x--;
    }
    return -1;
  }

  /** Whether terminator text[i] breaks a sentence before `pos` (not a period after an abbreviation or an initial). */
  private isBreak(ps: number, i: number, pos: number): boolean {
    const t = this.text;
    if (this.breakStart(i, pos) < 0) return false;
    if (t.charCodeAt(i) === 46) {
      let w = i - 1;
      while (w >= ps && isAbbrevChar(t.charCodeAt(w))) w--;
      if (i - w <= 5) {
        const word = this.folded.slice(w + 1, i);
        if (ABBREV.has(word) || (word.length === 1 && isUpperCode(t.charCodeAt(i - 1)))) return false;
      }
    }
    return true;
  }

  /** After terminator text[i]: closing marks, spaces, then the start of the next sentence (before `pos`), or -1. */
  private breakStart(i: number, pos: number): number {
    const t = this.text;
    let j = i + 1;
    while (j < pos && isClosing(t.charCodeAt(j))) j++;
    if (j >= pos || !isSpace(t.charCodeAt(j))) return -1;
    let k = j;
    while (k < pos && isSpace(t.charCodeAt(k))) k++;
    const n = t.charCodeAt(k);
    return isUpperCode(n) || (n >= 48 && n <= 57) || isOpening(n) ? k : -1;
  }
}
