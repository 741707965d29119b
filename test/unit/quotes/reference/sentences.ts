/**
 * Reference: the sentence start as a plain backward scan from `pos` (what ./sentences answers with its frontier
 * and the cue scan's terminator list).
 */
import { isUpperCode } from '../../../../src/core/text';
import { isAbbrevChar, isClosing, isOpening, isSpace } from '../../../../src/core/quotes/chars';

const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'rep', 'sen', 'gov', 'pres',
  'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'amb', 'hon', 'rev', 'fr', 'mt', 'ft',
]);

export function referenceSentenceStart(t: string, folded: string, ps: number, pos: number, max = 800): number {
  const floor = Math.max(ps, pos - max);
  for (let i = pos - 1; i > floor; i--) {
    const c = t.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    let j = i + 1;
    while (j < pos && isClosing(t.charCodeAt(j))) j++;
    if (j >= pos || !isSpace(t.charCodeAt(j))) continue;
    let k = j;
    while (k < pos && isSpace(t.charCodeAt(k))) k++;
    const n = t.charCodeAt(k);
    if (!(isUpperCode(n) || (n >= 48 && n <= 57) || isOpening(n))) continue;
    if (c === 46) {
      let w = i - 1;
      while (w >= ps && isAbbrevChar(t.charCodeAt(w))) w--;
      if (i - w <= 5) {
        const word = folded.slice(w + 1, i);
        if (ABBREV.has(word) || (word.length === 1 && isUpperCode(t.charCodeAt(i - 1)))) continue;
      }
    }
    return k;
  }
  return floor;
}
