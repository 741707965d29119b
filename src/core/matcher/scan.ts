/**
 * The one pass over the text that finds registry forms and capitalised tokens.
 *
 * Only word starts that can begin a match are looked at: the ORIGINAL character is uppercase (names, and
 * capitalised tokens for the later stages), or the folded text has one of the few lowercase lead prefixes the
 * registry's forms use ("the Kremlin", "al-Qaeda", "dpa" — see `CompiledRegistry.leads`). Two native regex
 * scans jump to those positions (an uppercase-or-non-ASCII code unit in the original, a lead prefix in the folded
 * text), so the ≈85% of words that are lowercase cost no JavaScript at all. At a candidate that is a word start
 * the registry trie is walked (longest match that ends on a word boundary and passes its case rule wins);
 * where nothing matches and the original has an uppercase letter, the capitalised token is recorded (with a hash
 * of its folded letters, for interning) for the later stages (unknown actors, variants).
 *
 * The positions visited are exactly the word starts (a word character after a non-word character) outside
 * earlier matches — the same as walking every word start in order.
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

/**
 * The scan as parallel arrays, in text order (`count` entries): registry hits (`outs[k]` set) and capitalised
 * tokens (`outs[k]` null, `hash[k]` the FNV-1a hash of the folded token, see `hashRange`).
 */
export interface ScanArrays {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly hash: Int32Array;
  readonly outs: ReadonlyArray<FormOutput[] | null>;
}

/** 1 = ASCII word character (letters, digits). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a hash of the code units s[start..end) (the hash the scanner records for capitalised tokens). */
export function hashRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function isWordCode(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : (charClass(c) & C_WORD) !== 0;
}

/** Bits of the first-word filter (a bitset indexed by the low bits of a word's hash). */
const FIRST_BITS = 20;
const FIRST_MASK = (1 << FIRST_BITS) - 1;

/**
 * A form can match at a word start only if the text's word there (its run of word characters) equals the
 * form's first word: a form is folded text, so its first word is followed by a non-word character that the text
 * must repeat, or ends the form, where the text must not continue with a word character. This bitset holds the
 * hashes of all forms' first words (collisions only cost a trie walk), found by a walk over the trie.
 */
function firstWordFilter(reg: CompiledRegistry): Uint8Array {
  const { root, code, hasKids, sibling, terminal } = reg.trie;
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
  for (let c = 0; c < 65536; c++) if (root[c] !== 0 && isWordCode(c)) visit(root[c], Math.imul(FNV_OFFSET ^ c, FNV_PRIME));
  return bits;
}

/** Filters by compiled registry (derived once from immutable data; weakly held). */
const filterMemo = new WeakMap<CompiledRegistry, Uint8Array>();

function firstWords(reg: CompiledRegistry): Uint8Array {
  let f = filterMemo.get(reg);
  if (!f) filterMemo.set(reg, (f = firstWordFilter(reg)));
  return f;
}

/**
 * Code units that may be uppercase (a superset: the candidate check tests the class). Leaves out the blocks
 * without uppercase letters that news text is full of: U+0080–U+00BF and the punctuation and symbol blocks
 * U+2000–U+2BFF (curly quotes, dashes), except letterlike symbols and number forms (U+2100–U+218F) and circled
 * letters (U+24B6–U+24CF). Checked against `charClass` over all code units in the matcher tests.
 */
export const UPPER_CANDIDATE = /[A-Z\u00c0-\u1fff\u2100-\u218f\u24b6-\u24cf\u2c00-\uffff]/g;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** One global regex for the lead prefixes, or null when the registry has none. */
function leadRegex(prefixes: readonly string[]): RegExp | null {
  return prefixes.length ? new RegExp(prefixes.map(escapeRe).join('|'), 'g') : null;
}

/**
 * Start of the lead-prefix match that `test` found from `from` and that ends at `end` (`test` builds no match
 * array, so the start is recovered: the earliest start ≥ `from` of a prefix ending at `end` — the leftmost match).
 */
function leadStart(prefixes: readonly string[], folded: string, from: number, end: number): number {
  let best = end;
  for (const p of prefixes) {
    const s = end - p.length;
    if (s >= from && s < best && folded.startsWith(p, s)) best = s;
  }
  return best;
}

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
  if (outs[0].endsInWord && j < n && isWordCode(folded.charCodeAt(j))) return null;
  for (let k = 0; k < outs.length; k++) {
    if (passes(outs[k], text, i)) continue;
    // some output fails its case rule: keep the ones that pass
    const ok: FormOutput[] = [];
    for (const x of outs) if (passes(x, text, i)) ok.push(x);
    return ok.length ? ok : null;
  }
  return outs;
}

/** Growable parallel arrays for the scan output. */
class ScanSink implements ScanArrays {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  readonly outs: Array<FormOutput[] | null>;
  /** End of the last walked match, set by `walk`. */
  matchEnd = 0;

  constructor(cap: number) {
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.hash = new Int32Array(cap);
    this.outs = new Array<FormOutput[] | null>(cap).fill(null);
  }

  push(s: number, e: number, h: number, outs: FormOutput[] | null): void {
    if (this.count === this.start.length) this.grow();
    const k = this.count++;
    this.start[k] = s;
    this.end[k] = e;
    this.hash[k] = h;
    if (k < this.outs.length) this.outs[k] = outs;
    else this.outs.push(outs);
  }

  private grow(): void {
    const cap = this.start.length * 2;
    const s = new Int32Array(cap);
    s.set(this.start);
    this.start = s;
    const e = new Int32Array(cap);
    e.set(this.end);
    this.end = e;
    const h = new Int32Array(cap);
    h.set(this.hash);
    this.hash = h;
  }
}

/** Walks the trie from the word start `i`; the longest accepted match's outputs (its end in sink.matchEnd), or null. */
function walk(reg: CompiledRegistry, text: string, folded: string, i: number, sink: ScanSink): FormOutput[] | null {
  const { root, code: edgeCode, hasKids, sibling, terminal, wideAt, wide } = reg.trie;
  const outputs = reg.outputs;
  const n = folded.length;
  let node = root[folded.charCodeAt(i)];
  let j = i + 1;
  let bestOuts: FormOutput[] | null = null;
  while (node !== 0) {
    const t = terminal[node];
    if (t !== 0) {
      const outs = outputs[t - 1];
      if (outs.length !== 0) {
        const ok = accepted(outs, text, folded, i, j, n);
        if (ok) {
          sink.matchEnd = j;
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
  return bestOuts;
}

/** The scan of `text` (with its folded form) as parallel arrays: registry hits and capitalised tokens. */
export function scanArrays(text: string, folded: string, reg: CompiledRegistry): ScanArrays {
  const n = folded.length;
  const sink = new ScanSink(Math.max(64, n >> 4));
  const filter = firstWords(reg);
  const upperRe = new RegExp(UPPER_CANDIDATE.source, 'g');
  const prefixes: string[] = [];
  for (const list of reg.leads.prefixes.values()) prefixes.push(...list);
  const leadRe = leadRegex(prefixes);
  let nextUpper = -1; // next position of each stream (n = exhausted), recomputed when behind `pos`
  let nextLead = leadRe ? -1 : n;
  let pos = 0;
  for (;;) {
    if (nextUpper < pos) {
      upperRe.lastIndex = pos;
      nextUpper = upperRe.test(text) ? upperRe.lastIndex - 1 : n;
    }
    if (nextLead < pos && leadRe) {
      leadRe.lastIndex = pos;
      nextLead = leadRe.test(folded) ? leadStart(prefixes, folded, pos, leadRe.lastIndex) : n;
    }
    const i = nextUpper < nextLead ? nextUpper : nextLead;
    if (i >= n) break;
    const c = folded.charCodeAt(i);
    // a word start: a word character after a non-word character
    if (!isWordCode(c) || (i > 0 && isWordCode(folded.charCodeAt(i - 1)))) {
      pos = i + 1;
      continue;
    }
    let upper = false;
    if (i === nextUpper) {
      const o = text.charCodeAt(i);
      upper = o < 128 ? o >= 65 && o <= 90 : (charClass(o) & C_UPPER) !== 0;
    }
    if (!upper && i !== nextLead) {
      pos = i + 1;
      continue;
    }
    // the word at i and its hash: the first-word filter, and the token's hash when it is a capitalised token
    let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
    let k = i + 1;
    for (; k < n; k++) {
      const d = folded.charCodeAt(k);
      if (!isWordCode(d)) break;
      h = Math.imul(h ^ d, FNV_PRIME);
    }
    const b = h & FIRST_MASK;
    if ((filter[b >> 3] & (1 << (b & 7))) !== 0) {
      const outs = walk(reg, text, folded, i, sink);
      if (outs) {
        sink.push(i, sink.matchEnd, 0, outs);
        pos = sink.matchEnd;
        continue;
      }
    }
    if (upper) sink.push(i, k, h, null);
    pos = k;
  }
  return sink;
}

/** The scan as objects (hits and capitalised token spans): for tests and tools. */
export function scanText(text: string, folded: string, reg: CompiledRegistry): ScanResult {
  const s = scanArrays(text, folded, reg);
  const hits: Hit[] = [];
  const caps: number[] = [];
  for (let k = 0; k < s.count; k++) {
    const outs = s.outs[k];
    if (outs) hits.push({ start: s.start[k], end: s.end[k], outs });
    else caps.push(s.start[k], s.end[k]);
  }
  return { hits, caps };
}
