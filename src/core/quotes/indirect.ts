/**
 * A quote with no cue of its own, opening its sentence right after a sentence of reported speech in the same
 * paragraph: "Frederiksen
 * said her country still had twelve days in the chair. “We will use every one of them.”" The quote continues what
 * the subject of that sentence's speech verb was saying.
 */
import { attributed, type Attribution, type LastSpeaker } from './attribute';
import { candidates } from './candidates';
import type { Ctx } from './context';
import { lowerBoundSpan } from './cuehits';
import { subjectGap } from './gaps';
import type { RawQuote } from './spans';

/** The speaker of the reported speech in the sentence before the quote's (same paragraph), or null. */
export function reportedSpeechBefore(ctx: Ctx, p: number, q: RawQuote, prevClose: number, last: LastSpeaker | null): Attribution | null {
  const sentStart = ctx.sentenceStart(p, q.open);
  const ps = ctx.paragraphs[p].start;
  // the quote opens its sentence, and no other quote lies in the sentence before
  if (sentStart < q.open - 1 || sentStart <= ps) return null;
  // the sentence before, from the end of an earlier quote in it ("Asked by ZDF, “…?”, Frederiksen said …")
  const from = Math.max(ctx.sentenceStart(p, sentStart - 1), prevClose);
  const hits = ctx.paraCues(from);
  for (let k = lowerBoundSpan(hits, from); k < hits.length && hits[k].end <= sentStart; k++) {
    const cue = hits[k];
    if (!cue.ok || cue.form.role !== 'verb') continue;
    const cands = candidates(ctx, p, from, cue.start);
    for (const c of cands) {
      if (c.source !== 'mention' || c.kind !== 'person' || !subjectGap(ctx.folded, c, cue)) continue;
      const r = attributed(ctx, p, c, cue, false, 'before', last, 0.6);
      return r.speaker ? r : null;
    }
    return null;
  }
  return null;
}
