/**
 * Step 1: registry names and aliases. Every hit that names an actor (not a bare surname or demonym) becomes a
 * candidate; generic or ambiguous names carry the state named right before them as a hint; a person's title in
 * front becomes the role. A generic-sounding international body after a foreign state ("Russia's Security
 * Council") is another, unknown body.
 */
import type { FormOutput } from '../registry/compile';
import type { MatchKind } from '../types';
import { genericOrgWords } from './names';
import { C_GENERIC, K_AMB, K_CAP, K_DEM, K_ORG, K_PERSON, K_STATE, K_SUR } from './pass';
import type { Pass } from './pass';
import { roleBefore } from './roles';


export function registryMentions(p: Pass): void {
  const genericMemo = new Map<string, boolean>();
  for (let k = 0; k < p.n; k++) {
    const kind = p.kind[k];
    if (kind === K_CAP || kind === K_SUR || kind === K_DEM) continue;
    const info = p.info[k];
    if (!info) continue;
    const ids = info.ids;
    const generic = info.generic;
    const first = info.first as FormOutput;
    const match: MatchKind = first.kind === 'name' ? 'name' : 'alias';
    const isGeneric = generic || ids.length > 1;
    const hint = isGeneric ? stateBefore(p, k) : undefined;
    if (kind === K_ORG || (kind === K_AMB && generic)) {
      // "The UAE's Ministry of Foreign Affairs" when the registry knows only other states' ministries: that state's
      // own body, unknown to the registry (never another state's)
      const st = generic && hint && !ids.some((id) => p.reg.entries.get(id)?.affiliation === hint) ? hint : kind === K_ORG ? foreignStateBefore(p, k, ids, genericMemo) : undefined;
      if (st) {
        // "Russia's Security Council" is not the UN Security Council: another body, unknown to the registry
        p.used[k] = 1;
        const se = p.reg.entries.get(st);
        const name = `${se?.demonyms?.[0] ?? se?.name ?? st} ${p.text.slice(p.es[k], p.ee[k])}`;
        p.addUnknownSpan(p.es[k], p.ee[k], name, 'organization', undefined, 0.6);
        continue;
      }
    }
    const role = kind === K_PERSON ? (roleBefore(p, k) ?? undefined) : undefined;
    const conf = generic ? 0.75 : ids.length > 1 ? 0.7 : first.kind === 'name' ? 0.95 : 0.9;
    const c = p.cands.add(p.es[k], p.ee[k], ids, match, conf, generic ? 2 : 3, role, isGeneric ? C_GENERIC : 0);
    p.cands.hint[c] = hint;
    // States stay available to runs: an organisation name may absorb them ("Russian Federation Government University").
    if (kind === K_STATE) p.stateCand[k] = c + 1;
    else p.used[k] = 1;
  }
}

/**
 * An international organisation's generic-sounding name ("Security Council", "General Assembly") right after a
 * state's possessive or demonym of a state it does not belong to ("Russia's Security Council"): another body.
 */
function foreignStateBefore(p: Pass, k: number, ids: readonly string[], memo: Map<string, boolean>): string | undefined {
  if (ids.length !== 1) return undefined;
  const e = p.reg.entries.get(ids[0]);
  if (!e || e.kind !== 'organization') return undefined;
  if (e.affiliation && p.reg.entries.get(e.affiliation)?.kind === 'state') return undefined;
  const f = p.f(k);
  let g = memo.get(f);
  if (g === undefined) memo.set(f, (g = genericOrgWords(f)));
  if (!g) return undefined;
  const st = stateBefore(p, k);
  return st && st !== e.affiliation ? st : undefined;
}

/** A state named right before element k ("Russia's Ministry…", "the Russian Foreign Ministry"). */
export function stateBefore(p: Pass, k: number): string | undefined {
  const text = p.text;
  const folded = p.folded;
  let q = p.es[k];
  p.near(k);
  while (q > 0 && text.charCodeAt(q - 1) === 32) q--;
  if (q >= 2 && folded.charCodeAt(q - 2) === 39 && folded.charCodeAt(q - 1) === 115) q -= 2;
  else if (q >= 1 && folded.charCodeAt(q - 1) === 39) q -= 1;
  const el = p.elEndingAt(q);
  return el < 0 ? undefined : p.stateOfEl(el);
}
