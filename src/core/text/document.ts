import type { Span } from '../types';
import { fold } from './fold';

/**
 * An analysed text: the original, its length-preserving folded form, and its paragraphs.
 * Built once per analysis; every later stage reads offsets from here.
 */
export interface TextDoc {
  readonly text: string;
  /** `fold(text)`: same length, lowercase, no diacritics, unified apostrophes and dashes. */
  readonly folded: string;
  /** Non-empty lines/paragraphs (a paragraph is a line; blank lines separate nothing extra). Trimmed of \r. */
  readonly paragraphs: readonly Span[];
}

/** Paragraphs are split on first use (the actor stage never needs them). */
class Doc implements TextDoc {
  readonly folded: string;
  private paras: readonly Span[] | undefined;

  constructor(readonly text: string) {
    this.folded = fold(text);
  }

  get paragraphs(): readonly Span[] {
    return (this.paras ??= splitParagraphs(this.text));
  }
}

export function createDoc(text: string): TextDoc {
  return new Doc(text);
}

/**
 * Paragraph spans: each non-blank line. News scrapes put one paragraph on a line; a blank line between
 * paragraphs (Markdown) changes nothing. `\r` before `\n` is left out of the span.
 */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    let e = end;
    if (e > start && text.charCodeAt(e - 1) === 13) e--;
    let s = start;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    let t = e;
    while (t > s && isSpace(text.charCodeAt(t - 1))) t--;
    if (t > s) out.push({ start: s, end: t });
    if (end >= n) break;
    start = end + 1;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0xfeff;
}

/** Index of the paragraph containing `offset` (binary search), or -1. */
export function paragraphAt(doc: TextDoc, offset: number): number {
  return spanIndexAt(doc.paragraphs, offset);
}

/** Index of the span of a sorted, disjoint list that contains `offset` (binary search), or -1. */
export function spanIndexAt(list: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** First index of a sorted number list whose value is >= `value` (the list's length when none is). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index of a list sorted by start whose start is >= `pos`. */
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

/** Only blanks (spaces, tabs, a BOM) lie between `at` and the start of its line. */
export function atLineStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff && c !== 0xa0) return false;
  }
  return true;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'rep', 'sen', 'gov', 'pres',
  'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'amb', 'hon', 'rev', 'fr', 'mt', 'ft',
]);

const TERMINATOR = /[.!?\n\u2026]/g;

/**
 * Sentence spans inside [from, to): splits after . ! ? (and a closing quote/bracket) followed by space and an
 * uppercase letter, digit or opening quote; knows common abbreviations and initials ("U.S.", "J. D. Vance").
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let s = from;
  while (s < to && isSpace(text.charCodeAt(s))) s++;
  for (let i = s; i < to; i++) {
    // Jump to the next possible sentence end: one regex scan for a character class beats a JS loop.
    TERMINATOR.lastIndex = i;
    if (!TERMINATOR.test(text)) break;
    i = TERMINATOR.lastIndex - 1;
    if (i >= to) break;
    const c = text.charCodeAt(i);
    if (c === 10) {
      pushTrimmed(text, out, s, i);
      s = i + 1;
      continue;
    }
    let j = i + 1;
    while (j < to && isCloser(text.charCodeAt(j))) j++;
    if (j >= to) break;
    if (!isWs(text.charCodeAt(j))) continue;
    let k = j;
    while (k < to && text.charCodeAt(k) !== 10 && isWs(text.charCodeAt(k))) k++;
    if (k >= to) break;
    if (!isSentenceOpener(text.charCodeAt(k))) continue;
    if (c === 46) {
      let w = i - 1;
      while (w >= s && isAsciiLetterOrDot(text.charCodeAt(w))) w--;
      const word = text.slice(w + 1, i).toLowerCase();
      if (ABBREVIATIONS.has(word)) continue;
      const p = text.charCodeAt(i - 1);
      if (word.length === 1 && p >= 65 && p <= 90) continue; // an initial
    }
    pushTrimmed(text, out, s, j);
    s = k;
    i = k - 1;
  }
  pushTrimmed(text, out, s, to);
  return out;
}

/** . ! ? … and closing quotes/brackets after a sentence end. */
function isCloser(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 34 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 39 || c === 41 || c === 93;
}

/** JavaScript's `\s`. */
function isWs(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const UPPER_LETTER = /\p{Lu}/u;

/** What may start a sentence: an uppercase letter, a digit, an opening quote or bracket. */
function isSentenceOpener(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91;
  return c === 0x201c || c === 0xab || c === 0x2018 || UPPER_LETTER.test(String.fromCharCode(c));
}

function isAsciiLetterOrDot(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

function pushTrimmed(text: string, out: Span[], s: number, e: number): void {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}
