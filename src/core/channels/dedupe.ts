/**
 * The last step: overlapping candidates report once, a bare "between A and B" yields to a channel word of its
 * sentence, and a repeated generic word tied to nothing in a sentence that already has a channel is dropped.
 */
import type { Channel } from '../types';
import type { Candidate } from './finder';

/** Overlapping candidates report once: the longer span wins (ties: the stronger one, then the earlier). */
export function dedupe(all: Candidate[]): Channel[] {
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
  // the judges report in text order: usually nothing is out of place and the (stable) sort can be skipped
  const sorted = inOrder(cands) ? cands : cands.slice().sort(byPosition);
  const kept: Candidate[] = [];
  const keptSentences = new Set<number>();
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i];
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

/** By start, the longer first. */
function byPosition(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end;
}

/** Whether `list` is already sorted `byPosition`. */
function inOrder(list: readonly Candidate[]): boolean {
  for (let i = 1; i < list.length; i++) if (byPosition(list[i - 1], list[i]) > 0) return false;
  return true;
}
