/**
 * Attribution records shared by the steps that attribute a quote (./after, ./before, ./paragraph): what a cue
 * found, the speaker carried between quotes, and the one place a candidate becomes an attribution.
 */
import type { ActorKind, SpeakerRef, TextSpan } from '../types';
import type { Cand } from './candidates';
import type { Ctx } from './context';
import type { CueHit } from './cuehits';
import { resolveCand } from './resolve';

export interface Attribution {
  speaker: SpeakerRef | null;
  kind: ActorKind;
  cue: TextSpan | null;
  confidence: number;
  /** The cue is right next to the quote ("said:", "“…,” he said"), not just earlier in the sentence. */
  adjacent: boolean;
  /** A cue with a subject that is no actor ("critics said", "a source told"): the speaker is unknown, not the previous one. */
  explicit?: boolean;
  /** A naming verb ("called", "dubbed", "described … as"). */
  naming?: boolean;
  /** The one who asked the quoted question ("Asked by ZDF, “…?”"). */
  asker?: boolean;
  how: 'after' | 'before' | 'label' | 'continuation' | 'interview' | 'question';
}

export interface LastSpeaker {
  speaker: SpeakerRef;
  kind: ActorKind;
  /** Offset of the quote it was attributed to. */
  pos: number;
  para: number;
}

/** The last attributed direct quote of the paragraph being read. */
export interface InPara {
  speaker: SpeakerRef;
  kind: ActorKind;
  /** Its opening mark. */
  open: number;
  /** Start of its sentence, or -1 until read (`inParaSentence`: most quotes never ask). */
  sentence: number;
  /** Attributed by a cue of its own (not by continuation). */
  cued: boolean;
  cue: TextSpan | null;
}

/** Start of the sentence of the paragraph's last attributed quote (paragraph `p`), read once. */
export function inParaSentence(ctx: Ctx, p: number, x: InPara): number {
  if (x.sentence < 0) x.sentence = ctx.sentenceStart(p, x.open);
  return x.sentence;
}

/** text[s, e) as a span with its text. */
export function span(ctx: Ctx, s: number, e: number): TextSpan {
  return { start: s, end: e, text: ctx.text.slice(s, e) };
}

/**
 * A cue hit reported as it is (an attribution without a subject keeps the hit itself as its cue): its span, its
 * text, and also its form and `ok`, which the quote's cue has always carried in that case.
 */
export function hitCue(ctx: Ctx, cue: CueHit): TextSpan {
  return { start: cue.start, end: cue.end, text: ctx.text.slice(cue.start, cue.end) };
}

/** Candidate `c` as the speaker of a quote with cue `cue` (resolved: a pronoun to its actor, a nominal to its person). */
export function attributed(
  ctx: Ctx,
  p: number,
  c: Cand,
  cue: CueAt,
  adjacent: boolean,
  how: Attribution['how'],
  last: LastSpeaker | null,
  conf: number,
): Attribution {
  const r = resolveCand(ctx, p, c, last);
  const cueSpan: TextSpan = span(ctx, cue.start, cue.end);
  const naming = cue.form !== undefined && cue.form.role === 'as';
  if (!r) return { speaker: null, kind: 'person', cue: cueSpan, confidence: 0.3, adjacent, how, explicit: c.source === 'nominal', naming };
  return { speaker: r.speaker, kind: r.kind, cue: cueSpan, confidence: Math.min(conf, r.conf), adjacent, how, naming };
}

/** A cue position: a cue hit (with its form) or a bare span (a colon, "quoted him as saying"). */
export interface CueAt {
  start: number;
  end: number;
  form?: CueHit['form'];
}
