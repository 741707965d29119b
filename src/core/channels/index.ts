/**
 * Channel detection: how actors communicate (meetings, calls, letters, intermediaries, tracks, back channels,
 * public signals, posts, forums, working groups, dialogue in general). See docs/channels.md.
 *
 * Steps, one module each:
 * - lexicon.ts (rules.ts, wordset.ts): one pass over the folded text finds the triggers and the cue words;
 * - this file: person pairs ("Witkoff-Dmitriev", "between A and B") from the mentions, then every trigger and
 *   pair judged in text order, each in its sentence only (context.ts: sentences, mentions by offset, actors);
 * - judge-noun.ts, judge-verb.ts, judge-authored.ts: the judgement per kind of trigger (participants, via, type,
 *   precision guards), with phrase.ts (the noun phrase), complement.ts, subjects.ts, groups.ts and via.ts;
 * - dedupe.ts: overlapping candidates reduced to one (the longer);
 * - parties.ts: a channel named without its participants gets the article's two main states, when there is a clear pair.
 * Linear in the text plus the mentions; per-sentence work is cached in the Finder (finder.ts).
 */
import type { TextDoc } from '../text';
import type { ActorFindings, Channel, Mention, Quote } from '../types';
import { ChannelContext } from './context';
import { scanText, type TriggerScan } from './lexicon';
import { RULES, type TriggerRule } from './rules';
import { isBlankCode } from './phrase';
import { Finder } from './finder';
import { dedupe } from './dedupe';
import { mainParties, withMainParties } from './parties';
import { judgeNoun } from './judge-noun';
import { judgeVerb, judgeMediation, judgeSidelines } from './judge-verb';
import { judgeAuthored, judgeBroadcast } from './judge-authored';

export { RULES } from './lexicon';

/** Relations that are not communication: "the difference between A and B". */
const NOT_A_CHANNEL_BETWEEN =
  /(?:difference|differences|rivalry|conflict|war|gap|feud|tensions?|distance|similarit(?:y|ies)|choice|comparison|contrast|split|rift|clash|competition|balance|proportion|relationship|relations)\s+between\s+$/;

/** Finds channel mentions in a document. Keeps the signature the pipeline calls (`analyze.ts`). */
export function findChannels(doc: TextDoc, findings: ActorFindings, quotes: readonly Quote[]): Channel[] {
  if (!doc.text) return [];
  const scan = scanText(doc.folded);
  const ctx = new ChannelContext(doc, findings, scan.cues);
  const scare = quotes.filter((q) => q.kind === 'scare' && q.end - q.start <= 60).sort((a, b) => a.start - b.start);
  const finder = new Finder(ctx, scare);
  judgeAll(finder, scan, findPairs(ctx));
  return withMainParties(dedupe(finder.out), mainParties(ctx.mentions, (id) => ctx.kindOf(id)));
}

/**
 * Judges the triggers and the pairs in order of start (a trigger before a pair at the same start). The loop
 * stands in a function of its own so that its optimised code covers all that follows it (see context.ts).
 */
function judgeAll(finder: Finder, scan: TriggerScan, pairs: readonly Pair[]): void {
  const { starts, ends, rules } = scan;
  let p = 0;
  for (let t = 0; t < starts.length; t++) {
    const start = starts[t];
    for (; p < pairs.length && pairs[p].start < start; p++) addPair(finder, pairs[p]);
    judge(finder, RULES[rules[t]], start, ends[t]);
  }
  for (; p < pairs.length; p++) addPair(finder, pairs[p]);
}

/** Two people named together: "Witkoff-Dmitriev" (a dash), or a bare "between A and B" (`bare`). */
interface Pair {
  start: number;
  a: Mention;
  b: Mention;
  bare: boolean;
}

/** The person pairs of the text, sorted by start (stable). */
function findPairs(ctx: ChannelContext): Pair[] {
  const pairs: Pair[] = [];
  const { mentions: ms, mStart, mEnd, mActor, mKind } = ctx;
  for (let i = 0; i + 1 < ms.length; i++) {
    const gapKind = pairGap(ctx.folded, mEnd[i], mStart[i + 1]);
    if (!gapKind || mActor[i] === mActor[i + 1] || mKind[i] !== 'person' || mKind[i + 1] !== 'person') continue;
    const a = ms[i];
    const b = ms[i + 1];
    if (gapKind === 1) pairs.push({ start: a.start, a, b, bare: false });
    else {
      const before = ctx.folded.slice(Math.max(0, a.start - 40), a.start);
      if (/(?<![a-z])between\s+$/.test(before) && !NOT_A_CHANNEL_BETWEEN.test(before)) pairs.push({ start: a.start - 8, a, b, bare: true });
    }
  }
  return pairs.sort((x, y) => x.start - y.start);
}

/** The gap between two mentions: 1 for a dash ("Witkoff-Dmitriev", "A – B"), 2 for " and ", 0 otherwise. */
function pairGap(f: string, from: number, to: number): 0 | 1 | 2 {
  const len = to - from;
  if (len <= 0 || len > 12) return 0;
  let a = from;
  let b = to;
  if (len <= 3) {
    if (len > 1 && isBlankCode(f.charCodeAt(a))) a++;
    if (b - a > 1 && isBlankCode(f.charCodeAt(b - 1))) b--;
    return b - a === 1 && f.charCodeAt(a) === 45 ? 1 : 0;
  }
  while (a < b && isBlankCode(f.charCodeAt(a))) a++;
  while (b > a && isBlankCode(f.charCodeAt(b - 1))) b--;
  return a > from && b < to && b - a === 3 && f.startsWith('and', a) ? 2 : 0;
}

/** "Witkoff-Dmitriev" (a dash pair), or a bare "between A and B" of two people (`bare`). */
function addPair(fd: Finder, { a, b, bare }: Pair): void {
  const sentence = fd.ctx.sentenceAt(a.start);
  const start = bare ? fd.ctx.folded.lastIndexOf('between', a.start) : a.start;
  fd.push({ start, end: b.end, type: 'track', participants: [a.actorId, b.actorId], via: [], confidence: bare ? 0.5 : 0.6, sentence, fallback: false, weak: false, bare });
}

/** Judges one trigger in its sentence, by the kind of its rule. */
function judge(fd: Finder, rule: TriggerRule, s: number, e: number): void {
  if (fd.inScareQuote(s, e)) return;
  const sentence = fd.ctx.sentenceAt(s);
  if (sentence.end <= sentence.start) return;
  switch (rule.strength) {
    case 'verb':
      return judgeVerb(fd, rule, s, e, sentence);
    case 'authored':
      return judgeAuthored(fd, rule, s, e, sentence);
    case 'mediation':
      return judgeMediation(fd, s, e, sentence);
    case 'sidelines':
      return judgeSidelines(fd, s, e, sentence);
    case 'broadcast':
      return judgeBroadcast(fd, s, e, sentence);
    default:
      return judgeNoun(fd, rule, s, e, sentence);
  }
}
