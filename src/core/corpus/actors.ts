/**
 * The actor table of the workspace index: every actor the corpus mentions (or the registry knows) gets a small
 * number, which is what the compact per-article arrays (storage.ts) and the network links (network.ts) hold.
 * The table keeps the registry (names, kinds, aliases, Wikidata ids), a few surface forms per actor seen in the
 * texts, and the look-up keys of search.ts, rebuilt on demand after any of these change.
 */
import type { ActorEntry, ActorKind } from '../types';
import { flat } from './flat';
import { buildLookupKeys, type LookupKey } from './search';
import type { CorpusActor } from './types';

export class ActorTable {
  private readonly list: CorpusActor[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly registry = new Map<string, ActorEntry>();
  /** The look-up keys, until an actor, a surface form or the registry changes. */
  private keys: LookupKey[] | null = null;

  /** `maxForms`: surface forms kept per actor besides its registry aliases. */
  constructor(private readonly maxForms: number) {}

  /** Replaces the registry; actors already numbered take their registry names, kinds and aliases. */
  setRegistry(entries: readonly ActorEntry[]): void {
    this.registry.clear();
    for (const e of entries) {
      this.registry.set(e.id, e);
      const n = this.numbers.get(e.id);
      if (n !== undefined) this.list[n] = fromEntry(e);
    }
    this.keys = null;
  }

  /** The registry entry of an actor id. */
  entry(id: string): ActorEntry | undefined {
    return this.registry.get(id);
  }

  /** The number of an actor id, if it has one. */
  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  /** The actor with number `n`. */
  get(n: number): CorpusActor {
    return this.list[n];
  }

  /** An actor by id: numbered, or else from the registry. */
  byId(id: string): CorpusActor | undefined {
    const n = this.numbers.get(id);
    if (n !== undefined) return this.list[n];
    const e = this.registry.get(id);
    return e && fromEntry(e);
  }

  /** The number of an actor id, assigned if new (from the registry entry, else from `info`, else a person). */
  number(id: string, info: { name: string; kind: ActorKind } | undefined): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.list.length;
      const entry = this.registry.get(id);
      this.list.push(entry ? fromEntry(entry) : { id: flat(id), name: flat(info?.name ?? id), kind: info?.kind ?? 'person', aliases: [], known: false });
      this.numbers.set(this.list[n].id, n);
      this.keys = null;
    }
    return n;
  }

  /** Remembers a surface form of an actor's name for look-up (a few per actor). */
  noteForm(n: number, text: string): void {
    const a = this.list[n];
    if (!text || text === a.name || text === a.id || a.aliases.length >= this.maxForms + (this.registry.get(a.id)?.aliases.length ?? 0)) return;
    if (a.aliases.includes(text)) return;
    a.aliases.push(flat(text));
    this.keys = null;
  }

  /** The look-up keys over every actor, registry entries not mentioned yet included (they get numbers). */
  lookupKeys(): readonly LookupKey[] {
    if (this.keys) return this.keys;
    for (const e of this.registry.values()) if (!this.numbers.has(e.id)) this.number(e.id, e);
    this.keys = buildLookupKeys(this.list);
    return this.keys;
  }
}

function fromEntry(e: ActorEntry): CorpusActor {
  const a: CorpusActor = { id: e.id, name: e.name, kind: e.kind, aliases: [...e.aliases], known: true };
  if (e.wikidata) a.wikidata = e.wikidata;
  return a;
}
