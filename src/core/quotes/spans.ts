/**
 * Quote spans: one pass over the text's quotation marks, paragraph by paragraph.
 *
 * - Marks: straight "…" and '…', curly “…” and ‘…’, «…» and ‹…›, German „…“ (also „…”), a stray ” used as an opener.
 * - Nesting: marks inside an open quote are tracked on a stack; only outermost quotes are reported.
 * - Apostrophes (don't, Russia’s, ’90s, the ministers’ meeting) never open a quote; a single quote opens only in
 *   opening context (after a space/bracket/dash/double mark, before a letter) and closes only when one is open.
 * - Straight double quotes pair left to right when a paragraph has an even number of them; with an odd number each
 *   mark is read from its context (opening: after a space/start/bracket/dash, before a non-space; closing: before a
 *   space/punctuation/end) so one stray mark does not flip every pair after it.
 * - A quote never crosses a paragraph: an unclosed opener is bounded to its paragraph end (`close = -1`). When the
 *   next paragraph opens again with the same mark (newspaper convention), that paragraph's first quote is
 *   `continued`.
 * Cost: one global regex over the text plus O(marks) work.
 */
import { isWordCode, type TextDoc } from '../text';

export interface RawQuote {
  /** Content span, without the marks, trimmed of spaces. */
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or -1 when the quote runs to the paragraph end unclosed. */
  close: number;
  mark: string;
  /** Paragraph index in `doc.paragraphs`. */
  para: number;
  /** The quote re-opens an unclosed quote of the previous paragraph. */
  continued: boolean;
}

/** Opener kinds on the mark stack: straight ", curly “ (and ‟), a stray ” used as an opener, German „, «, ‹, ‘, straight '. */
const DQ = 1;
const CD = 2;
const CD2 = 3;
const LOW = 4;
const GU = 5;
const SG = 6;
const CS = 7;
const SS = 8;

function isSingle(kind: number): boolean {
  return kind === CS || kind === SS;
}

const MARKS = /["'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019]/g;

/** Words that follow a leading apostrophe as an elision ('em, 'til, 'cause, 'tis, 'n'). */
const ELISIONS = /^(?:em|til|cause|cos|tis|twas|n|s|bout|round|nuff)\b/;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x3000;
}

function isOpenBefore(c: number): boolean {
  // start, space, brackets, dashes, slash, another opening mark
  return (
    c < 0 ||
    isSpaceCode(c) ||
    c === 40 || c === 91 || c === 123 || c === 47 ||
    c === 0x2014 || c === 0x2013 || c === 45 ||
    c === 0x201c || c === 0x201e || c === 0x00ab || c === 0x2018 || c === 34 || c === 39 || c === 0x2039
  );
}

function isCloseAfter(c: number): boolean {
  if (c < 0 || isSpaceCode(c)) return true;
  // . , ; : ! ? ) ] } … dashes and other marks
  return (
    c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 125 ||
    c === 0x2026 || c === 0x2014 || c === 0x2013 || c === 45 || c === 47 ||
    c === 0x201d || c === 0x2019 || c === 0x00bb || c === 0x203a || c === 34 || c === 39
  );
}

function isLetterCode(c: number): boolean {
  if (c < 0) return false;
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return isWordCode(c) && !(c >= 0x2070 && c <= 0x209f);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The mark as a string (a literal: no one-character string allocated per quote). */
function markText(c: number): string {
  switch (c) {
    case 34:
      return '"';
    case 39:
      return "'";
    case 0x201c:
      return '\u201c';
    case 0x201d:
      return '\u201d';
    case 0x201e:
      return '\u201e';
    case 0x201f:
      return '\u201f';
    case 0x00ab:
      return '\u00ab';
    case 0x2039:
      return '\u2039';
    case 0x2018:
      return '\u2018';
    default:
      return String.fromCharCode(c);
  }
}

/** Scans every paragraph of `doc` and returns its outermost quote spans, in text order. */
export function scanQuotes(doc: TextDoc): RawQuote[] {
  const text = doc.text;
  // every mark of the text, in order (MARKS matches one code unit: test() and lastIndex give its offset without a
  // match array per mark)
  const marks: number[] = [];
  MARKS.lastIndex = 0;
  while (MARKS.test(text)) marks.push(MARKS.lastIndex - 1);
  const out: RawQuote[] = [];
  if (!marks.length) return out;
  const paragraphs = doc.paragraphs;
  const sc = new ParagraphScanner(text, out, marks.length);
  /** The mark that opened an unclosed quote at the end of the previous paragraph (with marks), and its index. */
  let carry: string | null = null;
  let carryPara = -2;
  let p = 0;
  let k = 0;
  while (k < marks.length) {
    // the paragraph of the next mark (every mark lies inside one: paragraphs are trimmed of spaces only)
    while (p < paragraphs.length && paragraphs[p].end <= marks[k]) p++;
    if (p >= paragraphs.length) break;
    const { start: ps, end: pe } = paragraphs[p];
    let j = k;
    while (j < marks.length && marks[j] < pe) j++;
    carry = sc.scan(p, ps, pe, marks, k, j, carryPara === p - 1 ? carry : null);
    carryPara = p;
    k = j;
  }
  return out;
}

/** The mark stack of one paragraph (reused across paragraphs): kinds and offsets of the open marks. */
class ParagraphScanner {
  private readonly kinds: Int32Array;
  private readonly offs: Int32Array;
  private depth = 0;
  /** Quotes closed inside an outer single-quote opener that may turn out to be an apostrophe. */
  private readonly pending: RawQuote[] = [];
  private para = 0;
  private ps = 0;
  private pe = 0;
  private firstMark = -1;
  private carry: string | null = null;

  constructor(
    private readonly text: string,
    private readonly out: RawQuote[],
    capacity: number,
  ) {
    this.kinds = new Int32Array(capacity);
    this.offs = new Int32Array(capacity);
  }

  private code(i: number): number {
    return i >= this.ps && i < this.pe ? this.text.charCodeAt(i) : -1;
  }

  /** Index in the stack of the innermost opener of kind `a` or `b` or `c` (0 matches nothing), or -1. */
  private find(a: number, b: number, c: number): number {
    const kinds = this.kinds;
    for (let k = this.depth - 1; k >= 0; k--) {
      const x = kinds[k];
      if (x === a || x === b || x === c) return k;
    }
    return -1;
  }

  private emit(pos: number, close: number, end: number): RawQuote | null {
    const text = this.text;
    let s = pos + 1;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e <= s) return null;
    const mark = markText(text.charCodeAt(pos));
    const continued = this.carry !== null && pos === this.firstMark && pos === this.ps && sameFamily(this.carry, mark);
    return { start: s, end: e, open: pos, close, mark, para: this.para, continued };
  }

  private closeAt(k: number, i: number): void {
    const pos = this.offs[k];
    this.depth = k;
    if (k === 0) {
      const q = this.emit(pos, i, i);
      if (q) this.out.push(q);
      if (this.pending.length) this.pending.length = 0;
    } else if (k === 1 && isSingle(this.kinds[0])) {
      const q = this.emit(pos, i, i);
      if (q) this.pending.push(q);
    }
  }

  private push(kind: number, i: number): void {
    this.kinds[this.depth] = kind;
    this.offs[this.depth] = i;
    this.depth++;
  }

  /** Reads the marks `marks[from, to)` of paragraph `para` = [ps, pe); returns the mark left open at its end, or null. */
  scan(para: number, ps: number, pe: number, marks: readonly number[], from: number, to: number, carry: string | null): string | null {
    const text = this.text;
    this.depth = 0;
    if (this.pending.length) this.pending.length = 0; // (setting a length is a runtime call)
    this.para = para;
    this.ps = ps;
    this.pe = pe;
    this.firstMark = marks[from];
    this.carry = carry;
    let straight = 0;
    for (let m = from; m < to; m++) if (text.charCodeAt(marks[m]) === 34) straight++;
    const oddStraight = straight % 2 === 1;

    for (let m = from; m < to; m++) {
      const i = marks[m];
      const c = text.charCodeAt(i);
      const prev = this.code(i - 1);
      const next = this.code(i + 1);
      switch (c) {
        case 34: {
          // "
          const k = this.find(DQ, 0, 0);
          if (!oddStraight) {
            if (k >= 0) this.closeAt(k, i);
            else this.push(DQ, i);
            break;
          }
          const opens = isOpenBefore(prev) && next >= 0 && !isSpaceCode(next);
          const closes = isCloseAfter(next) && prev >= 0 && !isSpaceCode(prev);
          if (k >= 0) {
            if (closes || !opens) this.closeAt(k, i);
            else {
              // the earlier opener was stray: drop it and open here
              this.depth = k;
              this.push(DQ, i);
            }
          } else if (opens || !closes) this.push(DQ, i);
          break;
        }
        case 0x201c: {
          // “ : closes a German „…“, else opens (or closes a “…“ typed with the wrong mark)
          const low = this.find(LOW, 0, 0);
          if (low >= 0) {
            this.closeAt(low, i);
            break;
          }
          const cd = this.find(CD, CD2, 0);
          if (cd >= 0 && isCloseAfter(next) && !isOpenBefore(prev)) this.closeAt(cd, i);
          else this.push(CD, i);
          break;
        }
        case 0x201f:
          this.push(CD, i);
          break;
        case 0x201d: {
          // ”
          const k = this.find(CD, CD2, LOW);
          if (k >= 0) this.closeAt(k, i);
          else if (isOpenBefore(prev) && next >= 0 && !isSpaceCode(next) && !isCloseAfter(next)) this.push(CD2, i);
          break;
        }
        case 0x201e:
          this.push(LOW, i);
          break;
        case 0x00ab:
          this.push(GU, i);
          break;
        case 0x00bb: {
          const k = this.find(GU, 0, 0);
          if (k >= 0) this.closeAt(k, i);
          break;
        }
        case 0x2039:
          this.push(SG, i);
          break;
        case 0x203a: {
          const k = this.find(SG, 0, 0);
          if (k >= 0) this.closeAt(k, i);
          break;
        }
        case 0x2018: {
          // ‘ : an apostrophe before digits (‘90s), inside a word (O‘Brien) or before an elision
          if (isDigitCode(next) || isLetterCode(prev) || next < 0 || isSpaceCode(next)) break;
          if (isElision(text, i + 1, pe)) break;
          this.push(CS, i);
          break;
        }
        case 0x2019: {
          // ’ : closes an open ‘ unless it is inside a word (don’t, Russia’s)
          const k = this.find(CS, 0, 0);
          if (k < 0) break;
          if (isLetterCode(prev) && isLetterCode(next)) break;
          if (prev < 0 || isSpaceCode(prev)) break;
          this.closeAt(k, i);
          break;
        }
        case 39: {
          // '
          const k = this.find(SS, 0, 0);
          if (k >= 0 && prev >= 0 && !isSpaceCode(prev) && !isWordCode(next) && !(isLetterCode(prev) && isLetterCode(next))) {
            this.closeAt(k, i);
            break;
          }
          if (isOpenBefore(prev) && isLetterCode(next) && !isElision(text, i + 1, pe)) this.push(SS, i);
          break;
        }
        default:
          break;
      }
    }

    // Paragraph end: unclosed openers.
    if (!this.depth) return null;
    // An unclosed single quote at the bottom was probably an apostrophe: report what was nested in it instead.
    let base = 0;
    while (base < this.depth && isSingle(this.kinds[base])) base++;
    if (base > 0) {
      for (const q of this.pending) this.out.push(q);
      this.pending.length = 0;
      // a double opener above the apostrophe(s) that never closed becomes the outermost
      // (every pending quote closed before it was pushed, so text order holds)
      if (base === this.depth) return null;
    }
    const pos = this.offs[base];
    const q = this.emit(pos, -1, pe);
    if (q) this.out.push(q);
    return markText(text.charCodeAt(pos));
  }
}

function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  // “…  then ”… or „…  : same family of double marks
  const dbl = '\u201c\u201d\u201e\u201f';
  return dbl.includes(a) && dbl.includes(b);
}

function isElision(text: string, from: number, to: number): boolean {
  const s = text.slice(from, Math.min(to, from + 6)).toLowerCase();
  return ELISIONS.test(s);
}
