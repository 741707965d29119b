/**
 * Values on one line of the registry's regular layout, for the fast reader (fastParse.ts): scalars and flow
 * lists of scalars, read the way the `yaml` package (core schema) reads them, or refused (null) when there is
 * any doubt — the caller then falls back to the `yaml` package.
 *
 * Two tiers: the common shapes (a plain value, `[a, b, c]`) are recognised by one regular expression and
 * `split`, native code from the first call; everything else (quotes, comments, `-5`, a `#` or `:` inside a
 * value) is read character by character.
 */

/** A scalar as the registry validation sees it: its core-schema type and text. */
export interface Scalar {
  t: 'str' | 'num' | 'null' | 'bool';
  v: string;
}

/** A value on the rest of a line: one scalar, or a flow list of scalars. */
export type LineValue = Scalar | Scalar[];

const CORE_NUM = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Integers that `yaml` turns into a number printing exactly as written. */
const CANONICAL_INT = /^(?:0|[1-9][0-9]{0,14})$/;
/** A plain value with no indicator first and no `#`, `:`, brackets or braces anywhere. */
const QUICK_PLAIN = /^[^\s[\]{}#:,'"&*!|>%@`?~-][^[\]{}#:]*$/;
/** `[a, b c, d]`: plain items as in `QUICK_PLAIN` (no `,` inside), nothing after `]`. */
const QUICK_FLOW = /^\[(?: *[^\s[\]{}#:,'"&*!|>%@`?~-][^[\]{}#:,]*(?:, *[^\s[\]{}#:,'"&*!|>%@`?~-][^[\]{}#:,]*)*| *)\]$/;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const LBRACKET = 91;
const RBRACKET = 93;
const DQUOTE = 34;
const SQUOTE = 39;

/** 1 for characters that may not start a plain scalar (YAML indicators). */
const INDICATOR = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[c.charCodeAt(0)] = 1;

/** 1 for characters a plain scalar here never contains (flow brackets and braces). */
const BRACKET = new Uint8Array(128);
for (const c of '[]{}') BRACKET[c.charCodeAt(0)] = 1;

export function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** True when only spaces and possibly a comment follow `i` on the line. */
function lineEnds(text: string, i: number, eol: number): boolean {
  const j = skipSpaces(text, i, eol);
  return j === eol || (j > i && text.charCodeAt(j) === HASH);
}

/**
 * The value from `vs` (not a space, not `#`) to the line end `eol`, or null when it is not one of the shapes
 * read here.
 */
export function lineValue(text: string, vs: number, eol: number): LineValue | null {
  const s = text.slice(vs, eol);
  if (QUICK_PLAIN.test(s)) return plainScalar(trimSpaces(s));
  if (QUICK_FLOW.test(s)) {
    const parts = s.slice(1, -1).split(',');
    if (parts.length === 1 && trimSpaces(parts[0]) === '') return [];
    const out: Scalar[] = [];
    for (let k = 0; k < parts.length; k++) {
      const item = plainScalar(trimSpaces(parts[k]));
      if (item === null) return null;
      out.push(item);
    }
    return out;
  }
  return carefulValue(text, vs, eol);
}

/** Without leading and trailing ASCII spaces (as YAML trims a plain scalar; other white space stays). */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === SPACE) a++;
  while (b > a && s.charCodeAt(b - 1) === SPACE) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Reads character by character: quotes, comments, and plain values the expressions above leave out. */
function carefulValue(text: string, vs: number, eol: number): LineValue | null {
  let v: { value: LineValue; end: number } | null;
  if (text.charCodeAt(vs) === LBRACKET) {
    const items: Scalar[] = [];
    let i = skipSpaces(text, vs + 1, eol);
    while (i < eol && text.charCodeAt(i) !== RBRACKET) {
      const item = scalar(text, i, eol, true);
      if (item === null) return null;
      items.push(item.value);
      i = skipSpaces(text, item.end, eol);
      const c = text.charCodeAt(i);
      if (c === COMMA) i = skipSpaces(text, i + 1, eol);
      else if (c !== RBRACKET) return null;
    }
    if (i === eol) return null;
    v = { value: items, end: i + 1 };
  } else v = scalar(text, vs, eol, false);
  return v !== null && lineEnds(text, v.end, eol) ? v.value : null;
}

/** A scalar at `s`; in a flow list it ends before `,` or `]`, else at a comment or the line end. */
function scalar(text: string, s: number, eol: number, flow: boolean): { value: Scalar; end: number } | null {
  const c = text.charCodeAt(s);
  if (c === DQUOTE) {
    for (let j = s + 1; j < eol; j++) {
      const d = text.charCodeAt(j);
      if (d === 92) return null; // a backslash escape
      if (d === DQUOTE) return { value: { t: 'str', v: text.slice(s + 1, j) }, end: j + 1 };
    }
    return null;
  }
  if (c === SQUOTE) {
    let doubled = false;
    for (let j = s + 1; j < eol; j++) {
      if (text.charCodeAt(j) !== SQUOTE) continue;
      if (text.charCodeAt(j + 1) === SQUOTE) {
        doubled = true;
        j++;
        continue;
      }
      const v = text.slice(s + 1, j);
      return { value: { t: 'str', v: doubled ? v.replace(/''/g, "'") : v }, end: j + 1 };
    }
    return null;
  }
  if (c < 128 && INDICATOR[c] === 1 && !(c === DASH && !flow && s + 1 < eol && text.charCodeAt(s + 1) !== SPACE)) return null;
  // plain: up to a comment, the line end or (in a flow list) `,` / `]`
  let end = s;
  for (let j = s; j < eol; j++) {
    const d = text.charCodeAt(j);
    if (d === SPACE) {
      if (text.charCodeAt(j + 1) === HASH) break;
      continue;
    }
    if (flow && (d === COMMA || d === RBRACKET)) break;
    if (d < 128 && BRACKET[d] === 1) return null;
    if (d === COLON && (flow || j + 1 === eol || text.charCodeAt(j + 1) === SPACE)) return null;
    end = j + 1;
  }
  const value = plainScalar(text.slice(s, end));
  return value === null ? null : { value, end };
}

/**
 * Core-schema typing of a plain scalar, as `yaml` resolves it; null for numbers that would not print as written
 * (`0x1F`, `1e3`, `007`: the `yaml` path gives their value).
 */
export function plainScalar(v: string): Scalar | null {
  const c = v.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (CORE_NUM.test(v)) return CANONICAL_INT.test(v) ? { t: 'num', v } : null;
  } else if (v.length <= 5) {
    if (v === '~' || v === 'null' || v === 'Null' || v === 'NULL') return { t: 'null', v };
    if (v === 'true' || v === 'True' || v === 'TRUE') return { t: 'bool', v: 'true' };
    if (v === 'false' || v === 'False' || v === 'FALSE') return { t: 'bool', v: 'false' };
  }
  return { t: 'str', v };
}
