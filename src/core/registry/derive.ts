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
/** Nothing for `NOT_NAME_CHAR` to remove (the common case, tested without a Unicode expression). */
const ONLY_NAME_CHARS = /^[a-z-]*$/;
/** Arabic article surnames ("Khalil al-Hayya" → "al-Hayya"). */
const ARTICLE = /^(?:al|el|ad|ash|as|at|az|an|ar)-\p{Lu}/u;
/** An alias that describes rather than names: it starts with "the". */
const DESCRIPTION_START = /^the\s/i;
const NOT_CURRENT = /\b(former|ex|vice|deputy|acting|late)\b/;
const PRESIDENT_ELECT = /\bpresident-elect\b/;
const PRESIDENT = /^president\b/;
const PRESIDENT_OF_BODY = /\bof the (european|commission|council|board|bank|court|general assembly)/;
const HEAD = /^(prime minister|chancellor|supreme leader|king|emir|crown prince)\b/;

/** A person name of two or more words. */
interface NameWords {
  last: string;
  /** `fold(last)`, when computed. */
  lastFold?: string;
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
 * First names and surnames of the persons, fed one person at a time (`add`); then `addSurnameForms` adds each
 * derived surname as a form of its owners unless the surname is itself an explicit name or alias ("Jordan").
 */
export class PersonNames {
  readonly firstNames = new Map<string, Set<string>>();
  /** Folded surname → person ids having it (2+ = ambiguous). */
  readonly surnameOwners = new Map<string, string[]>();
  readonly allFirstNames = new Set<string>();
  /** Person id → folded family name → the name as written (family-name-first persons: "Xi"). */
  private readonly familyForms = new Map<string, Map<string, string>>();
  /** Person id → its names of two or more words, in order. */
  private readonly multiWord = new Map<string, NameWords[]>();

  /**
   * A person; `keys` are its name and aliases, each trimmed and folded (fold maps each code unit on its own,
   * so a word's folded form is a slice of its name's).
   */
  add(e: ActorEntry, keys: readonly string[]): void {
    const fn = new Set<string>();
    const familyFirst = !!e.affiliation && FAMILY_NAME_FIRST.has(e.affiliation);
    const words: NameWords[] = [];
    for (let k = 0; k < keys.length; k++) {
      const n = k === 0 ? e.name : e.aliases[k - 1];
      const toks = tokensOf(n);
      // a description ("the Holy Father", "the Pontiff") has no first name and no surname
      if (toks.length < 2 || DESCRIPTION_START.test(n)) continue;
      const last = toks[toks.length - 1];
      // a name without white space at its ends: its words' folded forms are slices of the folded name
      const sliced = keys[k].length === n.length;
      const first = sliced ? keys[k].slice(0, toks[0].length) : fold(toks[0]);
      if (familyFirst && toks.length <= 3) {
        words.push({ last });
        // "Xi Jinping", "Wang Yi", "Kim Jong Un": the FIRST token is the short form
        if (first.length >= 2 && startsUpper(toks[0]) && !COMMON_WORDS.has(first)) {
          addOwner(this.surnameOwners, first, e.id);
          let fam = this.familyForms.get(e.id);
          if (fam === undefined) this.familyForms.set(e.id, (fam = new Map()));
          fam.set(first, toks[0]);
        }
        continue;
      }
      const lf = sliced ? keys[k].slice(n.length - last.length) : fold(last);
      words.push({ last, lastFold: lf });
      const given = ONLY_NAME_CHARS.test(first) ? first : first.replace(NOT_NAME_CHAR, '');
      if (given && startsUpper(toks[0]) && !NAME_PARTICLES.has(given)) fn.add(given);
      if (lf.length < 3 || (!startsUpper(last) && !ARTICLE.test(last)) || COMMON_WORDS.has(lf) || NAME_PARTICLES.has(lf) || lf.includes('.')) continue;
      addOwner(this.surnameOwners, lf, e.id);
    }
    this.multiWord.set(e.id, words);
    this.firstNames.set(e.id, fn);
    for (const f of fn) this.allFirstNames.add(f);
  }

  /** Adds the derived surnames as forms (after every person is in). */
  addSurnameForms(explicit: ReadonlySet<string>, forms: FormTable): void {
    this.surnameOwners.forEach((ids, s) => {
      // A surname that is itself a registry name/alias keeps the explicit form (a person whose alias it is owns it).
      if (explicit.has(s)) return;
      for (const id of ids) forms.add(this.familyForms.get(id)?.get(s) ?? surnameAsWritten(this.multiWord.get(id) ?? [], s), id, 'surname');
    });
  }
}

/** The surname as written in the first name (of 2+ words) ending with it; else the folded surname. */
function surnameAsWritten(names: NameWords[], s: string): string {
  for (const w of names) if ((w.lastFold ??= fold(w.last)) === s) return w.last;
  const t = tokensOf(s);
  return t[t.length - 1];
}

/**
 * Generic organisation names: an organisation named "<its state's name or demonym> X Y" (or "<state>'s X Y")
 * also answers to "X Y". `orgs` are the organisations with their folded, trimmed name and aliases, in
 * registry order; `stateForms` holds each state's folded name, aliases and demonyms.
 */
export function addGenericNames(
  orgs: readonly { e: ActorEntry; keys: readonly string[] }[],
  byId: ReadonlyMap<string, ActorEntry>,
  stateForms: ReadonlyMap<string, readonly string[]>,
  explicit: ReadonlySet<string>,
  forms: FormTable,
): void {
  for (const { e, keys } of orgs) {
    if (!e.affiliation) continue;
    let sf = stateForms.get(e.affiliation);
    if (!sf) {
      const aff = byId.get(e.affiliation);
      if (aff?.affiliation) sf = stateForms.get(aff.affiliation);
    }
    if (!sf) continue;
    for (let k = 0; k < keys.length; k++) {
      const fn = keys[k];
      for (const p of sf) {
        if (!fn.startsWith(p)) continue;
        const c = fn.charCodeAt(p.length);
        const at = c === 32 ? p.length + 1 : c === 39 && fn.startsWith('s ', p.length + 1) ? p.length + 3 : -1;
        if (at < 0) continue;
        const rest = (k === 0 ? e.name : e.aliases[k - 1]).trim().slice(at);
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

/**
 * Current office holders by state and office ("germany" → "chancellor" → friedrich-merz): the folded words of a
 * person's role before " of " ("Foreign Minister of Russia" → "foreign minister"; "Minister of Foreign Affairs of
 * X" → "foreign minister"). An office two persons hold (or one held formerly) is left out: unique holders only.
 */
export function officeHolders(byId: ReadonlyMap<string, ActorEntry>): Map<string, Map<string, string>> {
  const seen = new Map<string, Map<string, string | null>>();
  for (const e of byId.values()) {
    if (e.kind !== 'person' || !e.affiliation) continue;
    for (const r of e.roles) {
      const fr = fold(r).trim();
      if (NOT_CURRENT.test(fr) || PRESIDENT_ELECT.test(fr)) continue;
      for (const office of officeKeys(fr)) {
        let m = seen.get(e.affiliation);
        if (!m) seen.set(e.affiliation, (m = new Map()));
        const had = m.get(office);
        m.set(office, had === undefined || had === e.id ? e.id : null);
      }
    }
  }
  const out = new Map<string, Map<string, string>>();
  seen.forEach((m, state) => {
    const kept = new Map<string, string>();
    m.forEach((id, office) => id && kept.set(office, id));
    if (kept.size) out.set(state, kept);
  });
  return out;
}

/** The office names of a folded role: one or two lowercase words before " of " (or the whole role). */
function officeKeys(role: string): string[] {
  const m = /^([a-z]+(?: [a-z]+)?)(?: of (.*))?$/.exec(role);
  if (!m) return [];
  const head = m[1];
  const rest = m[2] ?? '';
  if (head === 'secretary' && /^state\b/.test(rest)) return ['secretary of state'];
  if (head === 'minister') {
    if (/^foreign affairs\b/.test(rest)) return ['foreign minister'];
    if (/^defen[cs]e\b/.test(rest)) return ['defence minister', 'defense minister'];
    return [];
  }
  if (head === 'defence minister' || head === 'defense minister') return ['defence minister', 'defense minister'];
  return OFFICE_WORD.test(head) ? [head] : [];
}

/** Offices a phrase such as "the German chancellor" can name. */
const OFFICE_WORD = /^(?:president|prime minister|chancellor|premier|foreign minister|foreign secretary|secretary of state|king|emir|supreme leader|crown prince|vice president|finance minister|interior minister)$/;

/** Fuzzy index: surnames of 4+ letters by the first letter of their transliteration key. */
export function fuzzySurnames(surnameOwners: ReadonlyMap<string, string[]>): Map<string, FuzzyKey[]> {
  const fuzzy = new Map<string, FuzzyKey[]>();
  surnameOwners.forEach((ids, s) => {
    if (s.length < 4) return;
    const k = translitKey(s);
    if (!k) return;
    const list = fuzzy.get(k[0]);
    if (list === undefined) fuzzy.set(k[0], [{ surname: s, key: k, ids }]);
    else list.push({ surname: s, key: k, ids });
  });
  return fuzzy;
}
