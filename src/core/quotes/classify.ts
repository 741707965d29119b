/**
 * Direct speech or scare quote: features of the quoted text and its place in the author's sentence.
 * A scare quote is a short term held at a distance (1–4 words, no sentence punctuation, part of the author's
 * sentence, no speech cue), or a name/title ("Free News", "Center for Political Education"). Direct speech is a
 * sentence or clause, or a short fragment that a speech cue attributes.
 */
import { isUpperCode } from '../text';
import { SCARE_MARKERS } from './cues';

/** Lowercase words that may sit inside a capitalised name ("Center for Political Education"). */
const NAME_LINKS = new Set([
  'of', 'for', 'and', 'the', 'in', 'on', 'at', 'to', 'a', 'an', 'de', 'la', 'le', 'du', 'der', 'von', 'van', 'al',
  'bin', 'el', '&', 'y', 'da', 'di',
]);

export interface QuoteShape {
  words: number;
  /** Starts with a capital and ends with sentence punctuation, or holds a sentence break. */
  sentence: boolean;
  /** Every word capitalised (bar linking words): a name or title. */
  name: boolean;
}

/** The shape of every quote of eight words or more (shared: shapes are read, never changed). */
const LONG: QuoteShape = Object.freeze({ words: 8, sentence: true, name: false });

/** Shape of the quoted text `text[start, end)`. One read of the quote, stopping at its eighth word. */
export function shapeOf(text: string, start: number, end: number): QuoteShape {
  let words = 0;
  let inWord = false;
  let name = true;
  let sentenceBreak = false;
  let wordStart = -1;
  let firstUpper = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 32;
    // letters and most other characters: neither a space nor sentence punctuation
    if (c > 63 && c !== 0xa0) {
      if (!inWord) {
        inWord = true;
        wordStart = i;
      }
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      if (!inWord) continue;
      inWord = false;
      words++;
      // eight words make direct speech whatever follows: no need to read on
      if (words >= 8) return LONG;
      if (name) name = nameWord(text, wordStart, i, words === 1);
      if (words === 1) firstUpper = firstLetterUpper(text, wordStart, i);
      continue;
    }
    if (!inWord) {
      inWord = true;
      wordStart = i;
    }
    if (c === 46 || c === 33 || c === 63 || c === 59) {
      if (c !== 59 && i + 2 < end) {
        // ". X" inside: a sentence break (not "U.S." nor "3.5")
        const n1 = text.charCodeAt(i + 1);
        if ((n1 === 32 || n1 === 0xa0) && isUpperCode(text.charCodeAt(i + 2))) sentenceBreak = true;
      }
      if (c !== 46 && i < end - 1) name = false;
    }
  }
  const last = lastNonMark(text, start, end);
  const endsSentence = last === 46 || last === 33 || last === 63 || last === 0x2026;
  const sentence = sentenceBreak || (words >= 3 && firstUpper && endsSentence);
  if (words > 7 || sentenceBreak) name = false;
  return { words, sentence, name };
}

function lastNonMark(text: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (c !== 34 && c !== 39 && c !== 0x2019 && c !== 0x201d && c !== 41) return c;
  }
  return -1;
}

function firstLetterUpper(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 40 || c === 34 || c === 39 || c === 0x2018 || c === 0x201c) continue;
    return isUpperCode(c);
  }
  return false;
}

function nameWord(text: string, s: number, e: number, first: boolean): boolean {
  // strip trailing punctuation , . : ;
  let t = e;
  for (let c = text.charCodeAt(t - 1); t > s && (c === 44 || c === 46 || c === 58 || c === 59); c = text.charCodeAt(t - 1)) t--;
  if (t <= s) return false;
  const c = text.charCodeAt(s);
  if (isUpperCode(c) || (c >= 48 && c <= 57)) return true;
  if (first || t - s > 3) return false;
  return NAME_LINKS.has(text.slice(s, t).toLowerCase());
}

/** True when the words right before the opening mark hold the quote at a distance ("so-called", "notorious"). */
export function hasScareMarker(folded: string, open: number, from: number): boolean {
  const s = Math.max(from, open - 40);
  return SCARE_MARKERS.test(folded.slice(s, open));
}
