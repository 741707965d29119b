/**
 * Length-preserving folding: every UTF-16 code unit maps to exactly one code unit, so offsets into the
 * folded text are offsets into the original. Lowercases, strips diacritics (é → e), and unifies
 * apostrophes (’ ‘ ʼ ′ → ') and dashes (– — ‑ → -).
 */

const cache = new Map<number, number>();

function foldCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  const hit = cache.get(c);
  if (hit !== undefined) return hit;
  let out = c;
  if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x2032 || c === 0x0060 || c === 0x00b4) out = 0x27;
  else if (c === 0x2013 || c === 0x2014 || c === 0x2011 || c === 0x2010 || c === 0x2212) out = 0x2d;
  else if (c === 0x00a0 || c === 0x2009 || c === 0x202f) out = 0x20;
  else if (c < 0xd800 || c > 0xdfff) {
    const ch = String.fromCharCode(c);
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (base.length === 1) out = base.charCodeAt(0);
    else {
      const lower = ch.toLowerCase();
      if (lower.length === 1) out = lower.charCodeAt(0);
    }
  }
  cache.set(c, out);
  return out;
}

/** Folds a string without changing its length. */
export function fold(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || (c >= 65 && c <= 90)) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  // Fast path for mostly-ASCII text: lowercase natively, then patch the non-ASCII code units.
  const lower = s.toLowerCase();
  if (lower.length !== s.length) return foldSlow(s);
  let out: string[] | null = null;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    const f = foldCode(c);
    if (f !== lower.charCodeAt(i)) {
      out ??= [];
      out.push(lower.slice(last, i), String.fromCharCode(f));
      last = i + 1;
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

/** Word characters for boundary checks: letters and digits of any script (ASCII fast path). */
export function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0x2019 || c === 0x2018 || c === 0x00a0) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

export function isUpperCode(c: number): boolean {
  if (c < 0x80) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
