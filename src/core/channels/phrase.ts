/**
 * Noun-phrase helpers around a trigger: the left edge of the phrase (determiner, modifiers, possessor, compound
 * adjectives such as "Russia-U.S."), complements to the right ("between A and B", "with B", "of A"), and the
 * subject chain before a verb ("A and B held talks"). All offsets are into the original text; word tests run on
 * the folded text.
 */
import { isUpperCode } from '../text/fold';
import type { Mention } from '../types';
import type { ChannelContext } from './context';
import { DETERMINERS, SPECIFIC_MODIFIERS, WordSet } from './wordset';

export interface LeftPhrase {
  /** Where the phrase starts (≤ the trigger start). */
  start: number;
  /** The determiner that opens it, if any ("the", "their"). */
  det: string | null;
  /** An actor in the possessive right before the noun ("Putin's", "Lavrov's"). */
  possessor: Mention | null;
  /** A possessive pronoun ("his", "her", "their") at the front. */
  pronoun: string | null;
  /** Actors named by pre-modifiers: compound adjectives ("Russia-U.S.", "Witkoff-Dmitriev") and actor nouns ("ASEAN"). */
  modifierIds: string[];
  /** The organisations among the pre-modifiers ("the ASEAN meeting"). */
  orgModifier: boolean;
  /** A specific modifier: a known adjective, a hyphenated compound, a number, a non-actor possessive ("Friday's"). */
  specific: boolean;
  /** A compound of two actors ("Russia-U.S.", "Witkoff-Dmitriev"). */
  pair: boolean;
  /** "lower-level", "working-level": a level qualifier. */
  level: boolean;
}

/** `" “ ” « » „ ‟ ‹ ›` */
function isQuoteCode(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e || c === 0x201f || c === 0x2039 || c === 0x203a;
}

/** `[a-z0-9.'-]` */
function isTokenCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 39 || c === 45;
}

/** A token before a noun: its span (with an opening quote when quoted) and its word [ws, we) in the folded text. */
interface Token {
  start: number;
  end: number;
  /** The word: without surrounding quote marks or a sentence-final period. */
  ws: number;
  we: number;
}

/**
 * Reads the token ending right before `pos` (separated by spaces) into `t`; false at punctuation. Offsets only:
 * no substring is cut.
 */
function tokenBefore(f: string, pos: number, limit: number, t: Token): boolean {
  let e = pos;
  while (e > limit && (f.charCodeAt(e - 1) === 32 || f.charCodeAt(e - 1) === 9)) e--;
  let qe = e;
  while (qe > limit && isQuoteCode(f.charCodeAt(qe - 1))) qe--;
  let s = qe;
  while (s > limit && isTokenCode(f.charCodeAt(s - 1))) s--;
  if (s === qe) return false;
  // an opening quote belongs to the phrase only when the word is quoted ("the “economic” dialog")
  t.start = qe < e && s > limit && isQuoteCode(f.charCodeAt(s - 1)) ? s - 1 : s;
  t.end = e;
  t.ws = s;
  // a sentence-final period is not part of a word ("… Moscow. Talks"); "u.s." keeps its dots
  t.we = f.charCodeAt(qe - 1) === 46 && !isInitialism(f, s, qe) ? qe - 1 : qe;
  return true;
}

/** `^(?:[a-z]\.)+$` on f[s, e). */
function isInitialism(f: string, s: number, e: number): boolean {
  if ((e - s) % 2 !== 0) return false;
  for (let k = s; k < e; k += 2) {
    const c = f.charCodeAt(k);
    if (c < 97 || c > 122 || f.charCodeAt(k + 1) !== 46) return false;
  }
  return true;
}

/** Words that end a noun phrase to the left: prepositions, conjunctions, auxiliaries. */
const FUNCTION_WORDS = new WordSet([
  'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'and', 'or', 'but', 'nor', 'is', 'are', 'was', 'were',
  'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does',
  'did', 'not', 'no', 'as', 'than', 'then', 'if', 'so', 'because', 'while', 'when', 'where', 'which', 'who', 'what',
  'how', 'why', 'between', 'through', 'via', 'about', 'over', 'after', 'before', 'during', 'into', 'like', 'also',
  'only', 'even', 'just', 'both', 'either', 'neither', 'there', 'here', 'it', 'they', 'we', 'he', 'she', 'you', 'i',
  'proportion', 'issue', 'topics', 'question', 'matter', 'rest', 'part', 'level', 'form', 'existence', 'lack',
]);

/** Nouns a demonstrative "that" can determine ("that meeting"); elsewhere "that" is a conjunction. */
const THAT_NOUNS = /^(?:meeting|conversation|call|exchange|session|visit|track|channel|dialog(?:ue)?|letter|message|statement|summit|round)$/;

/** Whether f[s, e) ends with `suffix`. */
function endsWithAt(f: string, s: number, e: number, suffix: string): boolean {
  return e - s >= suffix.length && f.startsWith(suffix, e - suffix.length);
}

/** Whether f[s, e) holds a code unit `c`. */
function hasCode(f: string, s: number, e: number, c: number): boolean {
  for (let k = s; k < e; k++) if (f.charCodeAt(k) === c) return true;
  return false;
}

/** Whether f[s, e) is a non-empty run of `lo`..`hi` code units. */
function allIn(f: string, s: number, e: number, lo: number, hi: number): boolean {
  if (e <= s) return false;
  for (let k = s; k < e; k++) {
    const c = f.charCodeAt(k);
    if (c < lo || c > hi) return false;
  }
  return true;
}

/** Reads the modifiers in front of a noun trigger at `start` (inside the sentence starting at `limit`). */
export function leftPhrase(ctx: ChannelContext, start: number, limit: number): LeftPhrase {
  const f = ctx.folded;
  const out: LeftPhrase = { start, det: null, possessor: null, pronoun: null, modifierIds: [], orgModifier: false, specific: false, pair: false, level: false };
  let pos = start;
  /** Unknown words read since the last known modifier (adjectives only if something known opens the phrase). */
  let pending = 0;
  const t: Token = { start: 0, end: 0, ws: 0, we: 0 };
  for (let n = 0; n < 6; n++) {
    if (!tokenBefore(f, pos, limit, t)) break;
    const ws = t.ws;
    const we = t.we;
    const sPossessive = endsWithAt(f, ws, we, "'s");
    let mi = ctx.mentionIndexAt(t.end - 1);
    if (mi < 0 && sPossessive) mi = ctx.mentionIndexAt(t.end - 3);
    if (mi >= 0 && ctx.mStart[mi] >= t.start - 1) {
      const m = ctx.mentions[mi];
      // an actor as pre-modifier or possessor
      const possessive = (sPossessive || (we > ws && f.charCodeAt(we - 1) === 39)) && m.end < t.end && f.charCodeAt(m.end) === 39;
      if (!possessive && pending) break;
      if (possessive) out.possessor = m;
      else {
        out.modifierIds.push(m.actorId);
        if (ctx.kindOf(m.actorId) === 'organization') out.orgModifier = true;
      }
      // a compound token may hold a second actor ("Russia-U.S.")
      const inToken = compoundIds(ctx, t);
      for (const id of inToken) if (!out.modifierIds.includes(id) && id !== m.actorId) out.modifierIds.push(id);
      if (inToken.length >= 2) {
        out.pair = true;
        out.specific = true;
      }
      if (m.start < t.start) t.start = m.start;
      out.start = Math.min(t.start, m.start);
      pending = 0;
      pos = out.start;
      if (possessive) {
        if (tokenBefore(f, pos, limit, t) && ((t.we - t.ws === 3 && f.startsWith('the', t.ws)) || (t.we - t.ws === 1 && f.charCodeAt(t.ws) === 97))) out.start = t.start;
        break;
      }
      continue;
    }
    if (we - ws === 4 && f.startsWith('that', ws) && !THAT_NOUNS.test(f.slice(start, start + 12).replace(/[^a-z].*$/s, ''))) break;
    const det = DETERMINERS.find(f, ws, we);
    if (det !== undefined) {
      out.det = det;
      if (det === 'his' || det === 'her' || det === 'their' || det === 'its') out.pronoun = det;
      out.start = t.start;
      break;
    }
    if (we - ws > 2 && hasCode(f, ws, we, 45)) {
      const ids = compoundIds(ctx, t);
      for (const id of ids) if (!out.modifierIds.includes(id)) out.modifierIds.push(id);
      if (ids.length >= 2) out.pair = true;
      if (endsWithAt(f, ws, we, '-level')) out.level = true;
      out.specific = true;
      out.start = t.start;
      pending = 0;
      pos = t.start;
      continue;
    }
    if (sPossessive || allIn(f, ws, we, 48, 57) || SPECIFIC_MODIFIERS.has(f, ws, we)) {
      out.specific = true;
      out.start = t.start;
      pending = 0;
      pos = t.start;
      if (sPossessive && tokenBefore(f, pos, limit, t)) {
        const before = DETERMINERS.find(f, t.ws, t.we);
        if (before !== undefined) {
          out.det = before;
          out.start = t.start;
        }
      }
      if (sPossessive) break;
      continue;
    }
    // a state's demonym ("Turkish mediation", "the Qatari mediators", "a Chinese statement") modifies like its state
    if (!pending && isUpperCode(ctx.text.charCodeAt(ws))) {
      const state = ctx.stateIn(ws, we);
      if (state) {
        if (!out.modifierIds.includes(state)) out.modifierIds.push(state);
        out.start = t.start;
        pos = t.start;
        continue;
      }
    }
    // an unknown word: an adjective only if a determiner or known modifier opens the phrase further left
    if (!allIn(f, ws, we, 97, 122) || pending >= 2 || FUNCTION_WORDS.has(f, ws, we)) break;
    pending++;
    pos = t.start;
  }
  return out;
}

/** Actors named inside a hyphenated token: mentions within it, or its parts read as state names. */
export function compoundIds(ctx: ChannelContext, t: { start: number; end: number }): string[] {
  const ids: string[] = [];
  const n = ctx.mStart.length;
  for (let i = ctx.firstMentionFrom(t.start); i < n && ctx.mStart[i] < t.end; i++) {
    const id = ctx.mentions[i].actorId;
    if (ctx.mEnd[i] <= t.end && !ids.includes(id)) ids.push(id);
  }
  if (!hasDash(ctx.text, t.start, t.end)) return ids;
  const raw = ctx.text.slice(t.start, t.end);
  let off = t.start;
  for (const part of raw.split(/[-–—‑]/)) {
    const covered = ctx.mentionAt(off);
    if (!covered) {
      const id = ctx.stateByWord(part.replace(/[“”"«»']/g, ''));
      if (id && !ids.includes(id)) ids.push(id);
    }
    off += part.length + 1;
  }
  return ids;
}

/** Whether text[s, e) holds a hyphen or dash that joins a compound: - – — ‑ (U+2D, U+2013, U+2014, U+2011). */
function hasDash(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2011) return true;
  }
  return false;
}

// ---------------------------------------------------------------- complements

/** Words that end a noun-phrase list: clause words, prepositions, auxiliaries. */
const STOP_WORDS = new WordSet(
  'that which who whom where when while because since but to on about over regarding concerning in at for after before during through via is are was were has have had will would can could should may might must did does do show shows showed continue continues continued began remain remains runs run ran'.split(' '),
);

/** `\w` of regular expressions. */
const isRegexWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** "u.s", "u.k", "u.n" right before `i` (a word boundary before the "u", not before `from`). */
function abbrevBefore(f: string, i: number, from: number): boolean {
  if (i - 3 < from || f.charCodeAt(i - 3) !== 117 || f.charCodeAt(i - 2) !== 46) return false;
  const c = f.charCodeAt(i - 1);
  if (c !== 115 && c !== 107 && c !== 110) return false;
  return i - 4 < from || !isRegexWord(f.charCodeAt(i - 4));
}

/** End of the noun-phrase list that starts at `from` (punctuation, a clause word, or `max`). */
export function listEnd(ctx: ChannelContext, from: number, max: number, allowDash = false): number {
  const f = ctx.folded;
  let end = Math.min(max, from + 140);
  for (let i = from; i < end; i++) {
    const c = f.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 33 || c === 63 || c === 10) {
      end = i;
      break;
    }
    if (c === 46 && (i + 1 >= f.length || f.charCodeAt(i + 1) === 32) && !abbrevBefore(f, i, from)) {
      end = i;
      break;
    }
    if (!allowDash && c === 45 && f.charCodeAt(i - 1) === 32 && f.charCodeAt(i + 1) === 32) {
      end = i;
      break;
    }
  }
  // the first clause word standing between blanks ends the list (one at the very start does not)
  for (let q = from; q < end; q++) {
    const c = f.charCodeAt(q);
    if (c < 97 || c > 122 || (q > from && !isBlankCode(f.charCodeAt(q - 1)))) continue;
    let r = q + 1;
    while (r < end && f.charCodeAt(r) >= 97 && f.charCodeAt(r) <= 122) r++;
    if ((r === end || isBlankCode(f.charCodeAt(r))) && STOP_WORDS.has(f, q, r)) {
      if (q > from) end = q;
      break;
    }
    q = r;
  }
  const inside = ctx.mentionAt(end);
  if (inside && inside.start < end && inside.start >= from) end = Math.min(max, inside.end);
  return end;
}

/** `\s` of regular expressions, by code unit. */
export function isBlankCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export type GroupKind = 'presidents' | 'leaders' | 'ministers' | 'states' | 'sides';

/** "the two presidents", "both sides", "the two countries", "heads of state" at the start of `s`. */
export const GROUP_RE =
  /^(?:between\s+)?(?!(?:our|your|my)\s)(?:(?:the\s+)?two|both(?:\s+the)?|the|their)?\s*(?:great\s+|nuclear\s+|[a-z]+\s+)?(presidents|leaders|heads\s+of\s+state|heads\s+of\s+government|foreign\s+ministers|ministers|top\s+diplomats|sides|parties|countries|states|nations|powers|superpowers|governments|capitals|delegations|negotiators)(?![a-z])/;

export function groupKind(word: string): GroupKind {
  if (word === 'presidents') return 'presidents';
  if (/^(?:leaders|heads)/.test(word)) return 'leaders';
  if (/ministers|diplomats/.test(word)) return 'ministers';
  if (/sides|parties|delegations|negotiators/.test(word)) return 'sides';
  return 'states';
}

/** Finds group nouns ("both sides", "the two countries") anywhere in [from, to). */
export const GROUP_ANYWHERE_RE =
  /(?<![a-z])(?:(?:the\s+)?two|both(?:\s+the)?)\s+(?:great\s+|nuclear\s+)?(presidents|leaders|heads\s+of\s+state|foreign\s+ministers|ministers|sides|parties|countries|states|nations|powers|superpowers|governments|capitals|delegations)(?![a-z])/g;

/** The position before the blanks (`\s`) that end at `pos`, not below `floor`. */
export function skipBlanksBack(f: string, pos: number, floor: number): number {
  while (pos > floor && isBlankCode(f.charCodeAt(pos - 1))) pos--;
  return pos;
}

/** Start of the run of letters a-z that ends at `pos`, not below `floor`; `pos` when there is none. */
export function letterRunBack(f: string, pos: number, floor: number): number {
  let w = pos;
  while (w > floor && f.charCodeAt(w - 1) >= 97 && f.charCodeAt(w - 1) <= 122) w--;
  return w;
}
