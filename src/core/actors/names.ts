/** Small pure helpers on names and text for the actor stage (no state; callers memoise per article). */
import { fold } from '../text';
import { BACKREF_NOUNS, COMMON_WORDS, ORG_HEADS } from './lexicon';
import type { Mention } from '../types';

/** kebab-case id from a name ("Sonata Coulter" → "sonata-coulter"). */
export function kebab(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Folded form of a role word: no diacritics, lowercase, no final dot. */
export function fold1(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '');
}

/** Adjectives that make an organisation name specific ("European Union"), not generic. */
const PROPER_ADJ = new Set(['european', 'african', 'asian', 'arab', 'islamic', 'atlantic', 'american', 'international', 'world', 'global', 'united', 'nations', 'western', 'eastern']);

/** Two or more words, all common words or organisation nouns and none a proper adjective. */
export function genericOrgWords(f: string): boolean {
  const words = f.split(/[\s-]+/);
  return words.length >= 2 && words.every((w) => (COMMON_WORDS.has(w) || ORG_HEADS.has(w)) && !PROPER_ADJ.has(w));
}

/** The head noun of an organisation name: its last word that is an organisation noun ("Coalition for Fair Housing" → coalition). */
export function headNoun(name: string): string {
  const words = fold(name).split(/\s+/);
  if (words.length < 2) return '';
  for (let k = words.length - 1; k >= 0; k--) if (BACKREF_NOUNS.has(words[k])) return words[k];
  return '';
}

/** The characters of the regex class \s (WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when [s, e) overlaps a mention (mentions sorted by start, non-overlapping). */
export function overlapsAny(ms: readonly Mention[], s: number, e: number): boolean {
  let lo = 0;
  let hi = ms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].end <= s) lo = mid + 1;
    else if (ms[mid].start >= e) hi = mid - 1;
    else return true;
  }
  return false;
}

export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The element of `xs` with the largest `f` (the first one on ties). */
export function maxBy<T>(xs: T[], f: (x: T) => number): T {
  let best = xs[0];
  let bv = f(best);
  for (const x of xs) {
    const v = f(x);
    if (v > bv) {
      best = x;
      bv = v;
    }
  }
  return best;
}
