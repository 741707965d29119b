/**
 * Reference for the spans test: the quote-span scanner as it was before its mark stack became typed arrays (one
 * object per opener, marks gathered per paragraph). The current scanner must answer exactly as this one does.
 *
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
import type { TextDoc } from '../../../../src/core/text';
import * as textMod from '../../../../src/core/text';

/** Read once (a transpiled module reads every imported name through an accessor on each use). */
const isWordCode = textMod.isWordCode;

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

type Kind = 'dq' | 'cd' | 'cd2' | 'low' | 'gu' | 'sg' | 'cs' | 'ss';

interface Opener {
  kind: Kind;
  pos: number;
  mark: string;
}

const MARKS = /["'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019]/g;

const SINGLE: ReadonlySet<Kind> = new Set<Kind>(['cs', 'ss']);

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

/** Scans every paragraph of `doc` and returns its outermost quote spans, in text order. */
export function scanQuotes(doc: TextDoc): RawQuote[] {
  const { text, paragraphs } = doc;
  const out: RawQuote[] = [];
  const marks: number[] = [];
  const sc = new ParagraphScanner(text, out);
  // MARKS matches one code unit: test() and lastIndex give its offset without a match array per mark
  MARKS.lastIndex = 0;
  let m = MARKS.test(text) ? MARKS.lastIndex - 1 : -1;
  /** The mark that opened an unclosed quote at the end of the previous paragraph. */
  let carry: string | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const { start: ps, end: pe } = paragraphs[p];
    marks.length = 0;
    while (m >= 0 && m < ps) m = MARKS.test(text) ? MARKS.lastIndex - 1 : -1;
    while (m >= 0 && m < pe) {
      marks.push(m);
      m = MARKS.test(text) ? MARKS.lastIndex - 1 : -1;
    }
    if (!marks.length) {
      carry = null;
      continue;
    }
    carry = sc.scan(p, ps, pe, marks, carry);
  }
  return out;
}

/** The mark stack of one paragraph (reused across paragraphs). */
class ParagraphScanner {
  private readonly stack: Opener[] = [];
  /** Quotes closed inside an outer single-quote opener that may turn out to be an apostrophe. */
  private pending: RawQuote[] = [];
  private para = 0;
  private ps = 0;
  private pe = 0;
  private firstMark = -1;
  private carry: string | null = null;

  constructor(
    private readonly text: string,
    private readonly out: RawQuote[],
  ) {}

  private code(i: number): number {
    return i >= this.ps && i < this.pe ? this.text.charCodeAt(i) : -1;
  }

  /** Index in the stack of the innermost opener of one of the kinds, or -1. */
  private find(a: Kind, b?: Kind, c?: Kind): number {
    const st = this.stack;
    for (let k = st.length - 1; k >= 0; k--) {
      const x = st[k].kind;
      if (x === a || x === b || x === c) return k;
    }
    return -1;
  }

  private emit(o: Opener, close: number, end: number): RawQuote | null {
    const text = this.text;
    let s = o.pos + 1;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e <= s) return null;
    const continued = this.carry !== null && o.pos === this.firstMark && o.pos === this.ps && sameFamily(this.carry, o.mark);
    return { start: s, end: e, open: o.pos, close, mark: o.mark, para: this.para, continued };
  }

  private closeAt(k: number, i: number): void {
    const st = this.stack;
    const o = st[k];
    st.length = k;
    if (k === 0) {
      const q = this.emit(o, i, i);
      if (q) this.out.push(q);
      this.pending = [];
    } else if (k === 1 && SINGLE.has(st[0].kind)) {
      const q = this.emit(o, i, i);
      if (q) this.pending.push(q);
    }
  }

  private push(kind: Kind, i: number): void {
    this.stack.push({ kind, pos: i, mark: this.text[i] });
  }

  scan(para: number, ps: number, pe: number, marks: readonly number[], carry: string | null): string | null {
    const text = this.text;
    const stack = this.stack;
    stack.length = 0;
    this.pending = [];
    this.para = para;
    this.ps = ps;
    this.pe = pe;
    this.firstMark = marks[0];
    this.carry = carry;
    let straight = 0;
    for (const i of marks) if (text.charCodeAt(i) === 34) straight++;
    const oddStraight = straight % 2 === 1;

    for (const i of marks) {
      const c = text.charCodeAt(i);
      const prev = this.code(i - 1);
      const next = this.code(i + 1);
      switch (c) {
        case 34: {
          // "
          const k = this.find('dq');
          if (!oddStraight) {
            if (k >= 0) this.closeAt(k, i);
            else this.push('dq', i);
            break;
          }
          const opens = isOpenBefore(prev) && next >= 0 && !isSpaceCode(next);
          const closes = isCloseAfter(next) && prev >= 0 && !isSpaceCode(prev);
          if (k >= 0) {
            if (closes || !opens) this.closeAt(k, i);
            else {
              // the earlier opener was stray: drop it and open here
              stack.length = k;
              this.push('dq', i);
            }
          } else if (opens || !closes) this.push('dq', i);
          break;
        }
        case 0x201c: {
          // “ : closes a German „…“, else opens (or closes a “…“ typed with the wrong mark)
          const low = this.find('low');
          if (low >= 0) {
            this.closeAt(low, i);
            break;
          }
          const cd = this.find('cd', 'cd2');
          if (cd >= 0 && isCloseAfter(next) && !isOpenBefore(prev)) this.closeAt(cd, i);
          else this.push('cd', i);
          break;
        }
        case 0x201f:
          this.push('cd', i);
          break;
        case 0x201d: {
          // ”
          const k = this.find('cd', 'cd2', 'low');
          if (k >= 0) this.closeAt(k, i);
          else if (isOpenBefore(prev) && next >= 0 && !isSpaceCode(next) && !isCloseAfter(next)) this.push('cd2', i);
          break;
        }
        case 0x201e:
          this.push('low', i);
          break;
        case 0x00ab:
          this.push('gu', i);
          break;
        case 0x00bb: {
          const k = this.find('gu');
          if (k >= 0) this.closeAt(k, i);
          break;
        }
        case 0x2039:
          this.push('sg', i);
          break;
        case 0x203a: {
          const k = this.find('sg');
          if (k >= 0) this.closeAt(k, i);
          break;
        }
        case 0x2018: {
          // ‘ : an apostrophe before digits (‘90s), inside a word (O‘Brien) or before an elision
          if (isDigitCode(next) || isLetterCode(prev) || next < 0 || isSpaceCode(next)) break;
          if (isElision(text, i + 1, pe)) break;
          this.push('cs', i);
          break;
        }
        case 0x2019: {
          // ’ : closes an open ‘ unless it is inside a word (don’t, Russia’s)
          const k = this.find('cs');
          if (k < 0) break;
          if (isLetterCode(prev) && isLetterCode(next)) break;
          if (prev < 0 || isSpaceCode(prev)) break;
          this.closeAt(k, i);
          break;
        }
        case 39: {
          // '
          const k = this.find('ss');
          if (k >= 0 && prev >= 0 && !isSpaceCode(prev) && !isWordCode(next) && !(isLetterCode(prev) && isLetterCode(next))) {
            this.closeAt(k, i);
            break;
          }
          if (isOpenBefore(prev) && isLetterCode(next) && !isElision(text, i + 1, pe)) this.push('ss', i);
          break;
        }
        default:
          break;
      }
    }

    // Paragraph end: unclosed openers.
    if (!stack.length) return null;
    // An unclosed single quote at the bottom was probably an apostrophe: report what was nested in it instead.
    let base = 0;
    while (base < stack.length && SINGLE.has(stack[base].kind)) base++;
    if (base > 0) {
      for (const q of this.pending) this.out.push(q);
      this.pending = [];
      // a double opener above the apostrophe(s) that never closed becomes the outermost
      // (every pending quote closed before it was pushed, so text order holds)
      stack.splice(0, base);
      if (!stack.length) return null;
    }
    const o = stack[0];
    const q = this.emit(o, -1, pe);
    if (q) this.out.push(q);
    return o.mark;
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
