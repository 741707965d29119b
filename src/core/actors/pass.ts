/**
 * The state of one actor pass over an article, shared by the steps (registry matches, runs of capitalised
 * tokens, roles, variants, phrase rules, resolution): the elements as parallel arrays, the mention candidates
 * as parallel arrays, the unknown actors found so far, and per-article memos.
 *
 * Elements are the word-level units of the text the steps reason about: registry hits and capitalised tokens
 * no form matched, in text order, never overlapping (from `scanArrays`).
 */
import type { CompiledRegistry, FormOutput } from '../registry/compile';
import { scanArrays } from '../matcher/scan';
import type { TextDoc } from '../text';
import { charClass, C_WORD } from '../text/fold';
import type { ActorEntry, ActorKind, KnownActor } from '../types';
import { sameFirstName, translitKey } from './lexicon';
import { kebab, unique, fold1 } from './names';
import { W_ANY_FIRST, W_COMMON, W_COMPANY, W_ORG, W_TITLE } from './tokens';
import { TokenTable } from './tokens';
import { Cands, presized } from './cands';

export { Cands } from './cands';


/** Element kinds. */
export const K_CAP = 0;
export const K_SUR = 1;
export const K_DEM = 2;
export const K_STATE = 3;
export const K_ORG = 4;
export const K_PERSON = 5;
export const K_AMB = 6;

/** Candidate flags. */
/** A surname-only mention: resolves only to a person fully named earlier when ambiguous. */
export const C_SURNAME = 1;
/** A generic organisation name ("Foreign Ministry") or an ambiguous one: resolved by a state hint or context. */
export const C_GENERIC = 2;

const MENTION_KINDS = new Set(['name', 'alias', 'generic']);
const NO_IDS: readonly string[] = [];

/** What a registry hit's output list says, computed once per distinct list (lists are shared by the trie). */
export interface OutsInfo {
  kind: number;
  /** Actor ids of the mention outputs (name, alias, generic), unique. */
  ids: string[];
  /** All mention outputs are generic organisation names. */
  generic: boolean;
  first: FormOutput | undefined;
  /** Owners of the surname outputs, unique. */
  surOwners: string[];
  /** The first output that is a state (a demonym's or a state name's state), if any. */
  state: string | undefined;
}

function outsInfoOf(outs: readonly FormOutput[], entries: ReadonlyMap<string, ActorEntry>): OutsInfo {
  const ment = outs.filter((o) => MENTION_KINDS.has(o.kind));
  let kind: number;
  if (outs.every((o) => o.kind === 'demonym')) kind = K_DEM;
  else if (!ment.length) kind = outs.some((o) => o.kind === 'surname') ? K_SUR : K_DEM;
  else if (new Set(ment.map((o) => o.actorId)).size > 1) kind = K_AMB;
  else {
    const e = entries.get(ment[0].actorId);
    kind = e?.kind === 'state' ? K_STATE : e?.kind === 'person' ? K_PERSON : K_ORG;
  }
  return {
    kind,
    ids: unique(ment.map((o) => o.actorId)),
    generic: ment.every((o) => o.kind === 'generic'),
    first: ment[0],
    surOwners: unique(outs.filter((o) => o.kind === 'surname').map((o) => o.actorId)),
    state: firstState(outs, entries),
  };
}

function firstState(outs: readonly FormOutput[], entries: ReadonlyMap<string, ActorEntry>): string | undefined {
  for (const o of outs) {
    const e = entries.get(o.actorId);
    if (e?.kind === 'state') return e.id;
  }
  return undefined;
}

/** End of "-syllable" (a hyphen and lowercase letters, then no letter) right at `end`, or -1. */
export function hyphenSyllableEnd(text: string, end: number): number {
  if (text.charCodeAt(end) !== 45) return -1;
  let k = end + 1;
  while (k < text.length && text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122) k++;
  if (k === end + 1 || k - end > 8) return -1;
  const c = text.charCodeAt(k);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? -1 : k;
}

export class Pass {
  readonly text: string;
  readonly folded: string;
  /** Element count and parallel arrays: start, end, kind, used (consumed by a run or a mention). */
  readonly n: number;
  readonly es: Int32Array;
  readonly ee: Int32Array;
  readonly kind: Uint8Array;
  readonly used: Uint8Array;
  /** Token id of the element's folded text (-1 = not interned yet; capitalised tokens always are). */
  readonly tok: Int32Array;
  /** Registry outputs of a hit (null for capitalised tokens) and their info. */
  readonly outs: ReadonlyArray<FormOutput[] | null>;
  readonly info: Array<OutsInfo | undefined>;
  /** The state mention candidate of a state element + 1 (withdrawn when a larger name consumes the element). */
  readonly stateCand: Int32Array;
  readonly tokens: TokenTable;
  /** Some element ends with a character other than a word character or "." (a form like "(FSB)"). */
  readonly oddEnds: boolean;
  readonly cands: Cands;
  readonly unknown = new Map<string, KnownActor>();
  /** Surnames (folded) of unknown persons → id. */
  readonly unknownSurnames = new Map<string, string>();
  /** Fuzzy lookups by first|last|role. */
  readonly fuzzyMemo = new Map<string, string | undefined>();
  /** First name → registry persons named in full before (built on first use, after the registry step). */
  firstNameIdx: Map<string, Array<{ at: number; id: string }>> | undefined;
  /** The last token found by `prevToken` (fields, not an object per call): span, token id, element (-1 = none). */
  ptStart = 0;
  ptEnd = 0;
  ptTok = 0;
  ptEl = -1;
  /** The element `elEndingAt` found last (a search hint). */
  private finger = 0;
  /** Cursor for `lineStart`: positions lsPos..lsNext share the line start lsVal (lsNext: first newline ≥ lsPos). */
  lsPos = 1;
  lsNext = 0;
  lsVal = 0;
  /**
   * Cursor for `listLineBefore` on the line starting at listLine: folded[listLine..listAt) holds only characters of a
   * line listing names, and listAt is a character that cannot occur in one when listStop is set.
   */
  listLine = -1;
  listAt = 0;
  listStop = false;
  private readonly memoKebab = new Map<string, string>();
  private readonly memoKey = new Map<string, string>();
  private readonly memoSame = new Map<string, boolean>();
  private readonly memoFold1 = new Map<string, string>();

  constructor(
    doc: TextDoc,
    readonly reg: CompiledRegistry,
  ) {
    this.text = doc.text;
    this.folded = doc.folded;
    const scan = scanArrays(this.text, this.folded, reg);
    const n = scan.count;
    this.n = n;
    this.es = scan.start.subarray(0, n);
    this.ee = scan.end.subarray(0, n);
    this.outs = scan.outs;
    this.kind = new Uint8Array(n);
    this.used = new Uint8Array(n);
    this.tok = new Int32Array(n);
    this.stateCand = new Int32Array(n);
    this.tokens = new TokenTable(this.folded, reg.allFirstNames);
    // about one candidate per two or three elements
    this.cands = new Cands(Math.max(64, n >> 1));
    // set by index for the hits
    const info = presized<OutsInfo | undefined>(n);
    const infoMemo = new Map<readonly FormOutput[], OutsInfo>();
    const { start, end, hash, outs: allOuts } = scan;
    const { folded, kind, tok, tokens } = this;
    let oddEnds = false;
    for (let k = 0; k < n; k++) {
      const outs = allOuts[k];
      if (outs) {
        const last = folded.charCodeAt(end[k] - 1);
        if (last !== 46 && (charClass(last) & C_WORD) === 0) oddEnds = true;
        let inf = infoMemo.get(outs);
        if (!inf) infoMemo.set(outs, (inf = outsInfoOf(outs, reg.entries)));
        info[k] = inf;
        kind[k] = inf.kind;
        tok[k] = -1;
      } else {
        kind[k] = K_CAP;
        tok[k] = tokens.id(start[k], end[k], hash[k]);
      }
    }
    this.info = info;
    this.oddEnds = oddEnds;
  }

  /** Token id of element k's folded text. */
  tokOf(k: number): number {
    let t = this.tok[k];
    if (t < 0) this.tok[k] = t = this.tokens.idOf(this.es[k], this.ee[k]);
    return t;
  }

  /** Folded text of element k. */
  f(k: number): string {
    return this.tokens.strs[this.tokOf(k)];
  }

  /** Word-list flags of element k's folded text (see tokens.ts). */
  wf(k: number): number {
    return this.tokens.flags[this.tokOf(k)];
  }

  /**
   * The element ending exactly at `pos`, or -1 (elements are sorted and never overlap: binary search). Lookups
   * come in runs near each other (titles walked backwards, the token before each name in text order), so the
   * search starts at the element found or passed last: a hit or a miss right there costs two comparisons.
   */
  elEndingAt(pos: number): number {
    const ends = this.ee;
    const n = this.n;
    const f = this.finger;
    // ends[f - 1] < pos <= ends[f]: the answer is f or none
    if ((f === 0 || ends[f - 1] < pos) && (f === n || pos <= ends[f])) return f < n && ends[f] === pos ? f : -1;
    if (f > 0 && ends[f - 1] === pos) return (this.finger = f - 1);
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = ends[mid];
      if (e < pos) lo = mid + 1;
      else if (e > pos) hi = mid - 1;
      else return (this.finger = mid);
    }
    this.finger = lo;
    return -1;
  }

  /** The next element lookups are around element k (the search starts there). */
  near(k: number): void {
    this.finger = k;
  }

  entry(id: string): ActorEntry | undefined {
    return this.reg.entries.get(id) ?? this.unknown.get(id);
  }

  /** The state among a hit's outputs, if any. */
  stateOfEl(k: number): string | undefined {
    return this.info[k]?.state;
  }

  surOwners(k: number): readonly string[] {
    return this.info[k]?.surOwners ?? NO_IDS;
  }

  isFirstName(k: number): boolean {
    return (this.wf(k) & W_ANY_FIRST) !== 0;
  }

  firstNameCompatible(id: string, first: string): boolean {
    const fn = this.reg.firstNames.get(id);
    if (!fn || fn.size === 0) return false;
    for (const x of fn) if (this.sameFirst(x, first)) return true;
    return false;
  }

  /** Marks an element as part of a larger name; a state mention it carried is withdrawn. */
  consume(k: number): void {
    this.used[k] = 1;
    const c = this.stateCand[k];
    if (c !== 0) this.cands.ids[c - 1] = NO_IDS;
  }

  /** An unknown actor named by elements a..b. */
  addUnknown(a: number, b: number, kind: ActorKind, role: string | undefined, confidence: number): void {
    const start = this.es[a];
    // "Chung Dong-young", "Park Sun-won": a given name hyphenated with a lowercase syllable is one word
    const syllable = kind === 'person' ? hyphenSyllableEnd(this.text, this.ee[b]) : -1;
    const end = syllable > 0 ? syllable : this.ee[b];
    this.addUnknownSpan(start, end, this.text.slice(start, end), kind, role, confidence);
    for (let k = a; k <= b; k++) this.consume(k);
    if (kind === 'person') {
      const id = this.kebab(this.text.slice(start, end));
      // such names (Korean, Taiwanese) put the family name first: "Park" is the short form of "Park Sun-won"
      if (syllable > 0 && b === a + 1) {
        const first = this.f(a);
        if (first.length >= 2 && (this.wf(a) & W_TITLE) === 0 && !this.unknownSurnames.has(first)) this.unknownSurnames.set(first, id);
        return;
      }
      const lastF = this.f(b);
      if (lastF.length >= 3 && (this.wf(b) & W_COMMON) === 0) this.unknownSurnames.set(lastF, id);
    } else if (kind === 'organization' && b === a + 1 && (this.wf(b) & W_COMPANY) !== 0) {
      this.noteShortForm(a, this.kebab(this.text.slice(start, end)));
    }
  }

  /**
   * "Harborline Properties" … "Harborline said": a company the text introduced (a name + a company word such as
   * Properties, Holdings, Partners) is named later by its name alone, like a person by the surname. Only companies:
   * "Baltic Institute" does not make every "Baltic" the institute. Not a common word, a title or a first name.
   */
  noteShortForm(k: number, id: string): void {
    const f = this.f(k);
    if (this.kind[k] !== K_CAP || f.length < 4 || (this.wf(k) & (W_COMMON | W_ORG | W_TITLE | W_ANY_FIRST)) !== 0) return;
    if (!this.unknownSurnames.has(f)) this.unknownSurnames.set(f, id);
  }

  addUnknownSpan(start: number, end: number, name: string, kind: ActorKind, role: string | undefined, confidence: number): void {
    const clean = /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u1680]|^ | $/.test(name) ? name.replace(/\s+/g, ' ').trim() : name;
    let id = this.kebab(clean);
    if (!id) return;
    if (this.reg.entries.has(id) && this.reg.entries.get(id)?.kind !== kind) id = `${id}-${kind}`;
    let a = this.unknown.get(id);
    if (!a) {
      a = { id, name: clean, kind, aliases: [], roles: role ? [role] : [], known: false };
      this.unknown.set(id, a);
    } else if (role && !a.roles.includes(role)) a.roles.push(role);
    this.cands.add(start, end, [id], 'unknown', confidence, 1, role);
  }

  kebab(name: string): string {
    let id = this.memoKebab.get(name);
    if (id === undefined) this.memoKebab.set(name, (id = kebab(name)));
    return id;
  }

  /** `translitKey`, memoised for the article. */
  tkey(f: string): string {
    let k = this.memoKey.get(f);
    if (k === undefined) this.memoKey.set(f, (k = translitKey(f)));
    return k;
  }

  fold1(s: string): string {
    let f = this.memoFold1.get(s);
    if (f === undefined) this.memoFold1.set(s, (f = fold1(s)));
    return f;
  }

  sameFirst(a: string, b: string): boolean {
    if (a === b) return true;
    const key = a < b ? a + '|' + b : b + '|' + a;
    let r = this.memoSame.get(key);
    if (r === undefined) this.memoSame.set(key, (r = sameFirstName(a, b)));
    return r;
  }
}
