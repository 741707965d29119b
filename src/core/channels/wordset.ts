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

  constructor(words: readonly string[]) {
    this.words = [...new Set(words)];
    let size = 16;
    while (size < this.words.length * 4) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    this.words.forEach((w, i) => {
      let slot = hashWord(w, 0, w.length) & this.mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i;
    });
  }

  /** Whether s[from, to) is one of the words. */
  has(s: string, from: number, to: number): boolean {
    return this.find(s, from, to) !== undefined;
  }

  /** The word s[from, to) spells (the set's own string, so nothing is cut), or undefined. */
  find(s: string, from: number, to: number): string | undefined {
    const len = to - from;
    for (let slot = hashWord(s, from, to) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.table[slot];
      if (k < 0) return undefined;
      const w = this.words[k];
      if (w.length === len && s.startsWith(w, from)) return w;
    }
  }
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
