/**
 * Tests on the text between two things (a subject and its verb, a cue and its quote, a title and a name), as
 * char-code scans where the hot path allows and as anchored regexes on the short gap otherwise.
 */
import { isUpperCode } from '../text';
import type { Span } from '../types';
import { isJsSpace, isSpace, allSpaces } from './chars';
import type { CueHit } from './cuehits';
import { TITLE_WORDS } from './cues';

const ADV = String.raw`(?:[a-z]+ly|also|then|later|again|once|further|too|has|have|had|would|will|was|were|is|are|not|never|previously|earlier|recently|himself|herself|itself|themselves|on\s+[a-z]+day|last\s+week|yesterday|today|in\s+turn|however)`;
/** Between a subject and its verb: nothing, adverbs/auxiliaries, or an appositive between commas. */
const GAP_VERB = new RegExp(String.raw`^(?:\s*,[^;!?]*,["'\u201d\u2019]?)?\s*(?:${ADV}\s*,?\s+)*$`);
/** A post-modifier ("X of the Department of …, believes"). */
const GAP_POST = new RegExp(String.raw`^\s+(?:of|from|at|with|in)\s[^;!?]*,["'\u201d\u2019]?\s*(?:${ADV}\s+)*$`);
/** A possessive before a noun cue ("Putin's statements that", "Putin's recent remarks that"). */
const GAP_NOUN = /^'s\s+(?:[a-z-]+\s+){0,2}$/;
/** Cue right next to the quote: "said:", "said that", "told reporters,", "said in a statement:". */
export const ADJACENT = /^(?:\s*(?:that\s*)?[:,]?\s*|(?:\s+[^\s:,;.]+){1,4}\s*[:,]\s*)$/;
/** Between an inverted cue and its subject: "said the minister", "added the minister, X". */
export const INVERTED_GAP = /^\s+(?:the\s+)?(?:[^,.;:!?"\u201c\u201d]{0,60}?,\s*)?$/;
/** After "call" right before a quote: an object at most ("call it “…”", "call a “…”"). */
export const NAMING_OBJECT = /^\s+(?:(?:a|an|the|it|this|that|them|their|our|his|her|its)\s+)?$/;

/**
 * Whether the folded text between a candidate ending at `c.end` and a cue lets the candidate be the cue's subject.
 * (The folded text has no ’: it folds to an apostrophe.)
 */
export function subjectGap(f: string, c: Span, cue: CueHit): boolean {
  if (cue.form.role === 'noun') return GAP_NOUN.test(f.slice(c.end, cue.start));
  if (cue.start - c.end > 240) return false;
  // the common gap, spaces only, is a subject right before its verb
  if (allSpaces(f, c.end, cue.start)) return true;
  const gap = f.slice(c.end, cue.start);
  return GAP_VERB.test(gap) || GAP_POST.test(gap);
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
  // an outlet described before its name ("the French daily Le Monde", "the state news agency Xinhua")
  'daily', 'newspaper', 'paper', 'weekly', 'magazine', 'broadcaster', 'tabloid', 'agency', 'news', 'outlet', 'website',
]);

/** `/:\s*$/.test(s.slice(from, to))` without the substring. */
export function endsWithColon(s: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && isJsSpace(s.charCodeAt(i - 1))) i--;
  return i > from && s.charCodeAt(i - 1) === 58;
}

/** A colon, then only spaces (code units up to 32), in f[from, to). */
export function colonBefore(f: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && f.charCodeAt(i - 1) <= 32) i--;
  return i > from && f.charCodeAt(i - 1) === 58;
}

/** Words (runs of code units above 32) in s[from, to), counting no further than `max` + 1. */
export function wordCount(s: string, from: number, to: number, max: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const sp = s.charCodeAt(i) <= 32;
    if (!sp && !inWord && ++n > max) return n;
    inWord = !sp;
  }
  return n;
}

/** `/^\s*,\s*$/.test(f.slice(from, to))` without the substring. */
export function commaOnly(f: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isJsSpace(f.charCodeAt(i))) i++;
  if (i >= to || f.charCodeAt(i) !== 44) return false;
  i++;
  while (i < to && isJsSpace(f.charCodeAt(i))) i++;
  return i >= to;
}
