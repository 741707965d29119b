/**
 * Actor mentions in one article: registry matches (one pass), title/role attachment, surname coreference,
 * spelling variants, actors the registry lacks ("unknown"), and a few phrase rules (state governments, a
 * state's leader). See docs/registry.md for the conventions.
 *
 * Conventions (what a user sees):
 * - A mention's span is the NAME only; a title in front goes into `role` ("Deputy Foreign Minister").
 * - A demonym ("Russian") is never a mention, also not inside a title. A state NAME or acronym in front of a
 *   title ("U.S. Secretary of State …") is a name, so it is a mention of the state.
 * - "the Russian side" is not a mention (a delegation, not a name); "the Russian government", "the new American
 *   government", "the Trump administration" are mentions of the state; "the American leader"/"this Russian
 *   president" are mentions of that state's president (or head of government) when the registry knows one.
 * - Pronouns are never mentions.
 */
import type { CompiledRegistry, FormOutput } from '../registry/compile';
import { scanText, type Hit } from '../matcher/scan';
import { isWordCodeCached } from '../matcher/trie';
import { fold, type TextDoc } from '../text';
import type { ActorEntry, ActorFindings, ActorKind, KnownActor, MatchKind, Mention } from '../types';
import {
  APPOSITION_NOUNS,
  BACKREF_NOUNS,
  BLOC_NOUNS,
  COMMON_WORDS,
  COMPANY_WORDS,
  CONNECTORS,
  FIRST_NAMES,
  HONORIFICS,
  LEADER_NOUNS,
  NAME_PARTICLES,
  ORG_HEADS,
  STATE_COLLECTIVES,
  TITLE_WORDS,
  editDistance,
  sameFirstName,
  translitKey,
} from './lexicon';

export { editDistance, sameFirstName, translitKey } from './lexicon';

type ElKind = 'cap' | 'sur' | 'dem' | 'state' | 'org' | 'person' | 'amb';

/**
 * A word-level element of the text: an unmatched capitalised token or a registry hit. A class with every field
 * set in the constructor: one hidden class for all elements (monomorphic property access in the hot loops).
 */
class El {
  /** Consumed by a run (org or person) or a mention. */
  used = false;
  /** The mention candidate of a state element (withdrawn when a larger name consumes the element). */
  stateCand: Cand | undefined = undefined;
  /** Word-list flags of `f` for 'cap' elements (W_COMMON, W_TITLE, W_FIRST, W_ORG; 0 for hits): one memoised lookup. */
  readonly wf: number;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly kind: ElKind,
    /** Folded text of the element. */
    readonly f: string,
    readonly hit: Hit | undefined,
  ) {
    this.wf = kind === 'cap' ? wordFlags(f) : 0;
  }
}

const W_COMMON = 1;
const W_TITLE = 2;
/** In the lexicon's FIRST_NAMES (not the registry's first names). */
const W_FIRST = 4;
const W_ORG = 8;
const wordFlagMemo = new Map<string, number>();

/** Which word lists a folded token is in (memoised per distinct token). */
function wordFlags(f: string): number {
  let w = wordFlagMemo.get(f);
  if (w === undefined) {
    w = (COMMON_WORDS.has(f) ? W_COMMON : 0) | (TITLE_WORDS.has(f) ? W_TITLE : 0) | (FIRST_NAMES.has(f) ? W_FIRST : 0) | (ORG_HEADS.has(f) ? W_ORG : 0);
    if (wordFlagMemo.size > 50000) wordFlagMemo.clear();
    wordFlagMemo.set(f, w);
  }
  return w;
}

/** A mention candidate (one hidden class: every field set in the constructor). */
class Cand {
  /** A surname-only mention: resolves only to a person fully named earlier when ambiguous. */
  surname = false;
  /** A generic organisation name ("Foreign Ministry"): resolved by a state in front or the latest candidate. */
  generic = false;
  /** Preceding state (possessive/demonym) hint for generic names. */
  stateHint: string | undefined = undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    /** Shared with the registry's per-output-list info: never mutated, only replaced. */
    public ids: readonly string[],
    readonly match: MatchKind,
    readonly confidence: number,
    /** Priority when spans overlap (higher wins at equal length). */
    readonly prio: number,
    public role: string | undefined,
  ) {}
}

const MENTION_KINDS = new Set(['name', 'alias', 'generic']);
/** Adjectives that make an organisation name specific ("European Union"), not generic. */
const PROPER_ADJ = new Set(['european', 'african', 'asian', 'arab', 'islamic', 'atlantic', 'american', 'international', 'world', 'global', 'united', 'nations', 'western', 'eastern']);
/** The gap inside an organisation name: " of ", " for the ", … */
const ORG_GAP = /^ (of|for|and|on|in|to)( the)? $/;

/** What a registry hit's output list says, computed once per distinct list (lists are shared by the trie). */
interface OutsInfo {
  kind: ElKind;
  /** Actor ids of the mention outputs (name, alias, generic), unique. */
  ids: string[];
  /** All mention outputs are generic organisation names. */
  generic: boolean;
  first: FormOutput | undefined;
  /** Owners of the surname outputs, unique. */
  surOwners: string[];
}

const outsCache = new WeakMap<readonly FormOutput[], OutsInfo>();

function outsInfo(outs: readonly FormOutput[], entries: ReadonlyMap<string, ActorEntry>): OutsInfo {
  let info = outsCache.get(outs);
  if (info) return info;
  const ment = outs.filter((o) => MENTION_KINDS.has(o.kind));
  let kind: ElKind;
  if (outs.every((o) => o.kind === 'demonym')) kind = 'dem';
  else if (!ment.length) kind = outs.some((o) => o.kind === 'surname') ? 'sur' : 'dem';
  else if (new Set(ment.map((o) => o.actorId)).size > 1) kind = 'amb';
  else {
    const e = entries.get(ment[0].actorId);
    kind = e?.kind === 'state' ? 'state' : e?.kind === 'person' ? 'person' : 'org';
  }
  info = {
    kind,
    ids: unique(ment.map((o) => o.actorId)),
    generic: ment.every((o) => o.kind === 'generic'),
    first: ment[0],
    surOwners: unique(outs.filter((o) => o.kind === 'surname').map((o) => o.actorId)),
  };
  outsCache.set(outs, info);
  return info;
}

function isWordAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  return isWordCodeCached(s.charCodeAt(i));
}

function isUpperAsciiAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** kebab-case id from a name ("Sonata Coulter" → "sonata-coulter"). */
export function kebab(name: string): string {
  let id = kebabMemo.get(name);
  if (id === undefined) {
    id = kebabOf(name);
    if (kebabMemo.size > 20000) kebabMemo.clear();
    kebabMemo.set(name, id);
  }
  return id;
}

const kebabMemo = new Map<string, string>();

function kebabOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const translitCache = new Map<string, string>();
function tkey(f: string): string {
  let k = translitCache.get(f);
  if (k === undefined) {
    k = translitKey(f);
    if (translitCache.size > 50000) translitCache.clear();
    translitCache.set(f, k);
  }
  return k;
}

/** Maximum edit distance for a surname token of `len` letters (0 = never fuzzy). */
export function fuzzyBudget(len: number): number {
  return len >= 8 ? 2 : len >= 5 ? 1 : 0;
}

/**
 * The variant rule for a capitalised token `cand` against a registry surname `surname` (both folded):
 * transliteration keys with the same first letter, Damerau–Levenshtein within the budget of the shorter of the
 * two (≤1 for 5–7 letters, ≤2 for ≥8), plus `extra` edits (compatible first name, matching title), at most 2.
 * Returns the distance, or -1 when it is not a variant.
 */
export function surnameVariantDistance(cand: string, surname: string, extra = 0, ck = tkey(cand), sk = tkey(surname)): number {
  if (cand.length < 5 || surname.length < 5 || !ck || !sk || ck[0] !== sk[0]) return -1;
  // short names must also end alike (Milei ≠ Miller)
  if (Math.min(ck.length, sk.length) <= 6 && ck !== sk && ck[ck.length - 1] !== sk[sk.length - 1]) return -1;
  const budget = Math.min(2, Math.min(fuzzyBudget(cand.length), fuzzyBudget(surname.length) || 1) + Math.max(0, extra));
  if (budget <= 0) return -1;
  const d = ck === sk ? 0 : editDistance(ck, sk, budget);
  return d <= budget ? d : -1;
}

export function findMentions(doc: TextDoc, registry: CompiledRegistry): ActorFindings {
  return new ActorPass(doc, registry).run();
}

class ActorPass {
  private readonly text: string;
  private readonly folded: string;
  private readonly els: El[] = [];
  private readonly cands: Cand[] = [];
  private readonly unknown = new Map<string, KnownActor>();
  /** Surnames (folded) of unknown persons → id. */
  private readonly unknownSurnames = new Map<string, string>();
  /** Element ends, in element order (binary search without touching the element objects). */
  private ends = new Int32Array(0);
  private readonly fuzzyMemo = new Map<string, string | undefined>();
  private firstNameIdx: Map<string, Array<{ at: number; id: string }>> | undefined;

  constructor(
    doc: TextDoc,
    private readonly reg: CompiledRegistry,
  ) {
    this.text = doc.text;
    this.folded = doc.folded;
  }

  run(): ActorFindings {
    const { hits, caps } = scanText(this.text, this.folded, this.reg);
    this.buildElements(hits, caps);
    this.registryMentions();
    this.runs();
    this.phraseRules();
    this.leftovers();
    return this.finish();
  }

  // ------------------------------------------------------------------ elements

  private buildElements(hits: Hit[], caps: number[]): void {
    const els = this.els;
    let h = 0;
    let c = 0;
    while (h < hits.length || c < caps.length) {
      const hs = h < hits.length ? hits[h].start : Infinity;
      const cs = c < caps.length ? caps[c] : Infinity;
      if (hs < cs) {
        const hit = hits[h++];
        els.push(new El(hit.start, hit.end, outsInfo(hit.outs, this.reg.entries).kind, this.folded.slice(hit.start, hit.end), hit));
      } else {
        els.push(new El(cs, caps[c + 1], 'cap', this.folded.slice(cs, caps[c + 1]), undefined));
        c += 2;
      }
    }
    const ends = new Int32Array(els.length);
    for (let k = 0; k < els.length; k++) ends[k] = els[k].end;
    this.ends = ends;
  }

  /** The element ending exactly at `pos` (elements are sorted and never overlap: binary search). */
  private elEndingAt(pos: number): El | undefined {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = ends[mid];
      if (e < pos) lo = mid + 1;
      else if (e > pos) hi = mid - 1;
      else return this.els[mid];
    }
    return undefined;
  }

  private entry(id: string): ActorEntry | undefined {
    return this.reg.entries.get(id) ?? this.unknown.get(id);
  }

  // ------------------------------------------------------------------ registry names and aliases

  private registryMentions(): void {
    for (let i = 0; i < this.els.length; i++) {
      const el = this.els[i];
      if (el.kind === 'cap' || el.kind === 'sur' || el.kind === 'dem' || !el.hit) continue;
      const info = outsInfo(el.hit.outs, this.reg.entries);
      const ids = info.ids;
      const generic = info.generic;
      const first = info.first as FormOutput;
      const match: MatchKind = first.kind === 'name' ? 'name' : 'alias';
      const cand = new Cand(el.start, el.end, ids, match, generic ? 0.75 : ids.length > 1 ? 0.7 : first.kind === 'name' ? 0.95 : 0.9, generic ? 2 : 3, undefined);
      cand.generic = generic || ids.length > 1;
      if (cand.generic) cand.stateHint = this.stateBefore(el.start);
      if (el.kind === 'org') {
        const st = this.foreignStateBefore(el, ids);
        if (st) {
          // "Russia's Security Council" is not the UN Security Council: another body, unknown to the registry
          el.used = true;
          const se = this.reg.entries.get(st);
          const name = `${se?.demonyms?.[0] ?? se?.name ?? st} ${this.text.slice(el.start, el.end)}`;
          this.addUnknownSpan(el.start, el.end, name, 'organization', undefined, 0.6);
          continue;
        }
      }
      if (el.kind === 'person') {
        const r = this.roleBefore(el.start);
        if (r) cand.role = r;
      }
      this.cands.push(cand);
      // States stay available to runs: an organisation name may absorb them ("Russian Federation Government University").
      if (el.kind === 'state') el.stateCand = cand;
      else el.used = true;
    }
  }

  /**
   * An international organisation's generic-sounding name ("Security Council", "General Assembly") right after a
   * state's possessive or demonym of a state it does not belong to ("Russia's Security Council"): another body.
   */
  private foreignStateBefore(el: El, ids: readonly string[]): string | undefined {
    if (ids.length !== 1) return undefined;
    const e = this.reg.entries.get(ids[0]);
    if (!e || e.kind !== 'organization') return undefined;
    if (e.affiliation && this.reg.entries.get(e.affiliation)?.kind === 'state') return undefined;
    if (!genericOrgWords(el.f)) return undefined;
    const st = this.stateBefore(el.start);
    return st && st !== e.affiliation ? st : undefined;
  }

  /** A state named right before `pos` ("Russia's Ministry…", "the Russian Foreign Ministry"). */
  private stateBefore(pos: number): string | undefined {
    let p = pos;
    while (p > 0 && this.text[p - 1] === ' ') p--;
    if (p >= 2 && this.folded.slice(p - 2, p) === "'s") p -= 2;
    else if (p >= 1 && this.folded[p - 1] === "'") p -= 1;
    const el = this.elEndingAt(p);
    if (!el?.hit) return undefined;
    for (const o of el.hit.outs) {
      const e = this.reg.entries.get(o.actorId);
      if (e?.kind === 'state') return e.id;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ roles

  /** The last token found by `prevToken` (fields, not an object per call). */
  private ptStart = 0;
  private ptEnd = 0;
  private ptF = '';
  private ptEl: El | undefined = undefined;

  /**
   * Previous word-level token before `pos` on the same line into ptStart/ptEnd/ptF/ptEl; false at punctuation.
   */
  private prevToken(pos: number): boolean {
    const text = this.text;
    const folded = this.folded;
    let i = pos;
    while (i > 0) {
      const c = text.charCodeAt(i - 1);
      if (c !== 32 && c !== 9) break;
      i--;
    }
    if (i === 0) return false;
    const el = this.elEndingAt(i);
    if (el) {
      this.ptStart = el.start;
      this.ptEnd = el.end;
      this.ptF = el.f;
      this.ptEl = el;
      return true;
    }
    const c = folded.charCodeAt(i - 1);
    let end = i;
    if (c === 46) end = i - 1;
    else if (!isWordAt(folded, i - 1)) return false;
    let s = end;
    while (s > 0 && isWordAt(folded, s - 1)) s--;
    if (s === end) return false;
    const f = folded.slice(s, end);
    if (c === 46 && !HONORIFICS.has(f) && !TITLE_WORDS.has(f)) return false;
    this.ptStart = s;
    this.ptEnd = i;
    this.ptF = f;
    this.ptEl = undefined;
    return true;
  }

  /**
   * The title in front of a name: walks back over title words, connectors and capitalised words
   * ("Special Envoy for Middle East Affairs"), stops at punctuation, another actor, or an ordinary word.
   * A state or demonym right before the first title word is the affiliation prefix, not part of the role.
   * Returns the role text, or null.
   */
  private roleBefore(pos: number): string | null {
    let p = pos;
    let roleStart = -1;
    // the end of the last token before the name (the first token found)
    let lastEnd = -1;
    for (let k = 0; k < 10; k++) {
      if (!this.prevToken(p)) break;
      if (k === 0) lastEnd = this.ptEnd;
      const tStart = this.ptStart;
      const tel = this.ptEl;
      if (tel !== undefined && tel.kind !== 'cap') {
        if (tel.kind !== 'org' || roleStart < 0) break;
        // an organisation inside a title ("head of the FSB") continues the walk
        p = tStart;
        continue;
      }
      const tf = this.ptF;
      const raw = tf.charCodeAt(tf.length - 1) === 46 ? tf.slice(0, -1) : tf;
      if (TITLE_WORDS.has(raw)) {
        roleStart = tStart;
      } else if (CONNECTORS.has(raw) && raw !== 'the') {
        // a connector inside a title
      } else if (isUpperAsciiAt(this.text, tStart) && !COMMON_WORDS.has(raw)) {
        // a capitalised word inside a title
      } else break;
      p = tStart;
    }
    if (roleStart < 0) return null;
    let role = this.text.slice(roleStart, lastEnd).trim();
    role = role.replace(/^(of|for|and|on|in|to)\s+/i, '');
    return role || null;
  }

  private stateOfEl(el: El): string | undefined {
    for (const o of el.hit?.outs ?? []) {
      const e = this.reg.entries.get(o.actorId);
      if (e?.kind === 'state') return e.id;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ runs of capitalised tokens

  private isRunEl(e: El): boolean {
    return e.kind === 'cap' || e.kind === 'sur' || e.kind === 'dem' || e.kind === 'state' || e.kind === 'amb';
  }

  /** Gap between two elements joins a run: one space, a hyphen, or a lowercase name particle. */
  private joins(a: El, b: El): boolean {
    const gl = b.start - a.end;
    if (gl === 1) {
      const c = this.text.charCodeAt(a.end);
      return c === 32 || c === 45;
    }
    if (gl < 3 || gl > 6) return false;
    const gap = this.text.slice(a.end, b.start);
    if (gap === ' ' || gap === '-') return true;
    const g = gap.trim().toLowerCase();
    return gap.length <= 6 && gap.startsWith(' ') && gap.endsWith(' ') && NAME_PARTICLES.has(g) && gap.trim() === g;
  }

  private runs(): void {
    const els = this.els;
    let i = 0;
    while (i < els.length) {
      const e = els[i];
      if (!this.isRunEl(e) || e.used) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < els.length && !els[j + 1].used && this.isRunEl(els[j + 1]) && this.joins(els[j], els[j + 1])) j++;
      const consumedTo = this.handleRun(i, j);
      i = Math.max(consumedTo, i + 1);
    }
  }

  /** Handles els[i..j]; returns the index after the last element it consumed. */
  private handleRun(i: number, j: number): number {
    const els = this.els;
    if (i === j) {
      // Fast paths for a lone element (most runs): a capitalised common word or title, or a lone state,
      // demonym or ambiguous name, is left as it is (the general path below reaches the same result).
      const e = els[i];
      if (e.kind === 'state' || e.kind === 'dem' || e.kind === 'amb') return j + 1;
      if (e.kind === 'cap' && (e.wf & (W_COMMON | W_TITLE)) !== 0 && (e.wf & (W_FIRST | W_ORG)) === 0) return j + 1;
    }
    // Organisation: a head noun inside, possibly continued by "of/for/and …".
    const org = this.orgFrom(i, j);
    if (org) return org;
    // Peel leading titles and common words.
    let s = i;
    let hadTitle = false;
    while (s <= j && els[s].kind === 'cap' && (els[s].wf & (W_TITLE | W_COMMON)) !== 0 && (els[s].wf & W_FIRST) === 0) {
      if ((els[s].wf & W_TITLE) !== 0) hadTitle = true;
      s++;
    }
    if (s > j) return j + 1;
    // States/demonyms at the start are prefixes ("Russian Presidential Assistant …").
    while (s <= j && (els[s].kind === 'dem' || els[s].kind === 'state') && s < j) {
      s++;
      while (s <= j && els[s].kind === 'cap' && TITLE_WORDS.has(els[s].f) && !FIRST_NAMES.has(els[s].f)) {
        hadTitle = true;
        s++;
      }
    }
    if (s > j) return j + 1;
    // The name starts at a first name when there is one ("Middle East Affairs Stephen Weisskoff").
    let nameStart = s;
    for (let k = s; k < j; k++) {
      if (els[k].kind === 'cap' && this.isFirstName(els[k].f)) {
        nameStart = k;
        break;
      }
    }
    // drop a trailing demonym/state ("Ivan Petrov Russia" rarely); names end with cap/sur tokens
    let nameEnd = j;
    while (nameEnd > nameStart && (els[nameEnd].kind === 'dem' || els[nameEnd].kind === 'state')) nameEnd--;
    const toks = els.slice(nameStart, nameEnd + 1);
    if (toks.some((t) => t.kind === 'dem' || t.kind === 'state' || t.kind === 'amb') && toks.length > 1) {
      // a mix like "Kuala Lumpur Malaysia": leave states as they are
      return this.singleTokens(i, j);
    }
    const role = this.roleBefore(toks[0].start);
    const titled = hadTitle || !!role;
    const honorific = role ? HONORIFICS.has(fold1(role.split(/\s+/).slice(-1)[0])) : false;
    const firstF = toks[0].f;
    const last = toks[toks.length - 1];

    if (toks.length === 1) {
      const t = toks[0];
      if (t.kind === 'sur') {
        this.surnameCand(t, role ?? undefined);
        return j + 1;
      }
      if (t.kind === 'cap' && titled && honorific && !COMMON_WORDS.has(t.f) && t.f.length >= 3) {
        const owner = this.firstNameOwnerBefore(t.f, t.start);
        if (owner) {
          this.cands.push(new Cand(t.start, t.end, [owner], 'alias', 0.6, 2, role ?? undefined));
          t.used = true;
          return j + 1;
        }
        if (this.variantOrSurname(t, role ?? undefined)) return j + 1;
        this.addUnknown([t], 'person', role ?? undefined, 0.55);
        return j + 1;
      }
      return this.singleTokens(i, j);
    }
    // Two or more tokens: a personal name?
    const anyCommon = toks.some((t) => t.kind === 'cap' && COMMON_WORDS.has(t.f) && !this.isFirstName(t.f));
    if (anyCommon || toks.length > 5) return this.singleTokens(i, j);
    // two registry surnames side by side ("the Witkoff-Dmitriev track"): each on its own
    if (toks.slice(0, -1).some((t) => t.kind === 'sur')) return this.singleTokens(i, j);
    // A registry person's surname at the end: decide by the first name.
    const lastOwners = last.kind === 'sur' ? this.surOwners(last) : [];
    if (lastOwners.length) {
      const compatible = lastOwners.filter((id) => this.firstNameCompatible(id, firstF));
      if (compatible.length === 1) {
        this.pushPerson(toks[0].start, last.end, compatible, 'variant', 0.8, role ?? undefined);
        toks.forEach((t) => this.consume(t));
        return j + 1;
      }
      if (this.isFirstName(firstF) || (toks[0].kind === 'cap' && !COMMON_WORDS.has(firstF) && !TITLE_WORDS.has(firstF))) {
        // a different person with the same surname ("Melania Trump")
        this.addUnknown(toks, 'person', role ?? undefined, 0.6);
        return j + 1;
      }
      this.surnameCand(last, role ?? undefined);
      return j + 1;
    }
    const firstIsName = this.isFirstName(firstF);
    const appos = this.appositionAfter(last.end);
    const byline = this.bylineBefore(toks[0].start);
    const roleComma = this.roleNounApposition(toks[0].start, last.end);
    if (roleComma && !firstIsName && COMPANY_WORDS.has(last.f) && toks.length <= 4) {
      this.addUnknown(toks, 'organization', undefined, 0.6);
      return j + 1;
    }
    const evidence = firstIsName || titled || appos || byline || roleComma;
    if (!evidence || toks.length > 4) return this.singleTokens(i, j);
    // A spelling variant of a registry person ("Stephen Weisskoff" ~ Steve Witkoff)?
    const v = this.fuzzyPerson(toks, role ?? undefined);
    if (v) {
      this.pushPerson(toks[0].start, last.end, [v], 'variant', 0.65, role ?? undefined);
      toks.forEach((t) => this.consume(t));
      return j + 1;
    }
    if (!firstIsName && !titled && !appos && !byline && !roleComma) return this.singleTokens(i, j);
    this.addUnknown(toks, 'person', role ?? undefined, firstIsName && (titled || appos || byline) ? 0.75 : 0.6);
    return j + 1;
  }

  /** The one registry person with first name `f` fully named before `pos` ("Sheikh Mohammed" after his full name). */
  private firstNameOwnerBefore(f: string, pos: number): string | undefined {
    if (!this.firstNameIdx) {
      // first name → registry persons named in full (name or alias), with the position: built once per article
      this.firstNameIdx = new Map();
      for (const c of this.cands) {
        if (c.ids.length !== 1 || (c.match !== 'name' && c.match !== 'alias')) continue;
        for (const fn of this.reg.firstNames.get(c.ids[0]) ?? []) {
          const list = this.firstNameIdx.get(fn) ?? [];
          list.push({ at: c.start, id: c.ids[0] });
          this.firstNameIdx.set(fn, list);
        }
      }
    }
    let found: string | undefined;
    for (const x of this.firstNameIdx.get(f) ?? []) {
      if (x.at >= pos || x.id === found) continue;
      if (found) return undefined;
      found = x.id;
    }
    return found;
  }

  private isFirstName(f: string): boolean {
    return FIRST_NAMES.has(f) || this.reg.allFirstNames.has(f);
  }

  private firstNameCompatible(id: string, first: string): boolean {
    const fn = this.reg.firstNames.get(id);
    if (!fn || fn.size === 0) return false;
    for (const x of fn) if (sameFirstName(x, first)) return true;
    return false;
  }

  private surOwners(el: El): readonly string[] {
    return el.hit ? outsInfo(el.hit.outs, this.reg.entries).surOwners : [];
  }

  private surnameCand(el: El, role?: string): void {
    const ids = this.surOwners(el);
    if (!ids.length) return;
    el.used = true;
    const c = new Cand(el.start, el.end, ids, 'surname', ids.length > 1 ? 0.7 : 0.85, 2, role);
    c.surname = true;
    this.cands.push(c);
  }

  /** Each element of a run on its own: surnames, known surnames of unknown persons, variants. */
  private singleTokens(i: number, j: number): number {
    for (let k = i; k <= j; k++) {
      const t = this.els[k];
      if (t.used) continue;
      if (t.kind === 'sur') this.surnameCand(t, this.roleBefore(t.start) ?? undefined);
    }
    return j + 1;
  }

  /** "X, the head of …", "X, an associate professor at …", "X, political scientist and …". */
  private appositionAfter(end: number): boolean {
    const m = /^,\s+(?:(?:the|a|an|who is|now|then|former|currently)\s+)*([A-Za-z-]+)(?:\s+([A-Za-z-]+))?/i.exec(this.text.slice(end, end + 60));
    if (!m) return false;
    const w1 = m[1].toLowerCase();
    const w2 = (m[2] ?? '').toLowerCase();
    return (TITLE_WORDS.has(w1) && !['of', 'state', 'national', 'foreign', 'first', 'high', 'press', 'security'].includes(w1)) || TITLE_WORDS.has(w2) && TITLE_WORDS.has(w1);
  }

  /** "<role noun>, X Y," — a name in apposition after a role noun ("chief executive, Glen Asquith,"). */
  private roleNounApposition(start: number, end: number): boolean {
    const t = this.text;
    if (t.charCodeAt(end) !== 44) return false; // closing comma
    if (t.charCodeAt(start - 1) !== 32 || t.charCodeAt(start - 2) !== 44) return false;
    const e = start - 2;
    let s = e;
    while (s > 0 && isWordAt(this.folded, s - 1)) s--;
    if (s === e) return false;
    return APPOSITION_NOUNS.has(this.folded.slice(s, e));
  }

  /** "By X", "Author: X", "commentators: X, Y" at the start of a line. */
  private bylineBefore(start: number): boolean {
    const ls = this.lineStart(start);
    const f = this.folded;
    // "^\s*(cue)\s*:?\s*$" on the line so far: the text between the leading and the trailing blanks/colon is the
    // cue (at most 12 letters), so the regex runs only on short line beginnings.
    let a = ls;
    while (a < start && isSpaceCode(f.charCodeAt(a))) a++;
    let q = start;
    while (q > a && isSpaceCode(f.charCodeAt(q - 1))) q--;
    if (q > a && f.charCodeAt(q - 1) === 58) q--;
    while (q > a && isSpaceCode(f.charCodeAt(q - 1))) q--;
    if (q - a <= 12 && /^\s*(by|authors?|written by|text|reporting by|edited by)\s*:?\s*$/.test(f.slice(ls, start))) return true;
    // a list of names on its own line after a line ending in "…:" ("This article's commentators:")
    if (ls >= 2 && this.nonListCharFrom(ls) >= start) {
      const prevEnd = ls - 1;
      const pls = this.text.lastIndexOf('\n', prevEnd - 1) + 1;
      const prevLine = this.folded.slice(pls, prevEnd).trim();
      if (/:$/.test(prevLine) && /\b(commentators?|authors?|experts?|speakers?|participants?|panelists?|guests?|contributors?)\b/.test(prevLine)) return true;
    }
    return false;
  }

  /** Cursor for `lineStart`: positions lsPos..lsNext share the line start lsVal (lsNext: first newline ≥ lsPos). */
  private lsPos = 1;
  private lsNext = 0;
  private lsVal = 0;

  /** `text.lastIndexOf('\n', pos - 1) + 1`, amortised over increasing positions (no rescans of a long line). */
  private lineStart(pos: number): number {
    if (pos >= this.lsPos && pos <= this.lsNext) return this.lsVal;
    const text = this.text;
    const ls = text.lastIndexOf('\n', pos - 1) + 1;
    if (pos > 0) {
      this.lsPos = pos;
      this.lsVal = ls;
      const nl = text.indexOf('\n', pos);
      this.lsNext = nl < 0 ? text.length : nl;
    }
    return ls;
  }

  /** Cursor for `nonListCharFrom`: the first non-list character at or after ncFrom is ncAt. */
  private ncFrom = -1;
  private ncAt = 0;

  /** Index of the first folded character at or after `from` outside [\s,a-z.'-] (text length if none). */
  private nonListCharFrom(from: number): number {
    if (this.ncFrom >= 0 && from >= this.ncFrom && from <= this.ncAt) return this.ncAt;
    NON_LIST_CHAR.lastIndex = from;
    const m = NON_LIST_CHAR.exec(this.folded);
    this.ncFrom = from;
    this.ncAt = m ? m.index : this.folded.length;
    return this.ncAt;
  }

  /** A run that names an organisation; returns the index after it, or 0. */
  private orgFrom(i: number, j: number): number {
    const els = this.els;
    let headAt = -1;
    for (let k = i; k <= j; k++) if (els[k].kind === 'cap' && (els[k].wf & W_ORG) !== 0) headAt = k;
    // without a head noun the run is no organisation ("Professor X of the Department …": X is not part of it)
    if (headAt < 0) return this.quotedOrg(i, j);
    // extend over "of/for/and/on the …" + capitalised words
    let endIdx = j;
    let ext = j;
    for (;;) {
      if (ext + 1 >= els.length) break;
      const gl = els[ext + 1].start - els[ext].end;
      if (gl < 4 || gl > 9 || !ORG_GAP.test(this.text.slice(els[ext].end, els[ext + 1].start))) break;
      if (!this.isRunEl(els[ext + 1]) || els[ext + 1].used) break;
      let k = ext + 1;
      while (k + 1 < els.length && this.isRunEl(els[k + 1]) && !els[k + 1].used && this.joins(els[k], els[k + 1])) k++;
      ext = k;
      endIdx = k;
    }
    let s = i;
    while (s < headAt && els[s].kind === 'cap' && (COMMON_WORDS.has(els[s].f) && !ORG_HEADS.has(els[s].f)) && !/^(national|federal|state|foreign|central|international|european|security|global|world)$/.test(els[s].f)) s++;
    // "FSB Fifth Service": a known organisation at the start keeps its own mention
    if (els.slice(s, headAt).some((e) => e.kind === 'org' || e.kind === 'person')) return 0;
    // "FSB Fifth Service": a sub-unit right after a known organisation keeps the organisation's mention only
    const prevEl = this.elEndingAt(els[s].start - 1);
    if (prevEl && prevEl.kind === 'org' && this.text[els[s].start - 1] === ' ') {
      for (let k = s; k <= endIdx; k++) els[k].used = true;
      return endIdx + 1;
    }
    const nonConn = endIdx - s + 1;
    if (nonConn < 2) return 0;
    // "the Ministry" alone (a head noun with only common words) is not a name
    const meaningful = els.slice(s, endIdx + 1).filter((e) => e.kind !== 'cap' || !COMMON_WORDS.has(e.f) || ORG_HEADS.has(e.f));
    if (meaningful.length < 2) return 0;
    const start = els[s].start;
    const end = els[endIdx].end;
    const name = this.text.slice(start, end);
    const id = kebab(name);
    if (!this.unknown.has(id) && this.reg.entries.has(id)) {
      this.cands.push(new Cand(start, end, [id], 'name', 0.8, 4, undefined));
    } else {
      this.addUnknownSpan(start, end, name, 'organization', undefined, 0.6);
    }
    for (let k = s; k <= endIdx; k++) this.consume(els[k]);
    // earlier elements of the run that were peeled (e.g. "The") are left alone
    return endIdx + 1;
  }

  /** "Free News": a quoted run of two or more capitalised words used as a name. */
  private quotedOrg(i: number, j: number): number {
    const els = this.els;
    if (j - i < 1) return 0;
    const start = els[i].start;
    const end = els[j].end;
    const before = this.text[start - 1];
    const after = this.text[end];
    if (!(before === '"' || before === '“' || before === '«') || !(after === '"' || after === '”' || after === '»')) return 0;
    if (els.slice(i, j + 1).some((e) => e.kind !== 'cap' || TITLE_WORDS.has(e.f))) return 0;
    if (this.isFirstName(els[i].f)) return 0;
    this.addUnknownSpan(start, end, this.text.slice(start, end), 'organization', undefined, 0.55);
    for (let k = i; k <= j; k++) els[k].used = true;
    return j + 1;
  }

  /** Marks an element as part of a larger name; a state mention it carried is withdrawn. */
  private consume(el: El): void {
    el.used = true;
    const c = el.stateCand;
    if (c) c.ids = [];
  }

  private addUnknown(toks: El[], kind: ActorKind, role: string | undefined, confidence: number): void {
    const start = toks[0].start;
    const end = toks[toks.length - 1].end;
    this.addUnknownSpan(start, end, this.text.slice(start, end), kind, role, confidence);
    toks.forEach((t) => this.consume(t));
    if (kind === 'person') {
      const lastF = toks[toks.length - 1].f;
      if (lastF.length >= 3 && !COMMON_WORDS.has(lastF)) this.unknownSurnames.set(lastF, kebab(this.text.slice(start, end)));
    }
  }

  private addUnknownSpan(start: number, end: number, name: string, kind: ActorKind, role: string | undefined, confidence: number): void {
    const clean = /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u1680]|^ | $/.test(name) ? name.replace(/\s+/g, ' ').trim() : name;
    let id = kebab(clean);
    if (!id) return;
    if (this.reg.entries.has(id) && this.reg.entries.get(id)?.kind !== kind) id = `${id}-${kind}`;
    let a = this.unknown.get(id);
    if (!a) {
      a = { id, name: clean, kind, aliases: [], roles: role ? [role] : [], known: false };
      this.unknown.set(id, a);
    } else if (role && !a.roles.includes(role)) a.roles.push(role);
    this.cands.push(new Cand(start, end, [id], 'unknown', confidence, 1, role));
  }

  private pushPerson(start: number, end: number, ids: string[], match: MatchKind, confidence: number, role?: string): void {
    this.cands.push(new Cand(start, end, ids, match, confidence, 2, role));
  }

  // ------------------------------------------------------------------ variants

  /** A run "First Last" whose surname is a variant of a registry person's, with a compatible first name. */
  private fuzzyPerson(toks: El[], role?: string): string | undefined {
    if (toks.length < 2) return undefined;
    const last = toks[toks.length - 1];
    const first = toks[0].f;
    const memoKey = `${first}|${last.f}|${role ?? ''}`;
    if (this.fuzzyMemo.has(memoKey)) return this.fuzzyMemo.get(memoKey);
    const firstKnown = this.isFirstName(first);
    const found = this.fuzzySurname(last.f, (id) => {
      if (this.firstNameCompatible(id, first)) return 1;
      if (firstKnown) return -1; // a known, different first name: never merge
      return 0;
    }, role);
    this.fuzzyMemo.set(memoKey, found);
    return found;
  }

  /**
   * Registry person whose surname is within the edit budget of `f` (transliteration-normalised, same first
   * letter). `bonus(id)`: +1 allows one more edit (compatible first name), -1 rules the person out.
   */
  private fuzzySurname(f: string, bonus: (id: string) => number, role?: string): string | undefined {
    if (f.length < 5 || COMMON_WORDS.has(f) || FIRST_NAMES.has(f) || TITLE_WORDS.has(f)) return undefined;
    if (this.reg.surnameOwners.has(f)) return undefined;
    const k = tkey(f);
    if (!k) return undefined;
    const list = this.reg.fuzzyIndex.get(k[0]);
    if (!list) return undefined;
    let best: string | undefined;
    let bestD = 99;
    let tie = false;
    for (const fk of list) {
      if (Math.abs(fk.key.length - k.length) > 3) continue;
      for (const id of fk.ids) {
        const b = bonus(id);
        if (b < 0) continue;
        const extra = b + (role && this.roleMatches(id, role) ? 1 : 0);
        const d = surnameVariantDistance(f, fk.surname, extra, k, fk.key);
        if (d < 0) continue;
        if (d < bestD) {
          best = id;
          bestD = d;
          tie = false;
        } else if (d === bestD && id !== best) tie = true;
      }
    }
    return tie ? undefined : best;
  }

  private roleMatches(id: string, role: string): boolean {
    const e = this.reg.entries.get(id);
    if (!e) return false;
    const words = fold1(role).split(/\s+/).filter((w) => w.length > 3 && TITLE_WORDS.has(w));
    if (!words.length) return false;
    return e.roles.some((r) => {
      const fr = fold1(r);
      return words.filter((w) => fr.includes(w)).length >= Math.min(2, words.length);
    });
  }

  /** A single capitalised token: registry surname variant, or an unknown person's surname. */
  private variantOrSurname(t: El, role?: string): boolean {
    const u = this.unknownSurnames.get(t.f);
    if (u) {
      this.cands.push(new Cand(t.start, t.end, [u], 'surname', 0.7, 1, role));
      t.used = true;
      return true;
    }
    let id: string | undefined;
    if (role) {
      const memoKey = `|${t.f}|${role}`;
      if (this.fuzzyMemo.has(memoKey)) id = this.fuzzyMemo.get(memoKey);
      else {
        id = this.fuzzySurname(t.f, () => 0, role);
        this.fuzzyMemo.set(memoKey, id);
      }
    } else if (this.fuzzyMemo.has(t.f)) id = this.fuzzyMemo.get(t.f);
    else {
      id = this.fuzzySurname(t.f, () => 0);
      this.fuzzyMemo.set(t.f, id);
    }
    if (id) {
      this.cands.push(new Cand(t.start, t.end, [id], 'variant', 0.6, 1, role));
      t.used = true;
      return true;
    }
    return false;
  }

  /** A camel-case or letters+digits brand ("RastriyaSamachar24x7", "WhatsApp"): an organisation (outlet, company). */
  private brand(t: El): boolean {
    const w = this.text.slice(t.start, t.end);
    if (w.length < 6 || /^(Mc|Mac|O'|De|Di|La|Le|Van|Von)/.test(w)) return false;
    if (!/^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$|^[A-Z][A-Za-z]*[a-z][A-Za-z]*[0-9][A-Za-z0-9]*$/.test(w)) return false;
    this.addUnknownSpan(t.start, t.end, w, 'organization', undefined, 0.5);
    t.used = true;
    return true;
  }

  private leftovers(): void {
    // Later mentions of unknown persons by surname, and spelling variants of registry surnames.
    const articleSurnames: Array<{ f: string; key: string; id: string }> = [];
    for (const [f, id] of this.unknownSurnames) articleSurnames.push({ f, key: tkey(f), id });
    for (const t of this.els) {
      if (t.used || t.kind !== 'cap') continue;
      if (t.f.length < 3 || (t.wf & (W_COMMON | W_TITLE)) !== 0) continue;
      if (this.brand(t)) continue;
      if (this.variantOrSurname(t)) continue;
      if (t.f.length < 5 || FIRST_NAMES.has(t.f)) continue;
      // variant of an article's own unknown person
      const k = tkey(t.f);
      const budget = fuzzyBudget(t.f.length);
      for (const s of articleSurnames) {
        if (s.key[0] !== k[0] || s.f.length < 5) continue;
        if (editDistance(k, s.key, budget) <= budget) {
          this.cands.push(new Cand(t.start, t.end, [s.id], 'variant', 0.55, 1, undefined));
          t.used = true;
          break;
        }
      }
    }
  }

  // ------------------------------------------------------------------ phrase rules

  private phraseRules(): void {
    for (const el of this.els) {
      if (el.kind !== 'dem' && el.kind !== 'state' && el.kind !== 'person' && el.kind !== 'sur') continue;
      const noun = this.nounAfter(el.end);
      if (!noun) continue;
      const nounEnd = el.end + 1 + noun.length;
      if (STATE_COLLECTIVES.has(noun)) {
        if (el.kind === 'person' || el.kind === 'sur') {
          // "the Biden administration" → the person's state
          const owners = el.kind === 'sur' ? this.surOwners(el) : [el.hit?.outs[0]?.actorId ?? ''];
          const p = owners.length === 1 ? this.reg.entries.get(owners[0]) : undefined;
          const st = p?.affiliation ? this.reg.entries.get(p.affiliation) : undefined;
          if (st?.kind === 'state' && (noun === 'administration' || noun === 'government')) {
            this.cands.push(new Cand(el.start, nounEnd, [st.id], 'alias', 0.75, 5, undefined));
          }
        } else if (el.kind === 'dem') {
          const st = this.stateOfEl(el);
          if (st) this.cands.push(new Cand(this.detStart(el.start), nounEnd, [st], 'alias', 0.75, 5, undefined));
        }
        continue;
      }
      if (el.kind === 'dem' && LEADER_NOUNS.has(noun)) {
        const det = this.detStart(el.start);
        if (det === el.start) continue; // needs "the/this/that"
        const st = this.stateOfEl(el);
        const l = st ? this.reg.leaders.get(st) : undefined;
        const who = noun === 'president' ? l?.president : l?.leader;
        if (who) this.cands.push(new Cand(det, nounEnd, [who], 'alias', 0.6, 5, undefined));
      }
    }
  }

  /** The lowercase word after one space at `pos` ("… government"), or '' (at most 19 letters, then a non-word). */
  private nounAfter(pos: number): string {
    const f = this.folded;
    if (f.charCodeAt(pos) !== 32) return '';
    let k = pos + 1;
    const lim = Math.min(f.length, pos + 20);
    while (k < lim) {
      const c = f.charCodeAt(k);
      if (c < 97 || c > 122) break;
      k++;
    }
    if (k === pos + 1) return '';
    if (k < lim) {
      const c = f.charCodeAt(k);
      if ((c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90)) return '';
    }
    return f.slice(pos + 1, k);
  }

  /** Start of "the/this/that [new|current|former] " before `pos`, or `pos`. */
  private detStart(pos: number): number {
    const before = this.folded.slice(Math.max(0, pos - 30), pos);
    const m = /\b(the|this|that)\s+(?:(?:new|current|then|incumbent|present)\s+)?$/.exec(before);
    return m ? pos - m[0].length : pos;
  }

  // ------------------------------------------------------------------ resolution

  private finish(): ActorFindings {
    const cands = this.cands.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || b.prio - a.prio);
    // non-overlapping: longer wins, then priority
    const chosen: Cand[] = [];
    for (const c of cands) {
      if (!c.ids.length) continue;
      const prev = chosen[chosen.length - 1];
      if (prev && c.start < prev.end) {
        const lp = prev.end - prev.start;
        const lc = c.end - c.start;
        if (c.prio > prev.prio + 2 || (lc > lp && c.prio >= prev.prio)) chosen[chosen.length - 1] = c;
        continue;
      }
      chosen.push(c);
    }
    // resolve ids in document order
    const fullyNamed = new Set<string>();
    const lastSeen = new Map<string, number>();
    const mentions: Mention[] = [];
    const actors = new Map<string, KnownActor>();
    for (const c of chosen) {
      let id: string | undefined;
      if (c.ids.length === 1) id = c.ids[0];
      else if (c.surname) {
        const named = c.ids.filter((x) => fullyNamed.has(x));
        id = named.length === 1 ? named[0] : named.length > 1 ? maxBy(named, (x) => lastSeen.get(x) ?? -1) : undefined;
      } else {
        const hinted = c.stateHint ? c.ids.filter((x) => this.entry(x)?.affiliation === c.stateHint) : [];
        if (hinted.length === 1) id = hinted[0];
        else {
          const seen = c.ids.filter((x) => lastSeen.has(x));
          if (seen.length) id = maxBy(seen, (x) => lastSeen.get(x) ?? -1);
          else {
            // the candidate whose state the article mentions most so far
            let best = -1;
            for (const x of c.ids) {
              const aff = this.entry(x)?.affiliation;
              const n = aff ? (lastSeen.has(aff) ? 1 : 0) : 0;
              if (n > best) {
                best = n;
                id = best > 0 ? x : undefined;
              }
            }
          }
        }
      }
      if (!id) continue;
      const e = this.entry(id);
      if (!e) continue;
      if (c.match !== 'surname') fullyNamed.add(id);
      lastSeen.set(id, c.start);
      const m: Mention = { start: c.start, end: c.end, text: this.text.slice(c.start, c.end), actorId: id, match: c.match, confidence: c.confidence };
      if (c.role) m.role = c.role;
      mentions.push(m);
      this.addActor(actors, id);
    }
    return { mentions: this.backReferences(mentions, actors), actors };
  }

  /**
   * "the council"/"this council" after "Port Ellery City Council": a definite noun phrase whose noun is the head
   * (last word) of exactly one organisation named earlier is that organisation; "the alliance"/"the bloc" stand
   * for NATO/the EU once named. Capitalised heads count too ("the Commission").
   */
  private backReferences(mentions: Mention[], actors: Map<string, KnownActor>): Mention[] {
    const heads = new Map<string, Array<{ id: string; at: number }>>();
    const add = (noun: string, id: string, at: number): void => {
      const list = heads.get(noun) ?? [];
      if (!list.some((x) => x.id === id)) list.push({ id, at });
      heads.set(noun, list);
    };
    const seen = new Set<string>();
    for (const m of mentions) {
      if (seen.has(m.actorId) || m.match === 'surname') continue;
      seen.add(m.actorId); // the first mention is the one that counts
      const e = this.entry(m.actorId);
      if (!e || e.kind !== 'organization') continue;
      const noun = headNoun(e.name);
      if (noun) add(noun, e.id, m.start);
    }
    for (const [noun, ids] of BLOC_NOUNS) {
      for (const id of ids) {
        const first = mentions.find((m) => m.actorId === id);
        if (first) add(noun, id, first.start);
      }
    }
    if (!heads.size) return mentions;
    const extra: Mention[] = [];
    const f = this.folded;
    // one native pass for all the nouns
    const re = new RegExp(`\\b(?:the|this) (${[...heads.keys()].join('|')})\\b`, 'g');
    for (let m = re.exec(f); m; m = re.exec(f)) {
      const p = m.index;
      const end = p + m[0].length;
      if (/^ of\b/.test(f.slice(end, end + 4)) || isUpperAsciiAt(this.text, end + 1)) continue;
      const before = (heads.get(m[1]) ?? []).filter((o) => o.at < p);
      if (before.length !== 1) continue;
      if (overlapsAny(mentions, p, end)) continue;
      extra.push({ start: p, end, text: this.text.slice(p, end), actorId: before[0].id, match: 'alias', confidence: 0.55 });
      this.addActor(actors, before[0].id);
    }
    if (!extra.length) return mentions;
    extra.sort((a, b) => a.start - b.start);
    const out: Mention[] = [];
    let k = 0;
    for (const m of mentions) {
      while (k < extra.length && extra[k].start < m.start) out.push(extra[k++]);
      out.push(m);
    }
    while (k < extra.length) out.push(extra[k++]);
    return out;
  }

  private addActor(actors: Map<string, KnownActor>, id: string): void {
    for (let k = 0; k < 4 && id && !actors.has(id); k++) {
      const u = this.unknown.get(id);
      const e = u ?? this.reg.entries.get(id);
      if (!e) return;
      actors.set(id, u ? u : { ...e, known: true });
      if (!e.affiliation) return;
      id = e.affiliation;
    }
  }
}

/** A character that cannot occur in a line listing names ("^[\s,a-z.'-]*$" fails at it). */
const NON_LIST_CHAR = /[^\s,a-z.'-]/g;

/** The characters of the regex class \s (WhiteSpace and LineTerminator). */
function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const genericWordsMemo = new Map<string, boolean>();

/** Two or more words, all common words or organisation nouns and none a proper adjective (memoised per name). */
function genericOrgWords(f: string): boolean {
  let r = genericWordsMemo.get(f);
  if (r === undefined) {
    const words = f.split(/[\s-]+/);
    r = words.length >= 2 && words.every((w) => (COMMON_WORDS.has(w) || ORG_HEADS.has(w)) && !PROPER_ADJ.has(w));
    if (genericWordsMemo.size > 20000) genericWordsMemo.clear();
    genericWordsMemo.set(f, r);
  }
  return r;
}

const fold1Memo = new Map<string, string>();

function fold1(s: string): string {
  let f = fold1Memo.get(s);
  if (f === undefined) {
    f = fold1Of(s);
    if (fold1Memo.size > 20000) fold1Memo.clear();
    fold1Memo.set(s, f);
  }
  return f;
}

function fold1Of(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '');
}

const headMemo = new Map<string, string>();

/** The head noun of an organisation name: its last word that is an organisation noun ("Coalition for Fair Housing" → coalition). */
function headNoun(name: string): string {
  let h = headMemo.get(name);
  if (h === undefined) {
    h = '';
    const words = fold(name).split(/\s+/);
    if (words.length >= 2) {
      for (let k = words.length - 1; k >= 0; k--) {
        if (BACKREF_NOUNS.has(words[k])) {
          h = words[k];
          break;
        }
      }
    }
    if (headMemo.size > 20000) headMemo.clear();
    headMemo.set(name, h);
  }
  return h;
}

/** True when [s, e) overlaps a mention (mentions sorted by start, non-overlapping). */
function overlapsAny(ms: readonly Mention[], s: number, e: number): boolean {
  let lo = 0;
  let hi = ms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].end <= s) lo = mid + 1;
    else if (ms[mid].start >= e) hi = mid - 1;
    else return true;
  }
  return false;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function maxBy<T>(xs: T[], f: (x: T) => number): T {
  let best = xs[0];
  let bv = f(best);
  for (const x of xs) {
    const v = f(x);
    if (v > bv) {
      best = x;
      bv = v;
    }
  }
  return best;
}
