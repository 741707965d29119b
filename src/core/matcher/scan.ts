/**
 * The one pass over the folded text. Only word starts that can begin a match are looked at closely: the
 * ORIGINAL character is uppercase (names, and capitalised tokens for the later stages), or the word begins with
 * one of the few lowercase lead prefixes the registry's forms use ("the Kremlin", "al-Qaeda", "dpa" — see
 * `CompiledRegistry.leads`). News text is mostly lowercase words, so most word starts cost one table test.
 * At a candidate the registry trie is walked (longest match that ends on a word boundary and passes its case
 * rule wins); where nothing matches and the original text has an uppercase letter, the capitalised token is
 * recorded for the later stages (unknown actors, variants).
 */
import type { CompiledRegistry, FormOutput } from '../registry/compile';
import { charClass, C_UPPER, C_WORD } from '../text/fold';

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

/** 1 = ASCII word character (letters, digits). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;

function passes(o: FormOutput, text: string, start: number): boolean {
  if (o.mode === 0) return true;
  if (o.mode === 1) {
    const c = text.charCodeAt(start + o.capAt);
    return c < 128 ? c >= 65 && c <= 90 : (charClass(c) & C_UPPER) !== 0;
  }
  return text.startsWith(o.form, start);
}

/** The outputs at a terminal that hold for a match [i, j): word boundary after, case rules; null if none. */
function accepted(outs: FormOutput[], text: string, folded: string, i: number, j: number, n: number): FormOutput[] | null {
  if (outs[0].endsInWord && j < n) {
    const d = folded.charCodeAt(j);
    if (d < 128 ? ASCII_WORD[d] === 1 : (charClass(d) & C_WORD) !== 0) return null;
  }
  for (let k = 0; k < outs.length; k++) {
    if (passes(outs[k], text, i)) continue;
    // some output fails its case rule: keep the ones that pass
    const ok: FormOutput[] = [];
    for (const x of outs) if (passes(x, text, i)) ok.push(x);
    return ok.length ? ok : null;
  }
  return outs;
}

export function scanText(text: string, folded: string, reg: CompiledRegistry): ScanResult {
  const { root, code: edgeCode, hasKids, sibling, terminal, wideAt, wide } = reg.trie;
  const outputs = reg.outputs;
  const { first: leadFirst, pair: leadPair, prefixes: leadPrefixes } = reg.leads;
  const n = folded.length;
  const hits: Hit[] = [];
  const caps: number[] = [];
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] === 0 : (charClass(c) & C_WORD) === 0) {
      i++;
      continue;
    }
    // a word start: is it a candidate?
    const o = text.charCodeAt(i);
    const upper = o < 128 ? o >= 65 && o <= 90 : (charClass(o) & C_UPPER) !== 0;
    let walk = upper;
    if (!walk && leadFirst[c] === 1 && (c >= 128 || leadPair[(c << 7) | (folded.charCodeAt(i + 1) & 127)] === 1)) {
      for (const p of leadPrefixes.get(c) ?? []) {
        if (folded.startsWith(p, i)) {
          walk = true;
          break;
        }
      }
    }
    if (walk) {
      let node = root[c];
      let j = i + 1;
      let bestEnd = -1;
      let bestOuts: FormOutput[] | null = null;
      while (node !== 0) {
        const t = terminal[node];
        if (t !== 0) {
          const outs = outputs[t - 1];
          if (outs.length !== 0) {
            const ok = accepted(outs, text, folded, i, j, n);
            if (ok) {
              bestEnd = j;
              bestOuts = ok;
            }
          }
        }
        if (j >= n || hasKids[node] === 0) break;
        const code = folded.charCodeAt(j);
        const w = wideAt[node];
        if (w !== 0 && code < 128) node = wide[w - 1 + code];
        else {
          let k = node + 1;
          while (k !== 0 && edgeCode[k] !== code) k = sibling[k];
          node = k;
        }
        j++;
      }
      if (bestOuts) {
        hits.push({ start: i, end: bestEnd, outs: bestOuts });
        i = bestEnd;
        continue;
      }
    }
    let k = i + 1;
    for (; k < n; k++) {
      const d = folded.charCodeAt(k);
      if (d < 128 ? ASCII_WORD[d] === 0 : (charClass(d) & C_WORD) === 0) break;
    }
    if (upper) caps.push(i, k);
    i = k;
  }
  return { hits, caps };
}
