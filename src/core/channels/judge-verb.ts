/**
 * Judging verb triggers ("met", "held talks", "spoke with"), mediation words ("mediated by", "intermediaries
 * between") and "on the sidelines of" (a forum): a subject and a second party, a mediator, or the forum phrase.
 */
import type { Span } from '../types';
import { WordSet } from './wordset';
import type { TriggerRule } from './rules';
import { leftPhrase, letterRunBack, listEnd, skipBlanksBack } from './phrase';
import { idsIn, isUpperAscii } from './complement';
import { fallbackParticipants, groupAt, groupBefore } from './groups';
import { demonymSubject, subjectChain, subjectStart } from './subjects';
import { secretIn, viaIn } from './via';
import { INDIRECT_RE, uniq, type Finder } from './finder';

/** Modals that make a meeting verb a mere possibility ("could meet"). */
const HYPOTHETICAL = new WordSet(['could', 'might']);

/** The words before a mediation phrase that make it the means of a contact ("under Turkish mediation"). */
const MEDIATION_INTRO_RE = /(?:^|[^a-z])(?:under|through|via|with|by|from|after|amid|despite)\s+(?:the\s+)?$/;

/** The verb at `e` takes a person as its direct object: the first object is a person named right after it. */
function receivedPerson(fd: Finder, e: number, objects: readonly string[]): boolean {
  const ctx = fd.ctx;
  const first = ctx.mentions[ctx.firstMentionFrom(e)];
  if (!first || !objects.length || first.start !== e + 1 || first.actorId !== objects[0] || ctx.kindOf(first.actorId) !== 'person') return false;
  // "welcomed Trump's remarks": the person's words, not the person
  return ctx.folded.charCodeAt(first.end) !== 39;
}

/** What follows "called X" when X is named, not phoned: a predicate noun, a possessive, a quote. */
const CALLED_PREDICATE_RE = /^(?:'s?(?![a-z])|\s+(?:(?:a|an|the|his|her|their|its|it|him|them|one|our|my|too|so)(?![a-z])|["“«']))/;

/** Verb phrases whose second party follows "with" or is a group before them ("the two sides held talks"). */
const TALK_RULES = new Set(['held-talks', 'exchanged-views', 'exchanged-letters']);

/** The person after "counterpart(s), " ending a list at `to` ("his Indian counterpart, Subrahmanyam Jaishankar"). */
function counterpartName(fd: Finder, to: number, sentence: Span): { actorId: string; end: number } | undefined {
  const ctx = fd.ctx;
  const f = ctx.folded;
  let p = skipBlanksBack(f, to, sentence.start);
  const w = letterRunBack(f, p, sentence.start);
  if (!/^counterparts?$/.test(f.slice(w, p))) return undefined;
  p = to;
  while (p < sentence.end && (f.charCodeAt(p) === 32 || f.charCodeAt(p) === 44)) p++;
  const m = ctx.mentions[ctx.firstMentionFrom(to)];
  if (!m || m.start !== p || f.charCodeAt(to) !== 44 || ctx.kindOf(m.actorId) !== 'person') return undefined;
  return { actorId: m.actorId, end: m.end };
}

/** The trigger [s, e) ends with "call" or "calls". */
function isCallEnd(f: string, s: number, e: number): boolean {
  const last = f.charCodeAt(e - 1) === 115 ? e - 1 : e;
  return last - 4 >= s && f.startsWith('call', last - 4);
}

/** A verb trigger ("met", "held talks with"): a subject actor and a second party (object or group noun). */
export function judgeVerb(fd: Finder, rule: TriggerRule, s: number, e: number, sentence: Span): void {
  const ctx = fd.ctx;
  // "called"/"received" take a name right after them: settled from one character before any reading
  if ((rule.name === 'called' || rule.name === 'received') && !isUpperAscii(ctx.text.charCodeAt(e + 1))) return;
  // "Trump and Putin could meet": a possibility, not a channel
  {
    const p = skipBlanksBack(ctx.folded, s, sentence.start);
    const w = letterRunBack(ctx.folded, p, sentence.start);
    if (w < p && HYPOTHETICAL.has(ctx.folded, w, p)) return;
  }
  let subject = subjectChain(fd, s, sentence);
  // "Ukrainian and European officials met": the states of the people named
  if (!subject.length) subject = demonymSubject(fd, s, sentence);
  let objects: string[] = [];
  let end = e;
  const after = ctx.folded.slice(e, e + 12);
  const w = /^\s+with\s+/.exec(after);
  const direct = /^\s+/.exec(after);
  if (TALK_RULES.has(rule.name)) {
    if (w) {
      const to = listEnd(ctx, e + w[0].length, sentence.end);
      objects = idsIn(fd, e + w[0].length, to);
      const last = ctx.lastMentionIn(e, to);
      if (last) end = last.end;
      // "with his Indian counterpart, Subrahmanyam Jaishankar": the person named in apposition
      const named = counterpartName(fd, to, sentence);
      if (named) {
        objects = [named.actorId];
        end = named.end;
      }
    }
  } else {
    const from = w ? e + w[0].length : direct ? e + direct[0].length : e;
    const first = ctx.mentions[ctx.firstMentionFrom(from)];
    // the object, not a place or time ("will meet in Riyadh", "met at the Kremlin", "meet on Monday")
    if (first && first.start - from <= 45 && !/[,;:.()]|^(?:in|at|on|near|outside|inside|during|after|before)\s/.test(ctx.folded.slice(from, first.start))) {
      const to = listEnd(ctx, first.start, sentence.end);
      objects = idsIn(fd, first.start, to);
      const last = ctx.lastMentionIn(first.start, to);
      if (last) end = last.end;
    }
  }
  // "received Witkoff": only a person right after the verb ("received a letter from Trump" is no meeting)
  if (rule.name === 'received' && !receivedPerson(fd, e, objects)) return;
  // "called Putin": a call only with an actor right after it and no predicate ("called Putin a liar", "called
  // Putin's plan …", "called the Kremlin's bluff")
  if (rule.name === 'called' && (!objects.length || end === e || CALLED_PREDICATE_RE.test(ctx.folded.slice(end, end + 8)))) return;
  const parties = uniq([...subject, ...objects]);
  if (!subject.length || parties.length < 2) {
    // "held talks" with a group ("the two sides held talks")
    if (!TALK_RULES.has(rule.name)) return;
    const grp = groupBefore(fd, s, sentence);
    if (grp.length < 2 && parties.length < 2) return;
    parties.push(...grp.filter((g) => !parties.includes(g)));
  }
  const word = ctx.folded.slice(s, e);
  if (/^visited/.test(word) && !objects.length) return;
  const via = viaIn(fd, s, sentence);
  // "held a call", "had a phone call": the verb of a meeting, the noun of a call
  let type = rule.name === 'held-talks' && isCallEnd(ctx.folded, s, e) ? 'call' : rule.type;
  if (via.length && type !== 'call') type = 'intermediary';
  if (type === 'meeting' && INDIRECT_RE.test(ctx.folded.slice(s, e))) type = 'intermediary';
  // "a back channel …: Witkoff and Araghchi had exchanged text messages directly", "they met secretly"
  else if (!via.length && (type === 'meeting' || type === 'letter' || type === 'call') && secretIn(fd, sentence)) type = 'backchannel';
  // "Lavrov and Rubio exchanged views", "Putin and Trump to meet": an adjacent subject is part of the phrase
  const subjStart = subject.length ? subjectStart(fd, s, sentence) : s;
  const lastSubj = ctx.mentions[ctx.firstMentionFrom(s) - 1];
  const adjacent = lastSubj && /^\s+(?:to\s+|have\s+|has\s+|had\s+|will\s+|would\s+|also\s+)?$/.test(ctx.folded.slice(lastSubj.end, s));
  const start = adjacent && subject.length >= 2 ? Math.min(s, subjStart) : s;
  fd.emit({ start, end, type, participants: parties, via: via.filter((v) => !parties.includes(v)), confidence: 0.8, sentence, fallback: false, weak: false });
}

/** A mediation word: the mediator (`via`: possessor, "by C", the subject) and the parties ("between A and B"). */
export function judgeMediation(fd: Finder, s: number, e: number, sentence: Span): void {
  const ctx = fd.ctx;
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
    const ids = idsIn(fd, e + by[0].length, to);
    if (f.slice(s, e).startsWith('intermediar')) participants.push(...ids);
    else via.push(...ids);
    const last = ctx.lastMentionIn(e, to);
    if (last && last.start - e < 50) end = last.end;
  }
  const btw = /^(?:\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?)?\s*between\s+/.exec(after);
  if (btw) {
    const from = e + btw[0].length;
    const to = listEnd(ctx, from, sentence.end);
    participants.push(...idsIn(fd, from, to));
    const g = groupAt(fd, from, s);
    participants.push(...g);
    const last = ctx.lastMentionIn(from, to);
    if (last) end = last.end;
  }
  // "Turkish mediation", "Qatari mediators": a single modifier names the mediator; a pair ("Russia-Ukraine
  // mediation") names the parties
  if (left.pair) {
    for (const id of left.modifierIds) if (!participants.includes(id)) participants.push(id);
  } else if (left.modifierIds.length && !via.length && !participants.length && !MEDIATION_INTRO_RE.test(f.slice(Math.max(sentence.start, left.start - 9), left.start))) {
    // "Egyptian mediators said …": the mediators as speakers, not a mediation ("under/through Turkish mediation" is)
    return;
  } else for (const id of left.modifierIds) if (!via.includes(id)) via.push(id);
  if (!via.length) via.push(...subjectChain(fd, left.start, sentence, 30));
  participants = uniq(participants).filter((id) => !via.includes(id));
  if (!via.length && participants.length < 2) return;
  fd.emit({ start: left.start, end, type: 'intermediary', participants, via: uniq(via), confidence: 0.75, sentence, fallback: false, weak: false });
}

/** "On the sidelines of the summit": a forum, with the actors of the forum phrase and of the sentence. */
export function judgeSidelines(fd: Finder, s: number, e: number, sentence: Span): void {
  const ctx = fd.ctx;
  const f = ctx.folded;
  const to = listEnd(ctx, e, sentence.end);
  const np = /^\s+(?:the\s+)?(?:[^\s,;.]+\s+){0,6}?(?:meeting|summit|forum|assembly|conference|session|council|talks)s?/.exec(f.slice(e, to));
  const orgs = ctx.mentionsIn(e, to).filter((m) => ctx.kindOf(m.actorId) === 'organization');
  let end = np ? e + np[0].length : orgs.length ? orgs[0].end : to;
  if (end <= e) end = e;
  const inside = idsIn(fd, e, end);
  const sideIds = fallbackParticipants(fd, s, sentence, []).filter((id) => !inside.includes(id));
  fd.emit({ start: s + (f.startsWith('on ', s) || f.startsWith('at ', s) ? 3 : 0), end, type: 'forum', participants: uniq([...inside, ...sideIds]), via: [], confidence: 0.8, sentence, fallback: false, weak: false });
}
