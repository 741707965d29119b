/**
 * Participants that no syntax names directly: group nouns ("the two presidents", "both sides") resolved to the
 * nearest fitting actors, possessive pronouns ("their call"), the number of sides in a sentence, and the sentence
 * fallback (its people, else its actors, else the previous sentence's).
 */
import type { Mention, Span } from '../types';
import { CUE_GROUP, CUE_GROUP_NOUN } from './lexicon';
import type { GroupKind } from './phrase';
import { GROUP_ANYWHERE_RE, GROUP_RE, groupKind } from './phrase';
import { isTopical } from './subjects';
import type { Finder } from './finder';
import { uniq } from './finder';

/** "the two presidents", "both sides", "the two countries" starting at `from`, resolved to actor ids. */
export function groupAt(fd: Finder, from: number, before: number): string[] {
  if (!fd.ctx.hasCue(CUE_GROUP_NOUN, from, from + 60)) return [];
  const m = GROUP_RE.exec(fd.ctx.folded.slice(from, from + 60));
  if (!m) return [];
  return resolveGroup(fd, groupKind(m[1].replace(/\s+/g, ' ')), before);
}

/** The last group noun ("the two sides") before `s` in its sentence, resolved to actor ids. */
export function groupBefore(fd: Finder, s: number, sentence: Span): string[] {
  if (!fd.ctx.hasCue(CUE_GROUP, sentence.start, s)) return [];
  const seg = fd.ctx.folded.slice(sentence.start, s);
  GROUP_ANYWHERE_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = GROUP_ANYWHERE_RE.exec(seg); m; m = GROUP_ANYWHERE_RE.exec(seg)) last = m;
  return last ? resolveGroup(fd, groupKind(last[1].replace(/\s+/g, ' ')), sentence.start + last.index) : [];
}

/**
 * Resolves a group noun to the two most recent fitting actors before `before`: presidents (role), leaders,
 * ministers, states; "sides" are the sides (states) of the most recent channel.
 */
export function resolveGroup(fd: Finder, kind: GroupKind, before: number): string[] {
  const ctx = fd.ctx;
  if (kind === 'sides') {
    const r = fd.recent;
    if (r) {
      const sides = uniq(r.participants.map((id) => ctx.sideOf(id)));
      if (sides.length >= 2) return sides.slice(0, 2);
      if (r.participants.length >= 2) return r.participants.slice(0, 2);
    }
    kind = 'states';
  }
  const out: string[] = [];
  const sides: string[] = [];
  let i = ctx.firstMentionFrom(before) - 1;
  for (let n = 0; i >= 0 && n < 400 && out.length < 2; i--, n++) {
    const m = ctx.mentions[i];
    if (out.includes(m.actorId) || !fitsGroup(fd, kind, m)) continue;
    const side = ctx.sideOf(m.actorId);
    if (kind !== 'states' && sides.includes(side) && side !== m.actorId) continue;
    out.push(m.actorId);
    sides.push(side);
  }
  return out;
}

/** Whether mention `m` fits a group noun of `kind` (not 'sides'): a state, or a person with a fitting role. */
function fitsGroup(fd: Finder, kind: GroupKind, m: Mention): boolean {
  const ctx = fd.ctx;
  const id = m.actorId;
  if (kind === 'states') return ctx.kindOf(id) === 'state';
  if (ctx.kindOf(id) !== 'person') return false;
  const roles = ctx.rolesOf(id, m);
  if (kind === 'presidents') return /\bpresident\b/.test(roles) && !/vice[- ]president|presidential/.test(roles.replace(/president of|president,/g, 'president'));
  if (kind === 'leaders') return /\b(?:president|prime minister|chancellor|king|emir|leader|head of state|premier|sultan|supreme leader)\b/.test(roles);
  return /\b(?:minister|secretary of state)\b/.test(roles);
}

/** "his" / "her" → the nearest person before; "their" → the two nearest people (or the recent channel's parties). */
export function pronounIds(fd: Finder, pronoun: string, at: number, sentence: Span): string[] {
  const ctx = fd.ctx;
  const prev = ctx.previousSentence(at);
  const floor = prev ? prev.start : sentence.start;
  const out: string[] = [];
  const want = pronoun === 'their' ? 2 : 1;
  // "its": the nearest state or organisation; "his"/"her"/"their": people
  for (let i = ctx.firstMentionFrom(at) - 1; i >= 0 && ctx.mentions[i].start >= floor && out.length < want; i--) {
    const m = ctx.mentions[i];
    if ((pronoun === 'its') !== (ctx.kindOf(m.actorId) === 'person') && !out.includes(m.actorId)) out.push(m.actorId);
  }
  if (pronoun === 'their' && out.length < 2) {
    // "their call" after "Xi and Trump" or "Beijing and Washington": the two nearest actors of different sides
    const pair: string[] = [];
    for (let i = ctx.firstMentionFrom(at) - 1; i >= 0 && ctx.mentions[i].start >= floor && pair.length < 2; i--) {
      const id = ctx.mentions[i].actorId;
      if (!pair.some((p) => ctx.sideOf(p) === ctx.sideOf(id))) pair.push(id);
    }
    if (pair.length === 2) return pair;
    if (fd.recent) return fd.recent.participants.slice(0, 2);
  }
  return out;
}

/** Number of distinct sides among the actors (and group nouns) of a sentence. */
export function sidesIn(fd: Finder, sentence: Span): number {
  const facts = fd.factsOf(sentence);
  if (facts.sides >= 0) return facts.sides;
  const ctx = fd.ctx;
  const sides = new Set<string>();
  for (const m of ctx.mentionsIn(sentence.start, sentence.end)) if (!isTopical(fd, m, sentence)) sides.add(ctx.sideOf(m.actorId));
  GROUP_ANYWHERE_RE.lastIndex = 0;
  let n = sides.size;
  if (ctx.hasCue(CUE_GROUP, sentence.start, sentence.end) && GROUP_ANYWHERE_RE.test(ctx.folded.slice(sentence.start, sentence.end))) n = Math.max(2, n);
  facts.sides = n;
  return n;
}

/**
 * Participants when no syntax ties actors to the trigger: the people of the sentence (else all its actors,
 * else group nouns such as "both sides"), else the previous sentence's.
 */
export function fallbackParticipants(fd: Finder, s: number, sentence: Span, exclude: readonly string[]): string[] {
  // without exclusions and group nouns the answer depends on the sentence alone: computed once per sentence
  const cacheable = exclude.length === 0 && !fd.ctx.hasCue(CUE_GROUP, sentence.start, sentence.end);
  const facts = fd.factsOf(sentence);
  if (cacheable && facts.fallback) return facts.fallback.slice();
  let out: string[] = pickParticipants(fd, sentence, exclude);
  let stable = cacheable;
  if (!out.length) {
    const prev = fd.ctx.previousSentence(s);
    if (prev) {
      out = pickParticipants(fd, prev, exclude);
      if (fd.ctx.hasCue(CUE_GROUP, prev.start, prev.end)) stable = false;
    }
  }
  if (stable) facts.fallback = out.slice();
  return out;
}

/** The people of `span` (two or more), else a group noun's actors, else all its actors; none of `exclude`. */
function pickParticipants(fd: Finder, span: Span, exclude: readonly string[]): string[] {
  const ctx = fd.ctx;
  const persons: string[] = [];
  const all: string[] = [];
  const { mStart, mEnd, mActor, mKind } = ctx;
  for (let i = ctx.firstMentionFrom(span.start); i < mStart.length && mStart[i] < span.end; i++) {
    const id = mActor[i];
    if (mEnd[i] > span.end || exclude.includes(id)) continue;
    if (!all.includes(id)) all.push(id);
    if (mKind[i] === 'person' && !persons.includes(id)) persons.push(id);
  }
  if (persons.length >= 2) return persons;
  if (!ctx.hasCue(CUE_GROUP, span.start, span.end)) return all;
  const seg = ctx.folded.slice(span.start, span.end);
  GROUP_ANYWHERE_RE.lastIndex = 0;
  const g = GROUP_ANYWHERE_RE.exec(seg);
  if (g) {
    const grp = resolveGroup(fd, groupKind(g[1].replace(/\s+/g, ' ')), span.start + g.index);
    if (grp.length) return grp;
  }
  return all;
}
