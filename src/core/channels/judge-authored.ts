/**
 * Judging statements, posts and letters (an author and, for statements, someone they are directed at) and public
 * appearances ("told a press conference", "said on state television").
 */
import type { ChannelType, Span } from '../types';
import { WordSet } from './wordset';
import type { TriggerRule } from './rules';
import { leftPhrase, letterRunBack, listEnd, skipBlanksBack, isBlankCode } from './phrase';
import { complement, idsIn, isUpperAscii } from './complement';
import { pronounIds } from './groups';
import { nextOtherActor, sentenceSubject, subjectAfterComma, subjectChain } from './subjects';
import { viaIn } from './via';
import type { Finder } from './finder';
import { stickyExec, uniq } from './finder';

const FROM_RE = /\s+from\s+/y;
const TARGET_RE = /\s+(?:to|at|against|toward|towards|addressed\s+to|directed\s+at|aimed\s+at|for)\s+/y;
/** Whether f[s, e) is exactly `word`. */
function spells(f: string, s: number, e: number, word: string): boolean {
  return e - s === word.length && f.startsWith(word, s);
}

/**
 * Whether blanks and then a letter follow `pos` (the letter `c` when not 0): the cheap part of the sticky
 * `\s+word\s+` patterns, checked before they run.
 */
function wordAfter(f: string, pos: number, c: number): boolean {
  let k = pos;
  while (isBlankCode(f.charCodeAt(k))) k++;
  if (k === pos) return false;
  const d = f.charCodeAt(k);
  return c ? d === c : d >= 97 && d <= 122;
}

/** Verbs that make their subject the author of the statement, letter or post after them ("X issued warnings"). */
const AUTHOR_VERBS = new WordSet(
  'issued made makes make making sent sends send sending delivered wrote writes posted posts published publishes released releases gave gives voiced addressed tweeted dispatched handed passed signed penned'.split(' '),
);
/** An author verb right before `pos` (blanks between), standing as a word of its own after `floor`. */
function authorVerbBefore(f: string, pos: number, floor: number): boolean {
  const p = skipBlanksBack(f, pos, floor);
  const w = letterRunBack(f, p, floor);
  if (w === p || !AUTHOR_VERBS.has(f, w, p)) return false;
  return w === floor || isBlankCode(f.charCodeAt(w - 1));
}

/** Verbs that hand a message on for someone else ("pass a message to Kyiv"). */
const PASS_VERBS = new WordSet(['pass', 'passed', 'passes', 'passing', 'carry', 'carried', 'carries', 'carrying', 'relay', 'relayed', 'relays', 'relaying', 'convey', 'conveyed', 'conveys', 'conveying', 'deliver', 'delivered', 'delivers', 'delivering', 'transmit', 'transmitted']);
/** Object pronouns standing for an addressee ("sent her a letter"). */
const OBJECT_PRONOUNS = new WordSet(['her', 'him', 'them']);
/** Words between a speaker and a public appearance ("said on state television"). */
const BROADCAST_SKIP = new WordSet(['on', 'in', 'to', 'at', 'said', 'says', 'spoke', 'speaks', 'speaking', 'appeared', 'declared', 'announced', 'told']);

/**
 * The subject after the first comma following `from` ("In a post on Telegram, Zelensky …"), or the person a
 * "he"/"she" there stands for ("In a speech carried live on state TV on Thursday, he said …").
 */
function speakerAfterComma(fd: Finder, from: number, sentence: Span): string[] {
  const named = subjectAfterComma(fd, from, sentence);
  if (named.length) return named;
  const f = fd.ctx.folded;
  const comma = f.indexOf(',', from);
  if (comma < 0 || comma >= sentence.end) return [];
  let k = comma + 1;
  while (k < sentence.end && isBlankCode(f.charCodeAt(k))) k++;
  const w = /^(he|she) /.exec(f.slice(k, k + 4));
  return w ? pronounIds(fd, 'his', k, sentence) : [];
}

/** A statement, post or letter: reported with its author(s) and, for statements and posts, a target. */
export function judgeAuthored(fd: Finder, rule: TriggerRule, s: number, e: number, sentence: Span): void {
  const ctx = fd.ctx;
  const f = ctx.folded;
  const left = leftPhrase(ctx, s, sentence.start);
  const authors: string[] = [];
  if (left.possessor) authors.push(left.possessor.actorId);
  else if (left.pronoun === 'his' || left.pronoun === 'her') authors.push(...pronounIds(fd, left.pronoun, left.start, sentence));
  const comp = complement(fd, e, sentence);
  if (!authors.length && comp.kind === 'of' && comp.ids.length) {
    // "the tweets of Russia's envoy Dmitriev praising Trump": the author is the first person named (else actor)
    const persons = comp.ids.filter((id) => ctx.kindOf(id) === 'person');
    authors.push(persons.length ? persons[0] : comp.ids[0]);
  }
  // "a letter from A to B"
  const fromM = wordAfter(f, e, 102) ? stickyExec(FROM_RE, f, e) : null; // f: "from"
  let afterAuthor = e;
  if (!authors.length && fromM) {
    const from = e + fromM[0].length;
    const to = listEnd(ctx, from, sentence.end);
    const ms = ctx.mentionsIn(from, to);
    if (ms.length && ms[0].start - from <= 12) {
      authors.push(...idsIn(fd, from, to));
      afterAuthor = ms[ms.length - 1].end;
    }
  }
  const verbish = spells(f, s, e, 'tweeted') || spells(f, s, e, 'retweeted') || spells(f, s, e, 'posted');
  const targets: string[] = [];
  const via: string[] = [];
  let passOn = false;
  if (rule.name === 'on-platform') {
    // "on X" only when written "X"; "wrote/posted/said on Telegram": the subject is the author
    const x = / on x$/.exec(f.slice(s, e));
    if (x && ctx.text.charCodeAt(e - 1) !== 88) return;
    if (!authors.length && /^(?:wrote|writes|written|posted|posts|said|says|announced)\s/.test(f.slice(s, e))) authors.push(...subjectChain(fd, s, sentence, 40));
  }
  if (!authors.length && (rule.type === 'letter' || rule.type === 'social' || rule.type === 'media')) {
    // "Zelensky sent Erdogan a letter": an addressee between the verb and the letter
    const p = skipBlanksBack(f, left.start, sentence.start);
    const pw = letterRunBack(f, p, sentence.start);
    if (pw < p && OBJECT_PRONOUNS.has(f, pw, p) && authorVerbBefore(f, pw, Math.max(sentence.start, pw - 40))) {
      // "Sikorski sent her a letter": the addressee is the person the pronoun stands for
      const author = subjectChain(fd, letterRunBack(f, skipBlanksBack(f, pw, sentence.start), sentence.start), sentence, 40);
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
      authors.push(...subjectChain(fd, letterRunBack(f, skipBlanksBack(f, io.start, sentence.start), sentence.start), sentence, 40).filter((id) => id !== io.actorId));
      if (authors.length) targets.push(io.actorId);
    }
  }
  if (rule.type === 'letter') {
    // "Erdogan offered to pass a message to Kyiv": the one who passes it on is an intermediary
    const p = skipBlanksBack(f, left.start, sentence.start);
    const w = letterRunBack(f, p, sentence.start);
    if (w < p && PASS_VERBS.has(f, w, p)) {
      passOn = true;
      via.push(...subjectChain(fd, w, sentence, 60));
      // "Albusaidi walks between them, carrying messages": the participle's subject is the sentence's
      if (!via.length) {
        const subj = sentenceSubject(fd, w, sentence);
        if (subj) via.push(subj);
      }
      authors.length = 0;
    }
  }
  if (!authors.length && !passOn && f.startsWith('interview', s)) {
    // "Putin told Tucker Carlson in an interview": the speaker and the one who asked
    const told = toldBefore(fd, left.start, sentence);
    if (told) {
      authors.push(...told.speakers);
      targets.push(told.listener);
    }
  }
  if (!authors.length && !passOn) authors.push(...speakerBefore(fd, left.start, sentence));
  if (!authors.length && !passOn) {
    // "Beijing has issued warnings", "Trump tweeted", "X sent a letter"
    if (verbish || authorVerbBefore(f, left.start, Math.max(sentence.start, left.start - 40))) {
      const subj = subjectChain(fd, left.start, sentence, 40);
      authors.push(...subj);
    }
  }
  const toM = wordAfter(f, afterAuthor, 0) ? stickyExec(TARGET_RE, f, afterAuthor) : null;
  if (toM) {
    const from = afterAuthor + toM[0].length;
    const first = ctx.mentions[ctx.firstMentionFrom(from)];
    if (first && first.start - from <= 12) targets.push(...idsIn(fd, from, listEnd(ctx, from, sentence.end)));
  }
  if (comp.kind === 'with' && rule.type === 'media') targets.push(...comp.ids);
  if (passOn) {
    // "… on behalf of Moscow", "… from Moscow": the sender
    const behalf = /\s(?:on\s+behalf\s+of|from)\s+/.exec(f.slice(e, sentence.end));
    if (behalf) {
      const from = e + behalf.index + behalf[0].length;
      targets.push(...idsIn(fd, from, listEnd(ctx, from, sentence.end)));
    }
    // "relaying messages between Moscow and Kyiv": the two ends
    if (comp.kind === 'between') for (const id of comp.ids) if (!targets.includes(id)) targets.push(id);
  }
  // "In a post on Telegram, Zelensky …", "In an open letter to Trump, Zelensky …": the subject after the comma
  if (!authors.length && !passOn) authors.push(...speakerAfterComma(fd, e, sentence));
  for (const v of viaIn(fd, s, sentence)) if (!via.includes(v)) via.push(v);
  let type: ChannelType = rule.type;
  if (rule.type === 'letter' && via.length) type = 'intermediary';

  if (rule.type === 'media' || rule.type === 'social') {
    if (!authors.length) return;
    // "in other words", "the media": a statement needs an author; a statement is a channel only when it is
    // directed at another actor (the target, else the next actor of another side in the sentence)
    if (!targets.length) {
      const other = nextOtherActor(fd, e, sentence, authors);
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
  if (passOn && comp.kind === 'between' && comp.end > end) end = comp.end;
  fd.emit({ start: left.start, end, type, participants, via, confidence: 0.7, sentence, fallback: false, weak: false });
}

/** "told a press conference", "said on state television", "a televised address": the speaker's public signal. */
export function judgeBroadcast(fd: Finder, s: number, e: number, sentence: Span): void {
  const ctx = fd.ctx;
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
    speakers.push(...subjectChain(fd, p, sentence, 40));
    // "he told Egyptian state television": the pronoun's person
    const w = letterRunBack(ctx.folded, p, sentence.start);
    if (!speakers.length && p - w === 2 && /^(?:he|she)$/.test(ctx.folded.slice(w, p))) speakers.push(...pronounIds(fd, 'his', w, sentence));
  }
  if (!speakers.length) speakers.push(...speakerAfterComma(fd, e, sentence));
  if (!speakers.length) return;
  // the forum itself ("told the Munich Security Conference") when it is an actor
  const inside = ctx.mentionsIn(s, e).filter((m) => ctx.kindOf(m.actorId) === 'organization').map((m) => m.actorId);
  // "told a security forum": a speech at a forum; "told a press conference": a public statement
  const type: ChannelType = verbal && /(?:forum|summit|conference|council|assembly|parliament|governors|committee|session)$/.test(ctx.folded.slice(s, e)) && !/(?:press|news)\s+conference$/.test(ctx.folded.slice(s, e)) ? 'forum' : 'media';
  fd.emit({ start: left.start, end: e, type, participants: uniq([...speakers, ...inside]), via: [], confidence: 0.7, sentence, fallback: false, weak: false });
}

/**
 * "Zuppi said in an interview", "Zelensky dismissed … in a post on Telegram": for a channel noun inside an "in/on"
 * phrase, the speaker is the subject before the speech verb, else the sentence's subject.
 */
/** Verbs of speaking to someone: "X told Y in an interview", "X gave Y an interview". */
const TOLD_VERBS = new WordSet(['told', 'tells', 'telling', 'tell']);

/** "S told L in …" ending at `at` (the "in" right before it): the speakers S and the listener L, else undefined. */
function toldBefore(fd: Finder, at: number, sentence: Span): { speakers: string[]; listener: string } | undefined {
  const ctx = fd.ctx;
  const f = ctx.folded;
  const p = skipBlanksBack(f, at, sentence.start);
  const w = letterRunBack(f, p, sentence.start);
  if (p - w !== 2 || !f.startsWith('in', w)) return undefined;
  const q = skipBlanksBack(f, w, sentence.start);
  const listener = ctx.mentionAt(q - 1);
  if (!listener || listener.end !== q) return undefined;
  const v = skipBlanksBack(f, listener.start, sentence.start);
  const vw = letterRunBack(f, v, sentence.start);
  if (vw === v || !TOLD_VERBS.has(f, vw, v)) return undefined;
  const speakers = subjectChain(fd, vw, sentence, 40).filter((id) => id !== listener.actorId);
  return speakers.length ? { speakers, listener: listener.actorId } : undefined;
}

export function speakerBefore(fd: Finder, at: number, sentence: Span): string[] {
  const f = fd.ctx.folded;
  let p = skipBlanksBack(f, at, sentence.start);
  let w = letterRunBack(f, p, sentence.start);
  if (w === p || !(f.startsWith('in', w) && p - w === 2)) return [];
  p = skipBlanksBack(f, w, sentence.start);
  w = letterRunBack(f, p, sentence.start);
  if (w < p && BROADCAST_SKIP.has(f, w, p)) {
    const subj = subjectChain(fd, w, sentence, 40);
    if (subj.length) return subj;
  }
  const first = sentenceSubject(fd, at, sentence);
  return first ? [first] : [];
}
