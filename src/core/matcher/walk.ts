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

export class TrieWalker {
  /** Outputs of the last walk's match (null: no match). */
  outs: FormOutput[] | null = null;
  private readonly n: number;
  private readonly root: Int32Array;
  private readonly edgeCode: Uint16Array;
  private readonly hasKids: Uint8Array;
  private readonly sibling: Int32Array;
  private readonly terminal: Int32Array;
  private readonly wideAt: Int32Array;
  private readonly wide: Int32Array;
  private readonly rule: Uint8Array;
  private readonly capAt: Int32Array;
  private readonly outputs: readonly FormOutput[][];

  constructor(
    reg: CompiledRegistry,
    private readonly text: string,
    private readonly folded: string,
  ) {
    const t = reg.trie;
    this.n = folded.length;
    this.root = t.root;
    this.edgeCode = t.code;
    this.hasKids = t.hasKids;
    this.sibling = t.sibling;
    this.terminal = t.terminal;
    this.wideAt = t.wideAt;
    this.wide = t.wide;
    this.rule = reg.accept.rule;
    this.capAt = reg.accept.capAt;
    this.outputs = reg.outputs;
  }

  /** Walks from the word start `i`: the end of the longest accepted match (its outputs in `outs`), or -1. */
  walk(i: number): number {
    const { n, folded, text, edgeCode, hasKids, sibling, terminal, wideAt, wide, rule, capAt, outputs } = this;
    let node = this.root[folded.charCodeAt(i)];
    let j = i + 1;
    let bestEnd = -1;
    let bestOuts: FormOutput[] | null = null;
    while (node !== 0) {
      const t = terminal[node] - 1;
      if (t >= 0) {
        const r = rule[t];
        if (r !== R_NONE && ((r & R_ENDS_WORD) === 0 || j >= n || !isWordCode(folded.charCodeAt(j)))) {
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
      if (j >= n || hasKids[node] === 0) break;
      const d = folded.charCodeAt(j);
      const w = wideAt[node];
      if (w !== 0 && d < 128) node = wide[w - 1 + d];
      else {
        let k = node + 1;
        while (k !== 0 && edgeCode[k] !== d) k = sibling[k];
        node = k;
      }
      j++;
    }
    this.outs = bestOuts;
    return bestEnd;
  }
}
