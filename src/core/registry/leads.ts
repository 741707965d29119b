/**
 * Lead prefixes: the forms that can match where the text's first letter is NOT uppercase ("the Kremlin",
 * "al-Qaeda", "dpa"), reduced to their shortest distinct folded prefixes, so the scanner can skip most
 * lowercase word starts with two table lookups.
 */
import type { CompiledRegistry, FormOutput } from './compile';

/** Folded prefixes of the forms whose case rule does not need an uppercase first letter (see `leads`). */
export function leadPrefixes(forms: ReadonlyMap<string, FormOutput[]>): CompiledRegistry['leads'] {
  const first = new Uint8Array(65536);
  const pair = new Uint8Array(128 * 128);
  const all = new Set<string>();
  forms.forEach((list, key) => {
    for (const o of list) {
      if (o.mode === 1) {
        if (o.capAt > 0) all.add(key.slice(0, o.capAt));
      } else if (o.mode === 2) {
        const c = o.form.charCodeAt(0);
        if (!(c >= 65 && c <= 90)) all.add(key);
      } else all.add(key);
    }
  });
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
