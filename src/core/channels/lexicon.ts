/**
 * Channel triggers: every word or phrase that can name a communication channel, compiled into ONE regular
 * expression that runs over the folded text (`doc.folded`: lowercase, no diacritics, ' for apostrophes, - for
 * dashes). Each alternative is its own capturing group so the match tells which rule fired.
 *
 * Rules are ordered most specific first (a regex alternation takes the first alternative that matches at a
 * position, not the longest). See docs/channels.md for the taxonomy and the precision rules.
 */
import type { ChannelType } from '../types';

/**
 * How much a trigger says by itself.
 * - `strong`: names a channel on its own ("secret diplomacy", "working groups", "a separate track").
 * - `weak`: a generic word ("talks", "dialogue", "meeting"); reported only with participants from the syntax
 *   around it or a specific modifier (see `index.ts`).
 * - `authored`: a statement/post word; reported only with an author actor (possessive, "of X", subject) or a target
 *   ("statements to X").
 * - `verb`: a verb phrase ("met", "held talks", "exchanged views"); needs a subject actor and a second party.
 * - `mediation`: mediation words; need a mediator or parties.
 * - `sidelines`: "on the sidelines of …": the forum is the noun phrase that follows.
 * - `broadcast`: a public appearance ("told a press conference", "said on state television", "a televised address"):
 *   a `media` channel of its speaker, no addressee needed.
 */
export type Strength = 'strong' | 'weak' | 'authored' | 'verb' | 'mediation' | 'sidelines' | 'broadcast';

export interface TriggerRule {
  /** Short name, for tests and debugging. */
  name: string;
  /** The words a match can start with (space-separated; `*stem` for a word prefix). Checked by a unit test. */
  first: string;
  /** Regex source over folded text (no capturing groups inside: use `(?:…)`). */
  src: string;
  type: ChannelType;
  strength: Strength;
}

const DIALOG = 'dialog(?:ue)?s?';
/** Social networks a post can be "on" (folded; "x" only when written "X", checked by the judge). */
const PLATFORMS = 'x|twitter|telegram|truth\\s+social|facebook|instagram|weibo|wechat|vk|vkontakte|youtube|tiktok|threads|bluesky|linkedin';

export const RULES: readonly TriggerRule[] = [
  // ---- backchannel: secret / unofficial diplomacy
  { name: 'secret-diplomacy', first: 'secret quiet shadow backroom back covert informal unofficial private behind', src: '(?:secret|quiet|shadow|backroom|back-room|covert|informal|unofficial|private|behind-the-scenes)\\s+diplomacy', type: 'backchannel', strength: 'strong' },
  { name: 'back-channel', first: 'back backchannel backchannels', src: 'back[- ]?channels?', type: 'backchannel', strength: 'strong' },
  {
    name: 'unofficial-x', first: 'unofficial informal secret confidential covert clandestine behind closed back off',
    src: `(?:unofficial|informal|secret|confidential|covert|clandestine|behind[- ]the[- ]scenes|closed[- ]door|back[- ]door|off[- ]the[- ]record)\\s+(?:[a-z]+\\s+)?(?:channels?|contacts?|talks|negotiations|meetings?|${DIALOG}|consultations|discussions|communications?|exchanges?|conversations?)`,
    type: 'backchannel',
    strength: 'strong',
  },
  // a private briefing is a meeting held in private, not a back channel
  { name: 'closed-briefings', first: 'closed behind private', src: '(?:closed[- ]door|behind[- ]closed[- ]doors|private)\\s+briefings?', type: 'meeting', strength: 'strong' },
  {
    name: 'intelligence-contacts', first: 'contact contacts talks channel channels dialog dialogue dialogs dialogues communication communications discussions meeting meetings',
    src: `(?:contacts?|talks|channels?|${DIALOG}|communications?|discussions|meetings?)\\s+between\\s+(?:the\\s+)?(?:[a-z]+\\s+)?(?:intelligence|security|special)\\s+(?:agencies|services)`,
    type: 'backchannel',
    strength: 'strong',
  },
  // ---- track: a named line of dialogue
  { name: 'official-diplomacy', first: 'official traditional public formal classical conventional track', src: '(?:official|traditional|public|formal|classical|conventional|track-one)\\s+diplomacy', type: 'track', strength: 'strong' },
  { name: 'official-channel', first: 'official formal diplomatic', src: `(?:official|formal|diplomatic)\\s+(?:channels?|${DIALOG})`, type: 'track', strength: 'strong' },
  {
    name: 'named-track', first: 'separate parallel official economic security negotiating negotiation humanitarian military political diplomatic second third new main bilateral peace business',
    src: '(?:separate|parallel|official|economic|security|negotiating|negotiation|humanitarian|military|political|diplomatic|second|third|new|main|bilateral|peace|business)\\s+track',
    type: 'track',
    strength: 'strong',
  },
  // "Track Two" / "track-two" / "Track 1.5": a named line of unofficial dialogue (experts, former officials)
  { name: 'track-two', first: 'track', src: 'track[- ](?:two|ii|1\\.5)(?:\\s+(?:diplomacy|dialog(?:ue)?s?|talks|channels?|contacts|meetings?))?', type: 'track', strength: 'strong' },
  { name: 'along-the-lines', first: 'along', src: 'along\\s+the\\s+lines?\\s+of', type: 'track', strength: 'strong' },
  { name: 'peace-talks', first: 'peace settlement ceasefire', src: '(?:peace|settlement|ceasefire)\\s+(?:talks|negotiations|process)', type: 'track', strength: 'strong' },
  { name: 'talks-on-peace', first: 'talks negotiations', src: '(?:talks|negotiations)\\s+(?:on|about|over)\\s+(?:the\\s+)?(?:peace|settlement|ceasefire|truce)', type: 'track', strength: 'strong' },
  { name: 'track', first: 'track tracks', src: 'tracks?', type: 'track', strength: 'weak' },
  // ---- call
  {
    name: 'phone', first: 'phone telephone video',
    src: '(?:(?:tele)?phone|video|video-?link)\\s+(?:calls?|conversations?|talks|conferences?|contacts?|exchanges?|link)',
    type: 'call',
    strength: 'strong',
  },
  {
    name: 'by-phone', first: 'spoke speak speaks spoken speaking talked talk talking conferred negotiated by on over via',
    src: '(?:(?:spoke|speak|speaks|spoken|speaking|talked|talk|talking|conferred|negotiated)\\s+(?:[a-z.]+\\s+){0,4}?)?(?:by|on\\s+the|over\\s+the|via)\\s+(?:tele)?phone',
    type: 'call',
    strength: 'strong',
  },
  { name: 'hotline', first: 'hotline hotlines hot', src: 'hot-?lines?', type: 'call', strength: 'strong' },
  { name: 'phoned', first: 'phoned telephoned', src: 'phoned|telephoned', type: 'call', strength: 'verb' },
  { name: 'conversation', first: 'conversation conversations', src: 'conversations?', type: 'call', strength: 'weak' },
  // ---- working group
  {
    name: 'working-group', first: 'working expert contact joint intergovernmental task',
    src: '(?:working|expert|contact|joint\\s+working)\\s+groups?|joint\\s+(?:commissions?|committees?)|intergovernmental\\s+commissions?|task\\s+forces?',
    type: 'working-group',
    strength: 'strong',
  },
  // ---- forum: multilateral meetings
  { name: 'sidelines', first: 'on at', src: '(?:on|at)\\s+the\\s+(?:sidelines|margins)\\s+of', type: 'forum', strength: 'sidelines' },
  {
    name: 'ministers-meeting', first: 'foreign defence defense finance economy economic trade energy',
    src: "(?:foreign|defen[cs]e|finance|economy|economic|trade|energy)\\s+ministers'?\\s*(?:'s\\s+)?(?:meetings?|summits?|conferences?|councils?|sessions?)",
    type: 'forum',
    strength: 'strong',
  },
  { name: 'general-assembly', first: 'general ministerial', src: 'general\\s+assembly|ministerial\\s+(?:conference|summit|council)s?', type: 'forum', strength: 'strong' },
  { name: 'summit', first: 'summit summits', src: 'summits?', type: 'forum', strength: 'weak' },
  // ---- intermediary
  { name: 'mediation', first: 'mediate mediated mediates mediating mediation mediator mediators intermediary intermediaries go good', src: 'mediat(?:e|ed|es|ing|ion|or|ors)|intermediar(?:y|ies)|go-betweens?|good\\s+offices', type: 'intermediary', strength: 'mediation' },
  {
    name: 'on-platform', first: 'wrote writes written posted posts post said says announced statement statements message messages video',
    src: `(?:wrote|writes|written|posted|posts?|said|says|announced|statements?|messages?|video)\\s+on\\s+(?:${PLATFORMS})`,
    type: 'social',
    strength: 'authored',
  },
  // ---- letter
  { name: 'letter', first: 'letter letters message messages correspondence diplomatic note', src: 'letters?|messages?|correspondence|diplomatic\\s+notes?|note\\s+verbale', type: 'letter', strength: 'authored' },
  { name: 'wrote-to', first: 'wrote written writes', src: 'wrote\\s+to|written\\s+to|writes\\s+to', type: 'letter', strength: 'verb' },
  // ---- social
  {
    name: 'social', first: 'tweet tweets tweeted retweeted post posts posted telegram truth social facebook instagram',
    src: 'tweets?|tweeted|retweeted|posts?|posted|telegram|truth\\s+social|social\\s+media|facebook|instagram',
    type: 'social',
    strength: 'authored',
  },
  // ---- media: statements directed at someone
  {
    name: 'statement', first: 'statement statements remarks comments words signal signals warning warnings ultimatum ultimatums appeal appeals interview interviews press briefing briefings op overture overtures rhetoric',
    src: 'statements?|remarks|comments|words|signals?|warnings?|ultimatums?|appeals?|interviews?|press\\s+conferences?|briefings?|op-eds?|overtures?|rhetoric',
    type: 'media',
    strength: 'authored',
  },
  {
    name: 'broadcast', first: 'televised state national public told tells telling',
    src: '(?:televised\\s+(?:statement|address|speech|remarks|interview|appeal)s?|(?:state|national|public)\\s+(?:television|tv|radio|broadcaster)|(?:told|tells|telling)\\s+(?:a|an|the)\\s+(?:[a-z-]+\\s+){0,2}?(?:press\\s+conference|news\\s+conference|conference|forum|summit|briefing|rally|audience|gathering))',
    type: 'media',
    strength: 'broadcast',
  },
  // ---- meeting: verbs
  {
    name: 'held-talks', first: 'held hold holds holding conducted had',
    src: '(?:held|hold|holds|holding|conducted|had)\\s+(?:[a-z-]+\\s+)?(?:talks|discussions|negotiations|consultations|a\\s+meeting|meetings|a\\s+conversation)',
    type: 'meeting',
    strength: 'verb',
  },
  { name: 'exchanged-views', first: 'exchanged exchange exchanging', src: '(?:exchanged|exchange|exchanging)\\s+(?:views|opinions)|exchange\\s+of\\s+(?:views|opinions)', type: 'meeting', strength: 'verb' },
  { name: 'met', first: 'met meet meets to visited spoke talked negotiated conferred', src: 'met|meet|meets|to\\s+meet|visited|(?:spoke|talked|negotiated|conferred)\\s+with', type: 'meeting', strength: 'verb' },
  // ---- meeting: nouns
  { name: 'round-of-talks', first: 'round rounds', src: `rounds?\\s+of\\s+(?:talks|negotiations|consultations|discussions|${DIALOG})`, type: 'meeting', strength: 'strong' },
  { name: 'meeting', first: 'talks negotiations consultations discussions meeting meetings session sessions exchange exchanges visit visits encounter encounters', src: 'talks|negotiations|consultations|discussions|meetings?|sessions?|exchanges?|visits?|encounters?', type: 'meeting', strength: 'weak' },
  // ---- other: dialogue and relations in general
  {
    name: 'restore-relations', first: '*restor *reopen *resum re *reestablish *normalis *normaliz *upgrad *renew',
    src: '(?:restor|reopen|resum|re-?establish|normali[sz]|upgrad|renew)[a-z]*\\s+(?:of\\s+)?(?:full\\s+)?(?:diplomatic\\s+relations|(?:the\\s+)?embass(?:y|ies)|consulates?|(?:the\\s+)?(?:normal\\s+)?work\\s+of\\s+(?:the\\s+)?(?:diplomatic\\s+missions|embassies|consulates))',
    type: 'other',
    strength: 'strong',
  },
  { name: 'diplomatic-missions', first: 'normal work', src: '(?:normal\\s+)?work\\s+of\\s+(?:the\\s+)?(?:diplomatic\\s+missions|embassies)', type: 'other', strength: 'strong' },
  { name: 'dialogue', first: 'dialog dialogue dialogs dialogues communication communications contacts contact channel channels', src: `${DIALOG}|communications?|contacts|contact|channels?`, type: 'other', strength: 'weak' },
];

/** The compiled trigger scanner: one global regex, one group per rule. */
export const TRIGGER_RE = new RegExp(`(?<![a-z0-9'-])(?:${RULES.map((r) => `(${r.src})`).join('|')})(?![a-z0-9])`, 'g');

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
}
const RULE_RE = RULES.map((r) => new RegExp(`(?:${r.src})(?![a-z0-9])`, 'y'));

function subScanner(rules: number[]): SubScanner {
  return { res: rules.map((i) => RULE_RE[i]), rules };
}

/**
 * Function words that begin a trigger only before one particular next word ("to meet", "on the sidelines", "by
 * phone"): the first letter that next word must have. Checked before the regex runs, since these words are common.
 */
const NEXT_LETTER: Record<string, string> = { to: 'm', on: 't', at: 't', over: 't', by: 'pt', via: 'ptv', said: 'o', says: 'o', announced: 'o', state: 'trb', national: 'trb', told: 'at', tells: 'at', telling: 'at' };

/** A first word in the keyword table: its text, its sub-scanner, and the letters the next word may start with. */
interface KeyWord {
  word: string;
  sub: SubScanner | null;
  next: string | null;
  /** A cue word the judging stage looks for in a sentence (CUE_VIA, CUE_COMPANY), else 0. */
  cue: number;
}

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

const HASH_BITS = 11;
const HASH_MASK = (1 << HASH_BITS) - 1;
const TABLE = new Int32Array(1 << HASH_BITS).fill(-1);
const KEYWORDS: KeyWord[] = [];

function hashWord(s: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

for (const [word, idx] of BY_FIRST) {
  const rules = [...idx];
  for (const [stem, r] of STEMS) if (word.startsWith(stem) && !rules.includes(r)) rules.push(r);
  rules.sort((x, y) => x - y);
  addKeyword({ word, sub: subScanner(rules), next: NEXT_LETTER[word] ?? null, cue: 0 });
}
for (const [word, cue] of CUE_WORDS) {
  const k = KEYWORDS.find((kw) => kw.word === word);
  if (k && k.cue) throw new Error(`cue word in two classes: ${word}`);
  if (k) k.cue = cue;
  else addKeyword({ word, sub: null, next: null, cue });
}

function addKeyword(kw: KeyWord): void {
  let slot = hashWord(kw.word, 0, kw.word.length) & HASH_MASK;
  while (TABLE[slot] >= 0) slot = (slot + 1) & HASH_MASK;
  TABLE[slot] = KEYWORDS.length;
  KEYWORDS.push(kw);
}
/** The sub-scanner of each stem (same order as STEMS). */
const STEM_SUB: readonly SubScanner[] = STEMS.map(([, r]) => subScanner([r]));
/** Full hash and length of each keyword, for the table lookup. */
const KW_HASH = Int32Array.from(KEYWORDS, (kw) => hashWord(kw.word, 0, kw.word.length));
const KW_LEN = Int32Array.from(KEYWORDS, (kw) => kw.word.length);

/** The keyword spelled by folded[start, end) (hash `h`), or undefined. */
function keywordAt(folded: string, start: number, end: number, h: number): KeyWord | undefined {
  const len = end - start;
  for (let slot = h & HASH_MASK; ; slot = (slot + 1) & HASH_MASK) {
    const k = TABLE[slot];
    if (k < 0) return undefined;
    // the full hash and the length sort out nearly every other word before any character is compared
    if (KW_HASH[k] === h && KW_LEN[k] === len && folded.startsWith(KEYWORDS[k].word, start)) return KEYWORDS[k];
  }
}

/** The stem rule a word not in the table may start ("restoring", "re-establish"), or null. */
function stemScanner(folded: string, start: number): SubScanner | null {
  const c = folded.charCodeAt(start);
  if (c !== 114 && c !== 110 && c !== 117) return null; // r n u
  for (let k = 0; k < STEMS.length; k++) if (folded.startsWith(STEMS[k][0], start)) return STEM_SUB[k];
  return null;
}

export interface TriggerMatch {
  start: number;
  end: number;
  rule: TriggerRule;
}

/**
 * Finds every trigger in `folded`, in order: a keyword scan over word starts (an inline hash into a fixed table,
 * no string is cut), then, where the word can begin a trigger, the compiled alternation of just those rules,
 * anchored there (rules keep their order of precedence). The same matches as the global TRIGGER_RE (a unit test
 * checks it), without trying every alternative everywhere.
 */
export function scanTriggers(folded: string, onMatch: (m: TriggerMatch) => void, onCue?: (kind: number, at: number) => void): void {
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
    if (len > 16 || len < 2) continue;
    const prev = start > 0 ? folded.charCodeAt(start - 1) : 32;
    const kw = keywordAt(folded, start, i, h);
    if (kw && kw.cue && onCue) onCue(kw.cue, start);
    if (prev === 39 || prev === 45 || start < skipUntil) continue; // after an apostrophe or hyphen, or inside a match
    let sub: SubScanner | null;
    if (kw) {
      if (kw.next !== null) {
        let k = i;
        while (k < n && isBlank(folded.charCodeAt(k))) k++;
        if (k === i || !kw.next.includes(folded[k] ?? '')) continue;
      }
      sub = kw.sub;
    } else sub = stemScanner(folded, start);
    if (!sub) continue;
    for (let r = 0; r < sub.res.length; r++) {
      const re = sub.res[r];
      re.lastIndex = start;
      if (!re.test(folded)) continue;
      onMatch({ start, end: re.lastIndex, rule: RULES[sub.rules[r]] });
      skipUntil = re.lastIndex;
      break;
    }
  }
}

/** `\s` for the code units a folded text has between words. */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x1680 || c === 0x205f || c === 0xfeff;
}

/** Which rule a match of TRIGGER_RE came from. */
export function ruleOf(m: RegExpExecArray): TriggerRule {
  for (let i = 0; i < RULES.length; i++) if (m[i + 1] !== undefined) return RULES[i];
  throw new Error('trigger without rule');
}

/** A set of words looked up by offsets into a string (no substring is cut): an open-addressing hash table. */
export class WordSet {
  private readonly table: Int32Array;
  private readonly words: string[];
  private readonly mask: number;

  constructor(words: readonly string[]) {
    this.words = [...new Set(words)];
    let size = 16;
    while (size < this.words.length * 4) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    this.words.forEach((w, i) => {
      let slot = hashWord(w, 0, w.length) & this.mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i;
    });
  }

  /** Whether s[from, to) is one of the words. */
  has(s: string, from: number, to: number): boolean {
    return this.find(s, from, to) !== undefined;
  }

  /** The word s[from, to) spells (the set's own string, so nothing is cut), or undefined. */
  find(s: string, from: number, to: number): string | undefined {
    const len = to - from;
    for (let slot = hashWord(s, from, to) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.table[slot];
      if (k < 0) return undefined;
      const w = this.words[k];
      if (w.length === len && s.startsWith(w, from)) return w;
    }
  }
}

/** Modifiers that make a generic channel noun specific ("bilateral meetings", "direct talks"). */
export const SPECIFIC_MODIFIERS = new WordSet([
  'bilateral', 'trilateral', 'direct', 'ministerial', 'presidential', 'face-to-face', 'in-person', 'high-level',
  'top-level', 'working-level', 'summit-level', 'first', 'second', 'third', 'next', 'new', 'previous', 'recent',
  'renewed', 'upcoming', 'planned', 'regular', 'periodic', 'personal', 'private', 'closed', 'extensive', 'lengthy',
  'substantive', 'detailed', 'intensive', 'emergency', 'urgent', 'official', 'diplomatic', 'expert', 'intergovernmental',
  'interagency', 'nascent', 'ongoing', 'continued', 'weekly', 'monthly', 'annual', 'productive', 'constructive',
  'frank', 'fruitful', 'tete-a-tete', 'technical', 'indirect', 'proximity', 'exploratory', 'preliminary', 'secret',
]);

/** Determiners and possessive pronouns that may open a channel noun phrase. */
export const DETERMINERS = new WordSet([
  'the', 'a', 'an', 'this', 'these', 'that', 'those', 'their', 'his', 'her', 'its', 'our', 'another', 'such', 'each',
  'every',
]);

/** Determiners that make a weak noun definite enough to take participants from the sentence ("the talks"). */
export const DEFINITE = new Set(['the', 'this', 'these', 'their', 'his', 'her', 'its', 'that', 'those']);
