/**
 * What follows a channel noun: a place ("in Riyadh"), a complement ("between A and B", "with B", "of A", "like …"),
 * a topic ("on Ukraine"); and the actors named in a stretch of text (mentions, plus state words such as
 * "Russian"), leaving out words that are only part of a person's title.
 */
import type { Span } from '../types';
import { CUE_GROUP_NOUN } from './lexicon';
import { GROUP_RE, compoundIds, isBlankCode, listEnd } from './phrase';
import { groupAt } from './groups';
import type { Finder } from './finder';
import { stickyExec, stickyTest, uniq } from './finder';

export interface Complement {
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

const PLACE_RE = /\s+(?:in|at)\s+([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)/y;
const COMPLEMENT_RE = /\s+(between|with|of|like|such\s+as|among)\s+/y;
const TOPIC_RE = /\s+(?:on|about|over|regarding|concerning|in)\s+/y;
/** A list of states' people: demonyms joined by "and"/commas, then a people noun. */
const PEOPLE_OF_RE = /^(?:the\s+)?(?:[a-z.-]+(?:,\s*|\s+and\s+))*[a-z.-]+\s+(?:diplomats|officials|experts|ministers|negotiators|envoys|delegations|delegates|leaders|representatives|lawmakers|parliamentarians|generals|commanders|military|intelligence)\b/;

/** `[A-Z]` */
export function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** `[A-Za-z.]` */
const isWordOrDot = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;

/**
 * End of a capitalised place phrase right after a noun ("in Riyadh", "at Lincoln High"), else `e`. The regex
 * runs only where blanks and "in"/"at" follow.
 */
export function placeAfter(fd: Finder, e: number): number {
  const ctx = fd.ctx;
  const f = ctx.folded;
  let k = e;
  while (isBlankCode(f.charCodeAt(k))) k++;
  if (k === e || !(f.startsWith('in', k) || f.startsWith('at', k)) || !isBlankCode(f.charCodeAt(k + 2))) return e;
  const place = stickyExec(PLACE_RE, f, e);
  if (!place) return e;
  const placeAt = e + place[0].length - place[1].length;
  if (!isUpperAscii(ctx.text.charCodeAt(placeAt))) return e;
  // a capitalised place; keep only capitalised words
  const words = ctx.text.slice(placeAt, e + place[0].length).split(/\s+/);
  let len = place[0].length - place[1].length;
  let n = 0;
  for (const w of words) {
    if (!/^[A-Z]/.test(w)) break;
    len += (n ? 1 : 0) + w.length;
    n++;
  }
  return e + len;
}

/** Whether a complement word ("between", "with", "of", "like", "such as", "among") follows `pos` after blanks. */
export function complementAt(f: string, pos: number): boolean {
  return followedBy(f, pos, COMPLEMENT_FIRSTS) && stickyTest(COMPLEMENT_RE, f, pos);
}

/** First letters of the words of COMPLEMENT_RE and TOPIC_RE. */
const COMPLEMENT_FIRSTS = 'bwolsa';
const TOPIC_FIRSTS = 'oarci';

/** Whether blanks and then one of the letters `firsts` follow `pos` (the cheap part of a sticky `\s+word` regex). */
function followedBy(f: string, pos: number, firsts: string): boolean {
  let k = pos;
  while (isBlankCode(f.charCodeAt(k))) k++;
  return k > pos && firsts.includes(f.charAt(k));
}

/**
 * Complement right after a noun: optional place ("in Riyadh"), then "between …", "with …", "of …", "like …".
 * `placeEnd` is `placeAfter(fd, e)` when the caller has it.
 */
export function complement(fd: Finder, e: number, sentence: Span, placeEnd = placeAfter(fd, e)): Complement {
  const ctx = fd.ctx;
  const f = ctx.folded;
  const out: Complement = { kind: null, ids: [], end: e, named: false, start: e, placeEnd };
  const pos = placeEnd;
  if (!complementAt(f, pos)) return out;
  const m = stickyExec(COMPLEMENT_RE, f, pos);
  if (!m) return out;
  const kind = m[1] === 'between' || m[1] === 'among' ? 'between' : m[1] === 'with' ? 'with' : m[1] === 'of' ? 'of' : 'like';
  const from = pos + m[0].length;
  const to = listEnd(ctx, from, sentence.end);
  out.kind = kind;
  out.start = pos;
  const ids = idsIn(fd, from, to);
  const group = groupAt(fd, from, from);
  const first = ctx.firstMentionIn(from, to);
  const last = first ? ctx.lastMentionIn(from, to) : undefined;
  // "of" takes actors named early in the list, a group ("of the two sides"), or states' people ("a working group
  // of Russian and American diplomats"); else it is no complement ("a meeting of minds")
  if (kind === 'of' && (!first || first.start - from > 40)) {
    out.kind = group.length || (ids.length && PEOPLE_OF_RE.test(f.slice(from, to))) ? 'of' : null;
  }
  out.ids = group.length ? uniq([...ids, ...group]) : ids;
  const gm = ctx.hasCue(CUE_GROUP_NOUN, from, to) ? GROUP_RE.exec(f.slice(from, to)) : null;
  if (gm) out.named = true;
  else if (kind === 'between' && to > from + 3 && !/^(?:us|them|our|your|you|me|each\s+other)\b/.test(f.slice(from, to))) out.named = true;
  let end = last ? last.end : e;
  if (gm) end = Math.max(end, from + gm[0].length);
  if (kind === 'between' && !first && !gm) end = Math.min(to, from + 60);
  out.listEnd = to;
  out.end = end;
  return out;
}

/** Actors named as the topic or place of a channel ("talks on Ukraine", "a meeting in Moscow"): not its parties. */
export function topicIds(fd: Finder, e: number, comp: Complement, sentence: Span): string[] {
  // a place mention may run past the two words the place pattern reads ("at Lincoln High School")
  const cut = comp.placeEnd > e ? fd.ctx.mentionAt(comp.placeEnd - 1) : undefined;
  const ids = comp.placeEnd > e ? idsIn(fd, e, cut && cut.end > comp.placeEnd ? cut.end : comp.placeEnd) : [];
  const from = comp.placeEnd;
  const m = followedBy(fd.ctx.folded, from, TOPIC_FIRSTS) ? stickyExec(TOPIC_RE, fd.ctx.folded, from) : null;
  if (m) ids.push(...idsIn(fd, from + m[0].length, listEnd(fd.ctx, from + m[0].length, sentence.end)));
  return ids;
}

/** Actor ids in [from, to): mentions, plus capitalised state words not covered by a mention ("Russian"). */
export function idsIn(fd: Finder, from: number, to: number): string[] {
  const ctx = fd.ctx;
  const ids: string[] = [];
  const { mStart, mEnd, mentions } = ctx;
  for (let i = ctx.firstMentionFrom(from); i < mStart.length && mStart[i] < to; i++) {
    const id = mentions[i].actorId;
    if (mEnd[i] <= to && !ids.includes(id) && !isTitlePart(fd, mStart[i], mEnd[i], to)) ids.push(id);
  }
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
    if (ctx.mentionIndexAt(at) >= 0) continue;
    // the word's ids first (both lookups are pure and cached): most capitalised words name no actor, and then
    // whether they are part of a title does not matter
    const found = compoundIds(ctx, { start: at, end });
    const id = ctx.stateIn(at, end);
    if ((!found.length && !id) || isTitlePart(fd, at, end, to)) continue;
    for (const f of found) if (!ids.includes(f)) ids.push(f);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * True when [s, e) is part of a person's title rather than a party of its own: a state or organisation word
 * followed by title words and then a person ("U.S. Secretary of State Marco Rubio", "Putin's aide Yuri Ushakov").
 */
export function isTitlePart(fd: Finder, s: number, e: number, to: number): boolean {
  const ctx = fd.ctx;
  const next = ctx.mentions[ctx.firstMentionFrom(e)];
  if (!next || next.end > to + 1 || next.start - e > 60 || ctx.kindOf(next.actorId) !== 'person') return false;
  const here = ctx.mentionAt(s);
  if (here && ctx.kindOf(here.actorId) === 'person' && !/^['’]s\s/.test(ctx.text.slice(e, e + 3))) return false;
  const gap = ctx.text.slice(e, next.start);
  return (
    /^\s+(?:(?:[A-Z][\w.'’-]*|of|the|for|on|foreign|policy|affairs|security|national|special|deputy|former|new|chief|top)\s+){1,8}$/.test(gap) ||
    /^['’]s\s+(?:[\w.'’-]+\s+){1,5}$/.test(gap)
  );
}
