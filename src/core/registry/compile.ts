/**
 * Registry entries → a compiled matcher: every surface form (names, aliases, demonyms, derived surnames and
 * generic organisation names) folded into one trie, plus the indexes the actor stage needs (first names,
 * surname owners, a fuzzy index by first letter, demonyms, state leaders). Compiled once per distinct content.
 */
import { buildTrie, isWordCodeCached, type Trie } from '../matcher/trie';
import { COMMON_WORDS, NAME_PARTICLES, translitKey } from '../actors/lexicon';
import { fold } from '../text/fold';
import type { ActorEntry } from '../types';

export type FormKind = 'name' | 'alias' | 'surname' | 'demonym' | 'generic';

/** One registry surface form at a trie terminal. */
export interface FormOutput {
  actorId: string;
  kind: FormKind;
  /** 0: any case; 1: the char at `capAt` must be uppercase in the text; 2: exact (acronyms, all-caps). */
  mode: 0 | 1 | 2;
  capAt: number;
  /** The form as written (for exact mode). */
  form: string;
  /** True when the form ends with a word character (then the text must not continue with one). */
  endsInWord: boolean;
}

export interface FuzzyKey {
  /** Folded surname as in the registry. */
  surname: string;
  key: string;
  ids: string[];
}

export interface CompiledRegistry {
  readonly entries: ReadonlyMap<string, ActorEntry>;
  /** @internal matcher */
  readonly trie: Trie;
  /** @internal outputs per trie terminal */
  readonly outputs: readonly FormOutput[][];
  /** Folded first names of each person (from name and aliases). */
  readonly firstNames: ReadonlyMap<string, ReadonlySet<string>>;
  /** Folded surname → person ids having it (2+ = ambiguous). */
  readonly surnameOwners: ReadonlyMap<string, readonly string[]>;
  /** Fuzzy index: first letter of the transliteration key → surnames. */
  readonly fuzzyIndex: ReadonlyMap<string, readonly FuzzyKey[]>;
  /** Every folded first name of every registry person. */
  readonly allFirstNames: ReadonlySet<string>;
  /** Folded demonym → state id. */
  readonly demonyms: ReadonlyMap<string, string>;
  /** State id → person id of its president / head of state or government ("leader"). */
  readonly leaders: ReadonlyMap<string, { president?: string; leader?: string }>;
  /**
   * Lowercase lead prefixes: forms that can match where the text's first letter is NOT uppercase ("the Kremlin",
   * "al-Qaeda", "dpa"), as folded prefixes by their first code unit. The scanner walks the trie at a lowercase word
   * start only when one of these prefixes is there.
   */
  readonly leads: {
    readonly first: Uint8Array;
    /** For an ASCII first code unit c0: `pair[c0 << 7 | (c1 & 127)]` is 1 when a prefix may start with c0 c1. */
    readonly pair: Uint8Array;
    readonly prefixes: ReadonlyMap<number, readonly string[]>;
  };
  /** Milliseconds the compile took (the first time; later calls with equal content reuse it). */
  readonly compileMs: number;
}

const cache = new Map<string, CompiledRegistry>();
const byIdentity = new WeakMap<readonly ActorEntry[], CompiledRegistry>();
const CACHE_MAX = 8;

export function compileRegistry(entries: readonly ActorEntry[]): CompiledRegistry {
  const same = byIdentity.get(entries);
  if (same) return same;
  const key = contentKey(entries);
  const hit = cache.get(key);
  if (hit) {
    byIdentity.set(entries, hit);
    return hit;
  }
  const t0 = now();
  const compiled = doCompile(entries);
  const out = { ...compiled, compileMs: now() - t0 };
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, out);
  byIdentity.set(entries, out);
  return out;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** A content hash (FNV-1a over a canonical serialisation) so equal registries share one compile. */
function contentKey(entries: readonly ActorEntry[]): string {
  const s = JSON.stringify(entries);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return `${s.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Case mode of a form: all-caps (≥2 letters) → exact; else the first uppercase letter at a word start must be uppercase. */
export function caseMode(form: string): { mode: 0 | 1 | 2; capAt: number } {
  const lower = form.toLowerCase();
  const upper = form.toUpperCase();
  let letters = 0;
  let uppers = 0;
  let capAt = -1;
  for (let i = 0; i < form.length; i++) {
    if (lower[i] === upper[i]) continue; // not a cased letter
    letters++;
    if (form[i] === upper[i]) {
      uppers++;
      if (capAt < 0 && (i === 0 || !isWordCodeCached(form.charCodeAt(i - 1)))) capAt = i;
    }
  }
  if (letters >= 2 && uppers === letters) return { mode: 2, capAt: 0 };
  return capAt >= 0 ? { mode: 1, capAt } : { mode: 0, capAt: 0 };
}

function tokensOf(name: string): string[] {
  return name.split(/[\s]+/).filter(Boolean);
}

function doCompile(entries: readonly ActorEntry[]): Omit<CompiledRegistry, 'compileMs'> {
  const byId = new Map<string, ActorEntry>();
  for (const e of entries) if (e && typeof e.id === 'string' && typeof e.name === 'string') byId.set(e.id, e);

  // folded key → outputs
  const forms = new Map<string, FormOutput[]>();
  const explicit = new Set<string>();
  const addForm = (text: string, actorId: string, kind: FormKind): void => {
    const t = text.trim();
    if (!t) return;
    const key = fold(t);
    if (!isWordCodeCached(key.charCodeAt(0))) return;
    const { mode, capAt } = caseMode(t);
    const out: FormOutput = { actorId, kind, mode, capAt, form: t, endsInWord: isWordCodeCached(key.charCodeAt(key.length - 1)) };
    let list = forms.get(key);
    if (!list) forms.set(key, (list = []));
    if (list.some((o) => o.actorId === actorId && o.mode === mode && o.form === t)) return;
    list.push(out);
  };

  const demonyms = new Map<string, string>();
  const stateForms = new Map<string, string[]>(); // state id → folded names/aliases/demonyms (for generic org names)
  for (const e of byId.values()) {
    addForm(e.name, e.id, 'name');
    explicit.add(fold(e.name.trim()));
    for (const a of e.aliases) {
      addForm(a, e.id, 'alias');
      explicit.add(fold(a.trim()));
    }
    if (e.kind === 'state') {
      const sf = [e.name, ...e.aliases, ...(e.demonyms ?? [])].map((x) => fold(x.trim()));
      stateForms.set(e.id, sf);
    }
    for (const d of e.demonyms ?? []) {
      const k = fold(d.trim());
      if (!k) continue;
      if (!demonyms.has(k)) demonyms.set(k, e.id);
      addForm(d, e.id, 'demonym');
    }
  }

  // Derived surnames of persons; first names.
  const firstNames = new Map<string, Set<string>>();
  const familyForms = new Map<string, string>();
  const surnameOwners = new Map<string, string[]>();
  const allFirstNames = new Set<string>();
  for (const e of byId.values()) {
    if (e.kind !== 'person') continue;
    const fn = new Set<string>();
    const familyFirst = isFamilyNameFirst(e);
    for (const n of [e.name, ...e.aliases]) {
      const toks = tokensOf(n);
      if (toks.length < 2) continue;
      if (familyFirst && toks.length <= 3) {
        // "Xi Jinping", "Wang Yi", "Kim Jong Un": the FIRST token is the short form
        const ff = fold(toks[0]);
        if (ff.length >= 2 && /^\p{Lu}/u.test(toks[0]) && !COMMON_WORDS.has(ff)) {
          const owners = surnameOwners.get(ff) ?? [];
          if (!owners.includes(e.id)) owners.push(e.id);
          surnameOwners.set(ff, owners);
          familyForms.set(`${e.id}|${ff}`, toks[0]);
        }
        continue;
      }
      const first = fold(toks[0]).replace(/[^a-z\p{L}-]/gu, '');
      if (first && /^\p{Lu}/u.test(toks[0]) && !NAME_PARTICLES.has(first)) fn.add(first);
      const last = toks[toks.length - 1];
      const lf = fold(last);
      // Arabic article surnames ("Khalil al-Hayya" → "al-Hayya")
      const article = /^(?:al|el|ad|ash|as|at|az|an|ar)-\p{Lu}/u.test(last);
      if (lf.length < 3 || (!article && !/^\p{Lu}/u.test(last)) || COMMON_WORDS.has(lf) || NAME_PARTICLES.has(lf) || /\./.test(lf)) continue;
      const owners = surnameOwners.get(lf) ?? [];
      if (!owners.includes(e.id)) owners.push(e.id);
      surnameOwners.set(lf, owners);
    }
    firstNames.set(e.id, fn);
    for (const f of fn) allFirstNames.add(f);
  }
  for (const [s, ids] of surnameOwners) {
    if (explicit.has(s)) {
      // The surname is itself a registry name/alias ("Jordan"): keep the explicit form, but a person whose
      // alias it is still owns it.
      continue;
    }
    for (const id of ids) {
      const e = byId.get(id) as ActorEntry;
      const fam = familyForms.get(`${id}|${s}`);
      if (fam) {
        addForm(fam, id, 'surname');
        continue;
      }
      const last = tokensOf([e.name, ...e.aliases].find((n) => tokensOf(n).length >= 2 && fold(tokensOf(n).slice(-1)[0]) === s) ?? s).slice(-1)[0];
      addForm(last, id, 'surname');
    }
  }

  // Generic organisation names: an organisation named "<its state's name or demonym> X Y" also answers to "X Y".
  for (const e of byId.values()) {
    if (e.kind !== 'organization' || !e.affiliation) continue;
    let sf = stateForms.get(e.affiliation);
    if (!sf) {
      const aff = byId.get(e.affiliation);
      if (aff?.affiliation) sf = stateForms.get(aff.affiliation);
    }
    if (!sf) continue;
    for (const n of [e.name, ...e.aliases]) {
      const fn = fold(n.trim());
      for (const p of sf) {
        for (const prefix of [p + ' ', p + "'s "]) {
          if (!fn.startsWith(prefix)) continue;
          const rest = n.trim().slice(prefix.length);
          if (tokensOf(rest).length >= 2 && isUpperAscii(rest.charCodeAt(0)) && !explicit.has(fold(rest))) addForm(rest, e.id, 'generic');
        }
      }
    }
  }

  // Leaders by state, from roles.
  const leaders = new Map<string, { president?: string; leader?: string }>();
  for (const e of byId.values()) {
    if (e.kind !== 'person' || !e.affiliation) continue;
    for (const r of e.roles) {
      const fr = fold(r);
      if (/\b(former|ex|vice|deputy|acting|late)\b/.test(fr) || /\bpresident-elect\b/.test(fr)) continue;
      const l = leaders.get(e.affiliation) ?? {};
      if (/^president\b/.test(fr) && !/\bof the (european|commission|council|board|bank|court|general assembly)/.test(fr)) {
        l.president ??= e.id;
        l.leader ??= e.id;
      } else if (/^(prime minister|chancellor|supreme leader|king|emir|crown prince)\b/.test(fr)) {
        l.leader ??= e.id;
      }
      leaders.set(e.affiliation, l);
    }
  }
  for (const l of leaders.values()) if (l.president) l.leader = l.president;

  const keys = [...forms.keys()];
  const built = buildTrie(keys);
  const outputs: FormOutput[][] = [];
  for (const [key, list] of forms) {
    // Derived surnames and generic names give way to any explicit form with the same key.
    const hasExplicit = list.some((o) => o.kind === 'name' || o.kind === 'alias');
    const kept = hasExplicit ? list.filter((o) => o.kind !== 'surname') : list;
    kept.sort((a, b) => rank(a.kind) - rank(b.kind));
    outputs[built.terminalOf(key)] = kept;
  }

  // Fuzzy index: surnames (registry-derived) by first letter of their transliteration key.
  const fuzzy = new Map<string, FuzzyKey[]>();
  for (const [s, ids] of surnameOwners) {
    if (s.length < 4) continue;
    const k = translitKey(s);
    if (!k) continue;
    const list = fuzzy.get(k[0]) ?? [];
    list.push({ surname: s, key: k, ids });
    fuzzy.set(k[0], list);
  }

  return { entries: byId, trie: built.trie, outputs, leads: leadPrefixes(forms), allFirstNames, firstNames, surnameOwners, fuzzyIndex: fuzzy, demonyms, leaders };
}

/** Folded prefixes of the forms whose case rule does not need an uppercase first letter (see `leads`). */
function leadPrefixes(forms: ReadonlyMap<string, FormOutput[]>): CompiledRegistry['leads'] {
  const first = new Uint8Array(65536);
  const pair = new Uint8Array(128 * 128);
  const all = new Set<string>();
  for (const [key, list] of forms) {
    for (const o of list) {
      if (o.mode === 1) {
        if (o.capAt > 0) all.add(key.slice(0, o.capAt));
      } else if (o.mode === 2) {
        const c = o.form.charCodeAt(0);
        if (!(c >= 65 && c <= 90)) all.add(key);
      } else all.add(key);
    }
  }
  // keep the shortest prefixes only (a longer one adds nothing): shortest first, skip any with a kept prefix
  const kept = new Set<string>();
  const prefixes = new Map<number, string[]>();
  for (const p of [...all].sort((a, b) => a.length - b.length)) {
    let covered = false;
    for (let l = 1; l < p.length && !covered; l++) covered = kept.has(p.slice(0, l));
    if (covered) continue;
    kept.add(p);
    const c0 = p.charCodeAt(0);
    const list = prefixes.get(c0) ?? [];
    list.push(p);
    prefixes.set(c0, list);
    first[c0] = 1;
  }
  for (const [c0, list] of prefixes) {
    if (c0 >= 128) continue;
    for (const p of list) {
      if (p.length < 2) for (let c1 = 0; c1 < 128; c1++) pair[(c0 << 7) | c1] = 1;
      else pair[(c0 << 7) | (p.charCodeAt(1) & 127)] = 1;
    }
  }
  return { first, pair, prefixes };
}

/** States whose press writes personal names family name first ("Xi Jinping" → "Xi"). */
const FAMILY_NAME_FIRST = new Set(['china', 'taiwan', 'north-korea', 'south-korea', 'vietnam', 'hong-kong', 'singapore']);

/** A person whose name is written family name first: affiliated (directly or via an organisation) with such a state. */
function isFamilyNameFirst(e: ActorEntry): boolean {
  return !!e.affiliation && FAMILY_NAME_FIRST.has(e.affiliation);
}

function rank(k: FormKind): number {
  return k === 'name' ? 0 : k === 'alias' ? 1 : k === 'generic' ? 2 : k === 'surname' ? 3 : 4;
}
