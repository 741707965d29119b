/**
 * Window scanners for speaker candidates: char-code loops that find exactly what these regexes find on the
 * window's substring (the unit tests hold them to it), without the substring, a match array per hit, or one
 * regex pass per kind:
 * - subject pronouns, `/\b(?:he|she|they|it)\b/g` over the folded window;
 * - common-noun heads, `/\b(?:minister|spokesman|…)\b/g` over the folded window (NOMINAL_NOUNS);
 * - capitalised sequences, `NAME_RE` over the original window.
 */
import * as charsMod from './chars';

// imported bindings read once (a transpiled module reads every imported name through an accessor on each use)
const isJsSpace = charsMod.isJsSpace;

/** Head nouns of a common-noun subject: "the foreign minister", "a Kremlin spokesman", "critics", "officials". */
export const NOMINAL_NOUNS: readonly string[] = [
  'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'envoy', 'ambassador', 'secretary',
  'chancellor', 'premier', 'diplomat', 'negotiator', 'senator', 'official', 'analyst', 'expert', 'source', 'ministry',
  'agency', 'government', 'embassy', 'officials', 'analysts', 'experts', 'sources', 'diplomats', 'observers',
  'critics', 'commentators', 'lawmakers',
];

/** The capitalised-sequence regex the name scanner implements (kept as its specification and for the tests). */
export const NAME_RE = /[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u00ff'\u2019-]*(?:\s+(?:(?:bin|ibn|al|el|de|da|van|von|der|du|la)\s+)?[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u00ff'\u2019-]*)*/g;

/** Name particles between two capitalised words ("bin", "van", "de"), in the regex's order. */
const PARTICLES: readonly string[] = ['bin', 'ibn', 'al', 'el', 'de', 'da', 'van', 'von', 'der', 'du', 'la'];

/** Words to compare a run with, by its first letter and length: index (c - 97) * 16 + length. */
const HEADS: ReadonlyArray<readonly string[] | undefined> = buildHeads();

function buildHeads(): Array<string[] | undefined> {
  const t: Array<string[] | undefined> = new Array(26 * 16);
  for (const w of ['he', 'she', 'they', 'it', ...NOMINAL_NOUNS]) (t[(w.charCodeAt(0) - 97) * 16 + w.length] ??= []).push(w);
  return t;
}

/** JavaScript's `\w` (no `u` flag): [A-Za-z0-9_]. */
function isRegexWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** First letter of a capitalised-sequence word: [A-Z\u00c0-\u00de]. */
function isNameCap(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}

/** Later letters of a capitalised-sequence word: [A-Za-z\u00c0-\u00ff'\u2019-]. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xff) || c === 39 || c === 0x2019 || c === 45;
}

/**
 * Pronouns and nominal heads in folded f[a, b): (start, end, pronoun ? 1 : 0) triples in order. A hit is a whole
 * `\w` run of the window (a run cut by the window's edge counts as it would in the substring) equal to a word.
 */
export function headWords(f: string, a: number, b: number, withPronouns: boolean): number[] {
  const out: number[] = [];
  let i = a;
  while (i < b) {
    if (!isRegexWord(f.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    const c0 = f.charCodeAt(s);
    i++;
    while (i < b && isRegexWord(f.charCodeAt(i))) i++;
    const len = i - s;
    if (len < 2 || len > 12 || c0 < 97 || c0 > 122) continue;
    const words = HEADS[(c0 - 97) * 16 + len];
    if (words === undefined) continue;
    for (const w of words) {
      if (!f.startsWith(w, s)) continue;
      const pronoun = len <= 4;
      if (withPronouns || !pronoun) out.push(s, i, pronoun ? 1 : 0);
      break;
    }
  }
  return out;
}

/** Capitalised sequences in t[a, b), as `NAME_RE` finds them in `t.slice(a, b)`: (start, end) pairs in order. */
export function nameSpans(t: string, a: number, b: number): number[] {
  const out: number[] = [];
  let i = a;
  while (i < b) {
    if (!isNameCap(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    let e = nameWordEnd(t, i + 1, b);
    for (;;) {
      // (?:\s+(?:particle\s+)?[A-Z…][A-Za-z…]*)
      let j = e;
      while (j < b && isJsSpace(t.charCodeAt(j))) j++;
      if (j === e || j >= b) break;
      let next = -1;
      for (const w of PARTICLES) {
        if (!t.startsWith(w, j)) continue;
        let k = j + w.length;
        if (k >= b || !isJsSpace(t.charCodeAt(k))) continue;
        while (k < b && isJsSpace(t.charCodeAt(k))) k++;
        if (k < b && isNameCap(t.charCodeAt(k))) {
          next = k;
          break;
        }
      }
      if (next < 0 && isNameCap(t.charCodeAt(j))) next = j;
      if (next < 0) break;
      e = nameWordEnd(t, next + 1, b);
    }
    out.push(s, e);
    i = e;
  }
  return out;
}

function nameWordEnd(t: string, i: number, b: number): number {
  while (i < b && isNameChar(t.charCodeAt(i))) i++;
  return i;
}
