/**
 * Character-code predicates shared by the quote steps: the hot paths test code units in place instead of running
 * a regex on a substring.
 */

/** Whether code unit `c` matches /\s/ (JavaScript white space and line terminators). */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The spaces a sentence break is read across: space, tab, line ends, no-break space. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** Closing marks and brackets that may follow a sentence's final punctuation. */
export function isClosing(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0x00bb || c === 41 || c === 93;
}

/** Opening marks and brackets that may start a sentence. */
export function isOpening(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 0x00ab || c === 0x201e || c === 40 || c === 91;
}

export function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Letters and dots of an abbreviation ("U.S", "Mr"). */
export function isAbbrevChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/** The first offset in [i, end) that is no /\s/, or `end`. */
export function afterSpaces(text: string, i: number, end: number): number {
  while (i < end && isJsSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Whether text[from, to) is all /\s/ (or empty). */
export function allSpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isJsSpace(text.charCodeAt(i))) return false;
  return true;
}
