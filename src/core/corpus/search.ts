/**
 * The actor look-up behind `CorpusIndex.findActors` (Workspace Symbols): every actor's name, id and aliases are
 * folded (case and diacritics ignored) and cut at each word start into keys ("lavrov" finds "Sergey Lavrov");
 * the keys are sorted once so that a query is a binary search for the first key with its prefix and a walk
 * over the keys that share it. Pure functions: `ActorTable` (actors.ts) keeps the keys until an actor changes.
 */
import { fold } from '../text';
import type { CorpusActor } from './types';

/** A look-up key: a folded name from one of its word starts on, and the number of the actor it finds. */
export type LookupKey = [string, number];

/** The sorted look-up keys of `actors` (by key, then actor number), each (key, actor) pair once. */
export function buildLookupKeys(actors: readonly CorpusActor[]): LookupKey[] {
  const keys: LookupKey[] = [];
  const seen = new Set<string>();
  const addAll = (n: number, name: string) => {
    const f = fold(name);
    // the whole name and every word start in it ("lavrov" finds "Sergey Lavrov")
    for (let i = 0; i < f.length; i++) {
      if (i > 0 && !/[\s\-'.]/.test(f[i - 1])) continue;
      if (/[\s\-'.]/.test(f[i])) continue;
      const k = f.slice(i);
      const key = k + '\u0000' + n;
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push([k, n]);
    }
  };
  actors.forEach((a, n) => {
    addAll(n, a.name);
    addAll(n, a.id);
    a.aliases.forEach((x) => addAll(n, x));
  });
  keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return keys;
}

/** Numbers of the actors with a key starting with `query` (trimmed and folded), in key order. */
export function actorsWithPrefix(keys: readonly LookupKey[], query: string): Set<number> {
  const q = fold(query.trim());
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid][0] < q) lo = mid + 1;
    else hi = mid;
  }
  const found = new Set<number>();
  for (let i = lo; i < keys.length && keys[i][0].startsWith(q); i++) found.add(keys[i][1]);
  return found;
}
