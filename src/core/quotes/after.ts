/**
 * A cue after the quote: "“…,” X said", "“…,” said X", "“…,” said Israeli Prime Minister X", "“…,” he added",
 * "“…,” according to X". Reads at most 200 characters after the closing mark, within the paragraph and before the
 * next quote; most quotes are decided by one look at the paragraph's cue hits (no cue in reach: no attribution).
 */
import type { RawQuote } from './spans';
import { attributed, type Attribution, type LastSpeaker } from './attribute';
import { candidates } from './candidates';
import { isJsSpace } from './chars';
import type { Ctx } from './context';
import { cueAtStart, lowerBoundSpan, type CueHit } from './cuehits';
import { INVERTED_GAP, commaOnly, subjectGap } from './gaps';
import { subjectAfter } from './resolve';

const NO_HITS: readonly CueHit[] = [];

/** After "the minister" in "“…,” said the minister": only spaces and "the" before the name. */
const THE_GAP = /^\s+(?:the\s+)?$/;
/** A short sentence after a quote that ended its own: "He said." */
const SHORT_SENTENCE = /^(?:\s+[^\s.!?,;:"\u201c\u201d]+){0,4}\s*(?:[.!?]|$)/;

/** Spaces and punctuation between a closing mark and a cue after it: /[\s,.;:!?\u2026\u2014\u2013-]/. */
function isAfterLead(c: number): boolean {
  return c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 0x2026 || c === 0x2014 || c === 0x2013 || c === 45 || isJsSpace(c);
}

export function afterCue(ctx: Ctx, p: number, q: RawQuote, nextOpen: number, last: LastSpeaker | null): Attribution | null {
  if (q.close < 0) return null;
  const pe = ctx.paragraphs[p].end;
  const f = ctx.folded;
  const a0 = q.close + 1;
  const limit = Math.min(pe, nextOpen, a0 + 200);
  // /[\s,.;:!?…—–-]/ over folded[a0, min(limit, a0 + 6))
  const leadEnd = Math.min(limit, a0 + 6);
  let a = a0;
  while (a < leadEnd && isAfterLead(f.charCodeAt(a))) a++;
  if (a >= limit) return null;
  // no cue in reach: nothing to attribute (the common case is decided without reading candidates)
  const list = ctx.paraCues(a);
  let k0 = lowerBoundSpan(list, a);
  if (k0 >= list.length || list[k0].start >= limit) return null;

  // inverted: "said X", "added the minister, X"; "according to X"
  const form = cueAtStart(ctx, a);
  if (form && form.role !== 'noun') {
    const ve = a + scanEnd(f, a, form.form);
    // (reported as a bare span: an inverted "described X" names nothing)
    const cue = { start: a, end: ve };
    const cands = candidates(ctx, p, ve, Math.min(limit, ve + 120));
    if (form.role === 'according') {
      const c = cands[0];
      if (c && THE_GAP.test(f.slice(ve, c.start))) return attributed(ctx, p, c, cue, true, 'after', last, 0.9);
      return null;
    }
    // "said Israeli Prime Minister X", "said NATO Secretary General X"
    const t = subjectAfter(ctx, cands, ve);
    if (t && t.c.kind === 'person' && t.c.source !== 'pronoun') return attributed(ctx, p, t.c, cue, true, 'after', last, 0.9);
    const c = cands[0];
    if (c && INVERTED_GAP.test(f.slice(ve, c.start))) return attributed(ctx, p, c, cue, true, 'after', last, 0.9);
  }
  // subject first: "X said", "he added", "X, the minister, told reporters", "Israeli Prime Minister X told"
  // the subject stands before the first speech verb
  while (k0 < list.length && list[k0].start < limit && (list[k0].form.role === 'noun' || list[k0].form.role === 'according' || list[k0].start === a)) k0++;
  if (k0 >= list.length || list[k0].start >= limit) return null;
  const cands = candidates(ctx, p, a, list[k0].start);
  const t0 = subjectAfter(ctx, cands, a);
  if (!t0) return null;
  const c0 = t0.c;
  // after a quote that ended its sentence, a new sentence is a cue only when it is short: "He said."
  const text = ctx.text;
  // (the sentence may end inside the marks, “… war.”, or right after them, ‘… war’.)
  const endMark = text.charCodeAt(q.end - 1);
  const afterMark = text.charCodeAt(q.close + 1);
  const newSentence = (isSentenceEnd(endMark) || isSentenceEnd(afterMark)) && capitalAfterSpace(text, a - 1);
  // the cues in [c0.end, limit) that read as cues (the paragraph's list read in place)
  const hits = limit > c0.end ? ctx.paraCues(c0.end) : NO_HITS;
  for (let k = lowerBoundSpan(hits, c0.end); k < hits.length && hits[k].end <= limit; k++) {
    const cue = hits[k];
    if (!cue.ok || cue.form.role === 'noun' || cue.form.role === 'according') continue;
    if (!subjectGap(f, c0, cue) && !(t0.appositive && commaOnly(f, c0.end, cue.start))) break;
    if (newSentence && !SHORT_SENTENCE.test(f.slice(cue.end, Math.min(pe, cue.end + 60)))) break;
    return attributed(ctx, p, c0, cue, true, 'after', last, 0.9);
  }
  return null;
}

function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** `/^\s*[A-Z]/.test(text.slice(i, i + 2))`: a capital at i, or a space at i and a capital after it. */
function capitalAfterSpace(text: string, i: number): boolean {
  let c = text.charCodeAt(i);
  if (isJsSpace(c)) c = text.charCodeAt(i + 1);
  return c >= 65 && c <= 90;
}

/** Length of a cue form found at `a` (its spaces may be runs of spaces in the text). */
function scanEnd(f: string, a: number, form: string): number {
  if (!form.includes(' ')) return form.length;
  let i = a;
  for (const w of form.split(' ')) {
    while (i < f.length && f.charCodeAt(i) <= 32) i++;
    i += w.length;
  }
  return i - a;
}
