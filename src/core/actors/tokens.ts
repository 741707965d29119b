/**
 * Interned word tokens of one article: each distinct folded token (a capitalised token, the text of a registry
 * hit, a word read before a name) gets a small id and its word-list flags, computed once. Lookups hash the
 * folded code units in place (the scanner already hashed the capitalised tokens), so no substring is built for
 * a token seen before.
 */
import { hashRange } from '../matcher/scan';
import { COMMON_WORDS, COMPANY_WORDS, CONNECTORS, FIRST_NAMES, HONORIFICS, LEADER_NOUNS, NAME_PARTICLES, ORG_HEADS, STATE_COLLECTIVES, TITLE_WORDS } from './lexicon';


/** In COMMON_WORDS. */
export const W_COMMON = 1;
/** In TITLE_WORDS. */
export const W_TITLE = 2;
/** In the lexicon's FIRST_NAMES (not the registry's first names). */
export const W_FIRST = 4;
/** In ORG_HEADS. */
export const W_ORG = 8;
/** A first name of a registry person. */
export const W_REG_FIRST = 16;
/** In HONORIFICS. */
export const W_HONORIFIC = 32;
/** In CONNECTORS, except "the". */
export const W_CONNECTOR = 64;
/** In COMPANY_WORDS. */
export const W_COMPANY = 128;
/** In STATE_COLLECTIVES ("government", "administration"). */
export const W_COLLECTIVE = 256;
/** In LEADER_NOUNS ("leader", "president"). */
export const W_LEADER = 512;
/** In NAME_PARTICLES ("bin", "van", "de"). */
export const W_PARTICLE = 1024;
/** A first name of the lexicon or the registry (`isFirstName`). */
export const W_ANY_FIRST = W_FIRST | W_REG_FIRST;

/** Flags of a folded token. */
export function wordFlags(f: string, regFirstNames: ReadonlySet<string>): number {
  return (
    (COMMON_WORDS.has(f) ? W_COMMON : 0) |
    (TITLE_WORDS.has(f) ? W_TITLE : 0) |
    (FIRST_NAMES.has(f) ? W_FIRST : 0) |
    (ORG_HEADS.has(f) ? W_ORG : 0) |
    (regFirstNames.has(f) ? W_REG_FIRST : 0) |
    (HONORIFICS.has(f) ? W_HONORIFIC : 0) |
    (CONNECTORS.has(f) && f !== 'the' ? W_CONNECTOR : 0) |
    (COMPANY_WORDS.has(f) ? W_COMPANY : 0) |
    (STATE_COLLECTIVES.has(f) ? W_COLLECTIVE : 0) |
    (LEADER_NOUNS.has(f) ? W_LEADER : 0) |
    (NAME_PARTICLES.has(f) ? W_PARTICLE : 0)
  );
}

/** `s` (length `len`) occurs in `text` at `at`; compared in place (tokens are short). */
function sameAt(s: string, text: string, at: number, len: number): boolean {
  if (s.length !== len) return false;
  for (let i = 0; i < len; i++) if (s.charCodeAt(i) !== text.charCodeAt(at + i)) return false;
  return true;
}

export class TokenTable {
  /** Open-addressing slots: token id + 1 (0 = empty). */
  private slots = new Int32Array(4096);
  private readonly hashes: number[] = [];
  readonly strs: string[] = [];
  readonly flags: number[] = [];

  constructor(
    private readonly folded: string,
    private readonly regFirstNames: ReadonlySet<string>,
  ) {}

  /** Id of the folded token folded[start..end) whose `hashRange` is `h`. */
  id(start: number, end: number, h: number): number {
    const folded = this.folded;
    const len = end - start;
    let mask = this.slots.length - 1;
    let at = h & mask;
    for (;;) {
      const v = this.slots[at];
      if (v === 0) break;
      const id = v - 1;
      if (this.hashes[id] === h && sameAt(this.strs[id], folded, start, len)) return id;
      at = (at + 1) & mask;
    }
    const id = this.strs.length;
    const s = folded.slice(start, end);
    this.strs.push(s);
    this.hashes.push(h);
    this.flags.push(wordFlags(s, this.regFirstNames));
    if (this.strs.length * 2 > this.slots.length) {
      this.rehash();
      mask = this.slots.length - 1;
      at = h & mask;
      while (this.slots[at] !== 0) at = (at + 1) & mask;
    }
    this.slots[at] = id + 1;
    return id;
  }

  /** Id of folded[start..end), hashing it here. */
  idOf(start: number, end: number): number {
    return this.id(start, end, hashRange(this.folded, start, end));
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    // every id but the newest (its slot is set by the caller)
    for (let id = 0; id < this.strs.length - 1; id++) {
      let at = this.hashes[id] & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = id + 1;
    }
    this.slots = slots;
  }
}
