/**
 * Intermediaries and company named in a sentence ("through C", "hosted by C", "together with C"), each sentence
 * scanned once and cached, and whether a sentence calls the contact secret.
 */
import type { Span } from '../types';
import { CUE_COMPANY, CUE_VIA } from './lexicon';
import { listEnd } from './phrase';
import { idsIn } from './complement';
import type { Finder } from './finder';

const VIA_RE =
  /(?<![a-z])(?:through|via|with\s+the\s+help\s+of|with\s+the\s+mediation\s+of|mediated\s+by|brokered\s+by|facilitated\s+by|passed\s+on\s+by|conveyed\s+by|relayed\s+by|thanks\s+to\s+the\s+mediation\s+of|hosted\s+by|at\s+the\s+invitation\s+of)\s+/g;
const COMPANY_RE = /(?<![a-z])(?:in\s+the\s+company\s+of|together\s+with|along\s+with|accompanied\s+by|joined\s+by)\s+/g;
const SECRET_RE = /(?<![a-z])(?:secret|secretly|unofficial|covert|clandestine|quiet|quietly|discreet|discreetly|confidential|back[- ]?channels?)(?![a-z])/;

/** "through C", "via C", "with the help of C", "hosted by C" in a sentence (scanned once per sentence). */
export function viaHits(fd: Finder, sentence: Span): Array<{ at: number; ids: string[] }> {
  const facts = fd.factsOf(sentence);
  let hits = facts.via;
  if (!hits) {
    hits = [];
    const ctx = fd.ctx;
    const seg = ctx.hasCue(CUE_VIA, sentence.start, sentence.end) ? ctx.folded.slice(sentence.start, sentence.end) : '';
    VIA_RE.lastIndex = 0;
    for (let m = VIA_RE.exec(seg); m; m = VIA_RE.exec(seg)) {
      const at = sentence.start + m.index + m[0].length;
      const first = ctx.mentions[ctx.firstMentionFrom(at)];
      if (!first || first.start - at > 12) {
        // "through the Swiss embassy", "via Turkish intermediaries": a state's demonym names the go-between
        const state = stateWordAfter(fd, at, sentence.end);
        if (state) hits.push({ at: sentence.start + m.index, ids: [state] });
        continue;
      }
      hits.push({ at: sentence.start + m.index, ids: idsIn(fd, at, listEnd(ctx, at, sentence.end)) });
    }
    facts.via = hits;
  }
  return hits;
}

/** Nouns a demonym names a go-between with ("the Swiss embassy", "Turkish intermediaries", "Qatari mediators"). */
const GO_BETWEEN_RE = /^(?:embass(?:y|ies)|intermediar(?:y|ies)|mediators?|mediation|diplomats?|officials?|channels?|envoys?|authorities|government|side|hosts?|negotiators?|counterparts?)(?![a-z])/;

/** The state of a demonym (after an optional "the") opening the words at `at`, when a go-between noun follows it. */
function stateWordAfter(fd: Finder, at: number, end: number): string | undefined {
  const f = fd.ctx.folded;
  let s = at;
  if (f.startsWith('the ', s)) s += 4;
  let e = s;
  while (e < end && ((f.charCodeAt(e) >= 97 && f.charCodeAt(e) <= 122) || f.charCodeAt(e) === 46)) e++;
  if (e === s || f.charCodeAt(e) !== 32) return undefined;
  if (!GO_BETWEEN_RE.test(f.slice(e + 1, Math.min(end, e + 16)))) return undefined;
  return fd.ctx.stateIn(s, e);
}

/** Intermediaries named in the rest of the sentence (within 200 characters of the trigger). */
export function viaIn(fd: Finder, from: number, sentence: Span): string[] {
  const to = sentence.end;
  const out: string[] = [];
  if (!fd.ctx.hasCue(CUE_VIA, sentence.start, sentence.end)) return out;
  for (const h of viaHits(fd, sentence)) {
    if (h.at < from || h.at > Math.min(to, from + 200)) continue;
    for (const id of h.ids) if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** "in the company of C", "together with C" after the trigger, in its clause. */
export function companyIn(fd: Finder, from: number, sentence: Span): string[] {
  const ctx = fd.ctx;
  const to = sentence.end;
  if (!ctx.hasCue(CUE_COMPANY, sentence.start, sentence.end)) return [];
  const facts = fd.factsOf(sentence);
  let hits = facts.company;
  if (!hits) {
    hits = [];
    const seg = ctx.hasCue(CUE_COMPANY, sentence.start, sentence.end) ? ctx.folded.slice(sentence.start, sentence.end) : '';
    COMPANY_RE.lastIndex = 0;
    for (let m = COMPANY_RE.exec(seg); m; m = COMPANY_RE.exec(seg)) {
      const at = sentence.start + m.index + m[0].length;
      hits.push({ at: sentence.start + m.index, ids: idsIn(fd, at, listEnd(ctx, at, sentence.end)) });
    }
    facts.company = hits;
  }
  const out: string[] = [];
  for (const h of hits) {
    if (h.at < from || h.at > Math.min(to, from + 200) || /[,;:()]/.test(ctx.folded.slice(from, h.at))) continue;
    for (const id of h.ids) if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** Whether the sentence calls the contact secret or unofficial. */
export function secretIn(fd: Finder, sentence: Span): boolean {
  return SECRET_RE.test(fd.ctx.folded.slice(sentence.start, sentence.end));
}
