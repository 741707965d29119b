/**
 * Step 4: phrase rules around states and persons. "the Russian government" / "the Biden administration" → the
 * state; "the American leader" / "this Russian president" → that state's leader when the registry knows one.
 */
import { LEADER_NOUNS, STATE_COLLECTIVES } from './lexicon';
import { W_COLLECTIVE, W_LEADER } from './tokens';
import { K_DEM, K_PERSON, K_STATE, K_SUR } from './pass';
import type { Pass } from './pass';


/** First letters of the state-collective and leader nouns (cheap rejection before the word is read). */
const NOUN_FIRST = firstLetters([...STATE_COLLECTIVES, ...LEADER_NOUNS]);

function firstLetters(words: readonly string[]): Uint8Array {
  const t = new Uint8Array(128);
  for (const w of words) t[w.charCodeAt(0)] = 1;
  return t;
}

export function phraseRules(p: Pass): void {
  const f = p.folded;
  for (let k = 0; k < p.n; k++) {
    const kind = p.kind[k];
    if (kind !== K_DEM && kind !== K_STATE && kind !== K_PERSON && kind !== K_SUR) continue;
    const end = p.ee[k];
    if (kind === K_DEM && officeHolder(p, k)) continue;
    if (f.charCodeAt(end) !== 32 || !NOUN_FIRST[f.charCodeAt(end + 1) & 127]) continue;
    const nounEnd = nounAfter(f, end);
    if (nounEnd < 0) continue;
    const nounTok = p.tokens.idOf(end + 1, nounEnd);
    const nounFlags = p.tokens.flags[nounTok];
    if ((nounFlags & (W_COLLECTIVE | W_LEADER)) === 0) continue;
    const noun = p.tokens.strs[nounTok];
    if ((nounFlags & W_COLLECTIVE) !== 0) {
      if (kind === K_PERSON || kind === K_SUR) {
        // "the Biden administration" → the person's state
        const owners = kind === K_SUR ? p.surOwners(k) : [p.outs[k]?.[0]?.actorId ?? ''];
        const e = owners.length === 1 ? p.reg.entries.get(owners[0]) : undefined;
        const st = e?.affiliation ? p.reg.entries.get(e.affiliation) : undefined;
        if (st?.kind === 'state' && (noun === 'administration' || noun === 'government')) {
          p.cands.add(p.es[k], nounEnd, [st.id], 'alias', 0.75, 5, undefined);
        }
      } else if (kind === K_DEM) {
        const st = p.stateOfEl(k);
        if (st) p.cands.add(detStart(f, p.es[k]), nounEnd, [st], 'alias', 0.75, 5, undefined);
      }
      continue;
    }
    if (kind === K_DEM && (nounFlags & W_LEADER) !== 0) {
      const det = detStart(f, p.es[k]);
      if (det === p.es[k]) continue; // needs "the/this/that"
      const st = p.stateOfEl(k);
      const l = st ? p.reg.leaders.get(st) : undefined;
      const who = noun === 'president' ? l?.president : l?.leader;
      if (who) p.cands.add(det, nounEnd, [who], 'alias', 0.6, 5, undefined);
    }
  }
}

/**
 * "the German chancellor", "this Russian foreign minister": the one current holder of that office in the state of
 * the demonym at element k (the registry's roles), after "the/this/that". Adds the candidate; true when it did.
 */
function officeHolder(p: Pass, k: number): boolean {
  const f = p.folded;
  const end = p.ee[k];
  const one = nounAfter(f, end);
  if (one < 0) return false;
  const st = p.stateOfEl(k);
  const offices = st ? p.reg.offices.get(st) : undefined;
  if (!offices) return false;
  const two = nounAfter(f, one);
  const phraseEnd = two > 0 && offices.has(f.slice(end + 1, two)) ? two : offices.has(f.slice(end + 1, one)) ? one : -1;
  if (phraseEnd < 0) return false;
  const who = offices.get(f.slice(end + 1, phraseEnd)) as string;
  const det = detStart(f, p.es[k]);
  // needs "the/this/that"; a name right after makes the words a title ("the Russian foreign minister Sergei Lavrov")
  if (det === p.es[k] || (p.text.charCodeAt(phraseEnd) === 32 && isUpperAscii(p.text.charCodeAt(phraseEnd + 1)))) return false;
  p.cands.add(det, phraseEnd, [who], 'alias', 0.6, 5, undefined);
  return true;
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** End of the lowercase word after one space at `pos` ("… government"), or -1 (at most 19 letters, then a non-word). */
function nounAfter(f: string, pos: number): number {
  if (f.charCodeAt(pos) !== 32) return -1;
  let k = pos + 1;
  const lim = Math.min(f.length, pos + 20);
  while (k < lim) {
    const c = f.charCodeAt(k);
    if (c < 97 || c > 122) break;
    k++;
  }
  if (k === pos + 1) return -1;
  if (k < lim) {
    const c = f.charCodeAt(k);
    if ((c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90)) return -1;
  }
  return k;
}

const DETERMINER_BEFORE = /\b(the|this|that)\s+(?:(?:new|current|then|incumbent|present)\s+)?$/;

/** Start of "the/this/that [new|current|former] " before `pos`, or `pos`. */
function detStart(f: string, pos: number): number {
  const m = DETERMINER_BEFORE.exec(f.slice(Math.max(0, pos - 30), pos));
  return m ? pos - m[0].length : pos;
}
