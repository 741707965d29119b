/**
 * Actors standing in a syntactic role around a trigger: the subject chain before a verb ("A and B held talks"),
 * appositions, the sentence's subject, the subject after an introductory phrase, hosts, venues, the next actor of
 * another side, and topical mentions ("talks on Ukraine") that are not parties.
 */
import type { Mention, Span } from '../types';
import { normWord } from './context';
import { WordSet } from './wordset';
import { letterRunBack, skipBlanksBack } from './phrase';
import type { Finder } from './finder';
import { isTitlePart } from './complement';

const RELATIVE_WHO_RE = /^\s*,?\s*who\s+(?:(?:also|had|has|have|later|then|recently|once|first|last|already)\s+)?$/;
/** Verbs of hosting: their subject is the channel's host (`via`). */
const HOST_VERBS = new WordSet(['host', 'hosts', 'hosted', 'hosting']);
/** Prepositions that make the actor after them a topic or place, not a party. */
const TOPIC_WORDS = new WordSet(['on', 'about', 'over', 'regarding', 'concerning', 'like', 'in', 'into', 'across', 'at', 'against', 'including']);

/** The coordinated actors right before `s` in its clause ("A and B held talks", "Rubio is scheduled to meet"). */
export function subjectChain(fd: Finder, s: number, sentence: Span, maxGap = 60): string[] {
  const ctx = fd.ctx;
  const out: string[] = [];
  // "On Wednesday he spoke by phone with …", "“…,” she wrote on X": the person the pronoun stands for
  const pr = pronounRightBefore(ctx.folded, s, sentence.start);
  if (pr >= 0) {
    const id = pronounSubject(fd, pr, sentence);
    return id ? [id] : out;
  }
  let i = ctx.firstMentionFrom(s) - 1;
  // "Witkoff will travel to Moscow next week to meet Putin": a place after "to/in/at" is not the subject
  while (i >= 0 && ctx.mentions[i].start >= sentence.start && s - ctx.mentions[i].end <= maxGap && afterPlacePreposition(ctx.folded, ctx.mentions[i].start, sentence.start)) i--;
  if (i < 0) return out;
  let m = ctx.mentions[i];
  if (m.start < sentence.start || m.end > s) return out;
  const gap = ctx.folded.slice(m.end, s);
  // "Witkoff, who met Dmitriev": the antecedent of the relative pronoun
  if (gap.includes('who') && RELATIVE_WHO_RE.test(gap)) return [m.actorId];
  if (gap.length > maxGap || /[;:()!?]|,\s|\s-\s|\b(?:that|which|who|while|but|after|before|when)\b/.test(gap)) {
    // "Dmitriev, the head of Russia's wealth fund, wrote", "Turkey's president, Erdogan, to pass": an apposition
    const appo = gap.includes(',') ? appositionSubject(fd, s, sentence) : undefined;
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

/** Prepositions of place and direction: the actor after them is where something happens, not who does it. */
const PLACE_PREPOSITIONS = new WordSet(['to', 'in', 'at', 'into', 'toward', 'towards', 'inside', 'near']);

/** Whether the word right before `start` (blanks between) is a preposition of place. */
function afterPlacePreposition(f: string, start: number, floor: number): boolean {
  const p = skipBlanksBack(f, start, floor);
  if (p === start) return false;
  const w = letterRunBack(f, p, floor);
  return w < p && PLACE_PREPOSITIONS.has(f, w, p);
}

/**
 * The subject before an apposition that ends right before `s` (", the head of …, wrote"), or the person named by
 * an apposition itself (", Recep Tayyip Erdogan, to pass"). Undefined when the text before `s` is not one.
 */
export function appositionSubject(fd: Finder, s: number, sentence: Span): string | undefined {
  const ctx = fd.ctx;
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

/** Where the subject chain before `s` starts (the first of its mentions), else `s`. */
export function subjectStart(fd: Finder, s: number, sentence: Span): number {
  const ctx = fd.ctx;
  const ids = subjectChain(fd, s, sentence);
  let i = ctx.firstMentionFrom(s) - 1;
  let start = s;
  while (i >= 0 && ctx.mentions[i].start >= sentence.start && ids.includes(ctx.mentions[i].actorId)) {
    start = ctx.mentions[i].start;
    i--;
  }
  return start;
}

/** Capitalised words only (a title before a name): "Omani Foreign Minister ". */
const TITLE_ONLY = /^(?:[A-Z][\w.'\u2019-]*\s+){1,6}$/;

/** The sentence's subject: its first actor when that opens the sentence (at most a few words before it). */
export function sentenceSubject(fd: Finder, before: number, sentence: Span): string | undefined {
  const ctx = fd.ctx;
  const m = ctx.mentions[ctx.firstMentionFrom(sentence.start)];
  if (!m || m.end > before || isTopical(fd, m, sentence)) return undefined;
  // a few words, or a title in front of the name ("Omani Foreign Minister Badr Albusaidi walks …")
  if (m.start - sentence.start > 12 && !(m.start - sentence.start <= 60 && TITLE_ONLY.test(ctx.text.slice(sentence.start, m.start)))) return undefined;
  return m.actorId;
}

/**
 * The word right before `s`, past one auxiliary or adverb ("have met", "also held", "he had spoken"): its start
 * and end, for the subject before a verb.
 */
function subjectWordBefore(f: string, s: number, floor: number): { w: number; p: number } {
  let p = skipBlanksBack(f, s, floor);
  let w = letterRunBack(f, p, floor);
  if (w < p && AUXILIARIES.has(f, w, p)) {
    p = skipBlanksBack(f, w, floor);
    w = letterRunBack(f, p, floor);
  }
  return { w, p };
}

/** Start of "he"/"she" right before `s` (an auxiliary or adverb may stand between), or -1. */
function pronounRightBefore(f: string, s: number, floor: number): number {
  const { w, p } = subjectWordBefore(f, s, floor);
  const len = p - w;
  return (len === 2 && f.startsWith('he', w)) || (len === 3 && f.startsWith('she', w)) ? w : -1;
}

/**
 * The person a subject pronoun at `at` stands for: the first person named earlier in its sentence ("Putin said he
 * met …"), else the first person of the sentence before ("Katz was blunt. “…,” he wrote").
 */
function pronounSubject(fd: Finder, at: number, sentence: Span): string | undefined {
  const ctx = fd.ctx;
  const firstPerson = (from: number, to: number): string | undefined => {
    for (let i = ctx.firstMentionFrom(from); i < ctx.mentions.length && ctx.mentions[i].start < to; i++) {
      if (ctx.kindOf(ctx.mentions[i].actorId) === 'person') return ctx.mentions[i].actorId;
    }
    return undefined;
  };
  const here = firstPerson(sentence.start, at);
  if (here) return here;
  // a sentence that opens with a pronoun of its own ("His office said he told Ortagus …") goes on with the same
  // person: look further back, to the sentence that named it ("Aoun has tried …")
  let prev = ctx.previousSentence(at);
  for (let n = 0; prev && n < 3 && OPENS_WITH_PRONOUN.test(ctx.folded.slice(prev.start, prev.start + 4)); n++) prev = ctx.previousSentence(prev.start);
  return prev ? firstPerson(prev.start, prev.end) : undefined;
}

/** A sentence that opens with a personal pronoun or possessive: "He …", "His office …", "She …", "Her …". */
const OPENS_WITH_PRONOUN = /^(?:he|she|his|her)[^a-z]/;

/** People a state sends or is represented by: "Ukrainian officials", "European leaders". */
const STATE_PEOPLE = new WordSet('officials diplomats leaders negotiators delegations delegates delegation envoys ministers representatives lawmakers counterparts'.split(' '));
/** Words allowed between demonyms: "and", "or" ("European and Ukrainian officials"). */
const AND_OR = new WordSet(['and', 'or']);

/**
 * States named by their people right before `s` ("European and Ukrainian officials held talks"): a people noun,
 * and before it capitalised demonyms joined by "and"/commas; each must be a state word of the findings.
 */
export function demonymSubject(fd: Finder, s: number, sentence: Span): string[] {
  const ctx = fd.ctx;
  const f = ctx.folded;
  let { w, p } = subjectWordBefore(f, s, sentence.start);
  if (w === p || !STATE_PEOPLE.has(f, w, p)) return [];
  const out: string[] = [];
  for (let n = 0; n < 6; n++) {
    p = skipBlanksBack(f, w, sentence.start);
    if (p > sentence.start && f.charCodeAt(p - 1) === 44) p = skipBlanksBack(f, p - 1, sentence.start);
    w = letterRunBack(f, p, sentence.start);
    if (w === p) break;
    if (AND_OR.has(f, w, p) && out.length) continue;
    const c = ctx.text.charCodeAt(w);
    if (!(c >= 65 && c <= 90) || ctx.mentionAt(w)) break;
    const id = ctx.stateIn(w, p);
    if (!id) break;
    if (!out.includes(id)) out.unshift(id);
  }
  return out;
}

const AUXILIARIES = new WordSet('have has had will would also then later reportedly first previously again'.split(' '));

/** `sentenceSubject` with the actors coordinated with it ("Kushner and Witkoff flew to Moscow …"). */
export function sentenceSubjects(fd: Finder, before: number, sentence: Span): string[] {
  const first = sentenceSubject(fd, before, sentence);
  if (!first) return [];
  const ctx = fd.ctx;
  const out = [first];
  for (let i = ctx.firstMentionFrom(sentence.start); i + 1 < ctx.mentions.length; i++) {
    const b = ctx.mentions[i + 1];
    if (b.end > before || !COORDINATION_RE.test(ctx.folded.slice(ctx.mentions[i].end, b.start))) break;
    if (!out.includes(b.actorId)) out.push(b.actorId);
  }
  return out;
}

const COORDINATION_RE = /^(?:,\s*|\s+and\s+|,\s+and\s+)$/;

/** The subject right after the first comma following `from` ("In a post on Telegram, Zelensky …"). */
export function subjectAfterComma(fd: Finder, from: number, sentence: Span): string[] {
  const ctx = fd.ctx;
  const comma = ctx.folded.indexOf(',', from);
  if (comma < 0 || comma >= sentence.end) return [];
  const i = ctx.firstMentionFrom(comma);
  const m = ctx.mentions[i];
  // right after the comma, or after a title ("…, President Volodymyr Zelensky thanked …")
  if (!m || m.end > sentence.end || (m.start - comma > 4 && !(m.start - comma <= 60 && TITLE_ONLY.test(ctx.text.slice(comma + 1, m.start).trimStart())))) return [];
  // "…, UN Secretary-General Antonio Guterres warned": the person, not the body in the title
  const next = ctx.mentions[i + 1];
  if (next && isTitlePart(fd, m.start, m.end, sentence.end) && next.start < sentence.end) return [next.actorId];
  return [m.actorId];
}

/** "Erdogan hosted a meeting …", "Oman, which hosted the talks, …": the host(s) before the noun phrase at `at`. */
export function hostBefore(fd: Finder, at: number, sentence: Span): string[] {
  const f = fd.ctx.folded;
  const p = skipBlanksBack(f, at, sentence.start);
  const w = letterRunBack(f, p, sentence.start);
  if (w === p || !HOST_VERBS.has(f, w, p)) return [];
  return subjectChain(fd, w, sentence, 60);
}

/** A state alias used as a pre-modifier that names a place ("the Doha talks", "the Geneva meeting"). */
export function isVenue(fd: Finder, id: string, from: number, to: number): boolean {
  const ctx = fd.ctx;
  if (ctx.kindOf(id) !== 'state') return false;
  const m = ctx.mentionsIn(from, to).find((x) => x.actorId === id);
  if (!m || /['’]s?$/.test(ctx.text.slice(m.end, m.end + 2).trim())) return false;
  const a = ctx.actor(id);
  if (!a) return false;
  const t = normWord(m.text);
  return t !== normWord(a.name) && !(a.demonyms ?? []).some((d) => normWord(d) === t) && /^[A-Z][a-z]+$/.test(m.text);
}

/** The first actor after `e` in the sentence that is not one of `not` (nor on their side). */
export function nextOtherActor(fd: Finder, e: number, sentence: Span, not: readonly string[]): string | undefined {
  const ctx = fd.ctx;
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
export function isTopical(fd: Finder, m: Mention, sentence: Span): boolean {
  const ctx = fd.ctx;
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
