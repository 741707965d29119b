/**
 * Registry entries → a compiled matcher: every surface form (names, aliases, demonyms, derived surnames and
 * generic organisation names) folded into one trie, plus the indexes the actor stage needs (first names,
 * surname owners, a fuzzy index by first letter, demonyms, state leaders).
 *
 * `compileRegistry` keeps no state: callers hold what it returns (the CLI per command, the extension per
 * workspace folder until a registry file changes, each worker once). `RegistryCompiler` is for a caller that
 * compiles the same content repeatedly and wants one compile per distinct content.
 */
import { scanTables, type ScanTables } from '../matcher/tables';
import { buildTrie, type Trie } from '../matcher/trie';
import { fold } from '../text/fold';
import type { ActorEntry } from '../types';
import { addGenericNames, fuzzySurnames, leadersByState, officeHolders, PersonNames } from './derive';
import { FormTable } from './forms';
import { leadPrefixes } from './leads';
import { sortKeys } from './sortKeys';

export { caseMode } from './forms';

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
  /** @internal the scan's tables (packed trie nodes, acceptance rules, first-word filter, lowercase starts) */
  readonly scan: ScanTables;
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
  /** State id → office ("chancellor", "foreign minister") → its one current holder (see `officeHolders`). */
  readonly offices: ReadonlyMap<string, ReadonlyMap<string, string>>;
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
  /** Milliseconds the compile took. */
  readonly compileMs: number;
}

export function compileRegistry(entries: readonly ActorEntry[]): CompiledRegistry {
  return doCompile(entries, now());
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * A compiler that keeps the last few compiled registries by content, so equal registries (the same entries,
 * or an equal copy) share one compile. Owned by its caller; `compileRegistry` itself caches nothing.
 */
export class RegistryCompiler {
  private readonly byContent = new Map<string, CompiledRegistry>();
  private readonly byIdentity = new WeakMap<readonly ActorEntry[], CompiledRegistry>();

  constructor(private readonly capacity = 8) {}

  compile(entries: readonly ActorEntry[]): CompiledRegistry {
    const same = this.byIdentity.get(entries);
    if (same) return same;
    const key = contentKey(entries);
    let out = this.byContent.get(key);
    if (!out) {
      out = compileRegistry(entries);
      if (this.byContent.size >= this.capacity) this.byContent.delete(this.byContent.keys().next().value as string);
      this.byContent.set(key, out);
    }
    this.byIdentity.set(entries, out);
    return out;
  }
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

function doCompile(entries: readonly ActorEntry[], t0: number): CompiledRegistry {
  const byId = new Map<string, ActorEntry>();
  for (const e of entries) if (e && typeof e.id === 'string' && typeof e.name === 'string') byId.set(e.id, e);

  // Names, aliases and demonyms, each trimmed and folded once; person names on the way.
  const forms = new FormTable();
  const explicit = new Set<string>(); // folded names and aliases
  const demonyms = new Map<string, string>();
  const stateForms = new Map<string, string[]>(); // state id → folded names/aliases/demonyms (for generic org names)
  const people = new PersonNames();
  const orgs: { e: ActorEntry; keys: string[] }[] = [];
  for (const e of byId.values()) {
    const keys: string[] = []; // folded name, then aliases
    for (let k = -1; k < e.aliases.length; k++) {
      const t = (k < 0 ? e.name : e.aliases[k]).trim();
      const key = fold(t);
      if (t) forms.addFolded(t, key, e.id, k < 0 ? 'name' : 'alias');
      explicit.add(key);
      keys.push(key);
    }
    const sf = e.kind === 'state' ? keys.slice() : null;
    for (const d of e.demonyms ?? []) {
      const t = d.trim();
      const key = fold(t);
      sf?.push(key);
      if (!key) continue;
      if (!demonyms.has(key)) demonyms.set(key, e.id);
      forms.addFolded(t, key, e.id, 'demonym');
    }
    if (sf) stateForms.set(e.id, sf);
    if (e.kind === 'person') people.add(e, keys);
    else if (e.kind === 'organization' && e.affiliation) orgs.push({ e, keys });
  }
  people.addSurnameForms(explicit, forms);
  addGenericNames(orgs, byId, stateForms, explicit, forms);
  const leaders = leadersByState(byId);

  const built = buildTrie(sortKeys([...forms.byKey.keys()]));
  const outputs: FormOutput[][] = [];
  forms.byKey.forEach((list, key) => {
    let kept = list;
    if (list.length > 1) {
      // Derived surnames and generic names give way to any explicit form with the same key.
      let hasExplicit = false;
      for (const o of list) if (o.kind === 'name' || o.kind === 'alias') hasExplicit = true;
      if (hasExplicit) kept = list.filter((o) => o.kind !== 'surname');
      kept.sort((a, b) => rank(a.kind) - rank(b.kind));
    }
    outputs[built.terminalOf(key)] = kept;
  });

  return {
    entries: byId,
    trie: built.trie,
    outputs,
    scan: scanTables(built.trie, outputs, forms.byKey),
    leads: leadPrefixes(forms.byKey),
    allFirstNames: people.allFirstNames,
    firstNames: people.firstNames,
    surnameOwners: people.surnameOwners,
    fuzzyIndex: fuzzySurnames(people.surnameOwners),
    demonyms,
    leaders,
    offices: officeHolders(byId),
    compileMs: now() - t0,
  };
}

function rank(k: FormKind): number {
  return k === 'name' ? 0 : k === 'alias' ? 1 : k === 'generic' ? 2 : k === 'surname' ? 3 : 4;
}
