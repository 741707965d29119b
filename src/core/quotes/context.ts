/**
 * Per-analysis context of the quote stage: the text, the actor mentions, the quote spans of the latest
 * paragraphs, the cue hits of the paragraph being read (scanned once, looked up by binary search) and sentence
 * starts (./sentences, fed with the terminators the cue scan meets). Also the little the attribution remembers across quotes (recent speakers, names met, the last anonymous
 * source).
 */
import { lowerBound, paragraphAt, spanIndexAt, type TextDoc } from '../text';
import type { ActorFindings, ActorKind, Mention, Span, SpeakerRef } from '../types';
import { scanParaCues, type CueHit } from './cuehits';
import { SentenceFinder } from './sentences';

export class Ctx {
  readonly text: string;
  readonly folded: string;
  readonly paragraphs: readonly Span[];
  readonly mentions: readonly Mention[];
  readonly findings: ActorFindings;
  /** Quote spans of the latest three paragraphs, to skip quote interiors (latest last). */
  private readonly spanParas = new Int32Array([-1, -1, -1]);
  private readonly spanLists: Array<Span[] | undefined> = [undefined, undefined, undefined];
  /** Next slot of the ring of three. */
  private spanNext = 0;
  private readonly sentences: SentenceFinder;
  /** Mention starts (mentions are sorted by start), for binary search without reading the objects. */
  readonly mentionStarts: Int32Array;
  /** Terminators and stretches of the paragraph scanned last (./cuehits), read by ./sentences. */
  private readonly scanTerms: number[] = [];
  private readonly scanStretches: number[] = [];
  /** Scratch for the head words of one candidate window (./candidates: read before the next window is). */
  readonly scratchHeads: number[] = [];
  /** Surnames of people named in full by the text but unknown to the actor stage ("Keller" after "Ruth Keller"). */
  readonly surnames = new Map<string, SpeakerRef>();
  /** Person-like names read from capitalised sequences (./candidates), by sequence. */
  readonly names = new Map<string, { name: string; offset: number } | null>();
  readonly kebabs = new Map<string, string>();
  /** Speaker references of registry actors, by id (shared: speaker references are never changed). */
  private readonly speakers = new Map<string, SpeakerRef>();
  /** Start of the last quote attributed to an anonymous source ("a senior official said"), or -1. */
  anonPos = -1;
  /** The last few speakers and the paragraph they spoke in. */
  private readonly recentIds: Array<string | null> = [null, null, null, null];
  private readonly recentParas = new Int32Array(4);
  /** Slot of the latest in the ring of four, and how many are held. */
  private recentLast = -1;
  private recentCount = 0;
  /** Cue hits of the paragraph [cuePs, cuePe) read last. */
  private cuePs = -1;
  private cuePe = -1;
  private cueList: CueHit[] = [];
  /** The paragraph being read (the one of the latest `setQuoteSpans`), or -1. */
  private current = -1;

  constructor(
    private readonly doc: TextDoc,
    findings: ActorFindings,
  ) {
    this.text = doc.text;
    this.folded = doc.folded;
    this.paragraphs = doc.paragraphs;
    this.mentions = findings.mentions;
    this.sentences = new SentenceFinder(doc.text, doc.folded, doc.paragraphs);
    const ms = findings.mentions;
    const starts = new Int32Array(ms.length);
    for (let k = 0; k < ms.length; k++) starts[k] = ms[k].start;
    this.mentionStarts = starts;
    this.findings = findings;
  }

  /** Notes that actor `id` spoke in paragraph `para` (the same speaker again only moves its paragraph). */
  noteSpeaker(id: string, para: number): void {
    if (this.recentCount && this.recentIds[this.recentLast] === id) {
      this.recentParas[this.recentLast] = para;
      return;
    }
    this.recentLast = (this.recentLast + 1) & 3;
    this.recentIds[this.recentLast] = id;
    this.recentParas[this.recentLast] = para;
    if (this.recentCount < 4) this.recentCount++;
  }

  /** Whether actor `id` was quoted in the last three paragraphs before `p` (or in `p`). */
  spokeRecently(id: string | undefined, p: number): boolean {
    if (!id) return false;
    for (let k = 0; k < this.recentCount; k++) if (this.recentIds[k] === id && this.recentParas[k] >= p - 3) return true;
    return false;
  }

  /** Records the quote spans of paragraph `p` (the paragraph being read). */
  setQuoteSpans(p: number, spans: Span[]): void {
    this.cuePs = this.cuePe = -1;
    this.current = p;
    this.spanParas[this.spanNext] = p;
    this.spanLists[this.spanNext] = spans;
    this.spanNext = this.spanNext === 2 ? 0 : this.spanNext + 1;
  }

  /** The quote spans of paragraph `p` if it is one of the latest three recorded. */
  private spansOf(p: number): Span[] | undefined {
    const ps = this.spanParas;
    // latest first
    for (let k = 0, i = this.spanNext; k < 3; k++) {
      i = i === 0 ? 2 : i - 1;
      if (ps[i] === p) return this.spanLists[i];
    }
    return undefined;
  }

  /** The cues of the paragraph containing `pos` (scanned once per paragraph, quote interiors left out). */
  paraCues(pos: number): CueHit[] {
    if (pos >= this.cuePs && pos < this.cuePe) return this.cueList;
    const cur = this.current >= 0 ? this.paragraphs[this.current] : null;
    // (most look-ups are in the paragraph being read: no search)
    const p = cur && pos >= cur.start && pos < cur.end ? this.current : paragraphAt(this.doc, pos);
    if (p < 0) return [];
    const { start, end } = this.paragraphs[p];
    this.cuePs = start;
    this.cuePe = end + 1;
    const out: CueHit[] = [];
    // (scratch arrays the sentence finder reads until the next paragraph's scan: no arrays per paragraph)
    const terms = this.scanTerms;
    const stretches = this.scanStretches;
    let nTerms = 0;
    let nStretches = 0;
    let from = start;
    const qs = this.spansOf(p);
    if (qs) {
      for (const q of qs) {
        if (q.start > from) {
          nTerms = scanParaCues(this.folded, from, q.start, start, out, terms, nTerms);
          stretches[nStretches++] = from;
          stretches[nStretches++] = q.start;
        }
        from = q.end;
      }
    }
    if (from < end) {
      nTerms = scanParaCues(this.folded, from, end, start, out, terms, nTerms);
      stretches[nStretches++] = from;
      stretches[nStretches++] = end;
    }
    this.cueList = out;
    this.sentences.setScanned(p, stretches, nStretches, terms, nTerms);
    return out;
  }

  /** Start of the sentence containing `pos` in paragraph `p` (./sentences). */
  sentenceStart(p: number, pos: number): number {
    return this.sentences.sentenceStart(p, pos);
  }

  /** Start of the sentence before the one containing `pos` (may be in the previous paragraph). */
  prevSentenceStart(p: number, pos: number): number {
    const s = this.outerSentenceStart(p, pos);
    const ps = this.paragraphs[p].start;
    if (s > ps) return this.outerSentenceStart(p, s - 1);
    if (p > 0) return this.sentenceStart(p - 1, this.paragraphs[p - 1].end);
    return ps;
  }

  /** Start of the author's sentence containing `pos`: sentence breaks inside quotes ("“He left. We stay,” she said") do not count. */
  outerSentenceStart(p: number, pos: number): number {
    let s = this.sentenceStart(p, pos);
    for (let n = 0; n < 8; n++) {
      const qs = this.quoteStartAt(p, s);
      if (qs < 0) break;
      s = this.sentenceStart(p, qs);
    }
    return s;
  }

  /** Start of the quote span of paragraph `p` holding `pos` (not at its start), or -1. */
  private quoteStartAt(p: number, pos: number): number {
    const qs = this.spansOf(p);
    if (!qs) return -1;
    for (const q of qs) if (pos > q.start && pos < q.end) return q.start;
    return -1;
  }

  /** First mention index with start >= pos. */
  lowerBound(pos: number): number {
    return lowerBound(this.mentionStarts, pos);
  }

  /** Whether `pos` lies inside a quote span of paragraph `p` (one of the latest three). */
  insideQuote(p: number, pos: number): boolean {
    const qs = this.spansOf(p);
    return !!qs && spanIndexAt(qs, pos) >= 0;
  }

  kindOf(id: string): ActorKind {
    return this.findings.actors.get(id)?.kind ?? 'person';
  }

  speakerOf(m: Mention): SpeakerRef {
    const known = this.speakers.get(m.actorId);
    if (known) return known;
    const a = this.findings.actors.get(m.actorId);
    const ref = { id: m.actorId, name: a?.name ?? m.text };
    // a registry actor's reference is the same for every mention; a missing actor's name is the mention's text
    if (a) this.speakers.set(m.actorId, ref);
    return ref;
  }
}
