/**
 * What the channel stage knows about the text around a trigger: sentences (split lazily, one paragraph at a
 * time), mentions by offset (binary search), and facts about actors (kind, roles, the state/side they belong to,
 * names of states for compound adjectives such as "U.S.-Russian").
 */
import { paragraphAt, splitSentences, type TextDoc } from '../text';
import type { ActorFindings, KnownActor, Mention, Span } from '../types';

export class ChannelContext {
  readonly text: string;
  readonly folded: string;
  readonly mentions: readonly Mention[];
  private readonly actors: ReadonlyMap<string, KnownActor>;
  private readonly sentenceCache = new Map<number, Span[]>();
  private readonly sideCache = new Map<string, string>();
  private stateNames: Map<string, string> | undefined;

  constructor(
    readonly doc: TextDoc,
    findings: ActorFindings,
  ) {
    this.text = doc.text;
    this.folded = doc.folded;
    this.mentions = findings.mentions;
    this.actors = findings.actors;
  }

  // ------------------------------------------------------------ sentences

  /** The sentence containing `offset` (or the paragraph when the offset is outside any sentence). */
  sentenceAt(offset: number): Span {
    const p = paragraphAt(this.doc, offset);
    if (p < 0) return { start: offset, end: offset };
    const list = this.sentencesOf(p);
    for (const s of list) if (offset >= s.start && offset < s.end) return s;
    return this.doc.paragraphs[p];
  }

  /** The sentence before the one containing `offset` (across a paragraph break), or undefined. */
  previousSentence(offset: number): Span | undefined {
    const p = paragraphAt(this.doc, offset);
    if (p < 0) return undefined;
    const list = this.sentencesOf(p);
    for (let i = 0; i < list.length; i++) if (offset >= list[i].start && offset < list[i].end) return i > 0 ? list[i - 1] : this.lastSentenceOf(p - 1);
    return undefined;
  }

  private lastSentenceOf(p: number): Span | undefined {
    if (p < 0) return undefined;
    const list = this.sentencesOf(p);
    return list[list.length - 1];
  }

  private sentencesOf(p: number): Span[] {
    let list = this.sentenceCache.get(p);
    if (!list) {
      const para = this.doc.paragraphs[p];
      list = splitSentences(this.text, para.start, para.end);
      this.sentenceCache.set(p, list);
    }
    return list;
  }

  // ------------------------------------------------------------ mentions

  /** Index of the first mention with start >= offset. */
  firstMentionFrom(offset: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Mentions lying entirely inside [start, end). */
  mentionsIn(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    for (let i = this.firstMentionFrom(start); i < this.mentions.length && this.mentions[i].start < end; i++) {
      if (this.mentions[i].end <= end) out.push(this.mentions[i]);
    }
    return out;
  }

  /** The mention covering `offset`, if any. */
  mentionAt(offset: number): Mention | undefined {
    const i = this.firstMentionFrom(offset + 1) - 1;
    if (i >= 0 && this.mentions[i].start <= offset && offset < this.mentions[i].end) return this.mentions[i];
    return undefined;
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
    if (!this.stateNames) {
      this.stateNames = new Map();
      for (const a of this.actors.values()) {
        if (a.kind !== 'state') continue;
        for (const n of [a.name, ...a.aliases, ...(a.demonyms ?? [])]) {
          const k = normWord(n);
          if (k && !this.stateNames.has(k)) this.stateNames.set(k, a.id);
        }
      }
      for (const m of this.mentions) {
        if (this.kindOf(m.actorId) !== 'state') continue;
        const k = normWord(m.text);
        if (k && !this.stateNames.has(k)) this.stateNames.set(k, m.actorId);
      }
    }
    const hit = this.wordCache.get(word);
    if (hit !== undefined) return hit || undefined;
    const id = this.stateNames.get(normWord(word)) ?? '';
    this.wordCache.set(word, id);
    return id || undefined;
  }

  private readonly wordCache = new Map<string, string>();
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
