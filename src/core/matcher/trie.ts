/**
 * A dense-table trie over folded surface forms, walked from each word start of the folded text.
 *
 * Mentions only ever start at a word boundary, so no Aho–Corasick failure links are needed: at each word start
 * we walk the trie as far as the text allows and keep the match ends. Each walk dies after a few characters for
 * ordinary words, so the whole scan is a single pass (measured in scripts/bench-actors.ts against a compiled
 * alternation of the same forms: the trie is faster and has no regex size limits).
 */

export interface TrieBuild {
  /** Adds a folded key; returns its terminal node id. */
  add(key: string): number;
  finish(): Trie;
}

export interface Trie {
  /** next[node * width + charIndex[code]] → child node, 0 = none (node 0 is the root; root is never a child). */
  readonly next: Int32Array;
  readonly width: number;
  /** Code unit → column (0 = not in any key). */
  readonly charIndex: Uint16Array;
  /** Terminal node → output list index + 1 (0 = not terminal). */
  readonly terminal: Int32Array;
  readonly nodeCount: number;
}

export function buildTrie(): TrieBuild {
  const children: Array<Map<number, number>> = [new Map()];
  const codes = new Map<number, number>();
  const terminalOf: number[] = [0];
  let outputs = 0;
  return {
    add(key: string): number {
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (!codes.has(c)) codes.set(c, codes.size + 1);
        let nx = children[node].get(c);
        if (nx === undefined) {
          nx = children.length;
          children.push(new Map());
          terminalOf.push(0);
          children[node].set(c, nx);
        }
        node = nx;
      }
      if (!terminalOf[node]) terminalOf[node] = ++outputs;
      return terminalOf[node] - 1;
    },
    finish(): Trie {
      const width = codes.size + 1;
      const next = new Int32Array(children.length * width);
      const charIndex = new Uint16Array(65536);
      for (const [c, i] of codes) charIndex[c] = i;
      for (let n = 0; n < children.length; n++) {
        for (const [c, child] of children[n]) next[n * width + (codes.get(c) as number)] = child;
      }
      return { next, width, charIndex, terminal: Int32Array.from(terminalOf), nodeCount: children.length };
    },
  };
}

const WORD = new Uint8Array(65536); // 0 unknown, 1 word, 2 not a word
for (let c = 0; c < 128; c++) WORD[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2;
const LETTER_RE = /[\p{L}\p{N}]/u;

/** Word character test with a per-code-unit cache (keeps the Unicode regex off the hot path). */
export function isWordAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  let w = WORD[c];
  if (w === 0) {
    w = c === 0x2019 || c === 0x2018 || c === 0xa0 ? 2 : LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
    WORD[c] = w;
  }
  return w === 1;
}

export function isWordCodeCached(c: number): boolean {
  let w = WORD[c];
  if (w === 0) {
    w = c === 0x2019 || c === 0x2018 || c === 0xa0 ? 2 : LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
    WORD[c] = w;
  }
  return w === 1;
}
