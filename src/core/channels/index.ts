/**
 * Channel detection: how actors communicate (meetings, calls, letters, intermediaries, tracks, back channels,
 * public signals, posts, forums, working groups, dialogue in general). See docs/channels.md.
 *
 * One pass: a single compiled trigger regex over the folded text finds candidate words; each is judged in its
 * sentence only (participants, via, type, precision guards). Then a pass over the mentions adds "A-B" person
 * pairs, and overlapping candidates are reduced to one (the longer). Linear in the text plus the mentions.
 */
import type { TextDoc } from '../text';
import type { ActorFindings, Channel, ChannelType, Mention, Quote, Span } from '../types';
import { ChannelContext, normWord } from './context';
import { scanTriggers, CUE_COMPANY, CUE_GROUP, CUE_GROUP_NOUN, CUE_VIA, DEFINITE, WordSet, type TriggerRule } from './lexicon';
import { GROUP_ANYWHERE_RE, GROUP_RE, compoundIds, groupKind, leftPhrase, letterRunBack, listEnd, skipBlanksBack, type GroupKind } from './phrase';

export { RULES } from './lexicon';

interface Candidate extends Channel {
  /** The sentence it was found in. */
  sentence: Span;
  /** True when the participants came only from the sentence fallback (no syntax tied them to the trigger). */
  fallback: boolean;
  weak: boolean;
  /** A bare "between A and B" with no channel word: kept only when nothing else was found in its sentence. */
  bare?: boolean;
}

type Draft = Omit<Candidate, 'text'>;

/** Relations that are not communication: "the difference between A and B". */
const NOT_A_CHANNEL_BETWEEN =
  /(?:difference|differences|rivalry|conflict|war|gap|feud|tensions?|distance|similarit(?:y|ies)|choice|comparison|contrast|split|rift|clash|competition|balance|proportion|relationship|relations)\s+between\s+$/;

const VIA_RE =
  /(?<![a-z])(?:through|via|with\s+the\s+help\s+of|with\s+the\s+mediation\s+of|mediated\s+by|brokered\s+by|facilitated\s+by|passed\s+on\s+by|conveyed\s+by|relayed\s+by|thanks\s+to\s+the\s+mediation\s+of|hosted\s+by|at\s+the\s+invitation\s+of)\s+/g;
const COMPANY_RE = /(?<![a-z])(?:in\s+the\s+company\s+of|together\s+with|along\s+with|accompanied\s+by|joined\s+by)\s+/g;
/** Verbs that make their subject the author of the statement, letter or post after them ("X issued warnings"). */
const AUTHOR_VERBS = new WordSet(
  'issued made makes make making sent sends send sending delivered wrote writes posted posts published publishes released releases gave gives voiced addressed tweeted dispatched handed passed signed penned'.split(' '),
);

/** An author verb right before `pos` (blanks between), standing as a word of its own after `floor`. */
function authorVerbBefore(f: string, pos: number, floor: number): boolean {
  const p = skipBlanksBack(f, pos, floor);
  const w = letterRunBack(f, p, floor);
  if (w === p || !AUTHOR_VERBS.has(f, w, p)) return false;
  return w === floor || isWsCode(f.charCodeAt(w - 1));
}

const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;
/** `[A-Za-z.]` */
const isWordOrDot = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;

/** Finds channel mentions in a document. Keeps the signature the pipeline calls (`analyze.ts`). */
export function findChannels(doc: TextDoc, findings: ActorFindings, quotes: readonly Quote[]): Channel[] {
  if (!doc.text) return [];
  const ctx = new ChannelContext(doc, findings);
  const scare = quotes.filter((q) => q.kind === 'scare' && q.end - q.start <= 60).sort((a, b) => a.start - b.start);
  const finder = new Finder(ctx, scare);

  const events: Array<{ start: number; end: number; rule: TriggerRule | null; pair?: [Mention, Mention]; bare?: boolean }> = [];
  scanTriggers(ctx.folded, (m) => events.push(m), (kind, at) => ctx.addCue(kind, at));
  // "Witkoff-Dmitriev": two people joined by a hyphen or dash name a line of dialogue between them.
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    const gapKind = pairGap(ctx.folded, a.end, b.start);
    if (!gapKind || a.actorId === b.actorId || ctx.kindOf(a.actorId) !== 'person' || ctx.kindOf(b.actorId) !== 'person') continue;
    if (gapKind === 1) events.push({ start: a.start, end: b.end, rule: null, pair: [a, b] });
    else {
      const before = ctx.folded.slice(Math.max(0, a.start - 40), a.start);
      if (/(?<![a-z])between\s+$/.test(before) && !NOT_A_CHANNEL_BETWEEN.test(before)) {
        events.push({ start: a.start - 8, end: b.end, rule: null, pair: [a, b], bare: true });
      }
    }
  }
  events.sort((x, y) => x.start - y.start); // two sorted runs (triggers, then pairs): a merge for the sort

  for (const ev of events) {
    if (ev.pair) finder.addPair(ev.pair[0], ev.pair[1], ev.bare === true);
    else if (ev.rule) finder.judge(ev.rule, ev.start, ev.end);
  }
  return dedupe(finder.out);
}

/** Overlapping candidates report once: the longer span wins (ties: the stronger one, then the earlier). */
function dedupe(all: Candidate[]): Channel[] {
  // a bare "between A and B" yields to a channel word of its sentence that already names A and B
  let cands = all;
  if (all.some((c) => c.bare)) {
    const bySentence = new Map<number, Candidate[]>();
    for (const c of all) {
      if (c.bare || c.fallback) continue;
      const list = bySentence.get(c.sentence.start);
      if (list) list.push(c);
      else bySentence.set(c.sentence.start, [c]);
    }
    cands = all.filter((c) => !c.bare || !(bySentence.get(c.sentence.start) ?? []).some((o) => c.participants.every((p) => o.participants.includes(p))));
  }
  const sorted = cands.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  const keptSentences = new Set<number>();
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      const lc = last.end - last.start;
      const cc = c.end - c.start;
      if (cc > lc || (cc === lc && c.confidence > last.confidence)) kept[kept.length - 1] = c;
      continue;
    }
    // a generic "dialogue"/"channel" word again in the same sentence, tied to nothing: the same channel
    if (c.weak && c.fallback && c.type === 'other' && keptSentences.has(c.sentence.start)) continue;
    kept.push(c);
    keptSentences.add(c.sentence.start);
  }
  return kept.map((c) => ({ start: c.start, end: c.end, text: c.text, type: c.type, participants: c.participants, via: c.via, confidence: c.confidence }));
}

/** The gap between two mentions: 1 for a dash ("Witkoff-Dmitriev", "A – B"), 2 for " and ", 0 otherwise. */
function pairGap(f: string, from: number, to: number): 0 | 1 | 2 {
  const len = to - from;
  if (len <= 0 || len > 12) return 0;
  let a = from;
  let b = to;
  if (len <= 3) {
    if (len > 1 && isWsCode(f.charCodeAt(a))) a++;
    if (b - a > 1 && isWsCode(f.charCodeAt(b - 1))) b--;
    return b - a === 1 && f.charCodeAt(a) === 45 ? 1 : 0;
  }
  while (a < b && isWsCode(f.charCodeAt(a))) a++;
  while (b > a && isWsCode(f.charCodeAt(b - 1))) b--;
  return a > from && b < to && b - a === 3 && f.startsWith('and', a) ? 2 : 0;
}

const LEVEL_RE = /\s+(?:at|on)\s+(?:the|a)\s+(?:[a-z-]+\s+)?level\b|\s+at\s+the\s+level\s+of\b/y;
const EXCHANGE_OF_RE = /\s+(?:of|rates?)\b/y;
const PLACE_RE = /\s+(?:in|at)\s+([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)/y;
const COMPLEMENT_RE = /\s+(between|with|of|like|such\s+as|among)\s+/y;
const TOPIC_RE = /\s+(?:on|about|over|regarding|concerning|in)\s+/y;
const FROM_RE = /\s+from\s+/y;
const TARGET_RE = /\s+(?:to|at|against|toward|towards|addressed\s+to|directed\s+at|aimed\s+at|for)\s+/y;

/** A sticky regex tried at `pos` of `s` (instead of a `^` regex on a slice). */
function stickyExec(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

function stickyTest(re: RegExp, s: string, pos: number): boolean {
  re.lastIndex = pos;
  return re.test(s);
}

/** Words before "meeting" that make it the gerund of the verb ("after meeting the delegation"). */
const GERUND_INTRO = new WordSet(['after', 'before', 'since', 'while', 'when', 'without', 'upon', 'on', 'for']);
/** Modals that make a meeting verb a mere possibility ("could meet"). */
const HYPOTHETICAL = new WordSet(['could', 'might']);
/** Verbs that hand a message on for someone else ("pass a message to Kyiv"). */
const PASS_VERBS = new WordSet(['pass', 'passed', 'passes', 'passing', 'carry', 'carried', 'carries', 'carrying', 'relay', 'relayed', 'relays', 'relaying', 'convey', 'conveyed', 'conveys', 'conveying', 'deliver', 'delivered', 'delivers', 'delivering', 'transmit', 'transmitted']);
/** Verbs of hosting: their subject is the channel's host (`via`). */
const HOST_VERBS = new WordSet(['host', 'hosts', 'hosted', 'hosting']);
/** Object pronouns standing for an addressee ("sent her a letter"). */
const OBJECT_PRONOUNS = new WordSet(['her', 'him', 'them']);
/** Words between a speaker and a public appearance ("said on state television"). */
const BROADCAST_SKIP = new WordSet(['on', 'in', 'to', 'at', 'said', 'says', 'spoke', 'speaks', 'appeared', 'declared', 'announced', 'told']);
const COPULA_RE = /\s+(?:is|are|was|were|isn't|wasn't|can\s+be|would\s+be)\s/y;
const INDIRECT_RE = /(?<![a-z])(?:indirect|proximity|shuttle)(?![a-z])/;
const RELATIVE_WHO_RE = /^\s*,?\s*who\s+(?:(?:also|had|has|have|later|then|recently|once|first|last|already)\s+)?$/;
const SECRET_RE = /(?<![a-z])(?:secret|secretly|unofficial|covert|clandestine|quiet|quietly|discreet|discreetly|confidential|back[- ]?channels?)(?![a-z])/;

/** Prepositions that make the actor after them a topic or place, not a party. */
const TOPIC_WORDS = new WordSet(['on', 'about', 'over', 'regarding', 'concerning', 'like', 'in', 'into', 'across', 'at', 'against', 'including']);

/** `[a-zA-Z-]` */
function isLetterOrHyphen(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45;
}

/** `\s` of JavaScript regular expressions, by code unit. */
function isWsCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

interface Complement {
  /** The kind of complement right after the trigger. */
  kind: 'between' | 'with' | 'of' | 'to' | 'like' | 'level' | 'by' | null;
  ids: string[];
  /** End of the complement, for the span. */
  end: number;
  /** Whether the complement named a group ("the two presidents") or a plural role ("heads of departments"). */
  named: boolean;
  /** Start of the complement words (after an optional place). */
  start: number;
  /** End of a place phrase directly after the trigger ("in Riyadh"). */
  placeEnd: number;
  /** End of the complement's noun-phrase list. */
  listEnd?: number;
}

class Finder {
  readonly out: Candidate[] = [];
  private recent: Candidate | undefined;

  constructor(
    private readonly ctx: ChannelContext,
    private readonly scare: readonly Quote[],
  ) {}

  /** "Witkoff-Dmitriev" (a dash pair), or a bare "between A and B" of two people (`bare`). */
  addPair(a: Mention, b: Mention, bare: boolean): void {
    const sentence = this.ctx.sentenceAt(a.start);
    const start = bare ? this.ctx.folded.lastIndexOf('between', a.start) : a.start;
    this.push({ start, end: b.end, type: 'track', participants: [a.actorId, b.actorId], via: [], confidence: bare ? 0.5 : 0.6, sentence, fallback: false, weak: false, bare });
  }

  judge(rule: TriggerRule, s: number, e: number): void {
    const ctx = this.ctx;
    if (this.inScareQuote(s, e)) return;
    const sentence = ctx.sentenceAt(s);
    if (sentence.end <= sentence.start) return;
    switch (rule.strength) {
      case 'verb':
        return this.judgeVerb(rule, s, e, sentence);
      case 'authored':
        return this.judgeAuthored(rule, s, e, sentence);
      case 'mediation':
        return this.judgeMediation(s, e, sentence);
      case 'sidelines':
        return this.judgeSidelines(s, e, sentence);
      case 'broadcast':
        return this.judgeBroadcast(s, e, sentence);
      default:
        return this.judgeNoun(rule, s, e, sentence);
    }
  }

  // ------------------------------------------------------------ nouns (strong and weak)

  private judgeNoun(rule: TriggerRule, s: number, e: number, sentence: Span): void {
    const ctx = this.ctx;
    const f = ctx.folded;
    const word = f.slice(s, e);
    // "prisoner exchanges", "exchange of fire", "exchange rate": not channels
    if (rule.name === 'meeting' && /^exchange/.test(word) && stickyTest(EXCHANGE_OF_RE, f, e)) return;
    let left = leftPhrase(ctx, s, sentence.start);
    let type: ChannelType = rule.type;
    let strong = rule.strength === 'strong';
    let start = left.start;
    let end = e;

    if (rule.name === 'along-the-lines') {
      // "the “economic” dialog along the lines of A - B": the phrase starts at the dialogue noun before it
      const before = /(?:dialog(?:ue)?s?|talks|contacts?|cooperation|channels?|negotiations|communication)\s*$/.exec(f.slice(Math.max(sentence.start, s - 30), s));
      if (before) {
        const nounStart = s - before[0].length;
        left = leftPhrase(ctx, nounStart, sentence.start);
        start = left.start;
      } else start = s;
      const listTo = listEnd(ctx, e, sentence.end, true);
      const ids = this.idsIn(e, listTo);
      const lastM = ctx.lastMentionIn(e, listTo);
      if (lastM) end = lastM.end;
      return this.emit({ start, end, type, participants: ids.length ? ids : this.fallback(s, sentence, []), via: [], confidence: ids.length >= 2 ? 0.85 : 0.6, sentence, fallback: !ids.length, weak: false });
    }

    // "after meeting the delegation", "before meeting Lavrov": the gerund of the verb
    if (word === 'meeting' && !left.det && GERUND_INTRO.has(f, letterRunBack(f, skipBlanksBack(f, s, sentence.start), sentence.start), skipBlanksBack(f, s, sentence.start))) {
      return this.judgeGerund(s, e, sentence);
    }
    const comp = this.complement(e, sentence);
    // "a phone call is cheap", "a meeting is no substitute": a generic remark, not a channel
    if ((left.det === 'a' || left.det === 'an') && !comp.kind && stickyTest(COPULA_RE, f, e)) return;
    const via = this.viaIn(s, sentence);
    let participants: string[] = [];
    let explicit = false;

    // participants from the syntax around the noun
    const owner: string[] = [];
    if (left.possessor) owner.push(left.possessor.actorId);
    else if (left.pronoun) owner.push(...this.pronounIds(left.pronoun, left.start, sentence));
    for (const id of left.modifierIds) if (!owner.includes(id) && !(left.modifierIds.length === 1 && !left.pair && this.isVenue(id, left.start, s))) owner.push(id);
    // "the latest exchanges with Washington": the sentence's subject is the other side
    if (!owner.length && comp.kind === 'with' && comp.ids.length) {
      const subj = this.sentenceSubject(left.start, sentence);
      if (subj && !comp.ids.includes(subj) && !comp.ids.some((id) => ctx.sideOf(id) === ctx.sideOf(subj))) owner.push(subj);
    }
    if (comp.kind === 'between' || comp.kind === 'with' || comp.kind === 'like' || (comp.kind === 'of' && (comp.ids.length || comp.named))) {
      participants = uniq([...owner, ...comp.ids]);
      explicit = participants.length > 0 || comp.named;
    } else if (owner.length) {
      participants = owner;
      explicit = true;
    }
    for (const id of this.companyIn(e, sentence)) if (!participants.includes(id)) participants.push(id);

    const dialogueLike = rule.name === 'dialogue' || rule.name === 'track';
    // qualifiers that change the type
    const levelAfter = stickyTest(LEVEL_RE, f, comp.placeEnd) || (comp.kind === 'with' && comp.ids.length > 0 && stickyTest(LEVEL_RE, f, comp.end));
    if (dialogueLike && (levelAfter || left.level)) {
      type = 'track';
      strong = true;
      if (levelAfter) end = Math.max(this.levelEnd(comp.placeEnd, sentence.end), this.levelEnd(comp.end, sentence.end));
    } else if (levelAfter) {
      strong = true;
      end = Math.max(this.levelEnd(comp.placeEnd, sentence.end), this.levelEnd(comp.end, sentence.end));
    }
    if (rule.name === 'track') {
      // "tracks" alone is generic ("on several tracks"); a track needs its parties or a specific modifier
      if (!left.pair && !(comp.kind === 'between' && comp.ids.length) && !left.specific && !left.possessor) return;
      strong = true;
    }
    if (rule.name === 'summit') {
      const pairwise = (left.pair || comp.kind === 'between' || (comp.kind === 'with' && comp.ids.length > 0) || left.possessor) && !left.orgModifier;
      type = pairwise ? 'meeting' : 'forum';
      if (!pairwise && (left.orgModifier || comp.kind === 'like' || comp.kind === 'of')) strong = true;
    }
    if (rule.name === 'meeting' && left.orgModifier && !explicitPair(ctx, participants)) type = 'forum';
    if (rule.name === 'meeting' && /^visit/.test(word)) {
      // a visit is a channel only when it goes to an actor ("Putin's visit to China"), not to a region
      const to = /^\s+to\s+/.exec(f.slice(e, e + 6));
      const dest = to ? ctx.mentionsIn(e, listEnd(ctx, e + to[0].length, sentence.end)).filter((m) => m.start - e < 20) : [];
      if (!dest.length) return;
      participants = uniq([...owner, ...dest.map((m) => m.actorId)]);
      explicit = true;
    }
    if (rule.name === 'restore-relations' || rule.name === 'diplomatic-missions') strong = true;

    if (!strong && !explicit) {
      // a generic word: needs a specific modifier, or a definite determiner and two sides in the sentence
      if (!left.specific) {
        if (!left.det || !DEFINITE.has(left.det)) return;
        if (this.sidesIn(sentence) < 2) return;
      }
    }
    if (!participants.length) participants = this.fallback(s, sentence, [...via, ...this.topicIds(e, comp, sentence)]);
    const fallback = !explicit;

    if (via.length && (type === 'letter' || type === 'meeting' || type === 'other' || type === 'call')) type = this.secretIn(sentence) ? 'backchannel' : 'intermediary';
    // "indirect talks", "proximity talks": through mediators
    if ((type === 'meeting' || type === 'other') && INDIRECT_RE.test(f.slice(left.start, s))) type = 'intermediary';
    // "X hosted a meeting between A and B": the host is the channel's via, not a party
    const host = this.hostBefore(left.start, sentence);
    if (host.length) {
      for (const h of host) if (!via.includes(h)) via.push(h);
      participants = participants.filter((id) => !host.includes(id));
    }
    // the span: phrase + a directly following complement (not across a place phrase)
    if (comp.kind && comp.end > end && comp.start === e && (comp.kind === 'between' || comp.kind === 'with')) end = comp.end;
    else if (comp.placeEnd > e && rule.name !== 'restore-relations') end = Math.max(end, comp.placeEnd);
    const confidence = strong ? 0.85 : explicit ? 0.75 : left.specific ? 0.6 : 0.5;
    this.emit({ start, end, type, participants, via: via.filter((v) => !participants.includes(v)), confidence, sentence, fallback, weak: !strong });
  }

  private levelEnd(from: number, max: number): number {
    const m = /^\s+(?:at|on)\s+(?:the|a)\s+(?:[a-z-]+\s+)?level(?:\s+of\s+[a-z-]+(?:\s+[a-z-]+)?)?/.exec(this.ctx.folded.slice(from, Math.min(max, from + 80)));
    if (!m) return from;
    let end = from + m[0].length;
    const cut = listEnd(this.ctx, from + 1, end + 1);
    if (cut < end) end = cut;
    return end;
  }

  // ------------------------------------------------------------ verbs

  private judgeVerb(rule: TriggerRule, s: number, e: number, sentence: Span): void {
    const ctx = this.ctx;
    // "Trump and Putin could meet": a possibility, not a channel
    {
      const p = skipBlanksBack(ctx.folded, s, sentence.start);
      const w = letterRunBack(ctx.folded, p, sentence.start);
      if (w < p && HYPOTHETICAL.has(ctx.folded, w, p)) return;
    }
    const subject = this.subjectChain(s, sentence);
    let objects: string[] = [];
    let end = e;
    const after = ctx.folded.slice(e, e + 12);
    const w = /^\s+with\s+/.exec(after);
    const direct = /^\s+/.exec(after);
    if (rule.name === 'exchanged-views' || rule.name === 'held-talks') {
      if (w) {
        const to = listEnd(ctx, e + w[0].length, sentence.end);
        objects = this.idsIn(e + w[0].length, to);
        const last = ctx.lastMentionIn(e, to);
        if (last) end = last.end;
      }
    } else {
      const from = w ? e + w[0].length : direct ? e + direct[0].length : e;
      const first = ctx.mentions[ctx.firstMentionFrom(from)];
      if (first && first.start - from <= 45 && !/[,;:.()]/.test(ctx.folded.slice(from, first.start))) {
        const to = listEnd(ctx, first.start, sentence.end);
        objects = this.idsIn(first.start, to);
        const last = ctx.lastMentionIn(first.start, to);
        if (last) end = last.end;
      }
    }
    const parties = uniq([...subject, ...objects]);
    if (!subject.length || parties.length < 2) {
      // "held talks" with a group ("the two sides held talks")
      if (rule.name !== 'held-talks' && rule.name !== 'exchanged-views') return;
      const grp = this.groupBefore(s, sentence);
      if (grp.length < 2 && parties.length < 2) return;
      parties.push(...grp.filter((g) => !parties.includes(g)));
    }
    const word = ctx.folded.slice(s, e);
    if (/^visited/.test(word) && !objects.length) return;
    const via = this.viaIn(s, sentence);
    let type = rule.type;
    if (via.length && type !== 'call') type = 'intermediary';
    if (type === 'meeting' && INDIRECT_RE.test(ctx.folded.slice(s, e))) type = 'intermediary';
    // "Lavrov and Rubio exchanged views", "Putin and Trump to meet": an adjacent subject is part of the phrase
    const subjStart = subject.length ? this.subjectStart(s, sentence) : s;
    const lastSubj = ctx.mentions[ctx.firstMentionFrom(s) - 1];
    const adjacent = lastSubj && /^\s+(?:to\s+|have\s+|has\s+|had\s+|will\s+|would\s+|also\s+)?$/.test(ctx.folded.slice(lastSubj.end, s));
    const start = adjacent && subject.length >= 2 ? Math.min(s, subjStart) : s;
    this.emit({ start, end, type, participants: parties, via: via.filter((v) => !parties.includes(v)), confidence: 0.8, sentence, fallback: false, weak: false });
  }

  // ------------------------------------------------------------ statements, posts, letters

  private judgeAuthored(rule: TriggerRule, s: number, e: number, sentence: Span): void {
    const ctx = this.ctx;
    const f = ctx.folded;
    const left = leftPhrase(ctx, s, sentence.start);
    const authors: string[] = [];
    if (left.possessor) authors.push(left.possessor.actorId);
    else if (left.pronoun === 'his' || left.pronoun === 'her') authors.push(...this.pronounIds(left.pronoun, left.start, sentence));
    const comp = this.complement(e, sentence);
    if (!authors.length && comp.kind === 'of' && comp.ids.length) {
      // "the tweets of Russia's envoy Dmitriev praising Trump": the author is the first person named (else actor)
      const persons = comp.ids.filter((id) => ctx.kindOf(id) === 'person');
      authors.push(persons.length ? persons[0] : comp.ids[0]);
    }
    // "a letter from A to B"
    const fromM = stickyExec(FROM_RE, f, e);
    let afterAuthor = e;
    if (!authors.length && fromM) {
      const from = e + fromM[0].length;
      const to = listEnd(ctx, from, sentence.end);
      const ms = ctx.mentionsIn(from, to);
      if (ms.length && ms[0].start - from <= 12) {
        authors.push(...this.idsIn(from, to));
        afterAuthor = ms[ms.length - 1].end;
      }
    }
    const verbish = /^(?:tweeted|retweeted|posted)$/.test(f.slice(s, e));
    const targets: string[] = [];
    const via: string[] = [];
    let passOn = false;
    if (rule.name === 'on-platform') {
      // "on X" only when written "X"; "wrote/posted/said on Telegram": the subject is the author
      const x = / on x$/.exec(f.slice(s, e));
      if (x && ctx.text.charCodeAt(e - 1) !== 88) return;
      if (!authors.length && /^(?:wrote|writes|written|posted|posts|said|says|announced)\s/.test(f.slice(s, e))) authors.push(...this.subjectChain(s, sentence, 40));
    }
    if (!authors.length && (rule.type === 'letter' || rule.type === 'social' || rule.type === 'media')) {
      // "Zelensky sent Erdogan a letter": an addressee between the verb and the letter
      const p = skipBlanksBack(f, left.start, sentence.start);
      const pw = letterRunBack(f, p, sentence.start);
      if (pw < p && OBJECT_PRONOUNS.has(f, pw, p) && authorVerbBefore(f, pw, Math.max(sentence.start, pw - 40))) {
        // "Sikorski sent her a letter": the addressee is the person the pronoun stands for
        const author = this.subjectChain(letterRunBack(f, skipBlanksBack(f, pw, sentence.start), sentence.start), sentence, 40);
        if (author.length) {
          authors.push(...author);
          const prev = ctx.previousSentence(pw);
          for (let i = ctx.firstMentionFrom(prev ? prev.start : sentence.start); i < ctx.mentions.length && ctx.mentions[i].start < pw; i++) {
            const id = ctx.mentions[i].actorId;
            if (ctx.kindOf(id) === 'person' && !author.includes(id)) {
              targets.length = 0;
              targets.push(id);
            }
          }
        }
      }
      const io = ctx.mentionAt(p - 1);
      if (io && io.end === p && io.start > sentence.start && authorVerbBefore(f, io.start, Math.max(sentence.start, io.start - 40))) {
        authors.push(...this.subjectChain(letterRunBack(f, skipBlanksBack(f, io.start, sentence.start), sentence.start), sentence, 40).filter((id) => id !== io.actorId));
        if (authors.length) targets.push(io.actorId);
      }
    }
    if (rule.type === 'letter') {
      // "Erdogan offered to pass a message to Kyiv": the one who passes it on is an intermediary
      const p = skipBlanksBack(f, left.start, sentence.start);
      const w = letterRunBack(f, p, sentence.start);
      if (w < p && PASS_VERBS.has(f, w, p)) {
        passOn = true;
        via.push(...this.subjectChain(w, sentence, 60));
        authors.length = 0;
      }
    }
    if (!authors.length && !passOn) authors.push(...this.speakerBefore(left.start, sentence));
    if (!authors.length && !passOn) {
      // "Beijing has issued warnings", "Trump tweeted", "X sent a letter"
      if (verbish || authorVerbBefore(f, left.start, Math.max(sentence.start, left.start - 40))) {
        const subj = this.subjectChain(left.start, sentence, 40);
        authors.push(...subj);
      }
    }
    const toM = stickyExec(TARGET_RE, f, afterAuthor);
    if (toM) {
      const from = afterAuthor + toM[0].length;
      const first = ctx.mentions[ctx.firstMentionFrom(from)];
      if (first && first.start - from <= 12) targets.push(...this.idsIn(from, listEnd(ctx, from, sentence.end)));
    }
    if (comp.kind === 'with' && rule.type === 'media') targets.push(...comp.ids);
    if (passOn) {
      // "… on behalf of Moscow", "… from Moscow": the sender
      const behalf = /\s(?:on\s+behalf\s+of|from)\s+/.exec(f.slice(e, sentence.end));
      if (behalf) {
        const from = e + behalf.index + behalf[0].length;
        targets.push(...this.idsIn(from, listEnd(ctx, from, sentence.end)));
      }
    }
    // "In a post on Telegram, Zelensky …", "In an open letter to Trump, Zelensky …": the subject after the comma
    if (!authors.length && !passOn) authors.push(...this.subjectAfterComma(e, sentence));
    for (const v of this.viaIn(s, sentence)) if (!via.includes(v)) via.push(v);
    let type: ChannelType = rule.type;
    if (rule.type === 'letter' && via.length) type = 'intermediary';

    if (rule.type === 'media' || rule.type === 'social') {
      if (!authors.length) return;
      // "in other words", "the media": a statement needs an author; a statement is a channel only when it is
      // directed at another actor (the target, else the next actor of another side in the sentence)
      if (!targets.length) {
        const other = this.nextOtherActor(e, sentence, authors);
        if (other) targets.push(other);
        else if (rule.type === 'media') return;
      }
    } else if (!authors.length && !targets.length && !via.length) return;

    const participants = uniq([...authors, ...targets]).filter((id) => !via.includes(id));
    let end = e;
    if (toM && targets.length && rule.type !== 'social') {
      const last = ctx.lastMentionIn(afterAuthor, listEnd(ctx, afterAuthor + toM[0].length, sentence.end));
      if (last && last.start - e < 60) end = last.end;
    }
    this.emit({ start: left.start, end, type, participants, via, confidence: 0.7, sentence, fallback: false, weak: false });
  }

  // ------------------------------------------------------------ mediation

  private judgeMediation(s: number, e: number, sentence: Span): void {
    const ctx = this.ctx;
    const f = ctx.folded;
    const left = leftPhrase(ctx, s, sentence.start);
    const via: string[] = [];
    if (left.possessor) via.push(left.possessor.actorId);
    const after = f.slice(e, Math.min(sentence.end, e + 80));
    let participants: string[] = [];
    let end = e;
    const by = /^\s+(?:by|of|from)\s+/.exec(after);
    if (by) {
      const to = listEnd(ctx, e + by[0].length, sentence.end);
      const ids = this.idsIn(e + by[0].length, to);
      if (f.slice(s, e).startsWith('intermediar')) participants.push(...ids);
      else via.push(...ids);
      const last = ctx.lastMentionIn(e, to);
      if (last && last.start - e < 50) end = last.end;
    }
    const btw = /^(?:\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?)?\s*between\s+/.exec(after);
    if (btw) {
      const from = e + btw[0].length;
      const to = listEnd(ctx, from, sentence.end);
      participants.push(...this.idsIn(from, to));
      const g = this.groupAt(from, s);
      participants.push(...g);
      const last = ctx.lastMentionIn(from, to);
      if (last) end = last.end;
    }
    if (!via.length) via.push(...this.subjectChain(left.start, sentence, 30));
    for (const id of left.modifierIds) if (!participants.includes(id)) participants.push(id);
    participants = uniq(participants).filter((id) => !via.includes(id));
    if (!via.length && participants.length < 2) return;
    this.emit({ start: left.start, end, type: 'intermediary', participants, via: uniq(via), confidence: 0.75, sentence, fallback: false, weak: false });
  }

  // ------------------------------------------------------------ forums

  private judgeSidelines(s: number, e: number, sentence: Span): void {
    const ctx = this.ctx;
    const f = ctx.folded;
    const to = listEnd(ctx, e, sentence.end);
    const np = /^\s+(?:the\s+)?(?:[^\s,;.]+\s+){0,6}?(?:meeting|summit|forum|assembly|conference|session|council|talks)s?/.exec(f.slice(e, to));
    const orgs = ctx.mentionsIn(e, to).filter((m) => ctx.kindOf(m.actorId) === 'organization');
    let end = np ? e + np[0].length : orgs.length ? orgs[0].end : to;
    if (end <= e) end = e;
    const inside = this.idsIn(e, end);
    const sideIds = this.fallback(s, sentence, []).filter((id) => !inside.includes(id));
    this.emit({ start: s + (f.startsWith('on ', s) || f.startsWith('at ', s) ? 3 : 0), end, type: 'forum', participants: uniq([...inside, ...sideIds]), via: [], confidence: 0.8, sentence, fallback: false, weak: false });
  }

  // ------------------------------------------------------------ public appearances, gerunds, hosts, venues

  /** "told a press conference", "said on state television", "a televised address": the speaker's public signal. */
  private judgeBroadcast(s: number, e: number, sentence: Span): void {
    const ctx = this.ctx;
    // a verb phrase ("told a press conference") has no noun phrase to its left
    const verbal = /^(?:told|tell)/.test(ctx.folded.slice(s, s + 4));
    const left = verbal ? { start: s, possessor: null } : leftPhrase(ctx, s, sentence.start);
    const speakers: string[] = [];
    if (left.possessor) speakers.push(left.possessor.actorId);
    else {
      // "Putin said on state television": skip a preposition and a speech verb back to the subject
      let p = skipBlanksBack(ctx.folded, left.start, sentence.start);
      for (let hops = 0; hops < 3; hops++) {
        const w = letterRunBack(ctx.folded, p, sentence.start);
        // a preposition or speech verb, or an adjective such as "Egyptian" (capitalised, not an actor)
        const adjective = w < p && hops === 0 && isUpperAscii(ctx.text.charCodeAt(w)) && !ctx.mentionAt(w);
        if (w < p && (BROADCAST_SKIP.has(ctx.folded, w, p) || adjective)) p = skipBlanksBack(ctx.folded, w, sentence.start);
        else break;
      }
      speakers.push(...this.subjectChain(p, sentence, 40));
      // "he told Egyptian state television": the pronoun's person
      const w = letterRunBack(ctx.folded, p, sentence.start);
      if (!speakers.length && p - w === 2 && /^(?:he|she)$/.test(ctx.folded.slice(w, p))) speakers.push(...this.pronounIds('his', w, sentence));
    }
    if (!speakers.length) speakers.push(...this.subjectAfterComma(e, sentence));
    if (!speakers.length) return;
    // the forum itself ("told the Munich Security Conference") when it is an actor
    const inside = ctx.mentionsIn(s, e).filter((m) => ctx.kindOf(m.actorId) === 'organization').map((m) => m.actorId);
    // "told a security forum": a speech at a forum; "told a press conference": a public statement
    const type: ChannelType = verbal && /(?:forum|summit|conference)$/.test(ctx.folded.slice(s, e)) && !/(?:press|news)\s+conference$/.test(ctx.folded.slice(s, e)) ? 'forum' : 'media';
    this.emit({ start: left.start, end: e, type, participants: uniq([...speakers, ...inside]), via: [], confidence: 0.7, sentence, fallback: false, weak: false });
  }

  /** "after meeting the Ukrainian delegation, Rubio …": the objects, and the subject of the main clause. */
  private judgeGerund(s: number, e: number, sentence: Span): void {
    const ctx = this.ctx;
    const to = listEnd(ctx, e, sentence.end);
    const objects = this.idsIn(e, to);
    if (!objects.length) return;
    let subject = this.subjectAfterComma(to - 1, sentence);
    if (!subject.length) {
      // "Al Thani told reporters after meeting …": the nearest person before, outside the objects
      for (let i = ctx.firstMentionFrom(s) - 1; i >= 0 && ctx.mentions[i].start >= sentence.start; i--) {
        const id = ctx.mentions[i].actorId;
        if (ctx.kindOf(id) === 'person' && !objects.includes(id)) {
          subject = [id];
          break;
        }
      }
    }
    if (!subject.length) {
      const first = this.sentenceSubject(s, sentence);
      if (first) subject = [first];
    }
    const parties = uniq([...subject, ...objects]);
    if (parties.length < 2) return;
    const last = ctx.lastMentionIn(e, to);
    let end = last ? last.end : to;
    // "the Ukrainian delegation": the phrase runs to the head noun after the demonym
    const np = /^(?:\s+[a-z-]+){0,2}?\s+(?:delegation|team|side|counterparts?|envoys?|negotiators|officials|leaders?|ministers?|president|prime\s+minister)\b/.exec(ctx.folded.slice(end, to));
    if (np) end += np[0].length;
    this.emit({ start: s, end: Math.max(end, e), type: 'meeting', participants: parties, via: this.viaIn(s, sentence), confidence: 0.7, sentence, fallback: false, weak: false });
  }

  /**
   * "Zuppi said in an interview", "Zelensky dismissed … in a post on Telegram": for a channel noun inside an "in/on"
   * phrase, the speaker is the subject before the speech verb, else the sentence's subject.
   */
  private speakerBefore(at: number, sentence: Span): string[] {
    const f = this.ctx.folded;
    let p = skipBlanksBack(f, at, sentence.start);
    let w = letterRunBack(f, p, sentence.start);
    if (w === p || !(f.startsWith('in', w) && p - w === 2)) return [];
    p = skipBlanksBack(f, w, sentence.start);
    w = letterRunBack(f, p, sentence.start);
    if (w < p && BROADCAST_SKIP.has(f, w, p)) {
      const subj = this.subjectChain(w, sentence, 40);
      if (subj.length) return subj;
    }
    const first = this.sentenceSubject(at, sentence);
    return first ? [first] : [];
  }

  /** The subject right after the first comma following `from` ("In a post on Telegram, Zelensky …"). */
  private subjectAfterComma(from: number, sentence: Span): string[] {
    const ctx = this.ctx;
    const comma = ctx.folded.indexOf(',', from);
    if (comma < 0 || comma >= sentence.end) return [];
    const m = ctx.mentions[ctx.firstMentionFrom(comma)];
    if (!m || m.end > sentence.end || m.start - comma > 4) return [];
    return [m.actorId];
  }

  /** The sentence's subject: its first actor when that opens the sentence (at most a few words before it). */
  private sentenceSubject(before: number, sentence: Span): string | undefined {
    const ctx = this.ctx;
    const m = ctx.mentions[ctx.firstMentionFrom(sentence.start)];
    if (!m || m.end > before || m.start - sentence.start > 12 || this.isTopical(m, sentence)) return undefined;
    return m.actorId;
  }

  /** "Erdogan hosted a meeting …", "Oman, which hosted the talks, …": the host(s) before the noun phrase at `at`. */
  private hostBefore(at: number, sentence: Span): string[] {
    const f = this.ctx.folded;
    const p = skipBlanksBack(f, at, sentence.start);
    const w = letterRunBack(f, p, sentence.start);
    if (w === p || !HOST_VERBS.has(f, w, p)) return [];
    return this.subjectChain(w, sentence, 60);
  }

  /** A state alias used as a pre-modifier that names a place ("the Doha talks", "the Geneva meeting"). */
  private isVenue(id: string, from: number, to: number): boolean {
    const ctx = this.ctx;
    if (ctx.kindOf(id) !== 'state') return false;
    const m = ctx.mentionsIn(from, to).find((x) => x.actorId === id);
    if (!m || /['’]s?$/.test(ctx.text.slice(m.end, m.end + 2).trim())) return false;
    const a = ctx.actor(id);
    if (!a) return false;
    const t = normWord(m.text);
    return t !== normWord(a.name) && !(a.demonyms ?? []).some((d) => normWord(d) === t) && /^[A-Z][a-z]+$/.test(m.text);
  }

  /** Whether the sentence calls the contact secret or unofficial. */
  private secretIn(sentence: Span): boolean {
    return SECRET_RE.test(this.ctx.folded.slice(sentence.start, sentence.end));
  }

  // ------------------------------------------------------------ helpers

  private emit(c: Draft): void {
    if (c.end > c.start) this.push(c);
  }

  private push(d: Draft): void {
    const c = d as Candidate;
    const t = this.ctx.text;
    for (let ch = t.charCodeAt(c.end - 1); c.end > c.start && (ch === 44 || ch === 59 || ch === 58 || isWsCode(ch)); ch = t.charCodeAt(c.end - 1)) c.end--;
    while (c.start < c.end && isWsCode(t.charCodeAt(c.start))) c.start++;
    if (c.end <= c.start) return;
    c.text = t.slice(c.start, c.end);
    c.participants = uniq(c.participants);
    c.via = uniq(c.via);
    this.out.push(c);
    this.recent = c;
  }

  private inScareQuote(s: number, e: number): boolean {
    // scare quotes are at most 60 long and sorted by start: only those starting in [s - 60, s] can hold [s, e)
    const sc = this.scare;
    let lo = 0;
    let hi = sc.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sc[mid].start < s - 60) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sc.length && sc[i].start <= s; i++) if (e <= sc[i].end) return true;
    // a short term held at a distance by quotation marks, even when the quote stage did not report it
    const t = this.ctx.text;
    let a = s;
    while (a > 0 && isLetterOrHyphen(t.charCodeAt(a - 1))) a--;
    let b = e;
    while (b < t.length && isLetterOrHyphen(t.charCodeAt(b))) b++;
    const open = a > 0 ? t.charCodeAt(a - 1) : 0;
    const close = b < t.length ? t.charCodeAt(b) : 0;
    if (open === 0x201c) return close === 0x201d;
    if (open === 0xab) return close === 0xbb;
    if (open !== 34 || close !== 34) return false;
    const c = a > 1 ? t.charCodeAt(a - 2) : 32;
    return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95);
  }

  /** Complement right after a noun: optional place ("in Riyadh"), then "between …", "with …", "of …", "like …". */
  private complement(e: number, sentence: Span): Complement {
    const ctx = this.ctx;
    const f = ctx.folded;
    const out: Complement = { kind: null, ids: [], end: e, named: false, start: e, placeEnd: e };
    let pos = e;
    const place = stickyExec(PLACE_RE, f, pos);
    const placeAt = place ? pos + place[0].length - place[1].length : 0;
    if (place && ctx.text.charCodeAt(placeAt) >= 65 && ctx.text.charCodeAt(placeAt) <= 90) {
      // a capitalised place; keep only capitalised words
      const words = ctx.text.slice(pos + place[0].length - place[1].length, pos + place[0].length).split(/\s+/);
      let len = place[0].length - place[1].length;
      let n = 0;
      for (const w of words) {
        if (!/^[A-Z]/.test(w)) break;
        len += (n ? 1 : 0) + w.length;
        n++;
      }
      out.placeEnd = pos + len;
      pos = out.placeEnd;
    }
    const m = stickyExec(COMPLEMENT_RE, f, pos);
    if (!m) return out;
    const kind = m[1] === 'between' || m[1] === 'among' ? 'between' : m[1] === 'with' ? 'with' : m[1] === 'of' ? 'of' : 'like';
    const from = pos + m[0].length;
    const to = listEnd(ctx, from, sentence.end);
    out.kind = kind;
    out.start = pos;
    const ids = this.idsIn(from, to);
    const group = this.groupAt(from, from);
    const ms = ctx.mentionsIn(from, to);
    if (kind === 'of' && (!ms.length || ms[0].start - from > 40)) {
      out.kind = group.length ? 'of' : null;
    }
    out.ids = uniq([...ids, ...group]);
    const gm = ctx.hasCue(CUE_GROUP_NOUN, from, to) ? GROUP_RE.exec(f.slice(from, to)) : null;
    if (gm) out.named = true;
    else if (kind === 'between' && to > from + 3 && !/^(?:us|them|our|your|you|me|each\s+other)\b/.test(f.slice(from, to))) out.named = true;
    let end = ms.length ? ms[ms.length - 1].end : e;
    if (gm) end = Math.max(end, from + gm[0].length);
    if (kind === 'between' && !ms.length && !gm) end = Math.min(to, from + 60);
    out.listEnd = to;
    out.end = end;
    return out;
  }

  /** Actors named as the topic or place of a channel ("talks on Ukraine", "a meeting in Moscow"): not its parties. */
  private topicIds(e: number, comp: Complement, sentence: Span): string[] {
    // a place mention may run past the two words the place pattern reads ("at Lincoln High School")
    const cut = comp.placeEnd > e ? this.ctx.mentionAt(comp.placeEnd - 1) : undefined;
    const ids = comp.placeEnd > e ? this.idsIn(e, cut && cut.end > comp.placeEnd ? cut.end : comp.placeEnd) : [];
    const from = comp.placeEnd;
    const m = stickyExec(TOPIC_RE, this.ctx.folded, from);
    if (m) ids.push(...this.idsIn(from + m[0].length, listEnd(this.ctx, from + m[0].length, sentence.end)));
    return ids;
  }

  /** Actor ids in [from, to): mentions, plus capitalised state words not covered by a mention ("Russian"). */
  private idsIn(from: number, to: number): string[] {
    const ctx = this.ctx;
    const ids: string[] = [];
    const ms = ctx.mentionsIn(from, to);
    for (const m of ms) if (!ids.includes(m.actorId) && !this.isTitlePart(m.start, m.end, to)) ids.push(m.actorId);
    // capitalised words not covered by a mention ("Russian", "U.S.-Russian"): /[A-Z][A-Za-z.]*(?:[-–—][A-Z][A-Za-z.]*)*/
    const t = ctx.text;
    for (let i = from; i < to; i++) {
      if (!isUpperAscii(t.charCodeAt(i))) continue;
      const at = i;
      i++;
      for (;;) {
        while (i < to && isWordOrDot(t.charCodeAt(i))) i++;
        const d = i < to ? t.charCodeAt(i) : 0;
        if ((d === 45 || d === 0x2013 || d === 0x2014) && i + 1 < to && isUpperAscii(t.charCodeAt(i + 1))) i += 2;
        else break;
      }
      const end = i;
      i--;
      if (ctx.mentionAt(at) || this.isTitlePart(at, end, to)) continue;
      for (const id of compoundIds(ctx, { start: at, end })) if (!ids.includes(id)) ids.push(id);
      const id = ctx.stateIn(at, end);
      if (id && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /**
   * True when [s, e) is part of a person's title rather than a party of its own: a state or organisation word
   * followed by title words and then a person ("U.S. Secretary of State Marco Rubio", "Putin's aide Yuri Ushakov").
   */
  private isTitlePart(s: number, e: number, to: number): boolean {
    const ctx = this.ctx;
    const here = ctx.mentionAt(s);
    const possessive = /^['’]s\s/.test(ctx.text.slice(e, e + 3));
    if (here && ctx.kindOf(here.actorId) === 'person' && !possessive) return false;
    const next = ctx.mentions[ctx.firstMentionFrom(e)];
    if (!next || next.end > to + 1 || ctx.kindOf(next.actorId) !== 'person' || next.start - e > 60) return false;
    const gap = ctx.text.slice(e, next.start);
    return (
      /^\s+(?:(?:[A-Z][\w.'’-]*|of|the|for|on|foreign|policy|affairs|security|national|special|deputy|former|new|chief|top)\s+){1,8}$/.test(gap) ||
      /^['’]s\s+(?:[\w.'’-]+\s+){1,5}$/.test(gap)
    );
  }

  /** "the two presidents", "both sides", "the two countries" starting at `from`, resolved to actor ids. */
  private groupAt(from: number, before: number): string[] {
    if (!this.ctx.hasCue(CUE_GROUP_NOUN, from, from + 60)) return [];
    const m = GROUP_RE.exec(this.ctx.folded.slice(from, from + 60));
    if (!m) return [];
    return this.resolveGroup(groupKind(m[1].replace(/\s+/g, ' ')), before);
  }

  private groupBefore(s: number, sentence: Span): string[] {
    if (!this.ctx.hasCue(CUE_GROUP, sentence.start, s)) return [];
    const seg = this.ctx.folded.slice(sentence.start, s);
    GROUP_ANYWHERE_RE.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    for (let m = GROUP_ANYWHERE_RE.exec(seg); m; m = GROUP_ANYWHERE_RE.exec(seg)) last = m;
    return last ? this.resolveGroup(groupKind(last[1].replace(/\s+/g, ' ')), sentence.start + last.index) : [];
  }

  /**
   * Resolves a group noun to the two most recent fitting actors before `before`: presidents (role), leaders,
   * ministers, states; "sides" are the sides (states) of the most recent channel.
   */
  private resolveGroup(kind: GroupKind, before: number): string[] {
    const ctx = this.ctx;
    if (kind === 'sides') {
      const r = this.recent;
      if (r) {
        const sides = uniq(r.participants.map((id) => ctx.sideOf(id)));
        if (sides.length >= 2) return sides.slice(0, 2);
        if (r.participants.length >= 2) return r.participants.slice(0, 2);
      }
      kind = 'states';
    }
    const test = (m: Mention): boolean => {
      const id = m.actorId;
      if (kind === 'states') return ctx.kindOf(id) === 'state';
      if (ctx.kindOf(id) !== 'person') return false;
      const roles = ctx.rolesOf(id, m);
      if (kind === 'presidents') return /\bpresident\b/.test(roles) && !/vice[- ]president|presidential/.test(roles.replace(/president of|president,/g, 'president'));
      if (kind === 'leaders') return /\b(?:president|prime minister|chancellor|king|emir|leader|head of state|premier|sultan|supreme leader)\b/.test(roles);
      return /\b(?:minister|secretary of state)\b/.test(roles);
    };
    const out: string[] = [];
    const sides: string[] = [];
    let i = ctx.firstMentionFrom(before) - 1;
    for (let n = 0; i >= 0 && n < 400 && out.length < 2; i--, n++) {
      const m = ctx.mentions[i];
      if (out.includes(m.actorId) || !test(m)) continue;
      const side = ctx.sideOf(m.actorId);
      if (kind !== 'states' && sides.includes(side) && side !== m.actorId) continue;
      out.push(m.actorId);
      sides.push(side);
    }
    return out;
  }

  /** "his" / "her" → the nearest person before; "their" → the two nearest people (or the recent channel's parties). */
  private pronounIds(pronoun: string, at: number, sentence: Span): string[] {
    const ctx = this.ctx;
    const prev = ctx.previousSentence(at);
    const floor = prev ? prev.start : sentence.start;
    const out: string[] = [];
    const want = pronoun === 'their' ? 2 : 1;
    // "its": the nearest state or organisation; "his"/"her"/"their": people
    const fits = (id: string): boolean => (pronoun === 'its' ? ctx.kindOf(id) !== 'person' : ctx.kindOf(id) === 'person');
    for (let i = ctx.firstMentionFrom(at) - 1; i >= 0 && ctx.mentions[i].start >= floor && out.length < want; i--) {
      const m = ctx.mentions[i];
      if (fits(m.actorId) && !out.includes(m.actorId)) out.push(m.actorId);
    }
    if (pronoun === 'their' && out.length < 2) {
      // "their call" after "Xi and Trump" or "Beijing and Washington": the two nearest actors of different sides
      const pair: string[] = [];
      for (let i = ctx.firstMentionFrom(at) - 1; i >= 0 && ctx.mentions[i].start >= floor && pair.length < 2; i--) {
        const id = ctx.mentions[i].actorId;
        if (!pair.some((p) => ctx.sideOf(p) === ctx.sideOf(id))) pair.push(id);
      }
      if (pair.length === 2) return pair;
      if (this.recent) return this.recent.participants.slice(0, 2);
    }
    return out;
  }

  /** The coordinated actors right before `s` in its clause ("A and B held talks", "Rubio is scheduled to meet"). */
  private subjectChain(s: number, sentence: Span, maxGap = 60): string[] {
    const ctx = this.ctx;
    const out: string[] = [];
    let i = ctx.firstMentionFrom(s) - 1;
    if (i < 0) return out;
    let m = ctx.mentions[i];
    if (m.start < sentence.start || m.end > s) return out;
    const gap = ctx.folded.slice(m.end, s);
    // "Witkoff, who met Dmitriev": the antecedent of the relative pronoun
    if (gap.includes('who') && RELATIVE_WHO_RE.test(gap)) return [m.actorId];
    if (gap.length > maxGap || /[;:()!?]|,\s|\s-\s|\b(?:that|which|who|while|but|after|before|when)\b/.test(gap)) {
      // "Dmitriev, the head of Russia's wealth fund, wrote", "Turkey's president, Erdogan, to pass": an apposition
      const appo = gap.includes(',') ? this.appositionSubject(s, sentence) : undefined;
      return appo ? [appo] : out;
    }
    out.push(m.actorId);
    for (i--; i >= 0; i--) {
      const p = ctx.mentions[i];
      if (p.start < sentence.start) break;
      const g = ctx.text.slice(p.end, m.start);
      if (!/^(?:\s*,)?\s*(?:and|&|as well as|,)\s*(?:(?:the|of|[A-Z][\w.'’-]*)\s+){0,6}$/.test(g) && !/^'s\s/.test(g)) break;
      if (!out.includes(p.actorId)) out.push(p.actorId);
      m = p;
    }
    return out.reverse();
  }

  /**
   * The subject before an apposition that ends right before `s` (", the head of …, wrote"), or the person named by
   * an apposition itself (", Recep Tayyip Erdogan, to pass"). Undefined when the text before `s` is not one.
   */
  private appositionSubject(s: number, sentence: Span): string | undefined {
    const ctx = this.ctx;
    const f = ctx.folded;
    const close = f.lastIndexOf(',', s - 1);
    if (close < sentence.start || s - close > 14 || !/^,\s*(?:(?:to|has|had|have|also|then|later|will|would)\s+)?$/.test(f.slice(close, s))) return undefined;
    const open = f.lastIndexOf(',', close - 1);
    const inner = open >= sentence.start ? ctx.mentionsIn(open + 1, close) : [];
    // the apposition is a person's name: ", Recep Tayyip Erdogan,"
    if (inner.length === 1 && ctx.kindOf(inner[0].actorId) === 'person' && /^,\s*$/.test(f.slice(open, inner[0].start)) && /^\s*$/.test(f.slice(inner[0].end, close))) return inner[0].actorId;
    if (open < sentence.start || close - open > 90 || !/^,\s+(?:the|a|an|his|her|its|their|[a-z]+'s)\s/.test(f.slice(open, open + 20))) return undefined;
    if (/\b(?:said|says|who|which|that|and|but)\b/.test(f.slice(open, close))) return undefined;
    const i = ctx.firstMentionFrom(open) - 1;
    const m = i >= 0 ? ctx.mentions[i] : undefined;
    if (!m || m.start < sentence.start || !/^\s*$/.test(f.slice(m.end, open))) return undefined;
    return m.actorId;
  }

  private subjectStart(s: number, sentence: Span): number {
    const ctx = this.ctx;
    const ids = this.subjectChain(s, sentence);
    let i = ctx.firstMentionFrom(s) - 1;
    let start = s;
    while (i >= 0 && ctx.mentions[i].start >= sentence.start && ids.includes(ctx.mentions[i].actorId)) {
      start = ctx.mentions[i].start;
      i--;
    }
    return start;
  }

  private readonly viaCache = new Map<number, Array<{ at: number; ids: string[] }>>();
  private readonly companyCache = new Map<number, Array<{ at: number; ids: string[] }>>();

  /** "through C", "via C", "with the help of C", "hosted by C" in a sentence (scanned once per sentence). */
  private viaHits(sentence: Span): Array<{ at: number; ids: string[] }> {
    let hits = this.viaCache.get(sentence.start);
    if (!hits) {
      hits = [];
      const ctx = this.ctx;
      const seg = ctx.hasCue(CUE_VIA, sentence.start, sentence.end) ? ctx.folded.slice(sentence.start, sentence.end) : '';
      VIA_RE.lastIndex = 0;
      for (let m = VIA_RE.exec(seg); m; m = VIA_RE.exec(seg)) {
        const at = sentence.start + m.index + m[0].length;
        const first = ctx.mentions[ctx.firstMentionFrom(at)];
        if (!first || first.start - at > 12) continue;
        hits.push({ at: sentence.start + m.index, ids: this.idsIn(at, listEnd(ctx, at, sentence.end)) });
      }
      this.viaCache.set(sentence.start, hits);
    }
    return hits;
  }

  /** Intermediaries named in the rest of the sentence (within 200 characters of the trigger). */
  private viaIn(from: number, sentence: Span): string[] {
    const to = sentence.end;
    const out: string[] = [];
    if (!this.ctx.hasCue(CUE_VIA, sentence.start, sentence.end)) return out;
    for (const h of this.viaHits(sentence)) {
      if (h.at < from || h.at > Math.min(to, from + 200)) continue;
      for (const id of h.ids) if (!out.includes(id)) out.push(id);
    }
    return out;
  }

  /** "in the company of C", "together with C" after the trigger, in its clause. */
  private companyIn(from: number, sentence: Span): string[] {
    const ctx = this.ctx;
    const to = sentence.end;
    if (!ctx.hasCue(CUE_COMPANY, sentence.start, sentence.end)) return [];
    let hits = this.companyCache.get(sentence.start);
    if (!hits) {
      hits = [];
      const seg = ctx.hasCue(CUE_COMPANY, sentence.start, sentence.end) ? ctx.folded.slice(sentence.start, sentence.end) : '';
      COMPANY_RE.lastIndex = 0;
      for (let m = COMPANY_RE.exec(seg); m; m = COMPANY_RE.exec(seg)) {
        const at = sentence.start + m.index + m[0].length;
        hits.push({ at: sentence.start + m.index, ids: this.idsIn(at, listEnd(ctx, at, sentence.end)) });
      }
      this.companyCache.set(sentence.start, hits);
    }
    const out: string[] = [];
    for (const h of hits) {
      if (h.at < from || h.at > Math.min(to, from + 200) || /[,;:()]/.test(ctx.folded.slice(from, h.at))) continue;
      for (const id of h.ids) if (!out.includes(id)) out.push(id);
    }
    return out;
  }

  /** The first actor after `e` in the sentence that is not one of `not` (nor on their side). */
  private nextOtherActor(e: number, sentence: Span, not: readonly string[]): string | undefined {
    const ctx = this.ctx;
    const sides = not.map((id) => ctx.sideOf(id));
    for (let i = ctx.firstMentionFrom(e); i < ctx.mentions.length && ctx.mentions[i].end <= sentence.end; i++) {
      const id = ctx.mentions[i].actorId;
      if (!not.includes(id) && !sides.includes(ctx.sideOf(id))) return id;
    }
    return undefined;
  }

  /**
   * A mention in a topic or place phrase ("on Ukraine", "issues like Iran and Syria", "in Kyiv"), following
   * coordination back to the preposition: a subject of the talks, not a party to them.
   */
  private isTopical(m: Mention, sentence: Span): boolean {
    const ctx = this.ctx;
    let cur = m;
    for (let hops = 0; hops < 6; hops++) {
      const floor = Math.max(sentence.start, cur.start - 30);
      let p = skipBlanksBack(ctx.folded, cur.start, floor);
      if (p === cur.start) return false;
      // "on the …": a trailing "the" does not count
      if (p - 3 >= floor && ctx.folded.startsWith('the', p - 3)) {
        const q = skipBlanksBack(ctx.folded, p - 3, floor);
        if (q < p - 3 || p - 3 === floor) p = q;
      }
      const w = letterRunBack(ctx.folded, p, floor);
      if (w < p && TOPIC_WORDS.has(ctx.folded, w, p)) return true;
      if (w < p && ctx.folded.startsWith('as', w) && p - w === 2) {
        const q = skipBlanksBack(ctx.folded, w, floor);
        const w2 = letterRunBack(ctx.folded, q, floor);
        if (q < w && q - w2 === 4 && ctx.folded.startsWith('such', w2)) return true;
      }
      const commaOrAnd = (p > floor && ctx.folded.charCodeAt(p - 1) === 44) || (p - w === 3 && ctx.folded.startsWith('and', w));
      if (!commaOrAnd) return false;
      const i = ctx.firstMentionFrom(cur.start);
      const prev = i > 0 ? ctx.mentions[i - 1] : undefined;
      if (!prev || prev.start < sentence.start || cur.start - prev.end > 8) return false;
      cur = prev;
    }
    return false;
  }

  /** Number of distinct sides among the actors (and group nouns) of a sentence. */
  private sidesIn(sentence: Span): number {
    const hit = this.sidesCache.get(sentence.start);
    if (hit !== undefined) return hit;
    const ctx = this.ctx;
    const sides = new Set<string>();
    for (const m of ctx.mentionsIn(sentence.start, sentence.end)) if (!this.isTopical(m, sentence)) sides.add(ctx.sideOf(m.actorId));
    GROUP_ANYWHERE_RE.lastIndex = 0;
    let n = sides.size;
    if (ctx.hasCue(CUE_GROUP, sentence.start, sentence.end) && GROUP_ANYWHERE_RE.test(ctx.folded.slice(sentence.start, sentence.end))) n = Math.max(2, n);
    this.sidesCache.set(sentence.start, n);
    return n;
  }

  private readonly sidesCache = new Map<number, number>();

  /**
   * Participants when no syntax ties actors to the trigger: the people of the sentence (else all its actors,
   * else group nouns such as "both sides"), else the previous sentence's.
   */
  private fallback(s: number, sentence: Span, exclude: readonly string[]): string[] {
    const pick = (span: Span): string[] => {
      const ctx = this.ctx;
      const persons: string[] = [];
      const all: string[] = [];
      for (let i = ctx.firstMentionFrom(span.start); i < ctx.mentions.length && ctx.mentions[i].start < span.end; i++) {
        const m = ctx.mentions[i];
        if (m.end > span.end || exclude.includes(m.actorId)) continue;
        if (!all.includes(m.actorId)) all.push(m.actorId);
        if (ctx.kindOf(m.actorId) === 'person' && !persons.includes(m.actorId)) persons.push(m.actorId);
      }
      if (persons.length >= 2) return persons;
      if (!this.ctx.hasCue(CUE_GROUP, span.start, span.end)) return all;
      const seg = this.ctx.folded.slice(span.start, span.end);
      GROUP_ANYWHERE_RE.lastIndex = 0;
      const g = GROUP_ANYWHERE_RE.exec(seg);
      if (g) {
        const grp = this.resolveGroup(groupKind(g[1].replace(/\s+/g, ' ')), span.start + g.index);
        if (grp.length) return grp;
      }
      return all;
    };
    // without exclusions and group nouns the answer depends on the sentence alone: computed once per sentence
    const cacheable = exclude.length === 0 && !this.ctx.hasCue(CUE_GROUP, sentence.start, sentence.end);
    if (cacheable) {
      const hit = this.fallbackCache.get(sentence.start);
      if (hit) return hit.slice();
    }
    let out: string[] = pick(sentence);
    let stable = cacheable;
    if (!out.length) {
      const prev = this.ctx.previousSentence(s);
      if (prev) {
        out = pick(prev);
        if (this.ctx.hasCue(CUE_GROUP, prev.start, prev.end)) stable = false;
      }
    }
    if (stable) this.fallbackCache.set(sentence.start, out.slice());
    return out;
  }

  private readonly fallbackCache = new Map<number, string[]>();
}

function explicitPair(ctx: ChannelContext, ids: readonly string[]): boolean {
  return new Set(ids.map((id) => ctx.sideOf(id))).size >= 2 && ids.every((id) => ctx.kindOf(id) !== 'organization');
}

function uniq(ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (!out.includes(id)) out.push(id);
  return out;
}
