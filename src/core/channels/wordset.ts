/**
 * Word sets looked up by offsets into a string (no substring is cut), and the word lists of noun phrases.
 */

/** The string hash used by the word tables: h = h * 31 + code unit, in 32 bits. */
export function hashWord(s: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** A set of words looked up by offsets into a string (no substring is cut): an open-addressing hash table. */
export class WordSet {
  private readonly table: Int32Array;
  private readonly words: string[];
  private readonly mask: number;
  /** Bit n set when some word has length n (lengths ≥ 31 share bit 31). */
  private readonly lengths: number;
  /** Bit c - 97 set when some word starts with the letter c; bit 31 for any other first code unit. */
  private readonly firsts: number;
  /** Full hash of each word, and its characters (word k: chars[off[k] .. off[k + 1])). */
  private readonly hashes: Int32Array;
  private readonly off: Int32Array;
  private readonly chars: Uint16Array;

  constructor(words: readonly string[]) {
    this.words = [...new Set(words)];
    let size = 16;
    while (size < this.words.length * 4) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    this.hashes = Int32Array.from(this.words, (w) => hashWord(w, 0, w.length));
    this.off = new Int32Array(this.words.length + 1);
    this.chars = new Uint16Array(this.words.reduce((n, w) => n + w.length, 0));
    let lengths = 0;
    let firsts = 0;
    this.words.forEach((w, i) => {
      let slot = this.hashes[i] & this.mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i;
      this.off[i + 1] = this.off[i] + w.length;
      for (let j = 0; j < w.length; j++) this.chars[this.off[i] + j] = w.charCodeAt(j);
      lengths |= 1 << Math.min(31, w.length);
      firsts |= 1 << firstBit(w.charCodeAt(0));
    });
    this.lengths = lengths;
    this.firsts = firsts;
  }

  /** Whether s[from, to) is one of the words. */
  has(s: string, from: number, to: number): boolean {
    return this.indexOf(s, from, to) >= 0;
  }

  /** The word s[from, to) spells (the set's own string, so nothing is cut), or undefined. */
  find(s: string, from: number, to: number): string | undefined {
    const k = this.indexOf(s, from, to);
    return k >= 0 ? this.words[k] : undefined;
  }

  /** Index of the word s[from, to), or -1; the length and first letter turn most other words away unhashed. */
  private indexOf(s: string, from: number, to: number): number {
    const len = to - from;
    if (len <= 0 || (this.lengths & (1 << Math.min(31, len))) === 0 || (this.firsts & (1 << firstBit(s.charCodeAt(from)))) === 0) return -1;
    const h = hashWord(s, from, to);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.table[slot];
      if (k < 0) return -1;
      if (this.hashes[k] !== h || this.off[k + 1] - this.off[k] !== len) continue;
      let j = 0;
      for (const o = this.off[k]; j < len && s.charCodeAt(from + j) === this.chars[o + j]; j++);
      if (j === len) return k;
    }
  }
}

/** The bit of a first code unit in `WordSet.firsts`: a–z → 0–25, anything else → 31. */
function firstBit(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : 31;
}

/** Modifiers that make a generic channel noun specific ("bilateral meetings", "direct talks"). */
export const SPECIFIC_MODIFIERS = new WordSet([
  'bilateral', 'trilateral', 'direct', 'ministerial', 'presidential', 'face-to-face', 'in-person', 'high-level',
  'top-level', 'working-level', 'summit-level', 'first', 'second', 'third', 'next', 'new', 'previous', 'recent',
  'renewed', 'upcoming', 'planned', 'regular', 'periodic', 'personal', 'private', 'closed', 'extensive', 'lengthy',
  'substantive', 'detailed', 'intensive', 'emergency', 'urgent', 'official', 'diplomatic', 'expert', 'intergovernmental',
  'interagency', 'nascent', 'ongoing', 'continued', 'weekly', 'monthly', 'annual', 'productive', 'constructive',
  'frank', 'fruitful', 'tete-a-tete', 'technical', 'indirect', 'proximity', 'exploratory', 'preliminary', 'secret',
]);

/** Determiners and possessive pronouns that may open a channel noun phrase. */
export const DETERMINERS = new WordSet([
  'the', 'a', 'an', 'this', 'these', 'that', 'those', 'their', 'his', 'her', 'its', 'our', 'another', 'such', 'each',
  'every',
]);

/** Determiners that make a weak noun definite enough to take participants from the sentence ("the talks"). */
export const DEFINITE = new Set(['the', 'this', 'these', 'their', 'his', 'her', 'its', 'that', 'those']);
