/**
 * A trie over folded surface forms, walked from candidate word starts of the folded text.
 *
 * Layout for cache locality: nodes are numbered in depth-first preorder, so a node's first child is the next
 * node and walking a name ("sergei lavrov") reads consecutive memory. Each node stores the code unit of its
 * incoming edge, its next sibling, and its terminal (output list index + 1). The root's children sit in a
 * dense 64 K table (one lookup for the first character).
 * Mentions only ever start at a word boundary, so no Aho–Corasick failure links are needed: at each candidate
 * we walk the trie as far as the text allows and keep the match ends (measured in scripts/bench-actors.ts
 * against a compiled alternation of the same forms: the trie is faster and has no regex size limits).
 */
import { charClass, C_WORD } from '../text/fold';

export interface Trie {
  /** Root child by first code unit (0 = none). */
  readonly root: Int32Array;
  /** Code unit on the edge into each node. */
  readonly code: Uint16Array;
  /** 1 when the node has children (the first child is node + 1). */
  readonly hasKids: Uint8Array;
  /** Next sibling of each node (0 = none); the root's children are node 1 and its siblings. */
  readonly sibling: Int32Array;
  /** Terminal node → output list index + 1 (0 = not terminal). */
  readonly terminal: Int32Array;
  /**
   * Nodes with many children (after "the ", after a first letter) also get a dense slab of 128 ASCII children:
   * `wideAt[node]` is the slab offset + 1 in `wide` (0 = none); a child by ASCII code is `wide[offset + code]`.
   */
  readonly wideAt: Int32Array;
  readonly wide: Int32Array;
  readonly nodeCount: number;
}

/** Child of `node` along `code`, or 0. */
export function childOf(t: Trie, node: number, code: number): number {
  if (node === 0) return t.root[code];
  if (t.hasKids[node] === 0) return 0;
  const w = t.wideAt[node];
  if (w !== 0 && code < 128) return t.wide[w - 1 + code];
  for (let k = node + 1; k !== 0; k = t.sibling[k]) if (t.code[k] === code) return k;
  return 0;
}

/** Children from which a node gets a dense ASCII slab. */
const WIDE_MIN = 5;

/**
 * Builds the trie of `keys`; `terminalOf(key)` gives each key's output index.
 * The keys are sorted first: inserted in sorted order, new nodes appear exactly in depth-first preorder, and a
 * node's previous sibling is the node the previous key had at the depth where the two keys part.
 */
export function buildTrie(keys: readonly string[]): { trie: Trie; terminalOf: (key: string) => number } {
  const sorted = [...new Set(keys)].sort();
  let total = 1;
  for (const k of sorted) total += k.length;
  const root = new Int32Array(65536);
  const codeBuf = new Uint16Array(total);
  const hasKidsBuf = new Uint8Array(total);
  const siblingBuf = new Int32Array(total);
  const terminalBuf = new Int32Array(total);
  const ids = new Map<string, number>();
  const path: number[] = []; // node id per depth along the previous key
  let prev = '';
  let count = 1;
  let outputs = 0;
  for (const key of sorted) {
    let l = 0;
    const m = Math.min(prev.length, key.length);
    while (l < m && prev.charCodeAt(l) === key.charCodeAt(l)) l++;
    // the previous key's node at depth l (if any) is the previous sibling of this key's new node there
    const prevSibling = l < prev.length ? path[l] : 0;
    path.length = l;
    for (let d = l; d < key.length; d++) {
      const id = count++;
      const c = key.charCodeAt(d);
      codeBuf[id] = c;
      if (d === 0) root[c] = id;
      if (d === l && prevSibling !== 0) siblingBuf[prevSibling] = id;
      else if (d > 0) hasKidsBuf[path[d - 1]] = 1; // first child of its parent
      path.push(id);
    }
    terminalBuf[path[key.length - 1]] = ++outputs;
    ids.set(key, outputs - 1);
    prev = key;
  }
  const code = codeBuf.subarray(0, count);
  const hasKids = hasKidsBuf.subarray(0, count);
  const sibling = siblingBuf.subarray(0, count);
  const terminal = terminalBuf.subarray(0, count);
  // dense slabs for wide nodes
  const wideAt = new Int32Array(count);
  const wideNodes: number[] = [];
  for (let v = 1; v < count; v++) {
    if (!hasKids[v]) continue;
    let k = 0;
    for (let c = v + 1; c !== 0; c = sibling[c]) k++;
    if (k >= WIDE_MIN) wideNodes.push(v);
  }
  const wide = new Int32Array(wideNodes.length * 128);
  wideNodes.forEach((v, i) => {
    wideAt[v] = i * 128 + 1;
    for (let c = v + 1; c !== 0; c = sibling[c]) if (code[c] < 128) wide[i * 128 + code[c]] = c;
  });
  return {
    trie: { root, code, hasKids, sibling, terminal, wideAt, wide, nodeCount: count },
    terminalOf: (key: string) => ids.get(key) ?? -1,
  };
}

/** Word character test at `s[i]` (table lookup; false outside the string). */
export function isWordAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  return (charClass(s.charCodeAt(i)) & C_WORD) !== 0;
}

export function isWordCodeCached(c: number): boolean {
  return (charClass(c) & C_WORD) !== 0;
}
