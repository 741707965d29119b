/**
 * Window scanner for speaker candidates: one char-code loop over a window's words that finds exactly what two
 * regexes found on the window's substring (the unit tests hold it to them), without the substring, a match array
 * per hit, or a regex pass per kind:
 * - subject pronouns, `/\b(?:he|she|they|it)\b/g` over the folded window;
 * - common-noun heads, `/\b(?:minister|spokesman|…)\b/g` over the folded window (NOMINAL_NOUNS).
 * (Capitalised sequences stay a regex, ./candidates: it reads mostly lowercase text faster than a char loop.)
 */

/** Documents that "say" what their authors wrote: "the letter said", "the statement reads". */
export const DOCUMENT_NOUNS: readonly string[] = ['letter', 'statement', 'communique', 'declaration', 'memo', 'readout', 'petition', 'article', 'editorial', 'column', 'essay'];

/** Written opinion pieces: "the article" may stand for an op-ed or a column named before. */
export const OPINION_PIECES: readonly string[] = ['article', 'op-ed', 'editorial', 'column', 'essay', 'commentary'];

/** Head nouns of a common-noun subject: "the foreign minister", "a Kremlin spokesman", "critics", "officials". */
export const NOMINAL_NOUNS: readonly string[] = [
  'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'envoy', 'ambassador', 'secretary',
  'chancellor', 'premier', 'diplomat', 'negotiator', 'senator', 'official', 'analyst', 'expert', 'source', 'ministry',
  'agency', 'government', 'embassy', 'officials', 'analysts', 'experts', 'sources', 'diplomats', 'observers',
  'critics', 'commentators', 'lawmakers', ...DOCUMENT_NOUNS,
];

/** The words `headWords` finds: the subject pronouns first (ids below PRONOUN_COUNT), then the nominal heads. */
export const HEAD_WORDS: readonly string[] = ['he', 'she', 'they', 'it', ...NOMINAL_NOUNS];
/** Ids below this in HEAD_WORDS are pronouns. */
export const PRONOUN_COUNT = 4;

/** Word ids to compare a run with, by its first letter and length: index (c - 97) * 16 + length. */
const HEADS: ReadonlyArray<readonly number[] | undefined> = buildHeads();

function buildHeads(): Array<number[] | undefined> {
  const t: Array<number[] | undefined> = new Array(26 * 16);
  HEAD_WORDS.forEach((w, id) => (t[(w.charCodeAt(0) - 97) * 16 + w.length] ??= []).push(id));
  return t;
}

/** JavaScript's `\w` (no `u` flag): [A-Za-z0-9_]. */
function isRegexWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Whether `f` holds `w` at `s`, its first character already equal (compared in place: no builtin call). */
export function sameAfterFirst(f: string, s: number, w: string): boolean {
  for (let k = 1; k < w.length; k++) if (f.charCodeAt(s + k) !== w.charCodeAt(k)) return false;
  return true;
}

/**
 * Pronouns and nominal heads in folded f[a, b): (start, end, id) triples in order, `HEAD_WORDS[id]` the word (the
 * table's string: a caller reads the word without a substring). A hit is a whole `\w` run of the window (a run
 * cut by the window's edge counts as it would in the substring) equal to a word.
 */
export function headWords(f: string, a: number, b: number, withPronouns: boolean): number[] {
  const out: number[] = [];
  headWordsInto(f, a, b, withPronouns, out);
  return out;
}

/**
 * `headWords` written into `out` from index 0 (a scratch array reused across windows: no array per window);
 * returns how many numbers it wrote (what lies beyond is stale).
 */
export function headWordsInto(f: string, a: number, b: number, withPronouns: boolean, out: number[]): number {
  let n = 0;
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
    const ids = HEADS[(c0 - 97) * 16 + len];
    if (ids === undefined) continue;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (!sameAfterFirst(f, s, HEAD_WORDS[id])) continue;
      if (withPronouns || id >= PRONOUN_COUNT) {
        out[n] = s;
        out[n + 1] = i;
        out[n + 2] = id;
        n += 3;
      }
      break;
    }
  }
  return n;
}
