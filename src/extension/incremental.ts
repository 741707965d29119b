/**
 * Incremental re-analysis over the engine's one entry (`analyze(text)`), which has no incremental API:
 * - `shiftAnalysis` moves an analysis through an edit (spans after it shift, spans touching it are dropped);
 * - `reanalyzeWindow` runs the engine on the edited paragraphs plus `margin` paragraphs either side and
 *   splices the result in place of whatever the old analysis had there.
 * Quotes are paragraph-bounded and channels sentence-bounded in the engine, so a window of whole paragraphs
 * finds them as a full run would; what a window can miss is context from further away (a surname whose full
 * name came earlier, the speaker of a continued quote). The session therefore also schedules a full run
 * after a longer pause, which corrects those.
 */
import { analyze } from '../core/analyze';
import type { CompiledRegistry } from '../core/registry';
import type { ActorResult, Analysis, Channel, Mention, Quote, Span, TextSpan } from '../core/types';

function shiftSpan<T extends Span>(x: T, delta: number): T {
  return { ...x, start: x.start + delta, end: x.end + delta };
}

/** Keeps spans before the edit, shifts those after it, drops those touching it. */
function shiftList<T extends Span>(list: readonly T[], start: number, end: number, move: (x: T) => T): T[] {
  const out: T[] = [];
  for (const x of list) {
    if (x.end < start) out.push(x);
    else if (x.start > end) out.push(move(x));
    // touching or overlapping the edit: dropped; the window re-analysis finds it again
  }
  return out;
}

function shiftCue(cue: TextSpan | null, end: number, delta: number): TextSpan | null {
  return cue && cue.start >= end ? shiftSpan(cue, delta) : cue;
}

/** The analysis after `[start, end)` was replaced by `inserted` characters. */
export function shiftAnalysis(a: Analysis, start: number, end: number, inserted: number): Analysis {
  const delta = inserted - (end - start);
  const mentions = shiftList(a.mentions, start, end, (m) => shiftSpan(m, delta));
  const quotes = shiftList(a.quotes, start, end, (q) => ({ ...shiftSpan(q, delta), cue: shiftCue(q.cue, end, delta) }));
  const channels = shiftList(a.channels, start, end, (c) => shiftSpan(c, delta));
  return { mentions, quotes, channels, actors: regroup(mentions, a.actors) };
}

/** ActorResult list from mentions (first-mention order), keeping what `known` says about each actor. */
export function regroup(mentions: readonly Mention[], ...sources: (readonly ActorResult[])[]): ActorResult[] {
  const info = new Map<string, ActorResult>();
  for (const list of sources) for (const a of list) info.set(a.id, a);
  const byId = new Map<string, ActorResult>();
  for (const m of mentions) {
    let r = byId.get(m.actorId);
    if (!r) {
      const i = info.get(m.actorId);
      r = { id: m.actorId, name: i?.name ?? m.text, kind: i?.kind ?? 'person', known: i?.known ?? false, roles: i?.roles ?? [], mentions: [] };
      byId.set(m.actorId, r);
    }
    r.mentions.push(m.role ? { start: m.start, end: m.end, text: m.text, match: m.match, role: m.role } : { start: m.start, end: m.end, text: m.text, match: m.match });
  }
  return [...byId.values()];
}

/** Paragraph-aligned window around a dirty span: the lines it touches plus `margin` non-blank lines either side. */
export function paragraphWindow(text: string, dirty: Span, margin = 1): Span {
  const n = text.length;
  let s = dirty.start <= 0 ? 0 : text.lastIndexOf('\n', dirty.start - 1) + 1;
  for (let k = 0; k < margin && s > 0; ) {
    const p = s >= 2 ? text.lastIndexOf('\n', s - 2) + 1 : 0;
    if (text.slice(p, s - 1).trim()) k++;
    s = p;
  }
  let e = text.indexOf('\n', Math.min(dirty.end, n));
  if (e < 0) e = n;
  for (let k = 0; k < margin && e < n; ) {
    let next = text.indexOf('\n', e + 1);
    if (next < 0) next = n;
    if (text.slice(e + 1, next).trim()) k++;
    e = next;
  }
  return { start: s, end: e };
}

/** Re-analyses `window` of `text` and splices the result into `a` (already shifted onto `text`). */
export function reanalyzeWindow(a: Analysis, text: string, window: Span, registry: CompiledRegistry): Analysis {
  const { start: ws, end: we } = window;
  const local = analyze(text.slice(ws, we), registry);
  const outside = <T extends Span>(x: T) => x.end <= ws || x.start >= we;
  const mentions: Mention[] = [...a.mentions.filter(outside), ...local.mentions.map((m) => shiftSpan(m, ws))].sort((x, y) => x.start - y.start);
  const quotes: Quote[] = [...a.quotes.filter(outside), ...local.quotes.map((q) => ({ ...shiftSpan(q, ws), cue: q.cue ? shiftSpan(q.cue, ws) : null }))].sort((x, y) => x.start - y.start);
  const channels: Channel[] = [...a.channels.filter(outside), ...local.channels.map((c) => shiftSpan(c, ws))].sort((x, y) => x.start - y.start);
  return { mentions, quotes, channels, actors: regroup(mentions, a.actors, local.actors) };
}
