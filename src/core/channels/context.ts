/**
 * What the channel stage knows about the text around a trigger: sentences (split lazily, one paragraph at a
 * time), mentions by offset (binary search), and facts about actors (kind, roles, the state/side they belong to,
 * names of states for compound adjectives such as "U.S.-Russian").
 */
import type { TextDoc } from '../text/document';
import { atLineStart, lowerBound, paragraphAt, spanIndexAt, splitSentences } from '../text/document';
import type { ActorFindings, KnownActor, Mention, Span } from '../types';

/** How many paragraphs' sentences are kept (the trigger's, the one before it, and a margin). */
const SENTENCE_RING = 4;

/** Mentions are indexed by blocks of 64 characters (news text has about one mention per 60 characters). */
const BLOCK_BITS = 6;

export class ChannelContext {
  readonly text: string;
  readonly folded: string;
  readonly mentions: readonly Mention[];
  /** Start and end offsets of the mentions, by index (binary searches read these, not the objects). */
  readonly mStart: Int32Array;
  readonly mEnd: Int32Array;
  /** Actor id and actor kind of each mention, by index (`kindOf` looked up once per mention). */
  readonly mActor: string[];
  readonly mKind: Array<KnownActor['kind']>;
  /** Per block of 2^BLOCK_BITS characters: the index of the first mention starting in it or later. */
  private readonly blockFirst: Int32Array;
  private readonly actors: ReadonlyMap<string, KnownActor>;
  /**
   * The sentences of the last few paragraphs split (paragraph index and list, a small ring). Triggers come in text
   * order, so older paragraphs are not asked for again (and would be split anew); keeping every paragraph's
   * sentences alive for the whole document only made the garbage collector copy them.
   */
  private readonly ringParas = new Int32Array(SENTENCE_RING).fill(-1);
  private readonly ringLists: Span[][] = [];
  private ringNext = 0;
  private readonly sideCache = new Map<string, string>();
  private stateNames: Map<string, string> | undefined;

  constructor(
    readonly doc: TextDoc,
    findings: ActorFindings,
    /** Positions of cue words ("through", "hosted", "together" …) by class, in text order (from the scan). */
    private readonly cues: readonly (readonly number[])[],
  ) {
    this.text = doc.text;
    this.folded = doc.folded;
    this.mentions = withoutSpeakerLabels(this.text, findings.mentions);
    this.actors = findings.actors;
    const n = this.mentions.length;
    this.mStart = new Int32Array(n);
    this.mEnd = new Int32Array(n);
    this.mActor = new Array<string>(n);
    this.mKind = new Array<KnownActor['kind']>(n);
    fillMentionTables(this, this.mentions, this.actors);
    this.blockFirst = blockIndex(this.mStart, this.text.length);
  }

  // ------------------------------------------------------------ sentences

  /** The sentence containing `offset` (or the paragraph when the offset is outside any sentence). */
  sentenceAt(offset: number): Span {
    // triggers come in text order: most lookups fall in the sentence found last, else in one of the next ones
    const last = this.lastSentence;
    if (last) {
      if (offset >= last.start && offset < last.end) return last;
      if (offset >= last.end) {
        const list = this.lastList;
        for (let i = this.lastIndex + 1; i < list.length && list[i].start <= offset; i++) {
          if (offset < list[i].end) return this.remember(this.lastPara, i, list);
        }
      }
    }
    const p = this.paragraphOf(offset);
    if (p < 0) return { start: offset, end: offset };
    const list = this.sentencesOf(p);
    const i = spanIndexAt(list, offset);
    if (i < 0) return this.doc.paragraphs[p];
    return this.remember(p, i, list);
  }

  /** The sentence `sentenceAt` found last (only a sentence of a paragraph's list, never a paragraph fallback). */
  private lastSentence: Span | undefined;
  private lastPara = -1;
  private lastIndex = -1;
  /** The sentences of paragraph `lastPara`. */
  private lastList: readonly Span[] = [];

  private remember(p: number, i: number, list: readonly Span[]): Span {
    this.lastPara = p;
    this.lastIndex = i;
    this.lastList = list;
    this.lastSentence = list[i];
    return list[i];
  }

  /** `paragraphAt`, trying the paragraph of the last sentence and the next one before the binary search. */
  private paragraphOf(offset: number): number {
    const ps = this.doc.paragraphs;
    for (let p = Math.max(0, this.lastPara); p < ps.length && p <= this.lastPara + 1; p++) {
      if (offset >= ps[p].start && offset < ps[p].end) return p;
    }
    return paragraphAt(this.doc, offset);
  }

  /** The sentence before the one containing `offset` (across a paragraph break), or undefined. */
  previousSentence(offset: number): Span | undefined {
    const p = paragraphAt(this.doc, offset);
    if (p < 0) return undefined;
    const list = this.sentencesOf(p);
    const i = spanIndexAt(list, offset);
    if (i < 0) return undefined;
    return i > 0 ? list[i - 1] : this.lastSentenceOf(p - 1);
  }

  private lastSentenceOf(p: number): Span | undefined {
    if (p < 0) return undefined;
    const list = this.sentencesOf(p);
    return list[list.length - 1];
  }

  /** Sentences of paragraph `p`, split on first use (only paragraphs with triggers are ever split). */
  private sentencesOf(p: number): Span[] {
    for (let k = 0; k < SENTENCE_RING; k++) if (this.ringParas[k] === p) return this.ringLists[k];
    const para = this.doc.paragraphs[p];
    const list = splitSentences(this.text, para.start, para.end);
    const k = this.ringNext;
    this.ringParas[k] = p;
    this.ringLists[k] = list;
    this.ringNext = (k + 1) % SENTENCE_RING;
    return list;
  }

  // ------------------------------------------------------------ cue words

  /** Whether a cue word of `kind` starts in [from, to). */
  hasCue(kind: number, from: number, to: number): boolean {
    const list = this.cues[kind];
    const lo = lowerBound(list, from);
    return lo < list.length && list[lo] < to;
  }

  // ------------------------------------------------------------ mentions

  /** Index of the first mention with start >= offset. */
  firstMentionFrom(offset: number): number {
    const st = this.mStart;
    if (offset <= 0) return 0;
    const b = offset >> BLOCK_BITS;
    if (b >= this.blockFirst.length) return st.length;
    // from the first mention of the offset's block, a few steps forward (about one mention per block)
    let i = this.blockFirst[b];
    const n = st.length;
    while (i < n && st[i] < offset) i++;
    return i;
  }

  /** Mentions lying entirely inside [start, end). */
  mentionsIn(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    const n = this.mStart.length;
    for (let i = this.firstMentionFrom(start); i < n && this.mStart[i] < end; i++) {
      if (this.mEnd[i] <= end) out.push(this.mentions[i]);
    }
    return out;
  }

  /** The first mention lying entirely inside [start, end) (`mentionsIn(start, end)[0]` without the array). */
  firstMentionIn(start: number, end: number): Mention | undefined {
    const n = this.mStart.length;
    for (let i = this.firstMentionFrom(start); i < n && this.mStart[i] < end; i++) if (this.mEnd[i] <= end) return this.mentions[i];
    return undefined;
  }

  /** The last mention lying entirely inside [start, end) (`mentionsIn(start, end).pop()` without the array). */
  lastMentionIn(start: number, end: number): Mention | undefined {
    for (let i = this.firstMentionFrom(end) - 1; i >= 0 && this.mStart[i] >= start; i--) {
      if (this.mEnd[i] <= end) return this.mentions[i];
    }
    return undefined;
  }

  /** Index of the mention covering `offset`, or -1. */
  mentionIndexAt(offset: number): number {
    const i = this.firstMentionFrom(offset + 1) - 1;
    return i >= 0 && offset < this.mEnd[i] ? i : -1;
  }

  /** The mention covering `offset`, if any. */
  mentionAt(offset: number): Mention | undefined {
    const i = this.mentionIndexAt(offset);
    return i >= 0 ? this.mentions[i] : undefined;
  }

  // ------------------------------------------------------------ actors

  actor(id: string): KnownActor | undefined {
    return this.actors.get(id);
  }

  kindOf(id: string): KnownActor['kind'] {
    return this.actors.get(id)?.kind ?? 'person';
  }

  /** Roles of an actor: the registry's plus the titles the text gave its mentions. */
  rolesOf(id: string, m?: Mention): string {
    const a = this.actors.get(id);
    return [...(a?.roles ?? []), m?.role ?? ''].join(' | ').toLowerCase();
  }

  /** The side an actor stands for: the state it belongs to (following affiliations), else itself. */
  sideOf(id: string): string {
    const hit = this.sideCache.get(id);
    if (hit) return hit;
    let cur = id;
    let result = id;
    for (let hops = 0; hops < 4; hops++) {
      const a = this.actors.get(cur);
      if (!a) break;
      if (a.kind === 'state') {
        result = cur;
        break;
      }
      if (!a.affiliation || a.affiliation === cur) break;
      cur = a.affiliation;
      if (this.actors.get(cur)?.kind === 'state') {
        result = cur;
        break;
      }
    }
    this.sideCache.set(id, result);
    return result;
  }

  /**
   * A word of a compound adjective ("u.s.", "russian", "us", "moscow") → state id, from the names, aliases and
   * demonyms of the state actors in the findings.
   */
  stateByWord(word: string): string | undefined {
    this.stateNames ??= stateNames(this.actors, this.mentions, this.mKind);
    const hit = this.wordCache.get(word);
    if (hit !== undefined) return hit || undefined;
    const id = this.stateNames.get(normWord(word)) ?? '';
    this.wordCache.set(word, id);
    return id || undefined;
  }

  private readonly wordCache = new Map<string, string>();

  /** `stateByWord` of text[start, end). */
  stateIn(start: number, end: number): string | undefined {
    return this.stateByWord(this.text.slice(start, end));
  }
}

/**
 * Fills the per-mention tables of `ctx`. The loops over all mentions stand in functions of their own: a loop
 * optimised while it runs (on-stack replacement) then leaves nothing unexplored behind it in the same function,
 * which would otherwise throw the optimised code away at every document.
 */
function fillMentionTables(ctx: ChannelContext, mentions: readonly Mention[], actors: ReadonlyMap<string, KnownActor>): void {
  const { mStart, mEnd, mActor, mKind } = ctx;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    mStart[i] = m.start;
    mEnd[i] = m.end;
    mActor[i] = m.actorId;
    mKind[i] = actors.get(m.actorId)?.kind ?? 'person';
  }
}

/** Per block of 2^BLOCK_BITS characters of a text `length` long: the index of the first mention starting in it or later. */
function blockIndex(mStart: Int32Array, length: number): Int32Array {
  const blocks = (length >> BLOCK_BITS) + 2;
  const first = new Int32Array(blocks);
  for (let b = 0, i = 0; b < blocks; b++) {
    while (i < mStart.length && mStart[i] >> BLOCK_BITS < b) i++;
    first[b] = i;
  }
  return first;
}

/** Names, aliases and demonyms of the state actors, and the texts of their mentions (normalised) → state id. */
function stateNames(actors: ReadonlyMap<string, KnownActor>, mentions: readonly Mention[], mKind: ReadonlyArray<KnownActor['kind']>): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of actors.values()) {
    if (a.kind !== 'state') continue;
    for (const n of [a.name, ...a.aliases, ...(a.demonyms ?? [])]) {
      const k = normWord(n);
      if (k && !names.has(k)) names.set(k, a.id);
    }
  }
  const seen = new Set<string>();
  for (let i = 0; i < mentions.length; i++) {
    if (mKind[i] !== 'state') continue;
    const m = mentions[i];
    if (seen.has(m.text)) continue;
    seen.add(m.text);
    const k = normWord(m.text);
    if (k && !names.has(k)) names.set(k, m.actorId);
  }
  return names;
}

/** Lowercase, no dots, no leading article, no possessive: "the U.S." → "us", "Russia's" → "russia". */
export function normWord(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/^the\s+/, '')
    .replace(/\./g, '')
    .trim();
}

/**
 * The mentions a channel can take part through: all but speaker labels of an interview ("Global Ledger: The
 * hotline was restored …"), which stand outside the sentence they open and take part in nothing it tells.
 */
function withoutSpeakerLabels(text: string, mentions: readonly Mention[]): readonly Mention[] {
  for (let i = 0; i < mentions.length; i++) if (isLabel(text, mentions[i])) return mentions.filter((m) => !isLabel(text, m));
  return mentions;
}

function isLabel(text: string, m: Mention): boolean {
  return text.charCodeAt(m.end) === 58 && atLineStart(text, m.start);
}
