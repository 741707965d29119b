/**
 * Compile steps that derive more than the registry spells out: person first names and surnames (with the
 * surname forms added to the trie), generic organisation names ("Foreign Ministry" for "Russian Foreign
 * Ministry"), state leaders from roles, and the fuzzy surname index.
 */
import { COMMON_WORDS, NAME_PARTICLES, translitKey } from '../actors/lexicon';
import { fold } from '../text/fold';
import type { ActorEntry } from '../types';
import type { FuzzyKey } from './compile';
import { tokensOf, type FormTable } from './forms';

/** States whose press writes personal names family name first ("Xi Jinping" → "Xi"). */
const FAMILY_NAME_FIRST = new Set(['china', 'taiwan', 'north-korea', 'south-korea', 'vietnam', 'hong-kong', 'singapore']);
const UPPER_FIRST = /^\p{Lu}/u;
const NOT_NAME_CHAR = /[^a-z\p{L}-]/gu;
/** Arabic article surnames ("Khalil al-Hayya" → "al-Hayya"). */
const ARTICLE = /^(?:al|el|ad|ash|as|at|az|an|ar)-\p{Lu}/u;
const NOT_CURRENT = /\b(former|ex|vice|deputy|acting|late)\b/;
const PRESIDENT_ELECT = /\bpresident-elect\b/;
const PRESIDENT = /^president\b/;
const PRESIDENT_OF_BODY = /\bof the (european|commission|council|board|bank|court|general assembly)/;
const HEAD = /^(prime minister|chancellor|supreme leader|king|emir|crown prince)\b/;

/** A person name of two or more words. */
interface NameWords {
  toks: string[];
  last: string;
  /** `fold(last)`, when computed. */
  lastFold?: string;
}

export interface PersonNames {
  firstNames: Map<string, Set<string>>;
  surnameOwners: Map<string, string[]>;
  allFirstNames: Set<string>;
}

/** True when `tok` starts with an uppercase letter (ASCII by range, the rest by Unicode property). */
function startsUpper(tok: string): boolean {
  const c = tok.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(tok);
}

function addOwner(owners: Map<string, string[]>, surname: string, id: string): void {
  const list = owners.get(surname);
  if (list === undefined) owners.set(surname, [id]);
  else if (!list.includes(id)) list.push(id);
}

/**
 * First names and surnames of the persons; adds each derived surname as a form of its owners unless the
 * surname is itself an explicit name or alias ("Jordan").
 */
export function derivePersonNames(byId: ReadonlyMap<string, ActorEntry>, explicit: ReadonlySet<string>, forms: FormTable): PersonNames {
  const firstNames = new Map<string, Set<string>>();
  const familyForms = new Map<string, string>();
  const surnameOwners = new Map<string, string[]>();
  const allFirstNames = new Set<string>();
  const multiWord = new Map<string, NameWords[]>();
  for (const e of byId.values()) {
    if (e.kind !== 'person') continue;
    const fn = new Set<string>();
    const familyFirst = !!e.affiliation && FAMILY_NAME_FIRST.has(e.affiliation);
    const names: NameWords[] = [];
    for (let k = -1; k < e.aliases.length; k++) {
      const toks = tokensOf(k < 0 ? e.name : e.aliases[k]);
      if (toks.length < 2) continue;
      const words: NameWords = { toks, last: toks[toks.length - 1] };
      names.push(words);
      if (familyFirst && toks.length <= 3) {
        // "Xi Jinping", "Wang Yi", "Kim Jong Un": the FIRST token is the short form
        const ff = fold(toks[0]);
        if (ff.length >= 2 && startsUpper(toks[0]) && !COMMON_WORDS.has(ff)) {
          addOwner(surnameOwners, ff, e.id);
          familyForms.set(`${e.id}|${ff}`, toks[0]);
        }
        continue;
      }
      const first = fold(toks[0]).replace(NOT_NAME_CHAR, '');
      if (first && startsUpper(toks[0]) && !NAME_PARTICLES.has(first)) fn.add(first);
      const last = words.last;
      const lf = (words.lastFold = fold(last));
      if (lf.length < 3 || (!startsUpper(last) && !ARTICLE.test(last)) || COMMON_WORDS.has(lf) || NAME_PARTICLES.has(lf) || lf.includes('.')) continue;
      addOwner(surnameOwners, lf, e.id);
    }
    multiWord.set(e.id, names);
    firstNames.set(e.id, fn);
    for (const f of fn) allFirstNames.add(f);
  }
  for (const [s, ids] of surnameOwners) {
    // A surname that is itself a registry name/alias keeps the explicit form (a person whose alias it is owns it).
    if (explicit.has(s)) continue;
    for (const id of ids) {
      const fam = familyForms.get(`${id}|${s}`);
      forms.add(fam ?? surnameAsWritten(multiWord.get(id) ?? [], s), id, 'surname');
    }
  }
  return { firstNames, surnameOwners, allFirstNames };
}

/** The surname as written in the first name (of 2+ words) ending with it; else the folded surname. */
function surnameAsWritten(names: NameWords[], s: string): string {
  for (const w of names) if ((w.lastFold ??= fold(w.last)) === s) return w.last;
  const t = tokensOf(s);
  return t[t.length - 1];
}

/**
 * Generic organisation names: an organisation named "<its state's name or demonym> X Y" (or "<state>'s X Y")
 * also answers to "X Y". `stateForms` holds each state's folded name, aliases and demonyms.
 */
export function addGenericNames(byId: ReadonlyMap<string, ActorEntry>, stateForms: ReadonlyMap<string, readonly string[]>, explicit: ReadonlySet<string>, forms: FormTable): void {
  for (const e of byId.values()) {
    if (e.kind !== 'organization' || !e.affiliation) continue;
    let sf = stateForms.get(e.affiliation);
    if (!sf) {
      const aff = byId.get(e.affiliation);
      if (aff?.affiliation) sf = stateForms.get(aff.affiliation);
    }
    if (!sf) continue;
    for (let k = -1; k < e.aliases.length; k++) {
      const n = (k < 0 ? e.name : e.aliases[k]).trim();
      const fn = fold(n);
      for (const p of sf) {
        if (!fn.startsWith(p)) continue;
        const c = fn.charCodeAt(p.length);
        const at = c === 32 ? p.length + 1 : c === 39 && fn.startsWith('s ', p.length + 1) ? p.length + 3 : -1;
        if (at < 0) continue;
        const rest = n.slice(at);
        const r0 = rest.charCodeAt(0);
        if (r0 >= 65 && r0 <= 90 && tokensOf(rest).length >= 2 && !explicit.has(fold(rest))) forms.add(rest, e.id, 'generic');
      }
    }
  }
}

/** State id → its president and its leader (head of state or government), from the persons' current roles. */
export function leadersByState(byId: ReadonlyMap<string, ActorEntry>): Map<string, { president?: string; leader?: string }> {
  const leaders = new Map<string, { president?: string; leader?: string }>();
  for (const e of byId.values()) {
    if (e.kind !== 'person' || !e.affiliation) continue;
    for (const r of e.roles) {
      const fr = fold(r);
      if (NOT_CURRENT.test(fr) || PRESIDENT_ELECT.test(fr)) continue;
      const l = leaders.get(e.affiliation) ?? {};
      if (PRESIDENT.test(fr) && !PRESIDENT_OF_BODY.test(fr)) {
        l.president ??= e.id;
        l.leader ??= e.id;
      } else if (HEAD.test(fr)) {
        l.leader ??= e.id;
      }
      leaders.set(e.affiliation, l);
    }
  }
  for (const l of leaders.values()) if (l.president) l.leader = l.president;
  return leaders;
}

/** Fuzzy index: surnames of 4+ letters by the first letter of their transliteration key. */
export function fuzzySurnames(surnameOwners: ReadonlyMap<string, string[]>): Map<string, FuzzyKey[]> {
  const fuzzy = new Map<string, FuzzyKey[]>();
  for (const [s, ids] of surnameOwners) {
    if (s.length < 4) continue;
    const k = translitKey(s);
    if (!k) continue;
    const list = fuzzy.get(k[0]);
    if (list === undefined) fuzzy.set(k[0], [{ surname: s, key: k, ids }]);
    else list.push({ surname: s, key: k, ids });
  }
  return fuzzy;
}
