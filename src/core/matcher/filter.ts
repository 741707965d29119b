/**
 * The first-word filter: a form can match at a word start only if the text's word there (its run of word
 * characters) equals the form's first word — a form is folded text, so its first word is followed by a non-word
 * character that the text must repeat, or ends the form, where the text must not continue with a word
 * character. A bitset indexed by the low bits of the FNV-1a hash of all forms' first words (collisions only cost
 * a trie walk), found by a walk over the trie. The scan hashes each capitalised word anyway (the hash interns
 * the token), so the filter spares most walks for one bit test.
 */
import type { Trie } from './trie';
import { isWordCode } from './walk';

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** Bits of the filter (indexed by the low bits of a word's hash). */
const FIRST_BITS = 18;
export const FIRST_MASK = (1 << FIRST_BITS) - 1;

/** The filter of a trie's forms (built with the registry's scan tables). */
export function firstWordFilter(trie: Trie): Uint8Array {
  const { code, hasKids, sibling, terminal } = trie;
  const bits = new Uint8Array((1 << FIRST_BITS) >> 3);
  const mark = (h: number): void => {
    const b = h & FIRST_MASK;
    bits[b >> 3] |= 1 << (b & 7);
  };
  const visit = (node: number, h: number): void => {
    if (terminal[node] !== 0) mark(h);
    if (hasKids[node] === 0) return;
    for (let k = node + 1; k !== 0; k = sibling[k]) {
      const c = code[k];
      if (isWordCode(c)) visit(k, Math.imul(h ^ c, FNV_PRIME));
      else mark(h);
    }
  };
  // the root's children: node 1 and its siblings (preorder numbering, see trie.ts)
  for (let k = trie.nodeCount > 1 ? 1 : 0; k !== 0; k = sibling[k]) if (isWordCode(code[k])) visit(k, Math.imul(FNV_OFFSET ^ code[k], FNV_PRIME));
  return bits;
}
