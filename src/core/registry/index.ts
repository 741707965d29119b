// PLACEHOLDER until the registry/matcher work lands: parse + compile with no matcher.
import { parse } from 'yaml';
import type { ActorEntry, SourceError } from '../types';

export interface CompiledRegistry {
  readonly entries: ReadonlyMap<string, ActorEntry>;
}

export function parseRegistry(text: string, _file: string): { entries: ActorEntry[]; errors: SourceError[] } {
  const data = parse(text) as { actors?: ActorEntry[] };
  return { entries: data?.actors ?? [], errors: [] };
}

export function compileRegistry(entries: readonly ActorEntry[]): CompiledRegistry {
  return { entries: new Map(entries.map((e) => [e.id, e])) };
}

export function mergeRegistries(base: readonly ActorEntry[], overrides: readonly ActorEntry[]): ActorEntry[] {
  const m = new Map(base.map((e) => [e.id, e]));
  for (const o of overrides) m.set(o.id, o);
  return [...m.values()];
}
