/**
 * Where the scan must walk the trie at a word start whose first letter is NOT uppercase.
 *
 * A form can be accepted at a lowercase word start only if its case rule allows it: forms without uppercase
 * ("dpa"), exact forms not starting with A–Z, and forms whose first uppercase letter comes later ("the Kremlin",
 * "al-Qaeda": the letter at `capAt` must be uppercase in the text). Visiting other lowercase word starts finds
 * nothing and skips nothing (a word start without a match only skips to its word's end, where no word start
 * lies), so the scan may visit any superset of the word starts where such a form is accepted.
 *
 * The common case, a lowercase prefix before an uppercase word ("the Kremlin"), is found BACKWARD from that
 * uppercase word start, which the scan visits anyway: when the two code units before it end one of the `back`
 * prefixes, the prefix is compared and, if it starts at a word start, the trie is walked from there first. This
 * spares a forward search for "the " (≈13 k hits per MB of news, nearly all before a lowercase word). The other
 * prefixes (`forward`) are rare in text and are found by one native regex, as before.
 */
import type { FormOutput } from '../registry/compile';
import { charClass, C_WORD } from '../text/fold';

export interface LowerStarts {
  /** Prefixes found backward from an uppercase word start (each ends with two ASCII code units, see `backPair`). */
  readonly back: readonly string[];
  /** The `back` prefixes grouped by their last two code units c1 c2: group `backPair[c1 << 7 | c2] - 1`. */
  readonly backGroups: ReadonlyArray<readonly string[]>;
  /** Group index + 1 of the ASCII pair c1 c2 at `c1 << 7 | c2` (0 = no `back` prefix ends with it). */
  readonly backPair: Uint16Array;
  /** Shortest distinct prefixes searched forward in the folded text. */
  readonly forward: readonly string[];
}

function isWord(c: number): boolean {
  return (charClass(c) & C_WORD) !== 0;
}

/**
 * A prefix key[0..capAt) that may be found backward: the letter at capAt is a word character after a non-word
 * one (so it is a word start the scan visits when uppercase), the prefix has no other word start (so no
 * candidate lies between the prefix's start and the letter) and ends with two ASCII code units.
 */
function backward(key: string, capAt: number): boolean {
  if (capAt < 2 || !isWord(key.charCodeAt(capAt)) || isWord(key.charCodeAt(capAt - 1))) return false;
  if (key.charCodeAt(capAt - 1) >= 128 || key.charCodeAt(capAt - 2) >= 128) return false;
  for (let j = 1; j < capAt; j++) if (isWord(key.charCodeAt(j)) && !isWord(key.charCodeAt(j - 1))) return false;
  return true;
}

/** The lowercase starts of the forms (folded key → outputs). */
export function lowerStarts(forms: ReadonlyMap<string, readonly FormOutput[]>): LowerStarts {
  const back = new Set<string>();
  const all = new Set<string>();
  forms.forEach((list, key) => {
    for (const o of list) {
      if (o.mode === 1) {
        if (o.capAt <= 0) continue;
        if (backward(key, o.capAt)) back.add(key.slice(0, o.capAt));
        else all.add(key.slice(0, o.capAt));
      } else if (o.mode === 2) {
        const c = o.form.charCodeAt(0);
        if (!(c >= 65 && c <= 90)) all.add(key);
      } else all.add(key);
    }
  });
  // keep the shortest forward prefixes only (a longer one adds nothing)
  const kept = new Set<string>();
  for (const p of [...all].sort((a, b) => a.length - b.length)) {
    let covered = false;
    for (let l = 1; l < p.length && !covered; l++) covered = kept.has(p.slice(0, l));
    if (!covered) kept.add(p);
  }
  const backPair = new Uint16Array(128 * 128);
  const backGroups: string[][] = [];
  for (const p of back) {
    const pair = (p.charCodeAt(p.length - 2) << 7) | p.charCodeAt(p.length - 1);
    if (backPair[pair] === 0) backPair[pair] = backGroups.push([]);
    backGroups[backPair[pair] - 1].push(p);
  }
  return { back: [...back], backGroups, backPair, forward: [...kept] };
}
