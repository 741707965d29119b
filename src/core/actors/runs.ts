/**
 * Step 2: runs of adjacent capitalised tokens ("Deputy Foreign Minister Sergei Ryabkov", "Port Ellery City
 * Council", "Stephen Weisskoff"). A run is an organisation when it has a head noun, else titles and common words
 * are peeled off the front and the rest may be a person: a registry surname with a compatible first name, a
 * spelling variant of a registry person, or an unknown person when there is evidence (a first name, a title,
 * apposition, a byline). Anything else leaves its elements to the single-token rules.
 */
import type { MatchKind } from '../types';
import { HONORIFICS } from './lexicon';
import { isSpaceCode } from './names';
import { C_SURNAME, K_AMB, K_CAP, K_DEM, K_ORG, K_PERSON, K_STATE, K_SUR } from './pass';
import { hyphenSyllableEnd, type Pass } from './pass';
import { orgFrom } from './orgs';
import { appositionAfter, bylineBefore, roleBefore, roleNounApposition } from './roles';
import { W_ANY_FIRST, W_COMMON, W_COMPANY, W_FIRST, W_ORG, W_PARTICLE, W_TITLE } from './tokens';
import { fuzzyPerson, variantOrSurname } from './variants';


/** Elements that can be part of a run (not a registry organisation or person). */
export function isRunEl(p: Pass, k: number): boolean {
  const kind = p.kind[k];
  return kind !== K_ORG && kind !== K_PERSON;
}

/**
 * Gap between two elements joins a run: one space, a hyphen, or a lowercase name particle between single spaces
 * (" bin ", " van "). Read in place: no substring for the gaps between the words of a sentence.
 */
export function joins(p: Pass, a: number, b: number): boolean {
  const text = p.text;
  const s = p.ee[a];
  const e = p.es[b];
  const gl = e - s;
  if (gl === 1) {
    const c = text.charCodeAt(s);
    return c === 32 || c === 45;
  }
  if (gl < 3 || gl > 6 || text.charCodeAt(s) !== 32 || text.charCodeAt(e - 1) !== 32) return false;
  // the trimmed gap must be a particle as written: lowercase ASCII letters
  let i = s + 1;
  while (i < e && isSpaceCode(text.charCodeAt(i))) i++;
  let j = e - 1;
  while (j > i && isSpaceCode(text.charCodeAt(j - 1))) j--;
  if (i === j) return false;
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return (p.tokens.flags[p.tokens.idOf(i, j)] & W_PARTICLE) !== 0;
}

export function runs(p: Pass): void {
  let i = 0;
  const n = p.n;
  while (i < n) {
    if (!isRunEl(p, i) || p.used[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && p.used[j + 1] === 0 && isRunEl(p, j + 1) && joins(p, j, j + 1)) j++;
    const consumedTo = handleRun(p, i, j);
    i = Math.max(consumedTo, i + 1);
  }
}

/** Handles elements i..j; returns the index after the last element it consumed. */
function handleRun(p: Pass, i: number, j: number): number {
  const kind = p.kind;
  if (i === j) {
    // Fast paths for a lone element (most runs): a capitalised common word or title, or a lone state,
    // demonym or ambiguous name, is left as it is (the general path below reaches the same result).
    const k = kind[i];
    if (k === K_STATE || k === K_DEM || k === K_AMB) return j + 1;
    if (k === K_CAP) {
      const wf = p.wf(i);
      if ((wf & (W_COMMON | W_TITLE)) !== 0 && (wf & (W_FIRST | W_ORG)) === 0) return j + 1;
    }
  }
  // Organisation: a head noun inside, possibly continued by "of/for/and …".
  const org = orgFrom(p, i, j);
  if (org) return org;
  // Peel leading titles and common words.
  let s = i;
  let hadTitle = false;
  while (s <= j && kind[s] === K_CAP && (p.wf(s) & (W_TITLE | W_COMMON)) !== 0 && (p.wf(s) & W_FIRST) === 0) {
    if ((p.wf(s) & W_TITLE) !== 0) hadTitle = true;
    s++;
  }
  if (s > j) return j + 1;
  // States/demonyms at the start are prefixes ("Russian Presidential Assistant …").
  while (s <= j && (kind[s] === K_DEM || kind[s] === K_STATE) && s < j) {
    s++;
    while (s <= j && kind[s] === K_CAP && (p.wf(s) & W_TITLE) !== 0 && (p.wf(s) & W_FIRST) === 0) {
      hadTitle = true;
      s++;
    }
  }
  if (s > j) return j + 1;
  // The name starts at a first name when there is one ("Middle East Affairs Stephen Weisskoff").
  let ns = s;
  for (let k = s; k < j; k++) {
    if (kind[k] === K_CAP && p.isFirstName(k)) {
      ns = k;
      break;
    }
  }
  // drop a trailing demonym/state ("Ivan Petrov Russia" rarely); names end with cap/sur tokens
  let ne = j;
  while (ne > ns && (kind[ne] === K_DEM || kind[ne] === K_STATE)) ne--;
  const count = ne - ns + 1;
  if (count > 1) {
    // a mix like "Kuala Lumpur Malaysia": leave states as they are
    for (let k = ns; k <= ne; k++) if (kind[k] === K_DEM || kind[k] === K_STATE || kind[k] === K_AMB) return singleTokens(p, i, j);
  }
  if (count === 1) return loneName(p, i, j, ns);
  // Two or more tokens: a personal name?
  for (let k = ns; k <= ne; k++) {
    if (kind[k] !== K_CAP || (p.wf(k) & W_COMMON) === 0 || p.isFirstName(k)) continue;
    // "Mayor Anna Frost": a common word as the surname, right after a title and a first name
    if (k === ne && count === 2 && p.isFirstName(ns) && (hadTitle || roleBefore(p, ns))) continue;
    return singleTokens(p, i, j);
  }
  if (count > 5) return singleTokens(p, i, j);
  // two registry surnames side by side ("the Witkoff-Dmitriev track"): each on its own
  // (but "Petro Yatsenko": a first name that is also a registry surname, before an unknown surname, is a first name)
  for (let k = ns; k < ne; k++) if (kind[k] === K_SUR && !(k === ns && count === 2 && kind[ne] === K_CAP && p.isFirstName(k))) return singleTokens(p, i, j);
  const role = roleBefore(p, ns) ?? undefined;
  const titled = hadTitle || !!role;
  const firstF = p.f(ns);
  const firstWf = p.wf(ns);
  // A registry person's surname at the end: decide by the first name.
  const lastOwners = kind[ne] === K_SUR ? p.surOwners(ne) : [];
  if (lastOwners.length) {
    const compatible = lastOwners.filter((id) => p.firstNameCompatible(id, firstF));
    if (compatible.length === 1) {
      pushPerson(p, ns, ne, compatible, 'variant', 0.8, role);
      return j + 1;
    }
    if ((firstWf & W_ANY_FIRST) !== 0 || (kind[ns] === K_CAP && (firstWf & (W_COMMON | W_TITLE)) === 0)) {
      // a different person with the same surname ("Melania Trump")
      p.addUnknown(ns, ne, 'person', role, 0.6);
      return j + 1;
    }
    surnameCand(p, ne, role);
    return j + 1;
  }
  const firstIsName = (firstWf & W_ANY_FIRST) !== 0;
  const roleComma = roleNounApposition(p, p.es[ns], p.ee[ne]);
  if (roleComma && !firstIsName && (p.wf(ne) & W_COMPANY) !== 0 && count <= 4) {
    p.addUnknown(ns, ne, 'organization', undefined, 0.6);
    return j + 1;
  }
  if (count > 4) return singleTokens(p, i, j);
  // a title, an apposition or a byline (the last two read only when there is no title)
  const syllable = hyphenSyllableEnd(p.text, p.ee[ne]);
  const marked = titled || appositionAfter(p, syllable > 0 ? syllable : p.ee[ne]) || bylineBefore(p, p.es[ns]);
  if (!firstIsName && !marked && !roleComma) return singleTokens(p, i, j);
  // A spelling variant of a registry person ("Stephen Weisskoff" ~ Steve Witkoff)?
  const v = fuzzyPerson(p, ns, ne, role);
  if (v) {
    pushPerson(p, ns, ne, [v], 'variant', 0.65, role);
    return j + 1;
  }
  p.addUnknown(ns, ne, 'person', role, firstIsName && marked ? 0.75 : 0.6);
  return j + 1;
}

/**
 * The name of run i..j is the one element t: a registry surname, or after an honorific ("Sheikh Mohammed",
 * "Cardinal Zuppi") a person named before by that first name, a surname variant or an unknown person. The title
 * in front is read only for those.
 */
function loneName(p: Pass, i: number, j: number, t: number): number {
  const kind = p.kind[t];
  if (kind === K_SUR) {
    surnameCand(p, t, roleBefore(p, t) ?? undefined);
    return j + 1;
  }
  if (kind !== K_CAP || (p.wf(t) & W_COMMON) !== 0 || p.f(t).length < 3) return singleTokens(p, i, j);
  const role = roleBefore(p, t);
  if (!role || !HONORIFICS.has(p.fold1(lastWord(role)))) return singleTokens(p, i, j);
  const owner = firstNameOwnerBefore(p, p.f(t), p.es[t]);
  if (owner) {
    p.cands.add(p.es[t], p.ee[t], [owner], 'alias', 0.6, 2, role);
    p.used[t] = 1;
    return j + 1;
  }
  if (variantOrSurname(p, t, role)) return j + 1;
  p.addUnknown(t, t, 'person', role, 0.55);
  return j + 1;
}

/** The last whitespace-separated word of a role. */
function lastWord(role: string): string {
  const parts = role.split(/\s+/);
  return parts[parts.length - 1];
}

/** A registry person named by elements a..b (the elements are consumed). */
function pushPerson(p: Pass, a: number, b: number, ids: string[], match: MatchKind, confidence: number, role: string | undefined): void {
  p.cands.add(p.es[a], p.ee[b], ids, match, confidence, 2, role);
  for (let k = a; k <= b; k++) p.consume(k);
}

/** The one registry person with first name `f` fully named before `pos` ("Sheikh Mohammed" after his full name). */
function firstNameOwnerBefore(p: Pass, f: string, pos: number): string | undefined {
  if (!p.firstNameIdx) {
    // first name → registry persons named in full (name or alias), with the position: built once per article
    const idx = new Map<string, Array<{ at: number; id: string }>>();
    const c = p.cands;
    for (let k = 0; k < c.length; k++) {
      const ids = c.ids[k];
      if (ids.length !== 1 || (c.match[k] !== 'name' && c.match[k] !== 'alias')) continue;
      for (const fn of p.reg.firstNames.get(ids[0]) ?? []) {
        const list = idx.get(fn) ?? [];
        list.push({ at: c.start[k], id: ids[0] });
        idx.set(fn, list);
      }
    }
    p.firstNameIdx = idx;
  }
  let found: string | undefined;
  for (const x of p.firstNameIdx.get(f) ?? []) {
    if (x.at >= pos || x.id === found) continue;
    if (found) return undefined;
    found = x.id;
  }
  return found;
}

/** A surname-only candidate for element k (a registry surname). */
export function surnameCand(p: Pass, k: number, role: string | undefined): void {
  const ids = p.surOwners(k);
  if (!ids.length) return;
  p.used[k] = 1;
  p.cands.add(p.es[k], p.ee[k], ids, 'surname', ids.length > 1 ? 0.7 : 0.85, 2, role, C_SURNAME);
}

/** Each element of a run on its own: registry surnames get surname candidates. */
function singleTokens(p: Pass, i: number, j: number): number {
  for (let k = i; k <= j; k++) {
    if (p.used[k] !== 0) continue;
    if (p.kind[k] === K_SUR) surnameCand(p, k, roleBefore(p, k) ?? undefined);
  }
  return j + 1;
}
