/**
 * Interview layout: who the interviewee is and which paragraphs are the outlet's questions.
 *
 * An interview introduces its expert once ("Our guest is X, a senior fellow at …", "We spoke to X", "Outlet spoke
 * with X", "X told Outlet", "Interview with X", "X, an economist at Y, believes:") and then prints answers as
 * quoted paragraphs with no cue of their own, after question lines ("Outlet: How …?", "“Outlet”: …", or a bare
 * question). These helpers are called lazily, only for such uncued paragraph-opening quotes, so an article
 * without them pays nothing.
 */
import type { ActorKind, SpeakerRef } from '../types';
import { candidates } from './candidates';
import { allSpaces } from './chars';
import type { Ctx } from './context';
import { cuesIn, type CueHit } from './cuehits';
import { subjectGap } from './gaps';
import { subjectAfter } from './resolve';

export interface Intro {
  speaker: SpeakerRef;
  kind: ActorKind;
  /** Offset of the introduction. */
  pos: number;
  para: number;
}

/** Phrases after which the interviewee is named. */
const INTRO_AFTER =
  /\b(?:(?:spoke|spoken|speaks|talked|talks|talking|speaking|sat\s+down)\s+(?:with|to)|interview(?:ed|s)?(?:\s+with)?|conversation\s+with|(?:our|my|today's|this\s+week's)\s+(?:guest|interviewee)s?\s+(?:today\s+|this\s+week\s+)?(?:is|was)|(?:joined|joins)\s+(?:us\s+)?by)\s+/g;
/** "X told us / our newspaper / this podcast"; "X told" + a capitalised outlet name is checked on the original. */
const TOLD = /\btold\s+/g;
const TOLD_US = /^(?:us\b|our\b|this\s+(?:newspaper|paper|magazine|site|podcast|programme|program|outlet|publication)\b)/;
/** Most paragraphs an introduction is looked for before the first answer. */
const INTRO_LOOKBACK = 40;

/** The introduction in paragraph `p`, if it has one (the last one wins). */
export function introIn(ctx: Ctx, p: number): Intro | null {
  const { start: ps, end: pe } = ctx.paragraphs[p];
  const f = ctx.folded;
  const seg = f.slice(ps, pe);
  let found: Intro | null = null;
  INTRO_AFTER.lastIndex = 0;
  for (let r = INTRO_AFTER.exec(seg); r; r = INTRO_AFTER.exec(seg)) {
    const from = ps + r.index + r[0].length;
    const cands = candidates(ctx, p, from, Math.min(pe, from + 160), false);
    const t = subjectAfter(ctx, cands, from);
    if (t && t.c.kind === 'person' && t.c.speaker) found = { speaker: t.c.speaker, kind: 'person', pos: ps + r.index, para: p };
  }
  TOLD.lastIndex = 0;
  for (let r = TOLD.exec(seg); r; r = TOLD.exec(seg)) {
    const after = ps + r.index + r[0].length;
    const next = ctx.text.charCodeAt(after);
    const the = seg.startsWith('the ', r.index + r[0].length) ? ctx.text.charCodeAt(after + 4) : 0;
    if (!(isUpper(next) || isUpper(the) || TOLD_US.test(seg.slice(after - ps, after - ps + 30)))) continue;
    const cueStart = ps + r.index;
    const sent = ctx.sentenceStart(p, cueStart);
    const cands = candidates(ctx, p, sent, cueStart, false);
    const cue: CueHit = { start: cueStart, end: cueStart + 4, form: { form: 'told', role: 'verb', lemma: 'tell', ambiguous: false }, ok: true };
    for (const c of cands) {
      if (c.kind !== 'person' || !c.speaker || !subjectGap(f, c, cue)) continue;
      if (!found || cueStart > found.pos) found = { speaker: c.speaker, kind: 'person', pos: cueStart, para: p };
      break;
    }
  }
  // "X, an economist at Y, believes:" closing the paragraph: the answers follow
  if (f.charCodeAt(pe - 1) === 58) {
    const cues = cuesIn(ctx, ps, pe - 1);
    const cue = cues[cues.length - 1];
    if (cue && cue.form.role === 'verb' && allSpaces(f, cue.end, pe - 1)) {
      const cands = candidates(ctx, p, ctx.sentenceStart(p, cue.start), cue.start, false);
      for (const c of cands) {
        if (c.kind !== 'person' || !c.speaker || !subjectGap(f, c, cue)) continue;
        found = { speaker: c.speaker, kind: 'person', pos: cue.start, para: p };
        break;
      }
    }
  }
  return found;
}

/**
 * The latest introduction in paragraphs [from, to) (at most INTRO_LOOKBACK of them, nearest last), or null.
 */
export function latestIntro(ctx: Ctx, from: number, to: number): Intro | null {
  for (let p = to - 1; p >= Math.max(from, to - INTRO_LOOKBACK, 0); p--) {
    const r = introIn(ctx, p);
    if (r) return r;
  }
  return null;
}

/**
 * A question line without quotation marks: "Outlet: question" (a label of 1–5 capitalised words before a colon,
 * the outlet's question whether or not it ends with "?"), or a paragraph that is a question ("— What next?").
 */
export function isQuestionLine(ctx: Ctx, p: number): boolean {
  if (p < 0) return false;
  const { start: ps, end: pe } = ctx.paragraphs[p];
  const t = ctx.text;
  let e = pe;
  while (e > ps && isClosingMark(t.charCodeAt(e - 1))) e--;
  if (t.charCodeAt(e - 1) === 63) return true;
  return labelEnd(t, ps, pe) > 0;
}

/** End (after the colon) of a leading "Label:" of 1–5 capitalised words, or -1. */
export function labelEnd(t: string, ps: number, pe: number): number {
  let i = ps;
  let words = 0;
  const lim = Math.min(pe, ps + 60);
  while (i < lim) {
    const c = t.charCodeAt(i);
    if (!isUpper(c) && !(c >= 48 && c <= 57)) return -1;
    while (i < lim && !isSpaceOrColon(t.charCodeAt(i))) i++;
    words++;
    if (words > 5) return -1;
    if (t.charCodeAt(i) === 58) return i + 1 < pe && t.charCodeAt(i + 1) === 32 ? i + 1 : -1;
    while (i < lim && t.charCodeAt(i) === 32) i++;
  }
  return -1;
}

function isSpaceOrColon(c: number): boolean {
  return c === 32 || c === 58 || c === 9;
}

function isClosingMark(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x00bb || c === 0x2019 || c === 39 || c === 32;
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
