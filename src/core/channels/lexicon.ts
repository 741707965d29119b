/**
 * The trigger scanner: one pass over the folded text finds every trigger of RULES (see rules.ts) and the cue
 * words the judging stage looks for in a sentence ("through", "together", "both", "presidents" …).
 *
 * Each word is hashed while it is read and looked up in a fixed table of the words a rule can start with (no
 * string is cut); only there are the rules of that word tried, each as a sticky regex anchored at the word, in
 * order of precedence. The same matches as the global TRIGGER_RE (a unit test checks it), without trying every
 * alternative everywhere.
 */
import type { TriggerRule } from './rules';
import { RULES } from './rules';
import { hashWord } from './wordset';

export { RULES, TRIGGER_RE, ruleOf, type Strength, type TriggerRule } from './rules';
export { DEFINITE, DETERMINERS, SPECIFIC_MODIFIERS, WordSet } from './wordset';

/** First word → indexes of the rules that can start with it; `*stem` entries go to STEMS. */
const BY_FIRST = new Map<string, number[]>();
const STEMS: Array<[string, number]> = [];
RULES.forEach((r, i) => {
  for (const w of r.first.split(' ')) {
    if (w.startsWith('*')) STEMS.push([w.slice(1), i]);
    else BY_FIRST.set(w, [...(BY_FIRST.get(w) ?? []), i]);
  }
});

/**
 * The rules a word can start, in order of precedence, each as its own sticky regex (with the trailing word
 * boundary). Tried in turn with `test()` they give what the alternation gives (the first rule that matches at
 * the position), without allocating a match array per attempt.
 */
interface SubScanner {
  res: RegExp[];
  rules: number[];
  /**
   * Per rule, what a word that is a keyword settles without the regex: 1 the rule matches exactly the word, -1
   * it cannot match, 0 the regex must run (a stem, or a rule whose matches can go past the word).
   */
  fate: Int8Array;
  /** Per rule, the bits (`nextBit`) of the code units its second word can start with (`then`); 0 for any. */
  then: Int32Array;
}
const RULE_RE = RULES.map((r) => new RegExp(`(?:${r.src})(?![a-z0-9])`, 'y'));
/**
 * Rules whose matches are one word: a source of letters, digits and groups only (no blank, hyphen, dot or
 * escape). Such a match starting at a word must end where the word ends (the trailing boundary), so it is the
 * word itself when the word is in the rule's language, and nothing otherwise.
 */
const WHOLE_RE = RULES.map((r) => (/^[a-z0-9()|?:]+$/.test(r.src) ? new RegExp(`^(?:${r.src})$`) : null));

/** The bit of a code unit in `then` masks: a–z → 0–25, 0–9 → 26, else -1. */
function nextBit(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 : -1;
}
const RULE_THEN = Int32Array.from(RULES, (r) => [...(r.then ?? '')].reduce((bits, ch) => bits | (1 << nextBit(ch.charCodeAt(0))), 0));

/** The sub-scanner of the rules `rules` for the keyword `word` (null for a stem: its words vary). */
function subScanner(rules: number[], word: string | null): SubScanner {
  const fate = Int8Array.from(rules, (i) => {
    const whole = WHOLE_RE[i];
    return word === null || whole === null ? 0 : whole.test(word) ? 1 : -1;
  });
  return { res: rules.map((i) => RULE_RE[i]), rules, fate, then: Int32Array.from(rules, (i) => RULE_THEN[i]) };
}

/**
 * Function words that begin a trigger only before one particular next word ("to meet", "on the sidelines", "by
 * phone"): the first letter that next word must have. Checked before the regex runs, since these words are common.
 */
const NEXT_LETTER: Record<string, string> = { to: 'm', on: 't', at: 't', over: 't', by: 'pt', via: 'ptv', said: 'o', says: 'o', announced: 'o', state: 'trb', national: 'trb', told: 'at', tells: 'at', telling: 'at' };

/** "through C", "mediated by C", "hosted by C", "with the help of C": the words these phrases must contain. */
export const CUE_VIA = 1;
/** "together with C", "in the company of C", "accompanied by C". */
export const CUE_COMPANY = 2;
/** "the two presidents", "both sides". */
export const CUE_GROUP = 3;
/** The nouns of group phrases ("presidents", "sides", "countries"). */
export const CUE_GROUP_NOUN = 4;
const CUE_WORDS: Array<[string, number]> = [
  ...'through via help mediation mediated brokered facilitated passed conveyed relayed hosted invitation'.split(' ').map((w): [string, number] => [w, CUE_VIA]),
  ...'company together along accompanied joined'.split(' ').map((w): [string, number] => [w, CUE_COMPANY]),
  ['two', CUE_GROUP],
  ['both', CUE_GROUP],
  ...'presidents leaders heads ministers diplomats sides parties countries states nations powers superpowers governments capitals delegations negotiators'
    .split(' ')
    .map((w): [string, number] => [w, CUE_GROUP_NOUN]),
];

/** A word of the keyword table: a rule's first word, a cue word, or both. */
interface KeyWord {
  word: string;
  sub: SubScanner | null;
  /** The letters the next word may start with (NEXT_LETTER), else null. */
  next: string | null;
  /** The cue class (CUE_VIA …), else 0. */
  cue: number;
}

const KEYWORDS: KeyWord[] = [];
for (const [word, idx] of BY_FIRST) {
  const rules = [...idx];
  for (const [stem, r] of STEMS) if (word.startsWith(stem) && !rules.includes(r)) rules.push(r);
  rules.sort((x, y) => x - y);
  KEYWORDS.push({ word, sub: subScanner(rules, word), next: NEXT_LETTER[word] ?? null, cue: 0 });
}
for (const [word, cue] of CUE_WORDS) {
  const k = KEYWORDS.find((kw) => kw.word === word);
  if (k && k.cue) throw new Error(`cue word in two classes: ${word}`);
  if (k) k.cue = cue;
  else KEYWORDS.push({ word, sub: null, next: null, cue });
}

/** Words longer than the longest keyword start no trigger and are no cue. */
const MAX_WORD = KEYWORDS.reduce((m, kw) => Math.max(m, kw.word.length), 0);

/** The keyword table: open addressing over the word hash, by keyword index; -1 for an empty slot. */
const HASH_BITS = 12;
const HASH_MASK = (1 << HASH_BITS) - 1;
const TABLE = new Int32Array(1 << HASH_BITS).fill(-1);
/** Full hash, length and characters of each keyword (chars of keyword k: KW_CHARS[KW_OFF[k] .. KW_OFF[k + 1])). */
const KW_HASH = Int32Array.from(KEYWORDS, (kw) => hashWord(kw.word, 0, kw.word.length));
const KW_LEN = Int32Array.from(KEYWORDS, (kw) => kw.word.length);
const KW_OFF = new Int32Array(KEYWORDS.length + 1);
const KW_CHARS = new Uint16Array(KEYWORDS.reduce((n, kw) => n + kw.word.length, 0));
/** Per keyword: a bit per letter a–z the next word may start with (NEXT_LETTER), 0 when any next word will do. */
const KW_NEXT = Int32Array.from(KEYWORDS, (kw) => [...(kw.next ?? '')].reduce((bits, ch) => bits | (1 << (ch.charCodeAt(0) - 97)), 0));
const KW_CUE = Int32Array.from(KEYWORDS, (kw) => kw.cue);
const KW_SUB: ReadonlyArray<SubScanner | null> = KEYWORDS.map((kw) => kw.sub);
KEYWORDS.forEach((kw, k) => {
  KW_OFF[k + 1] = KW_OFF[k] + kw.word.length;
  for (let j = 0; j < kw.word.length; j++) KW_CHARS[KW_OFF[k] + j] = kw.word.charCodeAt(j);
  let slot = KW_HASH[k] & HASH_MASK;
  while (TABLE[slot] >= 0) slot = (slot + 1) & HASH_MASK;
  TABLE[slot] = k;
});

/** Stems (one rule each): their sub-scanners, and the first two letters a stem can start with, as c0 << 16 | c1. */
const STEM_SUB: readonly SubScanner[] = STEMS.map(([, r]) => subScanner([r], null));
const STEM_HEAD = new Uint8Array(26 * 26);
for (const [stem] of STEMS) {
  if (!/^[a-z]{2}/.test(stem)) throw new Error(`a stem starts with two letters: ${stem}`);
  STEM_HEAD[(stem.charCodeAt(0) - 97) * 26 + stem.charCodeAt(1) - 97] = 1;
}
/** Whether a stem begins with the letters c0 c1 (any code units). */
function stemHead(c0: number, c1: number): boolean {
  return c0 >= 97 && c0 <= 122 && c1 >= 97 && c1 <= 122 && STEM_HEAD[(c0 - 97) * 26 + c1 - 97] === 1;
}

/** The shortest stem: shorter words start none. */
const MIN_STEM = Math.min(...STEMS.map(([stem]) => stem.length));

/** Index of the keyword spelled by folded[start, start + len) (hash `h`), or -1. */
function keywordIndex(folded: string, start: number, len: number, h: number): number {
  for (let slot = h & HASH_MASK; ; slot = (slot + 1) & HASH_MASK) {
    const k = TABLE[slot];
    if (k < 0) return -1;
    // the full hash and the length sort out nearly every other word before any character is compared
    if (KW_HASH[k] !== h || KW_LEN[k] !== len) continue;
    let j = 0;
    for (const o = KW_OFF[k]; j < len && folded.charCodeAt(start + j) === KW_CHARS[o + j]; j++);
    if (j === len) return k;
  }
}

/** The stem rule a word not in the table may start ("restoring", "re-establish"), or null. */
function stemScanner(folded: string, start: number): SubScanner | null {
  if (!stemHead(folded.charCodeAt(start), folded.charCodeAt(start + 1))) return null;
  for (let k = 0; k < STEMS.length; k++) if (folded.startsWith(STEMS[k][0], start)) return STEM_SUB[k];
  return null;
}

/** The triggers of a text, in order (parallel arrays), and the positions of its cue words by class. */
export interface TriggerScan {
  starts: number[];
  ends: number[];
  /** Index into RULES. */
  rules: number[];
  /** cues[CUE_VIA …]: start offsets of the cue words of that class, in order. */
  cues: number[][];
}

/** Scans `folded` once for triggers and cue words. */
export function scanText(folded: string): TriggerScan {
  const out: TriggerScan = { starts: [], ends: [], rules: [], cues: [[], [], [], [], []] };
  const n = folded.length;
  let i = 0;
  let skipUntil = 0;
  while (i < n) {
    let c = folded.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    do {
      h = (Math.imul(h, 31) + c) | 0;
      c = ++i < n ? folded.charCodeAt(i) : 0;
    } while ((c >= 97 && c <= 122) || (c >= 48 && c <= 57));
    const len = i - start;
    if (len > MAX_WORD || len < 2) continue;
    // most words land on an empty slot of the keyword table: settled without a call
    const k = TABLE[h & HASH_MASK] < 0 ? -1 : keywordIndex(folded, start, len, h);
    let sub: SubScanner | null;
    if (k >= 0) {
      if (KW_CUE[k]) out.cues[KW_CUE[k]].push(start);
      sub = KW_SUB[k];
    } else sub = len >= MIN_STEM ? stemScanner(folded, start) : null;
    if (sub === null) continue;
    const prev = start > 0 ? folded.charCodeAt(start - 1) : 32;
    if (prev === 39 || prev === 45 || start < skipUntil) continue; // after an apostrophe or hyphen, or inside a match
    if (k >= 0 && KW_NEXT[k] !== 0) {
      let q = i;
      while (q < n && isBlank(folded.charCodeAt(q))) q++;
      if (q === i) continue;
      if (q < n) {
        const d = folded.charCodeAt(q) - 97;
        if (d < 0 || d > 25 || (KW_NEXT[k] & (1 << d)) === 0) continue;
      }
    }
    // the first letter of the next word, when blanks follow the word (-2 when none do, -1 for another code unit)
    let nextBits = -2;
    for (let r = 0; r < sub.res.length; r++) {
      let end: number;
      const fate = sub.fate[r];
      if (fate !== 0) {
        if (fate < 0) continue;
        end = i;
      } else {
        if (sub.then[r] !== 0) {
          if (nextBits === -2) nextBits = nextWordBit(folded, i);
          // blanks and then a code unit no second word of the rule starts with: the rule cannot match
          if (nextBits !== -2 && (nextBits < 0 || (sub.then[r] & (1 << nextBits)) === 0)) continue;
        }
        const re = sub.res[r];
        re.lastIndex = start;
        if (!re.test(folded)) continue;
        end = re.lastIndex;
      }
      out.starts.push(start);
      out.ends.push(end);
      out.rules.push(sub.rules[r]);
      skipUntil = end;
      break;
    }
  }
  return out;
}

export interface TriggerMatch {
  start: number;
  end: number;
  rule: TriggerRule;
}

/** Every trigger in `folded`, in order, to a callback (and cue words to `onCue`): `scanText` for callers that stream. */
export function scanTriggers(folded: string, onMatch: (m: TriggerMatch) => void, onCue?: (kind: number, at: number) => void): void {
  const scan = scanText(folded);
  if (onCue) scan.cues.forEach((list, kind) => list.forEach((at) => onCue(kind, at)));
  for (let t = 0; t < scan.starts.length; t++) onMatch({ start: scan.starts[t], end: scan.ends[t], rule: RULES[scan.rules[t]] });
}

/** After the word ending at `i`: -2 when no blank follows, else `nextBit` of the first code unit past the blanks. */
function nextWordBit(folded: string, i: number): number {
  let q = i;
  while (q < folded.length && isBlank(folded.charCodeAt(q))) q++;
  return q === i ? -2 : q < folded.length ? nextBit(folded.charCodeAt(q)) : -1;
}

/** `\s` for the code units a folded text has between words. */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x1680 || c === 0x205f || c === 0xfeff;
}
