/**
 * Definite descriptions an article teaches for its own actors, so that a later "the mayor" or "the developer"
 * is a mention of the actor it stands for:
 *
 * - **Roles.** "Mayor Dana Whitcombe … the mayor": the last word of a title the text put in front of a person's
 *   name ("Deputy Foreign Minister" → "minister") describes that person.
 * - **Appositions.** "The developer, Harborline Properties, …" or "Harborline Properties, the developer, …": a
 *   one-word definite description set off by commas right before or after a name describes that actor, and the
 *   description itself is a mention.
 *
 * This module only learns the nouns; the back-reference step in resolve.ts finds "the/this NOUN" after the
 * description and keeps it only when exactly one actor took that noun before (two ministers named: "the minister"
 * stays unresolved).
 */
import { fold } from '../text/fold';
import type { Mention } from '../types';

/** A noun that describes one actor from position `at` on. */
export interface Description {
  noun: string;
  id: string;
  at: number;
}

/** Words that are not nouns of their own after "the" (adjectives and quantifiers an apposition can end with). */
const NOT_NOUNS = new Set([
  'same', 'other', 'others', 'first', 'last', 'latter', 'former', 'following', 'next', 'new', 'most', 'least',
  'best', 'worst', 'whole', 'rest', 'time', 'case', 'way', 'day', 'year', 'week', 'month', 'end', 'idea', 'plan',
]);

/** Title words that only abbreviate ("Sen.", "Gen.") or address ("Mr") and never stand alone after "the". */
const NOT_ROLE_NOUNS = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'lady', 'sheikh', 'prof']);

/**
 * Role nouns: the head of each person's in-text title, its last word before any "of" ("Deputy Foreign Minister" →
 * "minister", "Secretary of State" → "secretary": never "state").
 */
export function roleDescriptions(mentions: readonly Mention[], kindOf: (id: string) => string | undefined): Description[] {
  const out: Description[] = [];
  const seen = new Set<string>();
  const heads = new Map<string, string>();
  for (const m of mentions) {
    if (!m.role || kindOf(m.actorId) !== 'person') continue;
    let noun = heads.get(m.role);
    if (noun === undefined) heads.set(m.role, (noun = roleHead(m.role)));
    if (!noun) continue;
    const key = `${noun}|${m.actorId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ noun, id: m.actorId, at: m.start });
  }
  return out;
}

/** The head noun of a title, or '' when it has none that can stand alone. */
function roleHead(role: string): string {
  const words = fold(role).split(/\s+/);
  const of = words.indexOf('of');
  const noun = of > 0 ? words[of - 1] : words[words.length - 1];
  return /^[a-z][a-z-]{2,}$/.test(noun) && !NOT_ROLE_NOUNS.has(noun) ? noun : '';
}

const LOWER_WORD = /^[a-z]{4,}$/;

/**
 * Appositive descriptions: ", the NOUN" + [,.;)] right after a name, or "the NOUN, " right before a name that a
 * comma closes. The description's own span is returned as `at` (it counts as a mention of the actor too).
 */
export function appositiveDescriptions(text: string, folded: string, mentions: readonly Mention[]): Description[] {
  const out: Description[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const after = nounAfter(text, folded, m.end);
    if (after && !(i + 1 < mentions.length && mentions[i + 1].start < after.end)) out.push({ noun: after.noun, id: m.actorId, at: after.at });
    const before = nounBefore(text, folded, m.start);
    if (before && closesApposition(folded, m.end)) out.push({ noun: before.noun, id: m.actorId, at: before.at });
  }
  return out;
}

/** ", the NOUN" (lowercase) followed by , . ; ) or the end of the line, right at `end`. */
function nounAfter(text: string, folded: string, end: number): { noun: string; at: number; end: number } | undefined {
  if (folded.charCodeAt(end) !== 44 || folded.slice(end + 1, end + 6) !== ' the ') return undefined;
  const at = end + 2;
  let e = end + 6;
  while (e < folded.length && isLower(folded.charCodeAt(e))) e++;
  const noun = folded.slice(end + 6, e);
  if (!isNoun(noun) || !isLower(text.charCodeAt(end + 6)) || !isApposEnd(folded.charCodeAt(e), e >= folded.length)) return undefined;
  return { noun, at, end: e };
}

/** "the NOUN, " (or "The NOUN, ") right before `start`, where "the" starts a word. */
function nounBefore(text: string, folded: string, start: number): { noun: string; at: number } | undefined {
  if (start < 7 || folded.charCodeAt(start - 1) !== 32 || folded.charCodeAt(start - 2) !== 44) return undefined;
  let s = start - 2;
  while (s > 0 && isLower(folded.charCodeAt(s - 1))) s--;
  const noun = folded.slice(s, start - 2);
  if (!isNoun(noun) || !isLower(text.charCodeAt(s)) || s < 4 || folded.slice(s - 4, s) !== 'the ') return undefined;
  const at = s - 4;
  if (at > 0 && isLower(folded.charCodeAt(at - 1))) return undefined;
  return { noun, at };
}

function isNoun(w: string): boolean {
  return LOWER_WORD.test(w) && !NOT_NOUNS.has(w);
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isApposEnd(c: number, atEnd: boolean): boolean {
  return atEnd || c === 44 || c === 46 || c === 59 || c === 41 || c === 10 || c === 13;
}

/** A comma (or the end of the sentence) right after the name closes the apposition. */
function closesApposition(folded: string, end: number): boolean {
  const c = folded.charCodeAt(end);
  return c === 44 || c === 46;
}
