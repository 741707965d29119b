/**
 * The one pass over the folded text: at each word start, walk the registry trie (longest match that ends on a
 * word boundary and passes its case rule wins); where nothing matches and the original text has an uppercase
 * letter, record the capitalised token for the later stages (unknown actors, variants).
 */
import type { CompiledRegistry, FormOutput } from '../registry/compile';
import { isUpperCode } from '../text/fold';
import { isWordCodeCached, slotOf } from './trie';

export interface Hit {
  start: number;
  end: number;
  /** Outputs whose case rule holds at this position (never empty). */
  outs: FormOutput[];
}

export interface ScanResult {
  hits: Hit[];
  /** Capitalised tokens no form matched, as [start0, end0, start1, end1, …]. */
  caps: number[];
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;

function wordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 128 ? ASCII_WORD[c] === 1 : isWordCodeCached(c);
}

function upperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return isUpperCode(c);
}

function passes(o: FormOutput, text: string, start: number): boolean {
  if (o.mode === 0) return true;
  if (o.mode === 1) return upperAt(text, start + o.capAt);
  return text.startsWith(o.form, start);
}

export function scanText(text: string, folded: string, reg: CompiledRegistry): ScanResult {
  const trie = reg.trie;
  const { slotParent, slotCode, slotChild, mask, terminal } = trie;
  const outputs = reg.outputs;
  const n = folded.length;
  const hits: Hit[] = [];
  const caps: number[] = [];
  let prevWord = false;
  for (let i = 0; i < n; i++) {
    const c = folded.charCodeAt(i);
    const w = c < 128 ? ASCII_WORD[c] === 1 : isWordCodeCached(c);
    if (!w) {
      prevWord = false;
      continue;
    }
    if (prevWord) continue;
    // word start: walk the trie
    let node = 0;
    let j = i;
    let bestEnd = -1;
    let bestOuts: FormOutput[] | null = null;
    while (j < n) {
      const code = folded.charCodeAt(j);
      // inline childOf(trie, node, code)
      let h = slotOf(node, code, mask);
      let child = 0;
      for (;;) {
        const p = slotParent[h];
        if (p === 0) break;
        if (p === node + 1 && slotCode[h] === code) {
          child = slotChild[h];
          break;
        }
        h = (h + 1) & mask;
      }
      if (child === 0) break;
      node = child;
      j++;
      const t = terminal[node];
      if (t !== 0) {
        const outs = outputs[t - 1];
        if (outs.length === 0) continue;
        if (outs[0].endsInWord && j < n && wordAt(folded, j)) continue;
        let ok: FormOutput[] | null = null;
        for (const o of outs) {
          if (passes(o, text, i)) (ok ??= []).push(o);
        }
        if (ok) {
          bestEnd = j;
          bestOuts = ok;
        }
      }
    }
    if (bestOuts) {
      hits.push({ start: i, end: bestEnd, outs: bestOuts });
      i = bestEnd - 1;
      prevWord = wordAt(folded, i);
      continue;
    }
    prevWord = true;
    if (upperAt(text, i)) {
      let k = i + 1;
      while (k < n && wordAt(folded, k)) k++;
      caps.push(i, k);
      i = k - 1;
    }
  }
  return { hits, caps };
}
