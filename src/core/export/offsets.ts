/**
 * UTF-16 code units (JavaScript, the engine, the store) ↔ Unicode code points (brat, Python tools, the W3C text
 * position selector as most readers implement it). Identity — and free — for text without astral characters.
 */
import { lowerBound } from '../text/document';
export interface OffsetMap {
  /** UTF-16 offset → code-point offset. */
  toCodePoint(offset: number): number;
  /** Code-point offset → UTF-16 offset. */
  toUtf16(offset: number): number;
}

const IDENTITY: OffsetMap = { toCodePoint: (o) => o, toUtf16: (o) => o };

export function offsetMap(text: string): OffsetMap {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return IDENTITY;
  // Offsets (UTF-16) where a surrogate pair starts; a code-point offset is the UTF-16 one minus the pairs before it.
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs.push(i);
        i++;
      }
    }
  }
  // Number of pairs whose low half lies before `offset - 1`, i.e. wholly before `offset` (p + 1 < offset).
  const before = (offset: number) => lowerBound(pairs, offset - 1);
  return {
    toCodePoint: (o) => o - before(o),
    toUtf16: (cp) => {
      // Smallest k with pairs[k] - k >= cp: the pairs strictly before code point cp.
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pairs[mid] - mid < cp) lo = mid + 1;
        else hi = mid;
      }
      return cp + lo;
    },
  };
}
