/**
 * One paragraph's quotes, in order: an outlet's question line ("“Outlet”: question?"), then for each quote its cue
 * (after it, else before it), its class (direct or scare, ./classify) and, for direct speech without a cue of its
 * own, the speaker carried over: the paragraph's last speaker, the interviewee after a question line, the previous
 * paragraph's speaker for a paragraph that opens with a quote.
 */
import type { ActorKind, Quote, Span, SpeakerRef, TextSpan } from '../types';
import { afterCue } from './after';
import { inParaSentence, type Attribution, type InPara, type LastSpeaker } from './attribute';
import { beforeCue } from './before';
import { reportedSpeechBefore } from './indirect';
import { kebabOf } from './candidates';
import { afterSpaces, isJsSpace } from './chars';
import { hasScareMarker, shapeOf } from './classify';
import type { Ctx } from './context';
import { endsWithColon } from './gaps';
import { isQuestionLine, latestIntro, type Intro } from './interview';
import type { RawQuote } from './spans';

/** What a paragraph leaves to the next one. */
interface ParaState {
  para: number;
  speaker: SpeakerRef | null;
  kind: ActorKind;
  question: boolean;
  /** It held direct speech (a paragraph of scare quotes only reads like an unquoted one). */
  direct: boolean;
}

/** What the reading carries from paragraph to paragraph. */
export interface State {
  last: LastSpeaker | null;
  prev: ParaState | null;
  interviewee: Intro | null;
  /** Paragraphs before this one were searched for an interview introduction. */
  introScan: number;
  /** Runs of newspaper-continued quotes (a quote re-opened in the next paragraph), each quote → its run. */
  runs: Map<Quote, Quote[]>;
}

/** The interviewee as of paragraph `p`: the latest of the last cued speaker and an introduction ("We spoke to X"). */
function intervieweeAt(ctx: Ctx, st: State, p: number): Intro | null {
  if (st.introScan < p) {
    const intro = latestIntro(ctx, st.introScan, p);
    st.introScan = p;
    if (intro && (!st.interviewee || intro.pos > st.interviewee.pos)) st.interviewee = intro;
  }
  return st.interviewee;
}

/** Reads the quotes raws[from, to) of paragraph `p` into `out`. */
export function processParagraph(ctx: Ctx, p: number, raws: readonly RawQuote[], from: number, to: number, st: State, out: Quote[]): void {
  const para = ctx.paragraphs[p];
  const text = ctx.text;
  // (sized once: a pushed array's first backing store holds 17)
  const spans: Span[] = new Array<Span>(to - from);
  for (let k = from; k < to; k++) {
    const q = raws[k];
    spans[k - from] = { start: q.open, end: q.close < 0 ? q.end : q.close + 1 };
  }
  ctx.setQuoteSpans(p, spans);
  const prevState = st.prev && st.prev.para === p - 1 ? st.prev : null;
  if (questionLine(ctx, p, raws, from, to, st, prevState, out)) return;

  let lastInPara: InPara | null = null;
  let hasDirect = false;
  let paraSpeaker: SpeakerRef | null = null;
  let paraKind: ActorKind = 'person';
  let prevClose = para.start;
  for (let k = from; k < to; k++) {
    const q = raws[k];
    const nextOpen = k + 1 < to ? raws[k + 1].open : para.end;
    const atParaStart = q.open === para.start;
    const wholePara = atParaStart && (q.close < 0 || afterSpaces(text, q.close + 1, para.end) >= para.end - 1);

    const after = afterCue(ctx, p, q, nextOpen, st.last);
    // a question is read from both sides: "Asked by ZDF, “…?”, Frederiksen said" is ZDF's question
    const question = q.end > q.start && text.charCodeAt(q.end - 1) === 63;
    const before: Attribution | null = after?.adjacent && !question ? null : beforeCue(ctx, p, q, prevClose, nextOpen, st.last, lastInPara);
    let attr: Attribution | null = before?.asker ? before : (after ?? before);
    if (after && before && !after.speaker && before.speaker) attr = before;
    /** Start of the quote's sentence, read when needed (-1 until then). */
    let sentence = -1;
    // "said the plan was “dead” and that Moscow had “no intention” …": a fragment after a cued quote of the same
    // sentence is governed by the same cue
    if (!attr && lastInPara?.cued) {
      sentence = ctx.sentenceStart(p, q.open);
      if (inParaSentence(ctx, p, lastInPara) === sentence) {
        attr = { speaker: lastInPara.speaker, kind: lastInPara.kind, cue: lastInPara.cue, confidence: 0.65, adjacent: false, how: 'before' };
      }
    }

    const scareConf = wholePara ? 0 : scareConfidence(ctx, para.start, q, prevClose, attr, atParaStart);
    const closeBefore = prevClose;
    prevClose = q.close < 0 ? q.end : q.close + 1;
    if (scareConf > 0) {
      out.push(scare(text, q, scareConf));
      continue;
    }

    let continued = q.continued;
    // "Frederiksen said her country had twelve days left. “We will use every one of them.”": reported speech
    // since the previous quote names who goes on speaking
    const reported: Attribution | null = !attr?.speaker && !attr?.explicit && !atParaStart ? reportedSpeechBefore(ctx, p, q, closeBefore, st.last) : null;
    if (reported && reported.speaker?.id !== lastInPara?.speaker.id) attr = reported;
    else if (!attr?.speaker && !attr?.explicit) {
      if (lastInPara) {
        attr = { speaker: lastInPara.speaker, kind: lastInPara.kind, cue: attr?.cue ?? null, confidence: 0.7, adjacent: false, how: 'continuation' };
      } else if (atParaStart && (!prevState || !prevState.direct) && !attr?.explicit) {
        // an answer after a question line ("Outlet: …?") or right after the introduction: the interviewee's
        const iv = intervieweeAt(ctx, st, p);
        if (iv && (iv.para === p - 1 || isQuestionLine(ctx, p - 1))) {
          attr = { speaker: iv.speaker, kind: iv.kind, cue: attr?.cue ?? null, confidence: 0.6, adjacent: false, how: 'interview' };
          continued = true;
        }
      } else if (atParaStart && prevState?.speaker) {
        attr = {
          speaker: prevState.speaker,
          kind: prevState.kind,
          cue: null,
          confidence: prevState.question ? 0.6 : 0.65,
          adjacent: false,
          how: prevState.question ? 'interview' : 'continuation',
        };
        continued = true;
      }
    }
    const quote: Quote = {
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      kind: 'direct',
      speaker: attr?.speaker ?? null,
      cue: attr?.cue ?? null,
      confidence: attr?.speaker ? attr.confidence : 0.3,
      mark: q.mark,
    };
    if (continued) quote.continued = true;
    out.push(quote);
    if (q.continued) joinRun(st.runs, out, quote);
    if (attr?.speaker) {
      lastInPara = { speaker: attr.speaker, kind: attr.kind, open: q.open, sentence, cued: attr.how !== 'continuation', cue: attr.cue };
      paraSpeaker = attr.speaker;
      paraKind = attr.kind;
      st.last = { speaker: attr.speaker, kind: attr.kind, pos: q.start, para: p };
      ctx.noteSpeaker(attr.speaker.id, p);
      const isQuestion = attr.how === 'label' && text.charCodeAt(q.end - 1) === 63;
      if (attr.how !== 'continuation' && attr.how !== 'interview' && !isQuestion) st.interviewee = { speaker: attr.speaker, kind: attr.kind, pos: q.start, para: p };
    } else if (attr?.explicit) {
      // an anonymous source ("a senior official said"): nothing carries over from before it
      lastInPara = null;
      paraSpeaker = null;
      st.last = null;
      ctx.anonPos = q.start;
    }
    hasDirect = true;
  }
  st.prev = { para: p, speaker: paraSpeaker, kind: paraSpeaker ? paraKind : 'person', question: false, direct: hasDirect };
}

/**
 * Direct speech or scare quote, for a quote that is not a whole paragraph: the confidence of "scare", or 0 for
 * direct speech. A name or title, or a short term after "so-called", is a scare quote; a sentence, six words, a
 * colon before it or a cue that attributes it make direct speech.
 */
function scareConfidence(ctx: Ctx, paraStart: number, q: RawQuote, prevClose: number, attr: Attribution | null, atParaStart: boolean): number {
  const shape = shapeOf(ctx.text, q.start, q.end);
  if (shape.name && !attr?.adjacent && !shape.sentence) return 0.85;
  if (!shape.sentence && shape.words <= 4 && hasScareMarker(ctx.folded, q.open, prevClose)) return 0.9;
  if (shape.sentence || shape.words >= 6 || endsWithColon(ctx.text, Math.max(paraStart, q.open - 3), q.open) || (atParaStart && shape.words >= 3)) return 0;
  // (a term that nobody in particular "called" is a name for a thing, not speech)
  if (attr && attr.how !== 'continuation' && !(attr.naming && !attr.speaker)) return 0;
  return shape.words <= 4 ? 0.75 : 0.6;
}

/** Adds a newspaper-continued quote to the run of the direct quote before it. */
function joinRun(runs: Map<Quote, Quote[]>, out: readonly Quote[], quote: Quote): void {
  const prevQ = findPrevDirect(out, quote);
  const run = (prevQ && runs.get(prevQ)) ?? (prevQ ? [prevQ] : []);
  run.push(quote);
  for (const r of run) runs.set(r, run);
}

function findPrevDirect(out: readonly Quote[], q: Quote): Quote | undefined {
  for (let k = out.length - 2, n = 0; k >= 0 && n < 50; k--, n++) if (out[k].kind === 'direct' && out[k] !== q) return out[k];
  return undefined;
}

function scare(text: string, q: RawQuote, confidence: number): Quote {
  return { start: q.start, end: q.end, text: text.slice(q.start, q.end), kind: 'scare', speaker: null, cue: null, confidence, mark: q.mark };
}

/** A closing mark or space at the end of a question line: /[\s"'\u201c\u201d\u2019\u00bb]/. */
function isQuestionTail(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2019 || c === 0x00bb || isJsSpace(c);
}

/**
 * "“Outlet”: question text?" — the label is a name; the question belongs to the outlet. Reads the paragraph
 * (quotes raws[from, to)) into `out` and returns true when it is such a line.
 */
function questionLine(ctx: Ctx, p: number, raws: readonly RawQuote[], from: number, to: number, st: State, prevState: ParaState | null, out: Quote[]): boolean {
  const para = ctx.paragraphs[p];
  const text = ctx.text;
  const first = raws[from];
  if (first.open !== para.start || first.close < 0) return false;
  const colon = afterSpaces(text, first.close + 1, para.end);
  if (text.charCodeAt(colon) !== 58 || shapeOf(text, first.start, first.end).words > 6) return false;
  let qs = afterSpaces(text, colon + 1, para.end);
  let qe = para.end;
  while (qe > qs && isQuestionTail(text.charCodeAt(qe - 1))) qe--;
  if (!(qe > qs && text.slice(qs, qe).includes('?'))) return false;
  out.push(scare(text, first, 0.9));
  const outlet = outletSpeaker(ctx, first);
  const cue: TextSpan = { start: colon, end: colon + 1, text: ':' };
  const quoted = from + 1 < to && raws[from + 1].open === qs ? raws[from + 1] : null;
  if (quoted) {
    qs = quoted.start;
    qe = quoted.end;
  }
  // quotes inside the question are part of it
  out.push({ start: qs, end: qe, text: text.slice(qs, qe), kind: 'direct', speaker: outlet, cue, confidence: 0.6, mark: quoted ? quoted.mark : '' });
  const iv = prevState?.speaker ? null : intervieweeAt(ctx, st, p);
  st.prev = {
    para: p,
    speaker: prevState?.speaker ?? iv?.speaker ?? null,
    kind: prevState?.kind ?? iv?.kind ?? 'person',
    question: true,
    direct: true,
  };
  return true;
}

/** The outlet of a question line: an actor mentioned in the label, else the label itself. */
function outletSpeaker(ctx: Ctx, label: RawQuote): SpeakerRef {
  const ms = ctx.mentions;
  const k = ctx.lowerBound(label.start);
  if (k < ms.length && ms[k].start < label.end) return ctx.speakerOf(ms[k]);
  const name = ctx.text.slice(label.start, label.end).replace(/[\s,.;:]+$/, '');
  return { id: kebabOf(ctx, name), name };
}
