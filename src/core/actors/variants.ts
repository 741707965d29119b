/**
 * Spelling variants and leftovers: a capitalised token or "First Last" whose surname is within a small edit
 * distance of a registry surname (transliteration-normalised: "Weisskoff" ~ "Witkoff"), later mentions of
 * unknown persons by surname, and brand-like tokens ("WhatsApp"). The edit distance runs only for tokens that
 * pass cheap filters (length, word lists, same first letter of the key), and lookups are memoised per article.
 */
import { COMMON_WORDS, FIRST_NAMES, TITLE_WORDS, editDistance, translitKey } from './lexicon';
import { K_CAP } from './pass';
import type { Pass } from './pass';
import { W_COMMON, W_FIRST, W_TITLE } from './tokens';


/** Maximum edit distance for a surname token of `len` letters (0 = never fuzzy). */
export function fuzzyBudget(len: number): number {
  return len >= 8 ? 2 : len >= 5 ? 1 : 0;
}

/**
 * The variant rule for a capitalised token `cand` against a registry surname `surname` (both folded):
 * transliteration keys with the same first letter, Damerau–Levenshtein within the budget of the shorter of the
 * two (≤1 for 5–7 letters, ≤2 for ≥8), plus `extra` edits (compatible first name, matching title), at most 2.
 * Returns the distance, or -1 when it is not a variant.
 */
export function surnameVariantDistance(cand: string, surname: string, extra = 0, ck = translitKey(cand), sk = translitKey(surname)): number {
  if (cand.length < 5 || surname.length < 5 || !ck || !sk || ck[0] !== sk[0]) return -1;
  // short names must also end alike (Milei ≠ Miller)
  if (Math.min(ck.length, sk.length) <= 6 && ck !== sk && ck[ck.length - 1] !== sk[sk.length - 1]) return -1;
  const budget = Math.min(2, Math.min(fuzzyBudget(cand.length), fuzzyBudget(surname.length) || 1) + Math.max(0, extra));
  if (budget <= 0) return -1;
  const d = ck === sk ? 0 : editDistance(ck, sk, budget);
  return d <= budget ? d : -1;
}

/** A run "First Last" (elements a..b, b > a) whose surname is a variant of a registry person's, with a compatible first name. */
export function fuzzyPerson(p: Pass, a: number, b: number, role: string | undefined): string | undefined {
  const first = p.f(a);
  const last = p.f(b);
  const memoKey = `${first}|${last}|${role ?? ''}`;
  if (p.fuzzyMemo.has(memoKey)) return p.fuzzyMemo.get(memoKey);
  const found = fuzzySurname(p, last, first, p.isFirstName(a), role);
  p.fuzzyMemo.set(memoKey, found);
  return found;
}

/**
 * Registry person whose surname is within the edit budget of `f` (transliteration-normalised, same first
 * letter). With a first name: a compatible first name allows one more edit; a known, different first name rules
 * the person out (`firstKnown`).
 */
function fuzzySurname(p: Pass, f: string, first: string | undefined, firstKnown: boolean, role: string | undefined): string | undefined {
  if (f.length < 5 || COMMON_WORDS.has(f) || FIRST_NAMES.has(f) || TITLE_WORDS.has(f)) return undefined;
  if (p.reg.surnameOwners.has(f)) return undefined;
  const k = p.tkey(f);
  if (!k) return undefined;
  const list = p.reg.fuzzyIndex.get(k[0]);
  if (!list) return undefined;
  let best: string | undefined;
  let bestD = 99;
  let tie = false;
  for (const fk of list) {
    if (Math.abs(fk.key.length - k.length) > 3) continue;
    for (const id of fk.ids) {
      let b = 0;
      if (first !== undefined) {
        if (p.firstNameCompatible(id, first)) b = 1;
        else if (firstKnown) continue; // a known, different first name: never merge
      }
      const extra = b + (role && roleMatches(p, id, role) ? 1 : 0);
      const d = surnameVariantDistance(f, fk.surname, extra, k, fk.key);
      if (d < 0) continue;
      if (d < bestD) {
        best = id;
        bestD = d;
        tie = false;
      } else if (d === bestD && id !== best) tie = true;
    }
  }
  return tie ? undefined : best;
}

/** The registry person's roles share the title words of `role` (two of them, or the one there is). */
function roleMatches(p: Pass, id: string, role: string): boolean {
  const e = p.reg.entries.get(id);
  if (!e) return false;
  const words = p.fold1(role).split(/\s+/).filter((w) => w.length > 3 && TITLE_WORDS.has(w));
  if (!words.length) return false;
  return e.roles.some((r) => {
    const fr = p.fold1(r);
    return words.filter((w) => fr.includes(w)).length >= Math.min(2, words.length);
  });
}

/** A single capitalised token (element t): registry surname variant, or an unknown person's surname. */
export function variantOrSurname(p: Pass, t: number, role?: string): boolean {
  const f = p.f(t);
  const u = p.unknownSurnames.get(f);
  if (u) {
    p.cands.add(p.es[t], p.ee[t], [u], 'surname', 0.7, 1, role);
    p.used[t] = 1;
    return true;
  }
  const memoKey = role ? `|${f}|${role}` : f;
  let id: string | undefined;
  if (p.fuzzyMemo.has(memoKey)) id = p.fuzzyMemo.get(memoKey);
  else {
    id = fuzzySurname(p, f, undefined, false, role);
    p.fuzzyMemo.set(memoKey, id);
  }
  if (id) {
    p.cands.add(p.es[t], p.ee[t], [id], 'variant', 0.6, 1, role);
    p.used[t] = 1;
    return true;
  }
  return false;
}

const BRAND_PREFIX = /^(Mc|Mac|O'|De|Di|La|Le|Van|Von)/;
const BRAND = /^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$|^[A-Z][A-Za-z]*[a-z][A-Za-z]*[0-9][A-Za-z0-9]*$/;

/** A camel-case or letters+digits brand ("RastriyaSamachar24x7", "WhatsApp"): an organisation (outlet, company). */
function brand(p: Pass, t: number): boolean {
  const s = p.es[t];
  const e = p.ee[t];
  if (e - s < 6 || !innerUpperOrDigit(p.text, s, e)) return false;
  const w = p.text.slice(s, e);
  if (BRAND_PREFIX.test(w) || !BRAND.test(w)) return false;
  p.addUnknownSpan(p.es[t], p.ee[t], w, 'organization', undefined, 0.5);
  p.used[t] = 1;
  return true;
}

/** An ASCII capital after the first character or a digit in text[s..e): what either BRAND pattern needs (cheap rejection). */
function innerUpperOrDigit(text: string, s: number, e: number): boolean {
  for (let i = s + 1; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  }
  return false;
}

/** Step 5: capitalised tokens no earlier step took: brands, surnames of unknown persons, spelling variants. */
export function leftovers(p: Pass): void {
  const articleSurnames: Array<{ f: string; key: string; id: string }> = [];
  for (const [f, id] of p.unknownSurnames) articleSurnames.push({ f, key: p.tkey(f), id });
  // tokens whose lookups below found nothing (they depend on the folded token only, and this step adds no surnames)
  const none = new Uint8Array(p.tokens.strs.length);
  for (let t = 0; t < p.n; t++) {
    if (p.used[t] !== 0 || p.kind[t] !== K_CAP) continue;
    const tok = p.tokOf(t);
    const f = p.tokens.strs[tok];
    const wf = p.tokens.flags[tok];
    if (f.length < 3 || (wf & (W_COMMON | W_TITLE)) !== 0) continue;
    if (brand(p, t) || none[tok] !== 0) continue;
    if (variantOrSurname(p, t)) continue;
    if (f.length >= 5 && (wf & W_FIRST) === 0 && articleVariant(p, t, f, articleSurnames)) continue;
    none[tok] = 1;
  }
}

/** Element t (folded `f`) is a spelling variant of a surname of an unknown person the article introduced. */
function articleVariant(p: Pass, t: number, f: string, articleSurnames: ReadonlyArray<{ f: string; key: string; id: string }>): boolean {
  const k = p.tkey(f);
  const budget = fuzzyBudget(f.length);
  for (const s of articleSurnames) {
    if (s.key[0] !== k[0] || s.f.length < 5) continue;
    if (editDistance(k, s.key, budget) <= budget) {
      p.cands.add(p.es[t], p.ee[t], [s.id], 'variant', 0.55, 1, undefined);
      p.used[t] = 1;
      return true;
    }
  }
  return false;
}
