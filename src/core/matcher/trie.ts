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
  /** Next sibling of each node (0 = none). */
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

interface BuildNode {
  kids: Map<number, BuildNode>;
  out: number;
}

/** Builds the trie of `keys`; `terminalOf(key)` gives each key's output index. */
export function buildTrie(keys: readonly string[]): { trie: Trie; terminalOf: (key: string) => number } {
  const top: BuildNode = { kids: new Map(), out: 0 };
  let outputs = 0;
  let count = 1;
  const ids = new Map<string, number>();
  for (const key of keys) {
    let node = top;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node.kids.get(c);
      if (!next) {
        next = { kids: new Map(), out: 0 };
        node.kids.set(c, next);
        count++;
      }
      node = next;
    }
    if (node.out === 0) node.out = ++outputs;
    ids.set(key, node.out - 1);
  }
  const root = new Int32Array(65536);
  const code = new Uint16Array(count);
  const hasKids = new Uint8Array(count);
  const sibling = new Int32Array(count);
  const terminal = new Int32Array(count);
  let next = 1;
  // iterative preorder numbering: each entry is (node, its code, index of the previous sibling or -1)
  const place = (n: BuildNode, c: number): number => {
    const id = next++;
    code[id] = c;
    terminal[id] = n.out;
    return id;
  };
  const stack: Array<{ n: BuildNode; id: number; kids: Array<[number, BuildNode]>; k: number; prev: number }> = [];
  const rootKids = [...top.kids].sort((a, b) => a[0] - b[0]);
  for (const [c, n] of rootKids) {
    const id = place(n, c);
    root[c] = id;
    stack.push({ n, id, kids: [...n.kids].sort((a, b) => a[0] - b[0]), k: 0, prev: 0 });
    while (stack.length) {
      const f = stack[stack.length - 1];
      if (f.k >= f.kids.length) {
        stack.pop();
        continue;
      }
      const [kc, kn] = f.kids[f.k++];
      const kid = place(kn, kc);
      if (f.prev === 0) hasKids[f.id] = 1;
      else sibling[f.prev] = kid;
      f.prev = kid;
      stack.push({ n: kn, id: kid, kids: [...kn.kids].sort((a, b) => a[0] - b[0]), k: 0, prev: 0 });
    }
  }
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
