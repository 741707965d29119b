/**
 * The trie walk from one word start: the longest form that matches there and whose terminal is accepted (word
 * boundary after it, case rule — by the acceptance bytes of accept.ts, without touching the output objects).
 * One walker per scan holds the tables and the two texts, so a walk is a method call with one argument and
 * leaves its result in two fields (no per-walk object).
 */
import type { CompiledRegistry, FormOutput } from '../registry/compile';
import { charClass, C_UPPER, C_WORD } from '../text/fold';

/** Rule kinds (low 3 bits of `AcceptTables.rule`). */
export const R_NONE = 0; // empty list: never a match
export const R_ANY = 1; // every output holds in any case
export const R_CAP = 2; // every output needs the character at `capAt` uppercase (one check decides all)
export const R_EXACT = 3; // one output, exact case: the text must repeat `form`
export const R_GENERAL = 4; // outputs with different rules: `acceptGeneral`
export const R_KIND = 7;
/** Flag bit: the form ends with a word character (the text must not continue with one). */
export const R_ENDS_WORD = 8;

/** 1 = ASCII word character (letters, digits). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;

/** Uppercase test of a code unit (ASCII inline, the rest by class table). */
export function isUpperCode(c: number): boolean {
  return c < 128 ? c >= 65 && c <= 90 : (charClass(c) & C_UPPER) !== 0;
}

/** Word character test of a code unit (ASCII by table, the rest by the class table). */
export function isWordCode(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : (charClass(c) & C_WORD) !== 0;
}

function passes(o: FormOutput, text: string, start: number): boolean {
  if (o.mode === 0) return true;
  if (o.mode === 1) return isUpperCode(text.charCodeAt(start + o.capAt));
  return text.startsWith(o.form, start);
}

/** The outputs of a mixed list whose case rule holds for a match at `start` (the list itself when all hold); null if none. */
export function acceptGeneral(outs: FormOutput[], text: string, start: number): FormOutput[] | null {
  for (let k = 0; k < outs.length; k++) {
    if (passes(outs[k], text, start)) continue;
    // some output fails its case rule: keep the ones that pass
    const ok: FormOutput[] = [];
    for (const x of outs) if (passes(x, text, start)) ok.push(x);
    return ok.length ? ok : null;
  }
  return outs;
}

/** Packed trie node fields (see tables.ts), NODE_STRIDE entries per node. */
export const NODE_STRIDE = 4;
/** Acceptance byte << 24 | output list index + 1 (0: no outputs to accept here). */
export const N_TERM = 0;
/** Children: 0 none, 1 a sibling list starting at node + 1, else the dense ASCII slab's offset in `wide` + 2. */
export const N_KIDS = 1;
/** Code unit on the edge into the node. */
export const N_CODE = 2;
/** Next sibling (0 = none). */
export const N_SIBLING = 3;

export class TrieWalker {
  /** Outputs of the last walk's match (null: no match). */
  outs: FormOutput[] | null = null;
  private readonly n: number;
  private readonly root: Int32Array;
  private readonly nodes: Int32Array;
  private readonly wide: Int32Array;
  private readonly capAt: Int32Array;
  private readonly outputs: readonly FormOutput[][];

  constructor(
    reg: CompiledRegistry,
    private readonly text: string,
    private readonly folded: string,
  ) {
    this.n = folded.length;
    this.root = reg.trie.root;
    this.wide = reg.trie.wide;
    this.nodes = reg.scan.nodes;
    this.capAt = reg.scan.accept.capAt;
    this.outputs = reg.outputs;
  }

  /** Walks from the word start `i`: the end of the longest accepted match (its outputs in `outs`), or -1. */
  walk(i: number): number {
    const { n, folded, text, nodes, wide, capAt, outputs } = this;
    let v = this.root[folded.charCodeAt(i)];
    let j = i + 1;
    let bestEnd = -1;
    let bestOuts: FormOutput[] | null = null;
    while (v !== 0) {
      const b = v * NODE_STRIDE;
      const term = nodes[b + N_TERM];
      if (term !== 0) {
        const r = term >>> 24;
        if ((r & R_ENDS_WORD) === 0 || j >= n || !isWordCode(folded.charCodeAt(j))) {
          const t = (term & 0xffffff) - 1;
          const kind = r & R_KIND;
          let ok: FormOutput[] | null;
          if (kind === R_ANY) ok = outputs[t];
          else if (kind === R_CAP) ok = isUpperCode(text.charCodeAt(i + capAt[t])) ? outputs[t] : null;
          else if (kind === R_EXACT) ok = text.startsWith(outputs[t][0].form, i) ? outputs[t] : null;
          else ok = acceptGeneral(outputs[t], text, i);
          if (ok !== null) {
            bestEnd = j;
            bestOuts = ok;
          }
        }
      }
      const kids = nodes[b + N_KIDS];
      if (kids === 0 || j >= n) break;
      const d = folded.charCodeAt(j);
      if (kids !== 1 && d < 128) v = wide[kids - 2 + d];
      else {
        let k = v + 1;
        while (k !== 0 && nodes[k * NODE_STRIDE + N_CODE] !== d) k = nodes[k * NODE_STRIDE + N_SIBLING];
        v = k;
      }
      j++;
    }
    this.outs = bestOuts;
    return bestEnd;
  }
}
