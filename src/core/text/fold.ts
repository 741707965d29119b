/**
 * Length-preserving folding: every UTF-16 code unit maps to exactly one code unit, so offsets into the
 * folded text are offsets into the original. Lowercases, strips diacritics (é → e), and unifies
 * apostrophes (’ ‘ ʼ ′ → ') and dashes (– — ‑ → -).
 *
 * Speed: a mostly-ASCII text is one native `toLowerCase()` plus a patch of the non-ASCII code units found by a
 * native regex scan; per-code-unit answers (fold, word, uppercase) live in 64 K tables filled on first use, so no
 * Unicode regex runs twice for the same code unit.
 */

/** Folded code unit + 1 (0 = not computed yet). */
const FOLD = new Uint16Array(65536);
/** Character class bits (0 = not computed yet): 1 computed, 2 word char (letters/digits, any script), 4 uppercase. */
const CLS = new Uint8Array(65536);
const C_DONE = 1;
export const C_WORD = 2;
export const C_UPPER = 4;
const LETTER_RE = /[\p{L}\p{N}]/u;

function computeFold(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x2032 || c === 0x0060 || c === 0x00b4) return 0x27;
  if (c === 0x2013 || c === 0x2014 || c === 0x2011 || c === 0x2010 || c === 0x2212) return 0x2d;
  if (c === 0x00a0 || c === 0x2009 || c === 0x202f) return 0x20;
  if (c >= 0xd800 && c <= 0xdfff) return c;
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (base.length === 1) return base.charCodeAt(0);
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** The folded form of one code unit. */
export function foldCode(c: number): number {
  const f = FOLD[c];
  if (f !== 0) return f - 1;
  const out = computeFold(c);
  FOLD[c] = out + 1;
  return out;
}

function computeClass(c: number): number {
  let bits = C_DONE;
  if (c < 0x80) {
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) bits |= C_WORD;
    else if (c >= 65 && c <= 90) bits |= C_WORD | C_UPPER;
  } else {
    const ch = String.fromCharCode(c);
    if (c !== 0x2019 && c !== 0x2018 && c !== 0x00a0 && LETTER_RE.test(ch)) bits |= C_WORD;
    if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) bits |= C_UPPER;
  }
  CLS[c] = bits;
  return bits;
}

/** Class bits of a code unit (C_WORD, C_UPPER). */
export function charClass(c: number): number {
  const b = CLS[c];
  return b !== 0 ? b : computeClass(c);
}

const NEEDS_FOLD = /[A-Z\u0080-\uffff]/;
const NON_ASCII = /[\u0080-\uffff]+/g;

/** Folds a string without changing its length. */
export function fold(s: string): string {
  if (!NEEDS_FOLD.test(s)) return s;
  // Mostly-ASCII text: lowercase natively, then patch the non-ASCII code units that fold differently.
  const lower = s.toLowerCase();
  if (lower.length !== s.length) return foldSlow(s);
  let out: string[] | null = null;
  let last = 0;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(s); m; m = NON_ASCII.exec(s)) {
    const end = m.index + m[0].length;
    for (let i = m.index; i < end; i++) {
      const f = foldCode(s.charCodeAt(i));
      if (f !== lower.charCodeAt(i)) {
        out ??= [];
        out.push(lower.slice(last, i), String.fromCharCode(f));
        last = i + 1;
      }
    }
  }
  if (!out) return lower;
  out.push(lower.slice(last));
  return out.join('');
}

function foldSlow(s: string): string {
  const parts: string[] = [];
  for (let i = 0; i < s.length; i++) parts.push(String.fromCharCode(foldCode(s.charCodeAt(i))));
  return parts.join('');
}

/** Word characters for boundary checks: letters and digits of any script (table lookup). */
export function isWordCode(c: number): boolean {
  return (charClass(c) & C_WORD) !== 0;
}

export function isUpperCode(c: number): boolean {
  return (charClass(c) & C_UPPER) !== 0;
}
