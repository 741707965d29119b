/**
 * The one pass over the text that finds registry forms and capitalised tokens.
 *
 * Only word starts that can begin a match are looked at: the ORIGINAL character is uppercase (names, and
 * capitalised tokens for the later stages), or a lowercase form may be accepted there (see starts.ts: "the
 * Kremlin" is found backward from "Kremlin", the rare "dpa" by a forward search). Native regex scans jump to
 * those positions, so the ≈85% of words that are lowercase cost no JavaScript at all. At a candidate that is a
 * word start the registry trie is walked (walk.ts: longest match that ends on a word boundary and passes its case
 * rule wins, by table); where nothing matches and the original has an uppercase letter, the capitalised token is
 * recorded (with a hash of its folded letters, for interning) for the later stages (unknown actors, variants).
 *
 * The result is the same as walking every word start (a word character after a non-word character) outside
 * earlier matches in order: a word start that is skipped has no accepted form.
 */
import type { CompiledRegistry, FormOutput } from '../registry/compile';
import { FIRST_MASK, FNV_OFFSET, FNV_PRIME } from './filter';
import { isUpperCode, isWordCode, TrieWalker } from './walk';

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

/** FNV-1a hash of the code units s[start..end) (the hash the scanner records for capitalised tokens). */
export function hashRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
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

/** One global regex for the forward lowercase prefixes (see starts.ts), or null when the registry has none. */
function leadRegex(prefixes: readonly string[]): RegExp | null {
  return prefixes.length ? new RegExp(prefixes.map(escapeRe).join('|'), 'g') : null;
}

/**
 * Start of the forward-prefix match that `test` found from `from` and that ends at `end` (`test` builds no match
 * array, so the start is recovered: the earliest start ≥ `from` of a prefix ending at `end` — the leftmost match;
 * a lookahead regex that would stop at the start runs 2× slower, it loses the native prefix search).
 */
function leadStart(prefixes: readonly string[], folded: string, from: number, end: number): number {
  let best = end;
  for (const p of prefixes) {
    const s = end - p.length;
    if (s >= from && s < best && folded.startsWith(p, s)) best = s;
  }
  return best;
}

/**
 * Start of the `back` prefix that ends at the word start `i` and starts at a word start ≥ `from`, or -1. At most
 * one can (a `back` prefix has no inner word start, so two ending at `i` would start at the same place).
 */
function backStart(back: readonly string[], folded: string, from: number, i: number): number {
  for (const p of back) {
    const s = i - p.length;
    if (s >= from && folded.startsWith(p, s) && (s === 0 || !isWordCode(folded.charCodeAt(s - 1)))) return s;
  }
  return -1;
}

/** Entries of the output list allocated up front. */
const OUTS_PREALLOC = 1 << 16;

/** Growable parallel arrays for the scan output. */
class ScanSink implements ScanArrays {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  outs: Array<FormOutput[] | null>;

  constructor(cap: number) {
    // holey (entries below `count` are always written, so no fill is needed), and at most 64 K long up front:
    // a longer `new Array(n)` would be a slow dictionary array; past it `push` grows the array
    this.outs = new Array<FormOutput[] | null>(Math.min(cap, OUTS_PREALLOC));
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.hash = new Int32Array(cap);
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

/**
 * The scan of `text` (with its folded form) as parallel arrays: registry hits and capitalised tokens.
 *
 * Candidates come from two native regex streams: uppercase code units in the original, and the rare forward
 * lowercase prefixes ("dpa") in the folded text. At an uppercase word start, a lowercase prefix just before it
 * ("the " in "the Kremlin", see starts.ts) is looked for first and, when it starts at a word start not yet
 * scanned, the trie is walked from there. Then the word's hash is checked against the first-word filter before
 * the trie is walked from the uppercase word start; a word no form matched is recorded as a capitalised token.
 */
export function scanArrays(text: string, folded: string, reg: CompiledRegistry): ScanArrays {
  const n = folded.length;
  const sink = new ScanSink(Math.max(64, n >> 4));
  const walker = new TrieWalker(reg, text, folded);
  const filter = reg.scan.firstWords;
  const { backGroups, backPair, forward } = reg.scan.lower;
  const upperRe = new RegExp(UPPER_CANDIDATE.source, 'g');
  const leadRe = leadRegex(forward);
  let nextUpper = -1; // next position of each stream (n = exhausted), recomputed when behind `pos`
  let nextLead = leadRe ? -1 : n;
  let pos = 0;
  let matchEnd = 0; // end of the last match (a lowercase prefix found backward must start at or after it)
  for (;;) {
    if (nextUpper < pos) {
      // names come in runs ("Foreign Minister Sergei Lavrov"): an ASCII non-letter then A–Z needs no search
      const a = pos + 1 < n ? text.charCodeAt(pos) : 65;
      const z = a < 65 ? text.charCodeAt(pos + 1) : 0;
      if (z >= 65 && z <= 90) nextUpper = pos + 1;
      else {
        upperRe.lastIndex = pos;
        nextUpper = upperRe.test(text) ? upperRe.lastIndex - 1 : n;
      }
    }
    if (nextLead < pos && leadRe) {
      leadRe.lastIndex = pos;
      nextLead = leadRe.test(folded) ? leadStart(forward, folded, pos, leadRe.lastIndex) : n;
    }
    const i = nextUpper < nextLead ? nextUpper : nextLead;
    if (i >= n) break;
    const c = folded.charCodeAt(i);
    // a word start: a word character after a non-word character
    const before = i > 0 ? folded.charCodeAt(i - 1) : 32;
    if (!isWordCode(c) || isWordCode(before)) {
      pos = i + 1;
      continue;
    }
    const upper = i === nextUpper && isUpperCode(text.charCodeAt(i));
    if (!upper && i !== nextLead) {
      pos = i + 1;
      continue;
    }
    if (upper && before < 128 && i >= 2) {
      // a lowercase prefix ending here ("the " before "Kremlin"): walk from its start first
      const b2 = folded.charCodeAt(i - 2);
      const g = b2 < 128 ? backPair[(b2 << 7) | before] : 0;
      if (g !== 0) {
        const s = backStart(backGroups[g - 1], folded, matchEnd, i);
        const end = s >= 0 ? walker.walk(s) : -1;
        if (end >= 0) {
          // "The UN Security Council": a longer name from the capital word wins over the prefixed form ("the UN")
          const prefixOuts = walker.outs;
          const own = i - s === 4 && folded.startsWith('the', s) ? walker.walk(i) : -1;
          if (own > end) {
            sink.push(i, own, 0, walker.outs);
            pos = matchEnd = own;
            continue;
          }
          sink.push(s, end, 0, prefixOuts);
          pos = matchEnd = end;
          continue;
        }
      }
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
      const end = walker.walk(i);
      if (end >= 0) {
        const outs = walker.outs;
        // a form that starts with "the" ("the UN") yields to a longer name from its next word ("UN Security Council")
        if (k < end && k - i === 3 && folded.startsWith('the', i) && longerFromNextWord(walker, folded, k, end)) {
          if (upper) sink.push(i, k, h, null);
          pos = k;
          continue;
        }
        sink.push(i, end, 0, outs);
        pos = matchEnd = end;
        continue;
      }
    }
    if (upper) sink.push(i, k, h, null);
    pos = k;
  }
  return sink;
}

/**
 * Whether a match from the first word start after `from` runs past `end` (the walker's outputs are overwritten:
 * the caller walks again from where it continues).
 */
function longerFromNextWord(walker: TrieWalker, folded: string, from: number, end: number): boolean {
  let j = from;
  while (j < end && !isWordCode(folded.charCodeAt(j))) j++;
  return j < end && walker.walk(j) > end;
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
