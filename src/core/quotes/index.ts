/**
 * Quotes: spans (./spans), direct vs scare (./classify) and attribution (./attribute) in one pass over the
 * paragraphs. Every look-around stays inside the quote's paragraph (pronouns: the sentence before it), so the
 * stage is linear in the text.
 *
 * Attribution order for a quote: a cue right after it ("“…,” X said", "“…,” said X", "“…,” he added"); a cue
 * before it in its sentence ("X said:", "X, an analyst, believes: “…”", "According to X, “…”", "X described it as
 * “…”", "noting, “…”" → the sentence subject, "X: “…”"); an earlier attributed quote of the same paragraph; the
 * previous paragraph's speaker for a paragraph that opens with a quote (newspaper continuation, interview answers;
 * an outlet's question line "“Outlet”: question?" keeps the interviewee).
 */
import type { TextDoc } from '../text';
import type { ActorFindings, ActorKind, Quote, SpeakerRef, TextSpan } from '../types';
import * as attributeMod from './attribute';
import { Ctx, type Attribution, type Cand, type CueHit, type LastSpeaker } from './attribute';
import * as classifyMod from './classify';
import * as interviewMod from './interview';
import type { Intro } from './interview';
import * as spansMod from './spans';
import type { RawQuote } from './spans';

// imported bindings read once (a transpiled module reads every imported name through an accessor on each use)
const cuesIn = attributeMod.cuesIn;
const isJsSpace = attributeMod.isJsSpace;
const cueAtStart = attributeMod.cueAtStart;
const isAdjacent = attributeMod.isAdjacent;
const lowerBoundSpan = attributeMod.lowerBoundSpan;
const resolveCand = attributeMod.resolveCand;
const subjectAfter = attributeMod.subjectAfter;
const subjectGap = attributeMod.subjectGap;
const subjectOf = attributeMod.subjectOf;
const hasScareMarker = classifyMod.hasScareMarker;
const shapeOf = classifyMod.shapeOf;
const isQuestionLine = interviewMod.isQuestionLine;
const latestIntro = interviewMod.latestIntro;
const scanQuotes = spansMod.scanQuotes;

export { scanQuotes, type RawQuote } from './spans';
export { CUES } from './cues';

/** After "call" right before a quote: an object at most ("call it “…”", "call a “…”"). */
const NAMING_OBJECT = /^\s+(?:(?:a|an|the|it|this|that|them|their|our|his|her|its)\s+)?$/;

/** Longest gap (in words) between a cue earlier in the sentence and a short quote it governs. */
const GOVERN_WORDS = 12;

interface ParaState {
  para: number;
  speaker: SpeakerRef | null;
  kind: ActorKind;
  question: boolean;
  /** It held direct speech (a paragraph of scare quotes only reads like an unquoted one). */
  direct: boolean;
}

export function findQuotes(doc: TextDoc, findings: ActorFindings): Quote[] {
  const raws = scanQuotes(doc);
  if (!raws.length) return [];
  const ctx = new Ctx(doc, findings);
  const out: Quote[] = [];
  const runs = new Map<Quote, Quote[]>();
  const st: State = { last: null, prev: null, interviewee: null, introScan: 0 };
  let i = 0;
  while (i < raws.length) {
    const p = raws[i].para;
    let j = i;
    while (j < raws.length && raws[j].para === p) j++;
    processParagraph(ctx, p, raws.slice(i, j), st, out, runs);
    i = j;
  }
  // a newspaper-continued quote told its speaker only in a later paragraph: share it along the run
  for (const run of new Set(runs.values())) {
    const src = run.find((q) => q.speaker);
    if (!src) continue;
    for (const q of run) {
      if (q.speaker || q.kind !== 'direct') continue;
      q.speaker = src.speaker;
      q.confidence = Math.min(src.confidence, 0.65);
    }
  }
  return out;
}

/** The last attributed direct quote of the paragraph being read. */
interface InPara {
  speaker: SpeakerRef;
  kind: ActorKind;
  /** Start of its sentence. */
  sentence: number;
  /** Attributed by a cue of its own (not by continuation). */
  cued: boolean;
  cue: TextSpan | null;
}

interface State {
  last: LastSpeaker | null;
  prev: ParaState | null;
  interviewee: Intro | null;
  /** Paragraphs before this one were searched for an interview introduction. */
  introScan: number;
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

function processParagraph(ctx: Ctx, p: number, raws: RawQuote[], st: State, out: Quote[], runs: Map<Quote, Quote[]>): void {
  const para = ctx.paragraphs[p];
  const text = ctx.text;
  ctx.setQuoteSpans(p, raws.map((q) => ({ start: q.open, end: q.close < 0 ? q.end : q.close + 1 })));

  const prevState = st.prev && st.prev.para === p - 1 ? st.prev : null;
  const list = raws;

  // "“Outlet”: question text?" — the label is a name; the question belongs to the outlet.
  const first = raws[0];
  if (first.open === para.start && first.close >= 0) {
    const colon = afterSpaces(text, first.close + 1, para.end);
    if (text.charCodeAt(colon) === 58 && shapeOf(text, first.start, first.end).words <= 6) {
      let qs = afterSpaces(text, colon + 1, para.end);
      let qe = para.end;
      while (qe > qs && /[\s"'\u201c\u201d\u2019\u00bb]/.test(text[qe - 1])) qe--;
      const qText = text.slice(qs, qe);
      if (qe > qs && qText.includes('?')) {
        out.push(scare(text, first, 0.9));
        const outlet = outletSpeaker(ctx, first);
        const cue: TextSpan = { start: colon, end: colon + 1, text: ':' };
        const rest = raws.slice(1);
        const quoted = rest.length && rest[0].open === qs ? rest[0] : null;
        if (quoted) {
          qs = quoted.start;
          qe = quoted.end;
        }
        const question: Quote = {
          start: qs,
          end: qe,
          text: text.slice(qs, qe),
          kind: 'direct',
          speaker: outlet,
          cue,
          confidence: 0.6,
          mark: quoted ? quoted.mark : '',
        };
        // quotes inside the question are part of it
        out.push(question);
        const iv = prevState?.speaker ? null : intervieweeAt(ctx, st, p);
        st.prev = {
          para: p,
          speaker: prevState?.speaker ?? iv?.speaker ?? null,
          kind: prevState?.kind ?? iv?.kind ?? 'person',
          question: true,
          direct: true,
        };
        return;
      }
    }
  }

  let lastInPara: InPara | null = null;
  let hasDirect = false;
  let paraSpeaker: SpeakerRef | null = null;
  let paraKind: ActorKind = 'person';
  let prevClose = para.start;
  for (let k = 0; k < list.length; k++) {
    const q = list[k];
    const nextOpen = k + 1 < list.length ? list[k + 1].open : para.end;
    const shape = shapeOf(text, q.start, q.end);
    const atParaStart = q.open === para.start;
    const wholePara = atParaStart && (q.close < 0 || afterSpaces(text, q.close + 1, para.end) >= para.end - 1);

    const after = afterCue(ctx, p, q, nextOpen, st.last);
    const before: Attribution | null = after?.adjacent ? null : beforeCue(ctx, p, q, prevClose, nextOpen, st.last, lastInPara);
    let attr: Attribution | null = after ?? before;
    if (after && before && !after.speaker && before.speaker) attr = before;
    const sentence = ctx.sentenceStart(p, q.open);
    // "said the plan was “dead” and that Moscow had “no intention” …": a fragment after a cued quote of the same
    // sentence is governed by the same cue
    if (!attr && lastInPara?.cued && lastInPara.sentence === sentence) {
      attr = { speaker: lastInPara.speaker, kind: lastInPara.kind, cue: lastInPara.cue, confidence: 0.65, adjacent: false, how: 'before' };
    }

    // classification
    let kind: 'direct' | 'scare';
    let classConf = 0.8;
    const colonBefore = endsWithColon(text, Math.max(para.start, q.open - 3), q.open);
    if (wholePara) {
      kind = 'direct';
    } else if (shape.name && !attr?.adjacent && !shape.sentence) {
      kind = 'scare';
      classConf = 0.85;
    } else if (!shape.sentence && shape.words <= 4 && hasScareMarker(ctx.folded, q.open, prevClose)) {
      kind = 'scare';
      classConf = 0.9;
    } else if (shape.sentence || shape.words >= 6 || wholePara || colonBefore || (atParaStart && shape.words >= 3)) {
      kind = 'direct';
    } else if (attr && attr.how !== 'continuation' && !(attr.naming && !attr.speaker)) {
      // (a term that nobody in particular "called" so is a name for a thing, not speech)
      kind = 'direct';
      classConf = attr.adjacent ? 0.85 : 0.7;
    } else {
      kind = 'scare';
      classConf = shape.words <= 4 ? 0.75 : 0.6;
    }
    prevClose = q.close < 0 ? q.end : q.close + 1;
    if (kind === 'scare') {
      out.push(scare(text, q, classConf));
      continue;
    }

    let continued = q.continued;
    if (!attr?.speaker && !attr?.explicit) {
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
      kind,
      speaker: attr?.speaker ?? null,
      cue: attr?.cue ?? null,
      confidence: attr?.speaker ? attr.confidence : 0.3,
      mark: q.mark,
    };
    if (continued) quote.continued = true;
    out.push(quote);
    if (q.continued) {
      const prevQ = findPrevDirect(out, quote);
      const run = (prevQ && runs.get(prevQ)) ?? (prevQ ? [prevQ] : []);
      run.push(quote);
      for (const r of run) runs.set(r, run);
    }
    if (attr?.speaker) {
      lastInPara = { speaker: attr.speaker, kind: attr.kind, sentence, cued: attr.how !== 'continuation', cue: attr.cue };
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

function findPrevDirect(out: Quote[], q: Quote): Quote | undefined {
  for (let k = out.length - 2, n = 0; k >= 0 && n < 50; k--, n++) if (out[k].kind === 'direct' && out[k] !== q) return out[k];
  return undefined;
}

function scare(text: string, q: RawQuote, confidence: number): Quote {
  return { start: q.start, end: q.end, text: text.slice(q.start, q.end), kind: 'scare', speaker: null, cue: null, confidence, mark: q.mark };
}

/** A colon, then only spaces, in f[from, to). */
function colonBefore(f: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && f.charCodeAt(i - 1) <= 32) i--;
  return i > from && f.charCodeAt(i - 1) === 58;
}

/** `/:\s*$/.test(s.slice(from, to))` without the substring. */
function endsWithColon(s: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && isJsSpace(s.charCodeAt(i - 1))) i--;
  return i > from && s.charCodeAt(i - 1) === 58;
}

function afterSpaces(text: string, i: number, end: number): number {
  while (i < end && isJsSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The outlet of a question line: an actor mentioned in the label, else the label itself. */
function outletSpeaker(ctx: Ctx, label: RawQuote): SpeakerRef {
  const ms = ctx.mentions;
  for (let k = ctx.lowerBound(label.start); k < ms.length && ms[k].start < label.end; k++) return ctx.speakerOf(ms[k]);
  const name = ctx.text.slice(label.start, label.end).replace(/[\s,.;:]+$/, '');
  return { id: ctx.kebab(name), name };
}

// ---------------------------------------------------------------- cue after the quote

/** Spaces and punctuation between a closing mark and a cue after it: /[\s,.;:!?\u2026\u2014\u2013-]/. */
function isAfterLead(c: number): boolean {
  return c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 0x2026 || c === 0x2014 || c === 0x2013 || c === 45 || isJsSpace(c);
}
const INVERTED_GAP = /^\s+(?:the\s+)?(?:[^,.;:!?"\u201c\u201d]{0,60}?,\s*)?$/;

function afterCue(ctx: Ctx, p: number, q: RawQuote, nextOpen: number, last: LastSpeaker | null): Attribution | null {
  if (q.close < 0) return null;
  const pe = ctx.paragraphs[p].end;
  const a0 = q.close + 1;
  const limit = Math.min(pe, nextOpen, a0 + 200);
  // AFTER_LEAD over folded[a0, min(limit, a0 + 6))
  const leadEnd = Math.min(limit, a0 + 6);
  let a = a0;
  while (a < leadEnd && isAfterLead(ctx.folded.charCodeAt(a))) a++;
  if (a >= limit) return null;
  const f = ctx.folded;
  // no cue in reach: nothing to attribute (the common case is decided without reading candidates)
  const list = ctx.paraCues(a);
  let k0 = lowerBoundSpan(list, a);
  if (k0 >= list.length || list[k0].start >= limit) return null;

  // "according to X"
  // inverted: "said X", "added the minister, X"
  const form = cueAtStart(ctx, a);
  if (form) {
    if (form.role !== 'noun') {
      const ve = a + (scanEnd(f, a, form.form));
      const cue = span(ctx, a, ve);
      const cands = ctx.candidates(p, ve, Math.min(limit, ve + 120));
      if (form.role === 'according') {
        const c = cands[0];
        if (c && /^\s+(?:the\s+)?$/.test(f.slice(ve, c.start))) return attributed(ctx, p, c, cue, true, 'after', last, 0.9);
        return null;
      }
      // "said Israeli Prime Minister X", "said NATO Secretary General X"
      const t = subjectAfter(ctx, cands, ve);
      if (t && t.c.kind === 'person' && t.c.source !== 'pronoun') return attributed(ctx, p, t.c, cue, true, 'after', last, 0.9);
      const c = cands[0];
      if (c && INVERTED_GAP.test(f.slice(ve, c.start))) return attributed(ctx, p, c, cue, true, 'after', last, 0.9);
    }
  }
  // subject first: "X said", "he added", "X, the minister, told reporters", "Israeli Prime Minister X told"
  // the subject stands before the first speech verb
  while (k0 < list.length && list[k0].start < limit && (list[k0].form.role === 'noun' || list[k0].form.role === 'according' || list[k0].start === a)) k0++;
  if (k0 >= list.length || list[k0].start >= limit) return null;
  const cands = ctx.candidates(p, a, list[k0].start);
  const t0 = subjectAfter(ctx, cands, a);
  if (!t0) return null;
  const c0 = t0.c;
  // after a quote that ended its sentence, a new sentence is a cue only when it is short: "He said."
  const newSentence = /[.!?\u2026]$/.test(ctx.text.slice(q.end - 1, q.end)) && /^\s*[A-Z]/.test(ctx.text.slice(a - 1, a + 1));
  for (const cue of cuesIn(ctx, c0.end, limit)) {
    if (cue.form.role === 'noun' || cue.form.role === 'according') continue;
    if (!subjectGap(ctx, c0, cue) && !(t0.appositive && /^\s*,\s*$/.test(f.slice(c0.end, cue.start)))) break;
    if (newSentence && !/^(?:\s+[^\s.!?,;:"\u201c\u201d]+){0,4}\s*(?:[.!?]|$)/.test(f.slice(cue.end, Math.min(pe, cue.end + 60)))) break;
    return attributed(ctx, p, c0, cue, true, 'after', last, 0.9);
  }
  return null;
}

// ---------------------------------------------------------------- cue before the quote

function beforeCue(
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
  const k1 = lowerBoundSpan(list, prevClose);
  let any = false;
  for (let k = k1; k < list.length && list[k].end <= q.open && !any; k++) any = list[k].ok === true;
  if (!any && !colonBefore(f, Math.max(prevClose, q.open - 3), q.open)) return null;
  const sentStart = ctx.sentenceStart(p, q.open);
  const segStart = Math.max(sentStart, prevClose);
  const cues = cuesIn(ctx, segStart, q.open);
  if (!cues.length) {
    if (!endsWithColon(f, Math.max(segStart, q.open - 3), q.open)) return null;
    const colon = f.lastIndexOf(':', q.open);
    const cands = ctx.candidates(p, sentStart, colon, false);
    // "X: “…”"
    const c = cands[cands.length - 1];
    if (c && c.speaker && /^\s*$/.test(f.slice(c.end, colon))) return attributed(ctx, p, c, span(ctx, colon, colon + 1), true, 'label', last, 0.85);
    // "X, an economist at Y, disagrees: “…”": the word before the colon acts as the verb
    const w = /([a-z]+)\s*$/.exec(f.slice(Math.max(segStart, colon - 30), colon));
    if (!w) return null;
    const ws = colon - w[0].length;
    const pseudo: CueHit = { start: ws, end: ws + w[1].length, text: ctx.text.slice(ws, ws + w[1].length), form: { form: w[1], role: 'verb', lemma: w[1], ambiguous: false } };
    for (const cand of cands) if (cand.end <= ws && subjectGap(ctx, cand, pseudo)) return attributed(ctx, p, cand, pseudo, true, 'before', last, 0.8);
    return null;
  }
  for (let k = cues.length - 1; k >= 0; k--) {
    const cue = cues[k];
    const between = f.slice(cue.end, q.open);
    if (/[;]/.test(between) || wordCount(between) > GOVERN_WORDS) return null;
    const adjacent = isAdjacent(ctx, cue.end, q.open);
    const conf = adjacent ? 0.9 : 0.75;
    const role = cue.form.role;
    // "what supporters of the plan call a “coalition of the willing”": a term named, not speech
    if (k === cues.length - 1 && cue.form.form === 'call' && NAMING_OBJECT.test(between)) {
      return { speaker: null, kind: 'person', cue, confidence: 0.3, adjacent: true, how: 'before', naming: true };
    }
    if (role === 'according') {
      const cands = ctx.candidates(p, cue.end, q.open);
      const c = cands[0];
      if (c && /^\s+(?:the\s+)?$/.test(f.slice(cue.end, c.start))) return attributed(ctx, p, c, cue, adjacent || /,\s*$/.test(between), 'before', last, conf);
      continue;
    }
    if (role === 'noun') {
      const r = nounCue(ctx, p, q, cue, sentStart, nextOpen, last);
      if (r) return r;
      continue;
    }
    // "X quoted him as saying “…”": the object is the speaker
    const obj = /^\s+(him|her|them)\s+as\s+saying/.exec(between);
    if (cue.form.lemma === 'quoted' && obj) {
      const os = cue.end + obj[0].indexOf(obj[1]);
      const pr: Cand = { start: os, end: os + obj[1].length, source: 'pronoun', speaker: null, kind: 'person', pronoun: obj[1] === 'them' ? 'group' : 'person' };
      return attributed(ctx, p, pr, span(ctx, cue.start, cue.end + obj[0].length), true, 'before', last, 0.8);
    }
    // the verb's subject: a candidate right before it (adverbs, an appositive between commas, a post-modifier)
    const cands = ctx.candidates(p, sentStart, cue.start);
    for (let j = 0; j < cands.length; j++) {
      const c = cands[j];
      if (!subjectGap(ctx, c, cue)) continue;
      // "A Hamas spokesman, Hazem Qassem, said": the named person in the appositive
      let n: Cand | undefined;
      for (let i = j + 1; i < cands.length && !n; i++) if (cands[i].start >= c.end) n = cands[i];
      if (c.source === 'nominal' && n && n.kind === 'person' && n.speaker && n.source !== 'pronoun' && /^\s*,\s*$/.test(f.slice(c.end, n.start))) {
        return attributed(ctx, p, n, cue, adjacent, 'before', last, conf);
      }
      return attributed(ctx, p, c, cue, adjacent, 'before', last, conf);
    }
    // no subject next to the verb ("…, noting, “…”", "but added, “…”"): the sentence subject
    const subj = subjectOf(ctx, cands, sentStart);
    if (subj) return attributed(ctx, p, subj, cue, adjacent, 'before', last, conf - 0.1);
    if (lastInPara && lastInPara.sentence === sentStart) {
      return { speaker: lastInPara.speaker, kind: lastInPara.kind, cue, confidence: 0.7, adjacent, how: 'before' };
    }
    return { speaker: null, kind: 'person', cue, confidence: 0.3, adjacent, how: 'before' };
  }
  return null;
}

/** "X's statements that … “q”", "statements by X that …", "the suggestion of “q” by X". */
function nounCue(ctx: Ctx, p: number, q: RawQuote, cue: CueHit, sentStart: number, nextOpen: number, last: LastSpeaker | null): Attribution | null {
  const f = ctx.folded;
  const between = f.slice(cue.end, q.open);
  const thatForm = /^\s*(?:by\s+[^,;:]{1,60}?\s+)?(?:that\b|:)/.test(between);
  const ofForm = /^\s+of\s+(?:(?:a|an|the)\s+)?$/.test(between);
  if (!thatForm && !ofForm) return null;
  // possessor before the noun
  const before = ctx.candidates(p, sentStart, cue.start, false);
  for (const c of before) if (subjectGap(ctx, c, cue)) return attributed(ctx, p, c, cue, false, 'before', last, 0.75);
  // "by X" after the noun, or after the quote
  const byAt = (from: number, to: number): Cand | null => {
    const m = /^[\s,]*by\s+(?:the\s+)?/.exec(f.slice(from, Math.min(to, from + 12)));
    if (!m) return null;
    const cands = ctx.candidates(p, from, to, false);
    const c = cands[0];
    return c && c.start <= from + m[0].length + 40 ? c : null;
  };
  const c = thatForm ? byAt(cue.end, q.open) : q.close >= 0 ? byAt(q.close + 1, Math.min(nextOpen, q.close + 120)) : null;
  return c ? attributed(ctx, p, c, cue, false, 'before', last, 0.75) : null;
}

function attributed(
  ctx: Ctx,
  p: number,
  c: Cand,
  cue: TextSpan,
  adjacent: boolean,
  how: Attribution['how'],
  last: LastSpeaker | null,
  conf: number,
): Attribution {
  const r = resolveCand(ctx, p, c, last);
  const cueSpan: TextSpan = { start: cue.start, end: cue.end, text: cue.text };
  const naming = 'form' in cue && (cue as CueHit).form.role === 'as';
  if (!r) return { speaker: null, kind: 'person', cue: cueSpan, confidence: 0.3, adjacent, how, explicit: c.source === 'nominal', naming };
  return { speaker: r.speaker, kind: r.kind, cue: cueSpan, confidence: Math.min(conf, r.conf), adjacent, how, naming };
}

/** End of a cue form found at `a` (its spaces may be runs of spaces in the text). */
function scanEnd(f: string, a: number, form: string): number {
  if (!form.includes(' ')) return form.length;
  let i = a;
  for (const w of form.split(' ')) {
    while (i < f.length && f.charCodeAt(i) <= 32) i++;
    i += w.length;
  }
  return i - a;
}

function span(ctx: Ctx, s: number, e: number): TextSpan {
  return { start: s, end: e, text: ctx.text.slice(s, e) };
}

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const sp = s.charCodeAt(i) <= 32;
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}
