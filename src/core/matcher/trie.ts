/**
 * A dense-table trie over folded surface forms, walked from each word start of the folded text.
 *
 * Edges live in one open-addressing hash table (compact: compiling allocates little).
 * Mentions only ever start at a word boundary, so no Aho–Corasick failure links are needed: at each word start
 * we walk the trie as far as the text allows and keep the match ends. Each walk dies after a few characters for
 * ordinary words, so the whole scan is a single pass (measured in scripts/bench-actors.ts against a compiled
 * alternation of the same forms: the trie is faster and has no regex size limits).
 */

export interface Trie {
  /**
   * Open-addressing hash of edges: slot → parent node + 1 (0 = empty), edge code unit, child node.
   * Compact (a few hundred KB for thousands of forms), so compiling allocates little.
   */
  readonly slotParent: Int32Array;
  readonly slotCode: Uint16Array;
  readonly slotChild: Int32Array;
  readonly mask: number;
  /** Terminal node → output list index + 1 (0 = not terminal). */
  readonly terminal: Int32Array;
  readonly nodeCount: number;
}

/** Hash slot of an edge (node, code). */
export function slotOf(node: number, code: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
}

/** Child of `node` along `code`, or 0. */
export function childOf(t: Trie, node: number, code: number): number {
  let h = slotOf(node, code, t.mask);
  for (;;) {
    const p = t.slotParent[h];
    if (p === 0) return 0;
    if (p === node + 1 && t.slotCode[h] === code) return t.slotChild[h];
    h = (h + 1) & t.mask;
  }
}

/** Builds the trie of `keys`; `terminalOf(key)` gives each key's output index. */
export function buildTrie(keys: readonly string[]): { trie: Trie; terminalOf: (key: string) => number } {
  let total = 1;
  for (const k of keys) total += k.length;
  let size = 1024;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  const slotParent = new Int32Array(size);
  const slotCode = new Uint16Array(size);
  const slotChild = new Int32Array(size);
  const terminal = new Int32Array(total);
  let nodes = 1;
  let outputs = 0;
  const ids = new Map<string, number>();
  for (const key of keys) {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let h = slotOf(node, c, mask);
      let child: number;
      for (;;) {
        const p = slotParent[h];
        if (p === 0) {
          child = nodes++;
          slotParent[h] = node + 1;
          slotCode[h] = c;
          slotChild[h] = child;
          break;
        }
        if (p === node + 1 && slotCode[h] === c) {
          child = slotChild[h];
          break;
        }
        h = (h + 1) & mask;
      }
      node = child;
    }
    if (terminal[node] === 0) terminal[node] = ++outputs;
    ids.set(key, terminal[node] - 1);
  }
  return {
    trie: { slotParent, slotCode, slotChild, mask, terminal, nodeCount: nodes },
    terminalOf: (key: string) => ids.get(key) ?? -1,
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
