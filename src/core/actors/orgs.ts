/**
 * Organisations the registry lacks: a run with an organisation head noun ("Port Ellery City Council"),
 * continued over "of/for/and …" ("Institute for Security Studies"), or a quoted run of capitalised words used
 * as a name ("Free News").
 */
import { K_CAP, K_ORG, K_PERSON } from './pass';
import type { Pass } from './pass';
import { isRunEl, joins } from './runs';
import { W_COMMON, W_ANY_FIRST, W_COMPANY, W_ORG, W_TITLE } from './tokens';


/** The gap inside an organisation name: " of ", " for the ", … (not " in ": "X Centre in Stockholm" is a place). */
const ORG_GAP = /^ (of|for|and|on|to)( the)? $/;
/** Common words that stay at the front of an organisation name ("National Security Council"). */
const ORG_FRONT = new Set(['national', 'federal', 'state', 'foreign', 'central', 'international', 'european', 'security', 'global', 'world']);

/** A run (elements i..j) that names an organisation; returns the index after it, or 0. */
export function orgFrom(p: Pass, i: number, j: number): number {
  const kind = p.kind;
  const used = p.used;
  let headAt = -1;
  for (let k = i; k <= j; k++) if (kind[k] === K_CAP && (p.wf(k) & W_ORG) !== 0) headAt = k;
  // without a head noun the run is no organisation ("Professor X of the Department …": X is not part of it)
  if (headAt < 0) return quotedOrg(p, i, j);
  // extend over "of/for/and/on the …" + capitalised words
  let endIdx = j;
  let ext = j;
  for (;;) {
    if (ext + 1 >= p.n) break;
    const gl = p.es[ext + 1] - p.ee[ext];
    if (gl < 4 || gl > 9 || !ORG_GAP.test(p.text.slice(p.ee[ext], p.es[ext + 1]))) break;
    if (!isRunEl(p, ext + 1) || used[ext + 1] !== 0) break;
    let k = ext + 1;
    // "Bank of England Governor Andrew Bailey": a title after the name starts the person's part
    while (k + 1 < p.n && isRunEl(p, k + 1) && used[k + 1] === 0 && joins(p, k, k + 1) && !titleBeforeName(p, k + 1)) k++;
    ext = k;
    endIdx = k;
  }
  let s = i;
  while (s < headAt && kind[s] === K_CAP && (p.wf(s) & (W_COMMON | W_ORG)) === W_COMMON && !ORG_FRONT.has(p.f(s))) s++;
  // "FSB Fifth Service": a known organisation at the start keeps its own mention
  for (let k = s; k < headAt; k++) if (kind[k] === K_ORG || kind[k] === K_PERSON) return 0;
  // "FSB Fifth Service": a sub-unit right after a known organisation keeps the organisation's mention only
  p.near(s);
  const prevEl = p.elEndingAt(p.es[s] - 1);
  if (prevEl >= 0 && kind[prevEl] === K_ORG && p.text.charCodeAt(p.es[s] - 1) === 32) {
    for (let k = s; k <= endIdx; k++) used[k] = 1;
    return endIdx + 1;
  }
  if (endIdx - s + 1 < 2) return 0;
  // "the Ministry" alone (a head noun with only common words) is not a name
  let meaningful = 0;
  for (let k = s; k <= endIdx; k++) if (kind[k] !== K_CAP || (p.wf(k) & (W_COMMON | W_ORG)) !== W_COMMON) meaningful++;
  if (meaningful < 2) return 0;
  const start = p.es[s];
  const end = p.ee[endIdx];
  const name = p.text.slice(start, end);
  const id = p.kebab(name);
  if (!p.unknown.has(id) && p.reg.entries.has(id)) {
    p.cands.add(start, end, [id], 'name', 0.8, 4, undefined);
  } else {
    p.addUnknownSpan(start, end, name, 'organization', undefined, 0.6);
    // "Harborline Properties" … "Harborline": a company is named later by its name alone
    if (endIdx === s + 1 && (p.wf(endIdx) & W_COMPANY) !== 0) p.noteShortForm(s, p.kebab(name));
  }
  for (let k = s; k <= endIdx; k++) p.consume(k);
  // earlier elements of the run that were peeled (e.g. "The") are left alone
  return endIdx + 1;
}

/** Element k is a title word (not an organisation word) followed by a capitalised word: "Governor Andrew". */
function titleBeforeName(p: Pass, k: number): boolean {
  return p.kind[k] === K_CAP && (p.wf(k) & (W_TITLE | W_ORG)) === W_TITLE && k + 1 < p.n && isRunEl(p, k + 1) && joins(p, k, k + 1);
}

function isOpenQuote(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0xab;
}

function isCloseQuote(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0xbb;
}

/** "Free News": a quoted run of two or more capitalised words used as a name. */
function quotedOrg(p: Pass, i: number, j: number): number {
  if (j - i < 1) return 0;
  const start = p.es[i];
  const end = p.ee[j];
  if (!isOpenQuote(p.text.charCodeAt(start - 1)) || !isCloseQuote(p.text.charCodeAt(end))) return 0;
  for (let k = i; k <= j; k++) if (p.kind[k] !== K_CAP || (p.wf(k) & W_TITLE) !== 0) return 0;
  if ((p.wf(i) & W_ANY_FIRST) !== 0) return 0;
  p.addUnknownSpan(start, end, p.text.slice(start, end), 'organization', undefined, 0.55);
  for (let k = i; k <= j; k++) p.used[k] = 1;
  return j + 1;
}
