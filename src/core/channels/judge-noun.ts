/**
 * Judging a channel noun ("talks", "a phone call", "the Doha meeting", "dialogue with Moscow"): its noun phrase,
 * complement, participants from the syntax (else the sentence), via, type qualifiers and precision guards; and the
 * gerund "after meeting the delegation".
 */
import type { ChannelType, Span } from '../types';
import { DEFINITE, WordSet } from './wordset';
import type { TriggerRule } from './rules';
import { leftPhrase, letterRunBack, listEnd, skipBlanksBack, type LeftPhrase } from './phrase';
import { complement, complementAt, idsIn, placeAfter, topicIds } from './complement';
import { fallbackParticipants, pronounIds, sidesIn } from './groups';
import { hostBefore, isVenue, sentenceSubject, sentenceSubjects, subjectAfterComma, subjectChain } from './subjects';
import { companyIn, secretIn, viaIn } from './via';
import { explicitPair, INDIRECT_RE, stickyTest, uniq, type Finder } from './finder';

const LEVEL_RE = /\s+(?:at|on)\s+(?:the|a)\s+(?:[a-z-]+\s+)?level\b|\s+at\s+the\s+level\s+of\b/y;
const EXCHANGE_OF_RE = /\s+(?:of|rates?)\b/y;
const COPULA_RE = /\s+(?:is|are|was|were|isn't|wasn't|can\s+be|would\s+be)\s/y;
/** Words before "meeting" that make it the gerund of the verb ("after meeting the delegation"). */
const GERUND_INTRO = new WordSet(['after', 'before', 'since', 'while', 'when', 'without', 'upon', 'on', 'for']);

/** A channel noun (strong or weak): reported with participants from its phrase, else (when specific) its sentence. */
/** The words a "by phone" phrase starts with when no verb leads it. */
const PHONE_PREPOSITION = new WordSet(['by', 'on', 'over', 'via']);

function isLetterCode(c: number): boolean {
  return c >= 97 && c <= 122;
}

function wordEnd(f: string, s: number): number {
  let e = s;
  while (isLetterCode(f.charCodeAt(e))) e++;
  return e;
}

/** Verbs whose object is an event the subject takes part in ("ended a summit", "attended the talks"). */
const EVENT_VERBS = new WordSet('ended ends attended attends attending opened opens convened convenes concluded concludes joined joins chaired chairs began begins wrapped started starts resumed resumes'.split(' '));

/** The subject chain of an event verb right before the phrase at `at`, else []. */
function eventSubject(fd: Finder, at: number, sentence: Span): string[] {
  const f = fd.ctx.folded;
  const p = skipBlanksBack(f, at, sentence.start);
  const w = letterRunBack(f, p, sentence.start);
  if (w === p || !EVENT_VERBS.has(f, w, p)) return [];
  return subjectChain(fd, w, sentence);
}

/** Words that make a channel phrase a time adjunct of the clause before it ("said after a meeting with …"). */
const TIME_WORDS = new WordSet(['after', 'before', 'following', 'during', 'ahead']);

/** The nearest person before a time adjunct at `at` ("… Merz said after a meeting with X"), not one of `others`. */
function personBeforeTimePhrase(fd: Finder, at: number, sentence: Span, others: readonly string[]): string | undefined {
  const ctx = fd.ctx;
  const f = ctx.folded;
  const p = skipBlanksBack(f, at, sentence.start);
  const w = letterRunBack(f, p, sentence.start);
  if (w === p || !TIME_WORDS.has(f, w, p)) return undefined;
  for (let i = ctx.firstMentionFrom(w) - 1; i >= 0 && ctx.mentions[i].start >= sentence.start && w - ctx.mentions[i].end <= 40; i--) {
    const id = ctx.mentions[i].actorId;
    if (ctx.kindOf(id) === 'person' && !others.includes(id)) return id;
  }
  return undefined;
}

export function judgeNoun(fd: Finder, rule: TriggerRule, s: number, e: number, sentence: Span): void {
  const ctx = fd.ctx;
  const f = ctx.folded;
  // "prisoner exchanges", "exchange of fire", "exchange rate": not channels
  if (rule.name === 'meeting' && f.startsWith('exchange', s) && stickyTest(EXCHANGE_OF_RE, f, e)) return;
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
    const ids = idsIn(fd, e, listTo);
    const lastM = ctx.lastMentionIn(e, listTo);
    if (lastM) end = lastM.end;
    return fd.emit({ start, end, type, participants: ids.length ? ids : fallbackParticipants(fd, s, sentence, []), via: [], confidence: ids.length >= 2 ? 0.85 : 0.6, sentence, fallback: !ids.length, weak: false });
  }

  // "after meeting the delegation", "before meeting Lavrov": the gerund of the verb
  if (e - s === 7 && f.startsWith('meeting', s) && !left.det && GERUND_INTRO.has(f, letterRunBack(f, skipBlanksBack(f, s, sentence.start), sentence.start), skipBlanksBack(f, s, sentence.start))) {
    return judgeGerund(fd, s, e, sentence);
  }
  const placeEnd = placeAfter(fd, e);
  if (rule.strength === 'weak' && untied(fd, rule, s, left, placeEnd, sentence)) return;
  const comp = complement(fd, e, sentence, placeEnd);
  // "a phone call is cheap", "a meeting is no substitute": a generic remark, not a channel
  if ((left.det === 'a' || left.det === 'an') && !comp.kind && stickyTest(COPULA_RE, f, e)) return;
  const via = viaIn(fd, s, sentence);
  let participants: string[] = [];
  let explicit = false;

  // participants from the syntax around the noun
  const owner: string[] = [];
  if (left.possessor) owner.push(left.possessor.actorId);
  else if (left.pronoun) owner.push(...pronounIds(fd, left.pronoun, left.start, sentence));
  for (const id of left.modifierIds) if (!owner.includes(id) && !(left.modifierIds.length === 1 && !left.pair && isVenue(fd, id, left.start, s))) owner.push(id);
  // "Trump and Putin spoke by phone": a call led by its verb has the whole subject chain as its parties
  // (the verb starts the phrase: the names before it are its subject, not modifiers of a noun); one subject counts
  // with a named partner ("Rashad spoke by phone with Netanyahu"), else the sentence decides ("she had spoken by
  // phone with the company's chief executive, X")
  if (rule.name === 'by-phone' && isLetterCode(f.charCodeAt(s)) && !PHONE_PREPOSITION.has(f, s, wordEnd(f, s))) {
    const chain = subjectChain(fd, s, sentence);
    if (chain.length >= 2 || (chain.length === 1 && comp.kind === 'with' && comp.ids.length > 0 && !comp.ids.includes(chain[0]))) {
      owner.splice(0, owner.length, ...uniq([...chain, ...owner]));
      start = s;
    }
  }
  // "the latest exchanges with Washington": the sentence's subject is the other side
  if (!owner.length && comp.kind === 'with' && comp.ids.length) {
    const subj = sentenceSubject(fd, left.start, sentence);
    if (subj && !comp.ids.includes(subj) && !comp.ids.some((id) => ctx.sideOf(id) === ctx.sideOf(subj))) {
      for (const id of sentenceSubjects(fd, left.start, sentence)) if (!comp.ids.includes(id)) owner.push(id);
    } else if (!subj) {
      // "“…”, Merz said after a meeting with Dutch Prime Minister Dick Schoof": the person the time phrase follows
      const before = personBeforeTimePhrase(fd, left.start, sentence, comp.ids);
      if (before) owner.push(before);
    }
  }
  if (comp.kind === 'between' || comp.kind === 'with' || comp.kind === 'like' || (comp.kind === 'of' && (comp.ids.length || comp.named))) {
    participants = uniq([...owner, ...comp.ids]);
    explicit = participants.length > 0 || comp.named;
  } else if (owner.length) {
    participants = owner;
    explicit = true;
  }
  for (const id of companyIn(fd, e, sentence)) if (!participants.includes(id)) participants.push(id);

  const dialogueLike = rule.name === 'dialogue' || rule.name === 'track';
  // qualifiers that change the type
  const levelAfter = stickyTest(LEVEL_RE, f, comp.placeEnd) || (comp.kind === 'with' && comp.ids.length > 0 && stickyTest(LEVEL_RE, f, comp.end));
  if (dialogueLike && (levelAfter || left.level)) {
    type = 'track';
    strong = true;
    if (levelAfter) end = Math.max(levelEnd(fd, comp.placeEnd, sentence.end), levelEnd(fd, comp.end, sentence.end));
  } else if (levelAfter) {
    strong = true;
    end = Math.max(levelEnd(fd, comp.placeEnd, sentence.end), levelEnd(fd, comp.end, sentence.end));
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
  if (rule.name === 'meeting' && f.startsWith('visit', s)) {
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
      if (sidesIn(fd, sentence) < 2) return;
    }
  }
  // "European Union leaders ended a two-day summit": the subject of the verb that governs the phrase
  if (!participants.length) participants = eventSubject(fd, left.start, sentence);
  if (!participants.length) participants = fallbackParticipants(fd, s, sentence, [...via, ...topicIds(fd, e, comp, sentence)]);
  const fallback = !explicit;

  if (via.length && (type === 'letter' || type === 'meeting' || type === 'other' || type === 'call')) type = secretIn(fd, sentence) ? 'backchannel' : 'intermediary';
  // "indirect talks", "proximity talks": through mediators
  if ((type === 'meeting' || type === 'other') && left.start < s && INDIRECT_RE.test(f.slice(left.start, s))) type = 'intermediary';
  // "X hosted a meeting between A and B": the host is the channel's via, not a party
  const host = hostBefore(fd, left.start, sentence);
  if (host.length) {
    for (const h of host) if (!via.includes(h)) via.push(h);
    participants = participants.filter((id) => !host.includes(id));
  }
  // the span: phrase + a directly following complement (not across a place phrase)
  if (comp.kind && comp.end > end && comp.start === e && (comp.kind === 'between' || comp.kind === 'with')) end = comp.end;
  else if (comp.placeEnd > e && rule.name !== 'restore-relations') end = Math.max(end, comp.placeEnd);
  const confidence = strong ? 0.85 : explicit ? 0.75 : left.specific ? 0.6 : 0.5;
  fd.emit({ start, end, type, participants, via: via.filter((v) => !participants.includes(v)), confidence, sentence, fallback, weak: !strong });
}

/**
 * A generic noun that nothing ties to actors or qualifies: no possessor, pronoun, actor modifier, specific or
 * level modifier, no complement or level phrase after it (past a place), not "a visit" (which takes "to X"), and
 * no definite determiner in a sentence with two sides. `judgeNoun` would drop it after reading everything; this
 * settles it from the cheap facts first (the same answer).
 */
function untied(fd: Finder, rule: TriggerRule, s: number, left: LeftPhrase, placeEnd: number, sentence: Span): boolean {
  const f = fd.ctx.folded;
  if (left.specific || left.possessor || left.pronoun || left.modifierIds.length || left.level) return false;
  if (rule.name === 'meeting' && f.startsWith('visit', s)) return false;
  if (complementAt(f, placeEnd) || stickyTest(LEVEL_RE, f, placeEnd)) return false;
  return !(left.det && DEFINITE.has(left.det) && sidesIn(fd, sentence) >= 2);
}

/** End of a level phrase ("at the level of deputy ministers") that starts at `from`, else `from`. */
export function levelEnd(fd: Finder, from: number, max: number): number {
  const m = /^\s+(?:at|on)\s+(?:the|a)\s+(?:[a-z-]+\s+)?level(?:\s+of\s+[a-z-]+(?:\s+[a-z-]+)?)?/.exec(fd.ctx.folded.slice(from, Math.min(max, from + 80)));
  if (!m) return from;
  let end = from + m[0].length;
  const cut = listEnd(fd.ctx, from + 1, end + 1);
  if (cut < end) end = cut;
  return end;
}

/** "after meeting the Ukrainian delegation, Rubio …": the objects, and the subject of the main clause. */
export function judgeGerund(fd: Finder, s: number, e: number, sentence: Span): void {
  const ctx = fd.ctx;
  const to = listEnd(ctx, e, sentence.end);
  const objects = idsIn(fd, e, to);
  if (!objects.length) return;
  let subject = subjectAfterComma(fd, to - 1, sentence);
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
    const first = sentenceSubject(fd, s, sentence);
    if (first) subject = [first];
  }
  const parties = uniq([...subject, ...objects]);
  if (parties.length < 2) return;
  const last = ctx.lastMentionIn(e, to);
  let end = last ? last.end : to;
  // "the Ukrainian delegation": the phrase runs to the head noun after the demonym
  const np = /^(?:\s+[a-z-]+){0,2}?\s+(?:delegation|team|side|counterparts?|envoys?|negotiators|officials|leaders?|ministers?|president|prime\s+minister)\b/.exec(ctx.folded.slice(end, to));
  if (np) end += np[0].length;
  fd.emit({ start: s, end: Math.max(end, e), type: 'meeting', participants: parties, via: viaIn(fd, s, sentence), confidence: 0.7, sentence, fallback: false, weak: false });
}
