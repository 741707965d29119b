/**
 * Quotes: spans (./spans), then one pass over the paragraphs that hold quotes (./paragraph): direct vs scare
 * (./classify) and attribution (./after, ./before, ./interview). Every look-around stays inside the quote's
 * paragraph (pronouns: the sentence before it), so the stage is linear in the text.
 *
 * Attribution order for a quote: a cue right after it ("“…,” X said", "“…,” said X", "“…,” he added"); a cue
 * before it in its sentence ("X said:", "X, an analyst, believes: “…”", "According to X, “…”", "X described it as
 * “…”", "noting, “…”" → the sentence subject, "X: “…”"; "Asked by X, “…?”" → X even with a cue after it);
 * reported speech in the sentence before ("X said … . “…”", ./indirect); an earlier attributed quote of the same
 * paragraph; the previous paragraph's speaker for a paragraph that opens with a quote (newspaper continuation,
 * interview answers; an outlet's question line "“Outlet”: question?" keeps the interviewee). See docs/quotes.md.
 */
import type { TextDoc } from '../text';
import type { ActorFindings, Quote } from '../types';
import { Ctx } from './context';
import { processParagraph, type State } from './paragraph';
import { scanQuotes } from './spans';

export { scanQuotes, type RawQuote } from './spans';
export { CUES } from './cues';

export function findQuotes(doc: TextDoc, findings: ActorFindings): Quote[] {
  const raws = scanQuotes(doc);
  if (!raws.length) return [];
  const ctx = new Ctx(doc, findings);
  const out: Quote[] = [];
  const st: State = { last: null, prev: null, interviewee: null, introScan: 0, runs: new Map() };
  let i = 0;
  while (i < raws.length) {
    const p = raws[i].para;
    let j = i + 1;
    while (j < raws.length && raws[j].para === p) j++;
    processParagraph(ctx, p, raws, i, j, st, out);
    i = j;
  }
  // a newspaper-continued quote told its speaker only in a later paragraph: share it along the run
  for (const run of new Set(st.runs.values())) {
    const src = run.find((q) => q.speaker);
    if (!src) continue;
    for (const q of run) {
      if (q.speaker || q.kind !== 'direct') continue;
      q.speaker = src.speaker;
      q.confidence = Math.min(src.confidence, 0.65);
    }
  }
  return out;
}
