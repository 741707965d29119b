/**
 * Cue hits: the speech cues of a paragraph's own text (quote interiors left out), found once per paragraph by the
 * word scan of ./cues, with whether each reads as a cue in running text. Queries take a range of the sorted list by
 * binary search.
 */
import { lowerBoundSpan } from '../text';
import type { Span } from '../types';
import type { Ctx } from './context';
import { formsOfKey, isCueWordChar, matchForm, type CueForm } from './cues';

/** A cue form found in the text. Its text is `ctx.text.slice(start, end)`, taken only when it is reported. */
export interface CueHit extends Span {
  form: CueForm;
  /** Reads as a cue in running text (an ambiguous "states"/"notes" before that/:/, ; an -ing form after a comma). */
  ok: boolean;
}

/** After an ambiguous noun/verb form, what makes it a verb ("notes that", "claims:"). */
const AMBIGUOUS_OK = /^\s*(?:that\b|:|,|it\b|this\b|them\b)/;
/** Before an -ing form that is a cue: a comma, a quote, a conjunction ("…, noting", "while stating"). */
const ING_BEFORE = /(?:^|[,"'\u201d\u2019\u00bb]|\b(?:and|but|while|before|after|by|when|without|is|was|were|are|been|kept|keeps))\s*$/;
/** "so-called" before "called". */
const SO_BEFORE = /so-?\s*$/;

/**
 * Every cue form of folded[ps, pe) (one stretch of paragraph text starting at `paraStart`), appended to `out`:
 * the word scan of `scanCues` (./cues), each hit made a CueHit where it is found. The same pass appends the
 * offsets of the stretch's sentence terminators . ! ? … to `terms` from index `nTerms` on, and returns the new
 * count (./sentences reads them instead of the text; folding keeps these four and makes no other one of them).
 */
export function scanParaCues(f: string, ps: number, pe: number, paraStart: number, out: CueHit[], terms: number[], nTerms: number): number {
  let nt = nTerms;
  let i = ps;
  while (i < pe) {
    // next word start: a letter after a non-word character
    const c = f.charCodeAt(i);
    if (c < 97 || c > 122) {
      if (c === 46 || c === 33 || c === 63 || c === 0x2026) terms[nt++] = i;
      i++;
      continue;
    }
    const s = i++;
    // the first three letters give the word's prefix bucket (a word of fewer letters, or with a digit, ' or - among
    // them, starts no cue form): each character of the word is read once
    let key = -1;
    if (i < pe) {
      const c1 = f.charCodeAt(i) - 97;
      if (c1 >= 0 && c1 <= 25 && ++i < pe) {
        const c2 = f.charCodeAt(i) - 97;
        if (c2 >= 0 && c2 <= 25) {
          i++;
          key = ((c - 97) * 26 + c1) * 26 + c2;
        }
      }
    }
    while (i < pe && isCueWordChar(f.charCodeAt(i))) i++;
    if (key < 0) continue;
    const e = i;
    const forms = formsOfKey(f, s, e, key);
    if (forms === undefined || (s > 0 && isCueWordChar(f.charCodeAt(s - 1)))) continue;
    for (let k = 0; k < forms.length; k++) {
      const form = forms[k];
      const fe = matchForm(f, s, pe, form.form);
      if (fe < 0 || (fe < pe && isCueWordChar(f.charCodeAt(fe)))) continue;
      out.push({ start: s, end: fe, form, ok: readsAsCue(f, s, fe, form, paraStart) });
      i = fe;
      break;
    }
  }
  return nt;
}

/** Whether the form `form` at f[s, e) reads as a cue in running text. */
/** An auxiliary of the passive right before a participle: "was accused", "been accused". */
const PASSIVE_BEFORE = /(?:^|[^a-z])(?:was|were|is|are|be|been|being)\s+$/;

function readsAsCue(f: string, s: number, e: number, form: CueForm, paraStart: number): boolean {
  if (form.ambiguous && !AMBIGUOUS_OK.test(f.slice(e, e + 8))) return false;
  if (form.lemma === 'call' && SO_BEFORE.test(f.slice(Math.max(0, s - 4), s))) return false; // so-called
  // "Russia was accused of “…”": the passive names no accuser
  if (form.lemma === 'accuse' && PASSIVE_BEFORE.test(f.slice(Math.max(0, s - 8), s))) return false;
  // an -ing form is a cue after a comma/conjunction/quote ("…, noting", "while stating"), not as an adjective ("more promising")
  if (s > paraStart && form.form.endsWith('ing') && !ING_BEFORE.test(f.slice(Math.max(paraStart, s - 10), s))) return false;
  return true;
}


/** Cues in folded[a, b) of one paragraph that read as cues, in order. */
export function cuesIn(ctx: Ctx, a: number, b: number): CueHit[] {
  const out: CueHit[] = [];
  if (b <= a) return out;
  const list = ctx.paraCues(a);
  for (let k = lowerBoundSpan(list, a); k < list.length && list[k].end <= b; k++) if (list[k].ok) out.push(list[k]);
  return out;
}

/** The cue form starting exactly at `pos` (ambiguous forms too), or null. */
export function cueAtStart(ctx: Ctx, pos: number): CueForm | null {
  const list = ctx.paraCues(pos);
  const k = lowerBoundSpan(list, pos);
  return k < list.length && list[k].start === pos ? list[k].form : null;
}

export { lowerBoundSpan };
