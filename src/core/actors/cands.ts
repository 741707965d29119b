/**
 * The mention candidates of one actor pass, as parallel columns (see `Cands`). Split from pass.ts: the steps add
 * candidates through `Pass.cands`, resolution (resolve.ts) reads the columns.
 */
import type { MatchKind } from '../types';

/**
 * Mention candidates as parallel arrays (index = candidate id, in the order they were found); the numeric
 * columns are typed arrays grown by doubling (no boxed numbers, no per-candidate allocation).
 */
export class Cands {
  /** Number of candidates (the columns are longer: their capacity; the entries after `length` are unset). */
  length = 0;
  start: Int32Array;
  end: Int32Array;
  /** Shared with the registry's per-output-list info: never mutated, only replaced. */
  readonly ids: Array<readonly string[]>;
  readonly match: MatchKind[];
  conf: Float64Array;
  /** Priority when spans overlap (higher wins at equal length). */
  prio: Int32Array;
  readonly role: Array<string | undefined>;
  /** C_SURNAME, C_GENERIC. */
  flags: Int32Array;
  /** Preceding state (possessive/demonym) hint for generic names. */
  readonly hint: Array<string | undefined>;

  /** `capacity`: the expected number of candidates (the columns grow beyond it). */
  constructor(capacity = 64) {
    const cap = Math.max(1, capacity);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.conf = new Float64Array(cap);
    this.prio = new Int32Array(cap);
    this.flags = new Int32Array(cap);
    // set by index, not pushed
    this.ids = presized<readonly string[]>(cap);
    this.match = presized<MatchKind>(cap);
    this.role = presized<string | undefined>(cap);
    this.hint = presized<string | undefined>(cap);
  }

  add(start: number, end: number, ids: readonly string[], match: MatchKind, conf: number, prio: number, role: string | undefined, flags = 0): number {
    const k = this.length;
    if (k === this.start.length) this.grow();
    this.start[k] = start;
    this.end[k] = end;
    this.conf[k] = conf;
    this.prio[k] = prio;
    this.flags[k] = flags;
    this.ids[k] = ids;
    this.match[k] = match;
    this.role[k] = role;
    this.hint[k] = undefined;
    this.length = k + 1;
    return k;
  }

  private grow(): void {
    const cap = this.start.length * 2;
    this.start = grown(new Int32Array(cap), this.start);
    this.end = grown(new Int32Array(cap), this.end);
    this.prio = grown(new Int32Array(cap), this.prio);
    this.flags = grown(new Int32Array(cap), this.flags);
    this.conf = grown(new Float64Array(cap), this.conf);
  }
}

/**
 * An empty array with room for `n` entries set by index, at most 16,000: a larger `new Array(n)` is allocated
 * slowly (in the large-object space, ≈0.1 ms each); past that the array grows as arrays do when set at its end.
 */
export function presized<T>(n: number): T[] {
  return new Array<T>(Math.min(n, 16000));
}

/** `to` with `from` copied to its start. */
function grown<T extends Int32Array | Float64Array>(to: T, from: T): T {
  to.set(from);
  return to;
}
