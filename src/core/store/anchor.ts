/**
 * Anchoring: placing stored annotations in the current text, and moving them with editor edits.
 *
 * `reanchor(annotations, text)` — for each annotation (in order of its old start), in tiers:
 *   1. **anchored** — the exact text is at the predicted place with its context: the old start, or the old
 *      start shifted by the same amount as the previous annotation (text inserted or removed before it).
 *   2. **moved** — the exact text occurs elsewhere: every occurrence is scored by how much of the stored
 *      prefix/suffix surrounds it (0..1) and, a little, by closeness to the predicted place; the best wins.
 *      (When the best occurrence is the predicted place the annotation counts as anchored.)
 *   3. **fuzzy** — an approximate match with at most ⌊length/4⌋ errors (max 128; texts shorter than 8
 *      characters are never matched approximately), found with Myers' bit-parallel algorithm
 *      (`approx-string-match`) in a window around the predicted place first, then in the whole text while a
 *      work budget lasts; the fewest errors win, then context, then closeness. The target then takes the
 *      text found.
 *   4. **orphaned** — kept, with `orphaned: true` and its last target, and tried again next time.
 * Targets of placed annotations are refreshed (prefix/suffix from the current text).
 *
 * `applyEdits(annotations, edits, newText)` — moves positions with editor content changes, no search:
 * edits before an annotation shift it, edits inside it resize it, an edit that removes all of it orphans it.
 */
import * as approx from 'approx-string-match';
import { compareAnnotations, CONTEXT_CHARS, makeTarget, type Annotation, type Target } from './model';

type Search = (text: string, pattern: string, maxErrors: number) => Array<{ start: number; end: number; errors: number }>;
// The package is an ES module with a default export; bundlers and tsx expose it as `.default` (sometimes twice).
const approxModule = approx as unknown as { default?: Search | { default?: Search } };
const search: Search = (typeof approxModule.default === 'function' ? approxModule.default : approxModule.default?.default) as Search;

export type AnchorState = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

export interface AnchorOutcome {
  id: string;
  state: AnchorState;
  /** Where the stored target said it was. */
  from: { start: number; end: number };
  /** Where it is now (the old place for orphans). */
  start: number;
  end: number;
  /** Edit distance for fuzzy matches. */
  errors?: number;
}

export interface ReanchorReport {
  annotations: number;
  anchored: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
  outcomes: AnchorOutcome[];
}

export interface ReanchorOptions {
  /** Characters either side of the predicted place searched approximately first (default max(2048, 4×length)). */
  window?: number;
  /** Work allowed for whole-text approximate searches, in text characters × 32-character pattern blocks (default 2e8). */
  fuzzyBudget?: number;
  /** Shortest exact text matched approximately (default 8). */
  minFuzzyLength?: number;
}

const MAX_OCCURRENCES = 20000;
const CONTEXT_PROBE = 8;

function commonSuffix(a: string, text: string, end: number): number {
  let n = 0;
  const max = Math.min(a.length, end);
  while (n < max && a.charCodeAt(a.length - 1 - n) === text.charCodeAt(end - 1 - n)) n++;
  return n;
}

function commonPrefix(a: string, text: string, start: number): number {
  let n = 0;
  const max = Math.min(a.length, text.length - start);
  while (n < max && a.charCodeAt(n) === text.charCodeAt(start + n)) n++;
  return n;
}

/** 0..1: how much of the stored context surrounds [s, e). */
export function contextScore(text: string, s: number, e: number, t: Target): number {
  const total = t.prefix.length + t.suffix.length;
  if (!total) return 1;
  return (commonSuffix(t.prefix, text, s) + commonPrefix(t.suffix, text, e)) / total;
}

function contextOk(text: string, s: number, e: number, t: Target): boolean {
  const pre = t.prefix;
  const suf = t.suffix;
  const p = Math.min(CONTEXT_PROBE, pre.length);
  const q = Math.min(CONTEXT_PROBE, suf.length);
  if (s < p || e + q > text.length) return false;
  for (let k = 1; k <= p; k++) if (pre.charCodeAt(pre.length - k) !== text.charCodeAt(s - k)) return false;
  for (let k = 0; k < q; k++) if (suf.charCodeAt(k) !== text.charCodeAt(e + k)) return false;
  return true;
}

/** True when `t` already describes [s, e) of `text` (so no new target object is needed). */
function targetMatches(text: string, s: number, e: number, t: Target): boolean {
  if (t.start !== s || t.end !== e) return false;
  const ps = Math.max(0, s - CONTEXT_CHARS);
  const se = Math.min(text.length, e + CONTEXT_CHARS);
  // (surrogate-trimmed contexts are one shorter; makeTarget decides those cases)
  return t.prefix.length === s - ps && t.suffix.length === se - e && text.startsWith(t.prefix, ps) && text.startsWith(t.suffix, e) && text.startsWith(t.exact, s);
}

interface Found {
  start: number;
  end: number;
  state: AnchorState;
  errors?: number;
}

class Anchorer {
  private budget: number;
  constructor(
    private readonly text: string,
    private readonly opts: ReanchorOptions,
  ) {
    this.budget = opts.fuzzyBudget ?? 2e8;
  }

  locate(t: Target, predicted: number): Found | undefined {
    const { text } = this;
    const exact = t.exact;
    const len = exact.length;
    if (!len) return undefined;
    for (const p of predicted === t.start ? [predicted] : [predicted, t.start]) {
      if (p >= 0 && p + len <= text.length && text.startsWith(exact, p) && contextOk(text, p, p + len, t)) return { start: p, end: p + len, state: 'anchored' };
    }
    // Exact occurrences elsewhere, best by context then closeness.
    let best = -1;
    let bestScore = -1;
    let count = 0;
    for (let i = text.indexOf(exact); i >= 0 && count < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1), count++) {
      const score = contextScore(text, i, i + len, t) + 0.1 * (1 - Math.min(1, Math.abs(i - predicted) / Math.max(1, text.length)));
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best >= 0) return { start: best, end: best + len, state: best === predicted || best === t.start ? 'anchored' : 'moved' };
    return this.fuzzy(t, predicted);
  }

  private fuzzy(t: Target, predicted: number): Found | undefined {
    const { text } = this;
    const exact = t.exact;
    const len = exact.length;
    if (len < (this.opts.minFuzzyLength ?? 8)) return undefined;
    const maxErrors = Math.min(128, Math.floor(len / 4));
    if (maxErrors < 1) return undefined;
    const w = this.opts.window ?? Math.max(2048, 4 * len);
    const lo = Math.max(0, predicted - w);
    const hi = Math.min(text.length, predicted + len + w);
    let found = this.pick(search(text.slice(lo, hi), exact, maxErrors), lo, t, predicted);
    const cost = text.length * Math.ceil(len / 32);
    if (!found && (lo > 0 || hi < text.length) && cost <= this.budget) {
      this.budget -= cost;
      found = this.pick(search(text, exact, maxErrors), 0, t, predicted);
    }
    return found;
  }

  private pick(matches: Array<{ start: number; end: number; errors: number }>, offset: number, t: Target, predicted: number): Found | undefined {
    const { text } = this;
    let best: Found | undefined;
    let bestScore = -Infinity;
    for (const m of matches) {
      let s = m.start + offset;
      let e = m.end + offset;
      // Do not start or end on whitespace the stored text does not have, nor inside a surrogate pair.
      if (!/^\s/.test(t.exact)) while (s < e && /\s/.test(text[s])) s++;
      if (!/\s$/.test(t.exact)) while (e > s && /\s/.test(text[e - 1])) e--;
      if (s > 0 && isLow(text.charCodeAt(s))) s--;
      if (e < text.length && isLow(text.charCodeAt(e))) e++;
      if (e <= s) continue;
      const score = -m.errors + 0.5 * contextScore(text, s, e, t) + 0.1 * (1 - Math.min(1, Math.abs(s - predicted) / Math.max(1, text.length)));
      if (score > bestScore) {
        bestScore = score;
        best = { start: s, end: e, state: 'fuzzy', errors: m.errors };
      }
    }
    return best;
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function sameTarget(a: Target, b: Target): boolean {
  return a.start === b.start && a.end === b.end && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}

/**
 * Places every annotation in `text`. Returns annotations in the input order (unchanged objects are reused,
 * changed ones are copies), the report, and whether anything changed.
 */
export function reanchor(annotations: readonly Annotation[], text: string, opts: ReanchorOptions = {}): { annotations: Annotation[]; report: ReanchorReport; changed: boolean } {
  const anchorer = new Anchorer(text, opts);
  const order = annotations.map((_, i) => i).sort((i, j) => compareAnnotations(annotations[i], annotations[j]));
  const out = annotations.slice();
  const outcomes: AnchorOutcome[] = new Array(annotations.length);
  const report: ReanchorReport = { annotations: annotations.length, anchored: 0, moved: 0, fuzzy: 0, orphaned: 0, outcomes: [] };
  let delta = 0;
  let changed = false;
  for (const i of order) {
    const a = annotations[i];
    const t = a.target;
    const found = anchorer.locate(t, t.start + delta);
    let next: Annotation = a;
    if (found) {
      delta = found.start - t.start;
      if (a.orphaned || !targetMatches(text, found.start, found.end, t)) {
        const nt = makeTarget(text, found.start, found.end);
        if (a.orphaned || !sameTarget(nt, t)) {
          next = { ...a, target: nt };
          delete next.orphaned;
        }
      }
      outcomes[i] = { id: a.id, state: found.state, from: { start: t.start, end: t.end }, start: found.start, end: found.end, ...(found.errors !== undefined ? { errors: found.errors } : {}) };
    } else {
      if (!a.orphaned) next = { ...a, orphaned: true };
      outcomes[i] = { id: a.id, state: 'orphaned', from: { start: t.start, end: t.end }, start: t.start, end: t.end };
    }
    report[outcomes[i].state]++;
    if (next !== a) {
      changed = true;
      out[i] = next;
    }
  }
  report.outcomes = outcomes;
  return { annotations: out, report, changed };
}

/** One editor content change: [start, end) of the text at that moment is replaced by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Moves annotations with edits applied in sequence (each edit's offsets refer to the text after the
 * previous ones; VS Code's contentChanges of one event can be passed as they come, in their order).
 * With `newText` (the text after all edits) targets are refreshed: exact text of resized annotations,
 * prefix/suffix near edits. An annotation whose whole text was removed becomes orphaned with its last
 * exact text kept. Returns new arrays/objects only where something changed.
 */
export function applyEdits(
  annotations: readonly Annotation[],
  edits: readonly TextEdit[],
  newText?: string,
): { annotations: Annotation[]; touched: string[]; orphaned: string[]; changed: boolean } {
  const pos = annotations.map((a) => [a.target.start, a.target.end]);
  const hit = new Uint8Array(annotations.length); // 1 touched, 2 collapsed
  for (const ed of edits) {
    const es = ed.start;
    const ee = Math.max(ed.start, ed.end);
    const ins = ed.text.length;
    const d = ins - (ee - es);
    for (let i = 0; i < pos.length; i++) {
      const p = pos[i];
      const s = p[0];
      const e = p[1];
      if (ee <= s) {
        p[0] = s + d;
        p[1] = e + d;
      } else if (es >= e) {
        continue;
      } else {
        const ns = s < es ? s : es;
        const ne = e > ee ? e + d : es + ins;
        p[0] = ns;
        p[1] = Math.max(ns, ne);
        if (annotations[i].orphaned) continue;
        if (ne <= ns) hit[i] = 2;
        else if (hit[i] !== 2) hit[i] = 1;
      }
    }
  }
  const out = annotations.slice();
  const touched: string[] = [];
  const orphaned: string[] = [];
  let changed = false;
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i];
    const [s, e] = pos[i];
    let t: Target = a.target;
    if (hit[i] === 2) {
      // Its whole text is gone: keep the last exact text and context, with the place where it was as the hint.
      orphaned.push(a.id);
      out[i] = { ...a, orphaned: true, target: { ...t, start: s, end: s } };
      changed = true;
      continue;
    }
    if (hit[i] === 1) touched.push(a.id);
    if (newText !== undefined && !a.orphaned) t = makeTarget(newText, s, e);
    else if (s !== t.start || e !== t.end) t = { ...t, start: s, end: e };
    if (!sameTarget(t, a.target)) {
      out[i] = { ...a, target: t };
      changed = true;
    }
  }
  return { annotations: out, touched, orphaned, changed };
}
