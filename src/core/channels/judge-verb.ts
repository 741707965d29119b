/**
 * Judging verb triggers ("met", "held talks", "spoke with"), mediation words ("mediated by", "intermediaries
 * between") and "on the sidelines of" (a forum): a subject and a second party, a mediator, or the forum phrase.
 */
import type { Span } from '../types';
import * as wordsetModule from './wordset';
import type { TriggerRule } from './rules';
import * as phraseModule from './phrase';
import * as complementModule from './complement';
import * as groupsModule from './groups';
import * as subjectsModule from './subjects';
import * as viaModule from './via';
import type { Finder } from './finder';
import * as finderModule from './finder';
// bound once (see index.ts): a call through the module object would run its accessor each time
const { WordSet } = wordsetModule;
const { leftPhrase, letterRunBack, listEnd, skipBlanksBack } = phraseModule;
const { idsIn } = complementModule;
const { fallbackParticipants, groupAt, groupBefore } = groupsModule;
const { subjectChain, subjectStart } = subjectsModule;
const { viaIn } = viaModule;
const { INDIRECT_RE, uniq } = finderModule;

/** Modals that make a meeting verb a mere possibility ("could meet"). */
const HYPOTHETICAL = new WordSet(['could', 'might']);

/** A verb trigger ("met", "held talks with"): a subject actor and a second party (object or group noun). */
export function judgeVerb(fd: Finder, rule: TriggerRule, s: number, e: number, sentence: Span): void {
  const ctx = fd.ctx;
  // "Trump and Putin could meet": a possibility, not a channel
  {
    const p = skipBlanksBack(ctx.folded, s, sentence.start);
    const w = letterRunBack(ctx.folded, p, sentence.start);
    if (w < p && HYPOTHETICAL.has(ctx.folded, w, p)) return;
  }
  const subject = subjectChain(fd, s, sentence);
  let objects: string[] = [];
  let end = e;
  const after = ctx.folded.slice(e, e + 12);
  const w = /^\s+with\s+/.exec(after);
  const direct = /^\s+/.exec(after);
  if (rule.name === 'exchanged-views' || rule.name === 'held-talks') {
    if (w) {
      const to = listEnd(ctx, e + w[0].length, sentence.end);
      objects = idsIn(fd, e + w[0].length, to);
      const last = ctx.lastMentionIn(e, to);
      if (last) end = last.end;
    }
  } else {
    const from = w ? e + w[0].length : direct ? e + direct[0].length : e;
    const first = ctx.mentions[ctx.firstMentionFrom(from)];
    if (first && first.start - from <= 45 && !/[,;:.()]/.test(ctx.folded.slice(from, first.start))) {
      const to = listEnd(ctx, first.start, sentence.end);
      objects = idsIn(fd, first.start, to);
      const last = ctx.lastMentionIn(first.start, to);
      if (last) end = last.end;
    }
  }
  const parties = uniq([...subject, ...objects]);
  if (!subject.length || parties.length < 2) {
    // "held talks" with a group ("the two sides held talks")
    if (rule.name !== 'held-talks' && rule.name !== 'exchanged-views') return;
    const grp = groupBefore(fd, s, sentence);
    if (grp.length < 2 && parties.length < 2) return;
    parties.push(...grp.filter((g) => !parties.includes(g)));
  }
  const word = ctx.folded.slice(s, e);
  if (/^visited/.test(word) && !objects.length) return;
  const via = viaIn(fd, s, sentence);
  let type = rule.type;
  if (via.length && type !== 'call') type = 'intermediary';
  if (type === 'meeting' && INDIRECT_RE.test(ctx.folded.slice(s, e))) type = 'intermediary';
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
  if (!via.length) via.push(...subjectChain(fd, left.start, sentence, 30));
  for (const id of left.modifierIds) if (!participants.includes(id)) participants.push(id);
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
