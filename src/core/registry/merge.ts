/**
 * Merging registries: a user (workspace or `--registry`) file over the default one, by id.
 */
import type { ActorEntry } from '../types';

/**
 * Merges a user registry into a base one. A user entry with an existing id overrides it field by field:
 * `name`, `kind`, `affiliation`, `wikidata` replace; `aliases`, `roles`, `demonyms` are added to (a user entry
 * may just add aliases — then it may omit name and kind, see `parsePartialOverrides`). New ids are added.
 */
export function mergeRegistries(base: readonly ActorEntry[], overrides: readonly Partial<ActorEntry>[]): ActorEntry[] {
  const m = new Map<string, ActorEntry>();
  for (const e of base) m.set(e.id, { ...e, aliases: [...e.aliases], roles: [...e.roles] });
  for (const o of overrides) {
    if (!o || typeof o.id !== 'string') continue;
    const b = m.get(o.id);
    if (!b) {
      if (typeof o.name === 'string' && o.kind) {
        m.set(o.id, { id: o.id, name: o.name, kind: o.kind, aliases: [...(o.aliases ?? [])], roles: [...(o.roles ?? [])], ...pickOptional(o) });
      }
      continue;
    }
    const merged: ActorEntry = {
      ...b,
      name: o.name ?? b.name,
      kind: o.kind ?? b.kind,
      aliases: union(b.aliases, o.aliases),
      roles: union(b.roles, o.roles),
    };
    if (o.affiliation !== undefined) merged.affiliation = o.affiliation;
    if (o.wikidata !== undefined) merged.wikidata = o.wikidata;
    if (o.demonyms?.length) merged.demonyms = union(b.demonyms ?? [], o.demonyms);
    m.set(o.id, merged);
  }
  return [...m.values()];
}

function pickOptional(o: Partial<ActorEntry>): Partial<ActorEntry> {
  const out: Partial<ActorEntry> = {};
  if (o.affiliation !== undefined) out.affiliation = o.affiliation;
  if (o.demonyms?.length) out.demonyms = [...o.demonyms];
  if (o.wikidata !== undefined) out.wikidata = o.wikidata;
  return out;
}

function union(a: readonly string[], b: readonly string[] | undefined): string[] {
  const out = [...a];
  for (const x of b ?? []) if (!out.includes(x)) out.push(x);
  return out;
}
