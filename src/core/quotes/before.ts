/**
 * A cue before the quote, in its sentence and after the previous quote: "X said:", "X, an analyst, believes: “…”",
 * "According to X, “…”", "X described it as “…”", "noting, “…”" (the sentence subject), "X: “…”", and noun cues
 * ("X's statement that “…”", "the suggestion of “…” by X"). A quote with no cue hit and no colon since the previous
 * quote is decided by one look at the paragraph's cue hits.
 */
import type { RawQuote } from './spans';
import { attributed, hitCue, inParaSentence, span, type Attribution, type InPara, type LastSpeaker } from './attribute';
import { candidates, type Cand } from './candidates';
import { allSpaces, isJsSpace } from './chars';
import type { Ctx } from './context';
import { lowerBoundSpan, type CueHit } from './cuehits';
import { adjacentGap, colonBefore, endsWithColon, NAMING_OBJECT, commaOnly, subjectGap, wordCount } from './gaps';
import { subjectOf, subordinate } from './resolve';

const NO_HITS: readonly CueHit[] = [];

/** Longest gap (in words) between a cue earlier in the sentence and a short quote it governs. */
const GOVERN_WORDS = 12;
/** After "according to": only spaces and "the" before the name. */
const THE_GAP = /^\s+(?:the\s+)?$/;
/** The word before a colon, acting as the verb ("X, an economist at Y, disagrees:"). */
const WORD_BEFORE_COLON = /([a-z]+)\s*$/;
/** "X quoted him as saying “…”": the object is the speaker. */
const QUOTED_OBJECT = /^\s+(him|her|them)\s+as\s+saying/;
/** A noun cue's complement: "statements (by X) that …", "statements: …". */
const NOUN_THAT = /^\s*(?:by\s+[^,;:]{1,60}?\s+)?(?:that\b|:)/;
/** A noun cue's object: "the suggestion of (a) “…”". */
const NOUN_OF = /^\s+of\s+(?:(?:a|an|the)\s+)?$/;
/** "by (the) X" after a noun cue or its quote. */
const BY = /^[\s,]*by\s+(?:the\s+)?/;

export function beforeCue(
  ctx: Ctx,
  p: number,
  q: RawQuote,
  prevClose: number,
  nextOpen: number,
  last: LastSpeaker | null,
  lastInPara: InPara | null,
): Attribution | null {
  const f = ctx.folded;
  // no cue since the previous quote and no colon before the mark: nothing to read
  const list = ctx.paraCues(q.open);
  let any = false;
  for (let k = lowerBoundSpan(list, prevClose); k < list.length && list[k].end <= q.open && !any; k++) any = list[k].ok;
  if (!any && !colonBefore(f, Math.max(prevClose, q.open - 3), q.open)) return null;
  const sentStart = ctx.sentenceStart(p, q.open);
  const segStart = Math.max(sentStart, prevClose);
  // the cues in [segStart, q.open) that read as cues, last first (the paragraph's list read in place)
  const hits = q.open > segStart ? ctx.paraCues(segStart) : NO_HITS;
  const lo = lowerBoundSpan(hits, segStart);
  let hi = lo;
  while (hi < hits.length && hits[hi].end <= q.open) hi++;
  let lastOk = hi - 1;
  while (lastOk >= lo && !hits[lastOk].ok) lastOk--;
  if (lastOk < lo) return labelCue(ctx, p, q, sentStart, segStart, last);
  for (let k = lastOk; k >= lo; k--) {
    const cue = hits[k];
    if (!cue.ok) continue;
    if (hasSemicolon(f, cue.end, q.open) || wordCount(f, cue.end, q.open, GOVERN_WORDS) > GOVERN_WORDS) return null;
    const adjacent = adjacentGap(f, cue.end, q.open);
    const conf = adjacent ? 0.9 : 0.75;
    const role = cue.form.role;
    // "what supporters of the plan call a “coalition of the willing”": a term named, not speech
    if (k === lastOk && cue.form.form === 'call' && NAMING_OBJECT.test(f.slice(cue.end, q.open))) {
      return { speaker: null, kind: 'person', cue: hitCue(ctx, cue), confidence: 0.3, adjacent: true, how: 'before', naming: true };
    }
    if (role === 'according') {
      const cands = candidates(ctx, p, cue.end, q.open);
      const c = cands[0];
      if (c && THE_GAP.test(f.slice(cue.end, c.start))) return attributed(ctx, p, c, cue, adjacent || endsWithComma(f, cue.end, q.open), 'before', last, conf);
      continue;
    }
    if (role === 'noun') {
      const r = nounCue(ctx, p, q, cue, sentStart, nextOpen, last);
      if (r) return r;
      continue;
    }
    // "Asked by the German broadcaster ZDF, “…?”": the one who asks is named after "by"
    if (cue.form.lemma === 'ask') {
      const by = byAt(ctx, p, cue.end, q.open);
      if (by) return { ...attributed(ctx, p, by, cue, adjacent, 'before', last, 0.8), asker: true };
    }
    // "X quoted him as saying “…”": the object is the speaker
    const obj = cue.form.lemma === 'quoted' ? QUOTED_OBJECT.exec(f.slice(cue.end, q.open)) : null;
    if (obj) {
      const os = cue.end + obj[0].indexOf(obj[1]);
      const pr: Cand = { start: os, end: os + obj[1].length, source: 'pronoun', speaker: null, kind: 'person', pronoun: obj[1] === 'them' ? 'group' : 'person', noun: undefined, indefinite: undefined };
      return attributed(ctx, p, pr, { start: cue.start, end: cue.end + obj[0].length }, true, 'before', last, 0.8);
    }
    // the verb's subject: a candidate right before it (adverbs, an appositive between commas, a post-modifier)
    const cands = candidates(ctx, p, sentStart, cue.start);
    for (let j = 0; j < cands.length; j++) {
      const c = cands[j];
      if (!subjectGap(f, c, cue)) continue;
      // "A Hamas spokesman, Hazem Qassem, said": the named person in the appositive
      let n: Cand | undefined;
      for (let i = j + 1; i < cands.length && !n; i++) if (cands[i].start >= c.end) n = cands[i];
      if (c.source === 'nominal' && n && n.kind === 'person' && n.speaker && n.source !== 'pronoun' && commaOnly(f, c.end, n.start)) {
        return attributed(ctx, p, n, cue, adjacent, 'before', last, conf);
      }
      return attributed(ctx, p, c, cue, adjacent, 'before', last, conf);
    }
    // no subject next to the verb ("…, noting, “…”", "but added, “…”"): the speaker of an earlier quote of this
    // sentence ("“…,” he told reporters, before adding that he was “…”"), else the sentence subject
    if (lastInPara && lastInPara.speaker && inParaSentence(ctx, p, lastInPara) === sentStart) {
      return { speaker: lastInPara.speaker, kind: lastInPara.kind, cue: hitCue(ctx, cue), confidence: 0.7, adjacent, how: 'before' };
    }
    const subj = subjectOf(ctx, cands, sentStart);
    if (subj) return attributed(ctx, p, subj, cue, adjacent, 'before', last, conf - 0.1);
    if (lastInPara && inParaSentence(ctx, p, lastInPara) === sentStart) {
      return { speaker: lastInPara.speaker, kind: lastInPara.kind, cue: hitCue(ctx, cue), confidence: 0.7, adjacent, how: 'before' };
    }
    return { speaker: null, kind: 'person', cue: hitCue(ctx, cue), confidence: 0.3, adjacent, how: 'before' };
  }
  return null;
}

/** No cue in the sentence, a colon before the mark: "X: “…”", or "X, an economist at Y, disagrees: “…”". */
function labelCue(ctx: Ctx, p: number, q: RawQuote, sentStart: number, segStart: number, last: LastSpeaker | null): Attribution | null {
  const f = ctx.folded;
  if (!endsWithColon(f, Math.max(segStart, q.open - 3), q.open)) return null;
  const colon = f.lastIndexOf(':', q.open);
  const cands = candidates(ctx, p, sentStart, colon, false);
  // "X: “…”"
  const c = cands[cands.length - 1];
  if (c && c.speaker && allSpaces(f, c.end, colon)) return attributed(ctx, p, c, span(ctx, colon, colon + 1), true, 'label', last, 0.85);
  // "X, an economist at Y, disagrees: “…”": the word before the colon acts as the verb
  const w = WORD_BEFORE_COLON.exec(f.slice(Math.max(segStart, colon - 30), colon));
  if (!w) return null;
  const ws = colon - w[0].length;
  const pseudo: CueHit = { start: ws, end: ws + w[1].length, form: { form: w[1], role: 'verb', lemma: w[1], ambiguous: false }, ok: true };
  for (const cand of cands) if (cand.end <= ws && subjectGap(f, cand, pseudo)) return attributed(ctx, p, cand, pseudo, true, 'before', last, 0.8);
  // "Xinhua, the state news agency, went further in a commentary: “…”": the colon hands the quote to the main
  // clause's subject when that is a named actor
  const subj = subjectOf(ctx, cands, sentStart);
  if (subj && subj.source === 'mention' && subj.speaker && !subordinate(ctx, subj, sentStart)) return attributed(ctx, p, subj, pseudo, true, 'before', last, 0.7);
  return null;
}

/** "X's statements that … “q”", "statements by X that …", "the suggestion of “q” by X". */
function nounCue(ctx: Ctx, p: number, q: RawQuote, cue: CueHit, sentStart: number, nextOpen: number, last: LastSpeaker | null): Attribution | null {
  const f = ctx.folded;
  const between = f.slice(cue.end, q.open);
  const thatForm = NOUN_THAT.test(between);
  const ofForm = NOUN_OF.test(between);
  if (!thatForm && !ofForm) return null;
  // possessor before the noun
  const before = candidates(ctx, p, sentStart, cue.start, false);
  for (const c of before) if (subjectGap(f, c, cue)) return attributed(ctx, p, c, cue, false, 'before', last, 0.75);
  // "by X" after the noun, or after the quote
  const c = thatForm ? byAt(ctx, p, cue.end, q.open) : q.close >= 0 ? byAt(ctx, p, q.close + 1, Math.min(nextOpen, q.close + 120)) : null;
  return c ? attributed(ctx, p, c, cue, false, 'before', last, 0.75) : null;
}

/** The candidate after "by (the)" at `from` (within 40 characters of it), or null. */
function byAt(ctx: Ctx, p: number, from: number, to: number): Cand | null {
  const m = BY.exec(ctx.folded.slice(from, Math.min(to, from + 12)));
  if (!m) return null;
  const c = candidates(ctx, p, from, to, false)[0];
  return c && c.start <= from + m[0].length + 40 ? c : null;
}

/** A semicolon in f[from, to). */
function hasSemicolon(f: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (f.charCodeAt(i) === 59) return true;
  return false;
}

/** `/,\s*$/.test(f.slice(from, to))` without the substring. */
function endsWithComma(f: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && isJsSpace(f.charCodeAt(i - 1))) i--;
  return i > from && f.charCodeAt(i - 1) === 44;
}
