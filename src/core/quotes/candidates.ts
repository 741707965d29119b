/**
 * Speaker candidates in a window of a paragraph: actor mentions, subject pronouns, capitalised person-like names
 * the actor stage missed, and common-noun subjects ("the minister", "a senior official", "critics").
 */
import { ADVERBIAL_OPENERS, ORG_WORDS, PRONOUNS, TITLE_WORDS } from './cues';
import { kebab } from '../actors/names';
import type { Ctx } from './context';
import type { ActorKind, Span, SpeakerRef } from '../types';
import { DOCUMENT_NOUNS, headWordsInto, HEAD_WORDS, PRONOUN_COUNT } from './words';

const DOCUMENTS: ReadonlySet<string> = new Set(DOCUMENT_NOUNS);

export type CandSource = 'mention' | 'pronoun' | 'name' | 'nominal';

/** (Every candidate is made with all fields, unset ones undefined: one object shape for the steps that read them.) */
export interface Cand extends Span {
  source: CandSource;
  /** Resolved speaker (null for an unresolved pronoun). */
  speaker: SpeakerRef | null;
  kind: ActorKind;
  /** For pronouns: what they can stand for. */
  pronoun?: 'person' | 'group' | 'thing';
  /** For nominals ("the minister"): the head noun. */
  noun?: string;
  /** For nominals: indefinite ("a senior official", "one negotiator", "diplomats"), an anonymous source. */
  indefinite?: boolean;
}

/** A capitalised sequence: a person-like name the actor stage may have missed ("Ruth Keller", "Mohammed bin Salman"). */
const NAME_RE = /[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u00ff'\u2019-]*(?:\s+(?:(?:bin|ibn|al|el|de|da|van|von|der|du|la)\s+)?[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u00ff'\u2019-]*)*/g;
const NOMINAL_DETS: readonly string[] = ['the', 'a', 'an', 'one', 'some', 'many', 'several', 'two', 'three', 'other', 'senior', 'western'];
/** NOMINAL_DETS by length. */
const DETS_BY_LENGTH: ReadonlyArray<readonly string[] | undefined> = (() => {
  const t: Array<string[] | undefined> = [];
  for (const d of NOMINAL_DETS) (t[d.length] ??= []).push(d);
  return t;
})();

/** Whether f[s, e) is one of NOMINAL_DETS (compared in place: no substring). */
function isNominalDet(f: string, s: number, e: number): boolean {
  const ds = DETS_BY_LENGTH[e - s];
  if (ds === undefined) return false;
  for (let k = 0; k < ds.length; k++) if (f.startsWith(ds[k], s)) return true;
  return false;
}

/**
 * Length of "the (modifier (modifier))" right before `i` in folded `f`, not before `floor` ("the foreign " before
 * "minister"), or -1 when no determiner starts one of the three words before.
 */
function determinerBefore(f: string, floor: number, i: number): number {
  let e = i;
  let found = -1;
  for (let w = 0; w < 3; w++) {
    let j = e;
    while (j > floor && f.charCodeAt(j - 1) <= 32) j--;
    if (j === e) return found;
    let s = j;
    while (s > floor && isNominalChar(f.charCodeAt(s - 1))) s--;
    if (s === j) return found;
    // "a senior official": the determiner before a determiner-like modifier belongs to the phrase too
    if (isNominalDet(f, s, j)) found = i - s;
    else if (found >= 0) return found;
    e = s;
  }
  return found;
}

function isNominalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 46 || c === 39 || c === 45;
}

const BARE_PLURAL = new Set(['critics', 'officials', 'analysts', 'experts', 'observers', 'diplomats', 'sources', 'commentators', 'lawmakers']);
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'envoy', 'ambassador', 'secretary',
  'chancellor', 'premier', 'diplomat', 'negotiator', 'senator',
]);
/** Word-bounded patterns of the role nouns. */
export const ROLE_RES: ReadonlyMap<string, RegExp> = new Map([...ROLE_NOUNS].map((n) => [n, new RegExp(`\\b${n}\\b`)]));
/** Capitalised words at the front of a sequence that are no part of a name ("The", "In", "But", "Yesterday"). */
const LEADING_STOP = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'and', 'but',
  'or', 'so', 'then', 'also', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'there', 'here', 'what', 'who', 'why',
  'how', 'where', 'let', 'dear', 'photo', 'source', 'author', 'original', 'statement', 'update',
  ...ADVERBIAL_OPENERS,
]);

/**
 * Speaker candidates in [a, b) of paragraph `p`, outside quotes: mentions, pronouns, capitalised person-like
 * names that no mention covers, common-noun subjects. Sorted by start. Only the window is read (windows are
 * sentence-sized: the sentence before a quote, a few words after it).
 */
export function candidates(ctx: Ctx, p: number, a: number, b: number, withPronouns = true): Cand[] {
  const out: Cand[] = [];
  if (b <= a) return out;
  const ms = ctx.mentions;
  const starts = ctx.mentionStarts;
  for (let k = ctx.lowerBound(a); k < starts.length && starts[k] < b; k++) {
    const m = ms[k];
    if (m.end > b || ctx.insideQuote(p, m.start)) continue;
    out.push({ start: m.start, end: m.end, source: 'mention', speaker: ctx.speakerOf(m), kind: ctx.kindOf(m.actorId), pronoun: undefined, noun: undefined, indefinite: undefined });
  }
  const mentionCount = out.length;
  const f = ctx.folded;
  const heads = ctx.scratchHeads;
  const nHeads = headWordsInto(f, a, b, withPronouns, heads);
  for (let h = 0; h < nHeads; h += 3) {
    const id = heads[h + 2];
    if (id >= PRONOUN_COUNT) continue;
    const s = heads[h];
    const e = heads[h + 1];
    // (the character after a pronoun cut by the window's edge is none)
    const before = s > a ? f.charCodeAt(s - 1) : 32;
    const after = e < b ? f.charCodeAt(e) : -1;
    if (before === 39 || before === 45 || after === 39 || after === 45 || ctx.insideQuote(p, s)) continue;
    const pr = PRONOUNS.get(HEAD_WORDS[id]) ?? 'person';
    out.push({ start: s, end: e, source: 'pronoun', speaker: null, kind: pr === 'person' ? 'person' : 'organization', pronoun: pr, noun: undefined, indefinite: undefined });
  }
  const raw = ctx.text.slice(a, b);
  let cursor = 0;
  NAME_RE.lastIndex = 0;
  for (let r = NAME_RE.exec(raw); r; r = NAME_RE.exec(raw)) {
    const seq = r[0];
    const s0 = a + r.index;
    const e0 = s0 + seq.length;
    while (cursor < mentionCount && out[cursor].end <= s0) cursor++;
    if ((cursor < mentionCount && out[cursor].start < e0) || ctx.insideQuote(p, s0)) continue;
    const nm = seq.indexOf(' ') < 0 ? null : personNameOf(ctx, seq);
    if (!nm) {
      const known = ctx.surnames.size ? ctx.surnames.get(seq.endsWith('s') ? seq.replace(/['\u2019]s$/, '') : seq) : undefined;
      if (known) out.push({ start: s0, end: e0, source: 'name', speaker: known, kind: 'person', pronoun: undefined, noun: undefined, indefinite: undefined });
      continue;
    }
    const s = s0 + nm.offset;
    const speaker = { id: kebabOf(ctx, nm.name), name: nm.name };
    ctx.surnames.set(nm.name.slice(nm.name.lastIndexOf(' ') + 1), speaker);
    out.push({ start: s, end: s + nm.name.length, source: 'name', speaker, kind: 'person', pronoun: undefined, noun: undefined, indefinite: undefined });
  }
  for (let h = 0; h < nHeads; h += 3) {
    const id = heads[h + 2];
    if (id < PRONOUN_COUNT) continue;
    const i = heads[h];
    const e = heads[h + 1];
    // (the table's string: no substring, its hash kept for the set look-ups)
    const noun = HEAD_WORDS[id];
    const detLen = determinerBefore(f, a, i);
    if (detLen < 0 && !BARE_PLURAL.has(noun)) continue;
    const s = i - Math.max(0, detLen);
    if (ctx.insideQuote(p, s)) continue;
    // "the Kremlin spokesman" is reported through its mention of the Kremlin; "the minister" stays a nominal
    if (!ROLE_NOUNS.has(noun)) {
      let inside = false;
      for (let k = ctx.lowerBound(s); k < starts.length && starts[k] < e; k++) if (ms[k].end <= e) inside = true;
      if (inside) continue;
    }
    const indefinite = detLen < 0 || f.charCodeAt(i - detLen) !== 116 || f.charCodeAt(i - detLen + 1) !== 104; // not "the …"
    // "a letter" is no speaker; "the letter" stands for its author (resolve.ts)
    if (indefinite && DOCUMENTS.has(noun)) continue;
    out.push({ start: s, end: e, source: 'nominal', speaker: null, kind: 'person', pronoun: undefined, noun, indefinite });
  }
  if (out.length > mentionCount) out.sort(byStart);
  return out;
}

/** Order of candidates: by start, the longer first. */
function byStart(x: Cand, y: Cand): number {
  return x.start - y.start || y.end - x.end;
}

/** `personName(seq)`, remembered per analysis (the same names recur). */
function personNameOf(ctx: Ctx, seq: string): { name: string; offset: number } | null {
  let r = ctx.names.get(seq);
  if (r === undefined) {
    r = personName(seq);
    if (ctx.names.size > 5000) ctx.names.clear();
    ctx.names.set(seq, r);
  }
  return r;
}

/** `kebab(name)`, remembered per analysis. */
export function kebabOf(ctx: Ctx, name: string): string {
  let k = ctx.kebabs.get(name);
  if (k === undefined) {
    k = kebab(name);
    ctx.kebabs.set(name, k);
  }
  return k;
}

/** A person-like name in a capitalised sequence: titles stripped, 2–4 words, no organisation words. */
export function personName(seq: string): { name: string; offset: number } | null {
  const toks = seq.split(/\s+/);
  let i = 0;
  let offset = 0;
  while (i < toks.length && (TITLE_WORDS.has(toks[i].toLowerCase().replace(/[.'\u2019]+$/, '')) || LEADING_STOP.has(toks[i].toLowerCase()))) {
    offset = seq.indexOf(toks[i + 1] ?? '', offset + toks[i].length);
    i++;
  }
  const rest = toks.slice(i);
  if (rest.length < 2 || rest.length > 4 || offset < 0) return null;
  for (const t of rest) {
    const w = t.toLowerCase().replace(/['\u2019]s$/, '');
    if (ORG_WORDS.has(w) || TITLE_WORDS.has(w)) return null;
  }
  let name = rest.join(' ');
  name = name.replace(/['\u2019]s$/, '');
  return { name, offset };
}
