/**
 * Titles and roles around names: the title in front of a name ("Deputy Foreign Minister"), apposition after it
 * ("X, the head of …"), a role noun before it ("chief executive, Glen Asquith,"), bylines ("By X").
 * Words are read in place through the token table (no substrings for words seen before).
 */
import { APPOSITION_NOUNS, TITLE_WORDS } from './lexicon';
import { isSpaceCode } from './names';
import { K_CAP, K_ORG } from './pass';
import type { Pass } from './pass';
import { charClass, C_WORD } from '../text/fold';
import { W_COMMON, W_CONNECTOR, W_HONORIFIC, W_TITLE } from './tokens';


function isWordAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  return (charClass(s.charCodeAt(i)) & C_WORD) !== 0;
}

/**
 * Previous word-level token before `pos` on the same line into p.ptStart/ptEnd/ptTok/ptEl; false at punctuation.
 */
function prevToken(p: Pass, pos: number): boolean {
  const text = p.text;
  const folded = p.folded;
  let i = pos;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c !== 32 && c !== 9) break;
    i--;
  }
  // a hyphen joining two words of a title ("Secretary-General") is read like a space
  if (i === pos && i > 1 && text.charCodeAt(i - 1) === 45 && isWordAt(folded, i - 2)) i--;
  if (i === 0) return false;
  const c = folded.charCodeAt(i - 1);
  // punctuation ends the walk, unless an element ends there (only possible when some element ends that way)
  if (c !== 46 && !isWordAt(folded, i - 1) && !p.oddEnds) return false;
  const el = p.elEndingAt(i);
  if (el >= 0) {
    p.ptStart = p.es[el];
    p.ptEnd = p.ee[el];
    p.ptEl = el;
    return true;
  }
  let end = i;
  if (c === 46) end = i - 1;
  else if (!isWordAt(folded, i - 1)) return false;
  let s = end;
  while (s > 0 && isWordAt(folded, s - 1)) s--;
  if (s === end) return false;
  const t = p.tokens.idOf(s, end);
  if (c === 46 && (p.tokens.flags[t] & (W_HONORIFIC | W_TITLE)) === 0) return false;
  p.ptStart = s;
  p.ptEnd = i;
  p.ptTok = t;
  p.ptEl = -1;
  return true;
}

const LEADING_CONNECTOR = /^(of|for|and|on|in|to)\s+/i;
/** First letters of those connectors, lowercase (the regex runs only on roles that start with one). */
const CONNECTOR_FIRST = new Uint8Array(128);
for (const c of 'ofait') CONNECTOR_FIRST[c.charCodeAt(0)] = 1;

/**
 * The title in front of a name: walks back over title words, connectors and capitalised words
 * ("Special Envoy for Middle East Affairs"), stops at punctuation, another actor, or an ordinary word.
 * A state or demonym right before the first title word is the affiliation prefix, not part of the role.
 * Returns the role text, or null. `el`: the element the name starts with.
 */
export function roleBefore(p: Pass, el: number): string | null {
  let q = p.es[el];
  p.near(el);
  let roleStart = -1;
  // the end of the last token before the name (the first token found)
  let lastEnd = -1;
  for (let k = 0; k < 10; k++) {
    if (!prevToken(p, q)) break;
    if (k === 0) lastEnd = p.ptEnd;
    const tStart = p.ptStart;
    const tel = p.ptEl;
    let fl: number;
    if (tel >= 0) {
      const kind = p.kind[tel];
      if (kind !== K_CAP) {
        if (kind !== K_ORG || roleStart < 0) break;
        // an organisation inside a title ("head of the FSB") continues the walk
        q = tStart;
        continue;
      }
      // a word of a name found before ("Bank of England Governor Andrew Bailey") ends the title
      if (p.used[tel] !== 0 && p.cands.length > 0 && p.cands.end[p.cands.length - 1] === p.ee[tel]) break;
      fl = p.wf(tel);
    } else fl = p.tokens.flags[p.ptTok];
    if ((fl & W_TITLE) !== 0) {
      roleStart = tStart;
    } else if ((fl & W_CONNECTOR) !== 0) {
      // a connector inside a title
    } else if (isUpperAsciiAt(p.text, tStart) && (fl & W_COMMON) === 0) {
      // a capitalised word inside a title
    } else break;
    q = tStart;
  }
  if (roleStart < 0) return null;
  let role = p.text.slice(roleStart, lastEnd).trim();
  if (CONNECTOR_FIRST[role.charCodeAt(0) | 32] === 1) role = role.replace(LEADING_CONNECTOR, '');
  return role || null;
}

function isUpperAsciiAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 65 && c <= 90;
}

const APPOSITION = /^,\s+(?:(?:the|a|an|who is|now|then|former|currently)\s+)*([A-Za-z-]+)(?:\s+([A-Za-z-]+))?/i;
const NOT_APPOSITION_TITLES = new Set(['of', 'state', 'national', 'foreign', 'first', 'high', 'press', 'security']);

/** "X, the head of …", "X, an associate professor at …", "X, political scientist and …". */
export function appositionAfter(p: Pass, end: number): boolean {
  if (p.text.charCodeAt(end) !== 44) return false;
  const m = APPOSITION.exec(p.text.slice(end, end + 60));
  if (!m) return false;
  const w1 = m[1].toLowerCase();
  const w2 = (m[2] ?? '').toLowerCase();
  return (TITLE_WORDS.has(w1) && !NOT_APPOSITION_TITLES.has(w1)) || (TITLE_WORDS.has(w2) && TITLE_WORDS.has(w1));
}

/** "<role noun>, X Y," — a name in apposition after a role noun ("chief executive, Glen Asquith,"). */
export function roleNounApposition(p: Pass, start: number, end: number): boolean {
  const t = p.text;
  if (t.charCodeAt(end) !== 44) return false; // closing comma
  if (t.charCodeAt(start - 1) !== 32 || t.charCodeAt(start - 2) !== 44) return false;
  const e = start - 2;
  let s = e;
  while (s > 0 && isWordAt(p.folded, s - 1)) s--;
  if (s === e) return false;
  return APPOSITION_NOUNS.has(p.folded.slice(s, e));
}

const BYLINE = /^\s*(by|authors?|written by|text|reporting by|edited by)\s*:?\s*$/;
const LIST_CUE = /\b(commentators?|authors?|experts?|speakers?|participants?|panelists?|guests?|contributors?)\b/;

/** "By X", "Author: X", "commentators: X, Y" at the start of a line. */
export function bylineBefore(p: Pass, start: number): boolean {
  const ls = lineStart(p, start);
  const f = p.folded;
  // "^\s*(cue)\s*:?\s*$" on the line so far: the text between the leading and the trailing blanks/colon is the
  // cue (at most 12 letters), so the regex runs only on short line beginnings.
  let a = ls;
  while (a < start && isSpaceCode(f.charCodeAt(a))) a++;
  let q = start;
  while (q > a && isSpaceCode(f.charCodeAt(q - 1))) q--;
  if (q > a && f.charCodeAt(q - 1) === 58) q--;
  while (q > a && isSpaceCode(f.charCodeAt(q - 1))) q--;
  if (q - a <= 12 && BYLINE.test(f.slice(ls, start))) return true;
  // a list of names on its own line after a line ending in "…:" ("This article's commentators:")
  if (ls >= 2 && listLineBefore(p, ls, start)) {
    const prevEnd = ls - 1;
    const pls = p.text.lastIndexOf('\n', prevEnd - 1) + 1;
    const prevLine = p.folded.slice(pls, prevEnd).trim();
    if (prevLine.endsWith(':') && LIST_CUE.test(prevLine)) return true;
  }
  return false;
}

/** `text.lastIndexOf('\n', pos - 1) + 1`, amortised over increasing positions (no rescans of a long line). */
function lineStart(p: Pass, pos: number): number {
  if (pos >= p.lsPos && pos <= p.lsNext) return p.lsVal;
  const text = p.text;
  const ls = text.lastIndexOf('\n', pos - 1) + 1;
  if (pos > 0) {
    p.lsPos = pos;
    p.lsVal = ls;
    const nl = text.indexOf('\n', pos);
    p.lsNext = nl < 0 ? text.length : nl;
  }
  return ls;
}

/** Characters of a line listing names ("^[\s,a-z.'-]*$" on the folded text), ASCII; other \s characters too. */
const LIST_CHAR = new Uint8Array(128);
for (const c of " \t\n\v\f\r,.'-abcdefghijklmnopqrstuvwxyz") LIST_CHAR[c.charCodeAt(0)] = 1;

/**
 * folded[ls..start) holds only characters of a line listing names. Read incrementally: the calls for one line come
 * with increasing `start`, so each character of the line is read at most once, and never past the first one
 * that does not belong.
 */
function listLineBefore(p: Pass, ls: number, start: number): boolean {
  if (p.listLine !== ls) {
    p.listLine = ls;
    p.listAt = ls;
    p.listStop = false;
  }
  if (p.listStop) return p.listAt >= start;
  const f = p.folded;
  let i = p.listAt;
  for (; i < start; i++) {
    const c = f.charCodeAt(i);
    if (c < 128 ? LIST_CHAR[c] === 0 : !isSpaceCode(c)) {
      p.listAt = i;
      p.listStop = true;
      return false;
    }
  }
  if (i > p.listAt) p.listAt = i;
  return true;
}
