/**
 * Speech cues: the verbs and phrases that attribute a quote, as data. Matched on the folded text (lowercase,
 * unified apostrophes), so the forms here are lowercase.
 */

export type CueRole =
  /** a speech verb: "said", "told", "believes", "noting" */
  | 'verb'
  /** a verb taking "… as “x”": "described the talks as", "called it" */
  | 'as'
  /** "according to X" (the speaker follows) */
  | 'according'
  /** a noun that introduces reported speech with "that" or "of “x” by X": "statements that", "the suggestion of" */
  | 'noun';

export interface CueEntry {
  lemma: string;
  role: CueRole;
  forms: readonly string[];
  /** Forms that are also common nouns ("states", "claims", "notes"): a cue only before that / : / , / it. */
  ambiguous?: readonly string[];
}

export const CUES: readonly CueEntry[] = [
  { lemma: 'say', role: 'verb', forms: ['said', 'says', 'say', 'saying'] },
  { lemma: 'state', role: 'verb', forms: ['stated', 'stating'], ambiguous: ['states'] },
  { lemma: 'tell', role: 'verb', forms: ['told', 'tells', 'telling'] },
  { lemma: 'note', role: 'verb', forms: ['noted', 'noting'], ambiguous: ['notes'] },
  { lemma: 'add', role: 'verb', forms: ['added', 'adds', 'adding'] },
  { lemma: 'explain', role: 'verb', forms: ['explained', 'explains', 'explaining'] },
  { lemma: 'stress', role: 'verb', forms: ['stressed', 'stressing'], ambiguous: ['stresses'] },
  { lemma: 'emphasise', role: 'verb', forms: ['emphasised', 'emphasized', 'emphasises', 'emphasizes', 'emphasising', 'emphasizing'] },
  { lemma: 'underscore', role: 'verb', forms: ['underscored', 'underscores', 'underscoring', 'underlined', 'underlines', 'underlining'] },
  { lemma: 'warn', role: 'verb', forms: ['warned', 'warns', 'warning'] },
  { lemma: 'argue', role: 'verb', forms: ['argued', 'argues', 'arguing'] },
  { lemma: 'claim', role: 'verb', forms: ['claimed', 'claiming'], ambiguous: ['claims'] },
  { lemma: 'insist', role: 'verb', forms: ['insisted', 'insists', 'insisting'] },
  { lemma: 'write', role: 'verb', forms: ['wrote', 'writes', 'writing'] },
  { lemma: 'read', role: 'verb', forms: ['reads'] }, // "…," the letter reads.
  { lemma: 'tweet', role: 'verb', forms: ['tweeted', 'tweeting'] },
  { lemma: 'post', role: 'verb', forms: ['posted'] },
  { lemma: 'ask', role: 'verb', forms: ['asked', 'asks', 'asking'] },
  { lemma: 'reply', role: 'verb', forms: ['replied', 'replies', 'replying'] },
  { lemma: 'answer', role: 'verb', forms: ['answered', 'answering'] },
  { lemma: 'respond', role: 'verb', forms: ['responded', 'responds', 'responding'] },
  { lemma: 'believe', role: 'verb', forms: ['believes', 'believed'] },
  { lemma: 'think', role: 'verb', forms: ['thinks'] },
  { lemma: 'reiterate', role: 'verb', forms: ['reiterated', 'reiterates', 'reiterating'] },
  { lemma: 'declare', role: 'verb', forms: ['declared', 'declares', 'declaring'] },
  { lemma: 'announce', role: 'verb', forms: ['announced', 'announces', 'announcing'] },
  { lemma: 'admit', role: 'verb', forms: ['admitted', 'admits', 'admitting'] },
  { lemma: 'acknowledge', role: 'verb', forms: ['acknowledged', 'acknowledges', 'acknowledging'] },
  { lemma: 'confirm', role: 'verb', forms: ['confirmed', 'confirms', 'confirming'] },
  { lemma: 'hint', role: 'verb', forms: ['hinted', 'hinting'] },
  { lemma: 'comment', role: 'verb', forms: ['commented', 'commenting'], ambiguous: ['comments'] },
  { lemma: 'remark', role: 'verb', forms: ['remarked'], ambiguous: ['remarks'] },
  { lemma: 'observe', role: 'verb', forms: ['observed', 'observes'] },
  { lemma: 'continue', role: 'verb', forms: ['continued'] },
  { lemma: 'conclude', role: 'verb', forms: ['concluded', 'concludes', 'concluding'] },
  { lemma: 'recall', role: 'verb', forms: ['recalled', 'recalls', 'recalling'] },
  { lemma: 'promise', role: 'verb', forms: ['promised', 'promising'], ambiguous: ['promises'] },
  { lemma: 'vow', role: 'verb', forms: ['vowed', 'vowing'], ambiguous: ['vows'] },
  { lemma: 'urge', role: 'verb', forms: ['urged', 'urging'], ambiguous: ['urges'] },
  { lemma: 'accuse', role: 'verb', forms: ['accused', 'accuses', 'accusing'] },
  { lemma: 'suggest', role: 'verb', forms: ['suggested', 'suggests', 'suggesting'] },
  { lemma: 'voice', role: 'verb', forms: ['voiced'] },
  { lemma: 'complain', role: 'verb', forms: ['complained', 'complains'] },
  { lemma: 'predict', role: 'verb', forms: ['predicted', 'predicts'] },
  { lemma: 'assure', role: 'verb', forms: ['assured', 'assures'] },
  { lemma: 'point out', role: 'verb', forms: ['pointed out', 'points out', 'pointing out'] },
  { lemma: 'put it', role: 'verb', forms: ['put it', 'puts it'] },
  { lemma: 'quoted', role: 'verb', forms: ['quoted as saying', 'was quoted', 'quoted'] },
  { lemma: 'describe', role: 'as', forms: ['described', 'describes', 'describing'] },
  { lemma: 'characterise', role: 'as', forms: ['characterized', 'characterised', 'characterizes', 'characterises', 'characterizing', 'characterising'] },
  { lemma: 'frame', role: 'as', forms: ['frames', 'framed', 'framing'] },
  { lemma: 'call', role: 'as', forms: ['called', 'calling'], ambiguous: ['calls'] },
  { lemma: 'dub', role: 'as', forms: ['dubbed', 'dubs'] },
  { lemma: 'label', role: 'as', forms: ['labelled', 'labeled'] },
  { lemma: 'term', role: 'as', forms: ['termed'] },
  { lemma: 'refer', role: 'as', forms: ['referred to', 'refers to'] },
  { lemma: 'according to', role: 'according', forms: ['according to'] },
  {
    lemma: 'statement',
    role: 'noun',
    forms: [
      'statement', 'statements', 'claim', 'assertion', 'assertions', 'remark', 'words', 'comment',
      'suggestion', 'insistence', 'description', 'characterization', 'characterisation', 'warning', 'tweet',
      'tweets', 'message', 'call', 'promise', 'pledge', 'declaration', 'announcement',
    ],
  },
];

export interface CueForm {
  form: string;
  role: CueRole;
  lemma: string;
  ambiguous: boolean;
}

const FORMS = new Map<string, CueForm>();
for (const e of CUES) {
  // a noun cue shares some spellings with verbs ("claim", "call"); the verb reading wins for -ed/-ing forms only
  for (const f of e.forms) if (!FORMS.has(f) || e.role !== 'noun') FORMS.set(f, { form: f, role: e.role, lemma: e.lemma, ambiguous: false });
  for (const f of e.ambiguous ?? []) FORMS.set(f, { form: f, role: e.role, lemma: e.lemma, ambiguous: true });
}

/** Looks a cue form up. */
export function cueForm(form: string): CueForm | undefined {
  return FORMS.get(/\s/.test(form) ? form.replace(/\s+/g, ' ') : form);
}

/** Cue forms by their first word, longest first ("according" → ["according to"]). */
const BY_FIRST = new Map<string, CueForm[]>();
for (const f of [...FORMS.values()].sort((a, b) => b.form.length - a.form.length)) {
  const w = f.form.split(' ')[0];
  const l = BY_FIRST.get(w);
  if (l) l.push(f);
  else BY_FIRST.set(w, [f]);
}

/**
 * Cue forms by the three-letter prefix of their first word (a-z only: index (c0·26 + c1)·26 + c2): the first words
 * with that prefix and their forms, so a word is compared in place (no substring, no hash) only when it starts like one.
 */
const BY_PREFIX: Array<Array<{ word: string; forms: readonly CueForm[] }> | undefined> = new Array(26 * 26 * 26);
for (const [w, forms] of BY_FIRST) {
  const c0 = w.charCodeAt(0) - 97;
  const c1 = w.charCodeAt(1) - 97;
  const c2 = w.charCodeAt(2) - 97;
  if (w.length < 3 || c0 < 0 || c0 > 25 || c1 < 0 || c1 > 25 || c2 < 0 || c2 > 25) throw new Error(`cue word ${w}: three letters a-z expected`);
  const k = (c0 * 26 + c1) * 26 + c2;
  (BY_PREFIX[k] ??= []).push({ word: w, forms });
}

/**
 * The cue forms whose first word is folded[s, e) (a whole word of [a-z0-9'-] starting with a letter), longest
 * first, or undefined. The word is compared with the table's first words of its three-letter prefix, by length and
 * in place (no substring, no hash).
 */
export function formsAt(folded: string, s: number, e: number): readonly CueForm[] | undefined {
  const len = e - s;
  if (len < 3) return undefined;
  const c1 = folded.charCodeAt(s + 1) - 97;
  const c2 = folded.charCodeAt(s + 2) - 97;
  if (c1 < 0 || c1 > 25 || c2 < 0 || c2 > 25) return undefined;
  return formsOfKey(folded, s, e, ((folded.charCodeAt(s) - 97) * 26 + c1) * 26 + c2);
}

/**
 * `formsAt` for a word whose first three letters a-z give `key` = (c0·26 + c1)·26 + c2 (read by the caller's own
 * word scan, so the word's letters are read once).
 */
export function formsOfKey(folded: string, s: number, e: number, key: number): readonly CueForm[] | undefined {
  const words = BY_PREFIX[key];
  if (words === undefined) return undefined;
  const len = e - s;
  for (let k = 0; k < words.length; k++) {
    const x = words[k];
    if (x.word.length === len && sameAfterThree(folded, s, x.word)) return x.forms;
  }
  return undefined;
}

/** Whether `f` holds `w` at `s`, its first three characters already equal (compared in place: no builtin call). */
function sameAfterThree(f: string, s: number, w: string): boolean {
  for (let k = 3; k < w.length; k++) if (f.charCodeAt(s + k) !== w.charCodeAt(k)) return false;
  return true;
}

/** A cue word character: [a-z0-9'-]. */
export function isCueWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 45;
}

/**
 * Cue forms in folded[a, b) in order: one word scan and a table lookup per word (multi-word forms are checked
 * word by word after their first). Returns [start, end, form] triples (the hot path, ./cuehits, reads the words
 * itself with `formsAt` and `matchForm`; this is its reference).
 * A form matches only where its first word is a whole word (a run of [a-z0-9'-] not continued on either side).
 */
export function scanCues(folded: string, a: number, b: number): Array<[number, number, CueForm]> {
  const out: Array<[number, number, CueForm]> = [];
  let i = a;
  while (i < b) {
    // next word start: a letter after a non-word character
    const c = folded.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const s = i;
    let e = i + 1;
    while (e < b && isCueWordChar(folded.charCodeAt(e))) e++;
    i = e;
    const forms = formsAt(folded, s, e);
    if (!forms || (s > 0 && isCueWordChar(folded.charCodeAt(s - 1)))) continue;
    for (const f of forms) {
      const fe = matchForm(folded, s, b, f.form);
      if (fe < 0) continue;
      if (fe < b && isCueWordChar(folded.charCodeAt(fe))) continue;
      out.push([s, fe, f]);
      i = fe;
      break;
    }
  }
  return out;
}

/** End of `form` matched at f[s] before `b` (single spaces in the form match any run of spaces), or -1. */
export function matchForm(f: string, s: number, b: number, form: string): number {
  let i = s;
  for (let k = 0; k < form.length; k++) {
    const c = form.charCodeAt(k);
    if (c === 32) {
      if (i >= b || f.charCodeAt(i) > 32) return -1;
      while (i < b && f.charCodeAt(i) <= 32) i++;
    } else {
      if (i >= b || f.charCodeAt(i) !== c) return -1;
      i++;
    }
  }
  return i;
}

/** Subject pronouns and the actors they can stand for. */
export const PRONOUNS: ReadonlyMap<string, 'person' | 'group' | 'thing'> = new Map([
  ['he', 'person'],
  ['she', 'person'],
  ['they', 'group'],
  ['it', 'thing'],
]);

/** Words before a short quote that mark it as held at a distance. */
export const SCARE_MARKERS = /(?:so[- ]called|notorious|alleged|supposed|self[- ]styled|self[- ]proclaimed|quote[- ]unquote)\s+(?:\S+\s+)?$/;

/** Leading words of a sentence that open an adverbial phrase (its mentions are not the subject). */
export const ADVERBIAL_OPENERS = new Set([
  'while', 'although', 'though', 'if', 'when', 'as', 'after', 'before', 'in', 'on', 'at', 'during', 'for', 'despite',
  'since', 'because', 'following', 'with', 'by', 'from', 'unlike', 'amid', 'given', 'previously', 'meanwhile',
  'however', 'now', 'today', 'yesterday', 'earlier', 'later', 'speaking', 'asked', 'responding', 'under', 'over',
  'once', 'until', 'upon', 'whereas', 'besides', 'beyond', 'to', 'according',
]);

/** Title words stripped from the front of a capitalised name found without the actor stage. */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'deputy', 'foreign', 'defence', 'defense', 'secretary', 'state',
  'general', 'professor', 'associate', 'assistant', 'dr', 'mr', 'mrs', 'ms', 'prof', 'senator', 'sen', 'rep',
  'representative', 'ambassador', 'envoy', 'special', 'spokesperson', 'spokesman', 'spokeswoman', 'chairman',
  'chairwoman', 'chair', 'director', 'head', 'chief', 'governor', 'gov', 'mayor', 'king', 'queen', 'prince',
  'sheikh', 'colonel', 'col', 'lt', 'major', 'captain', 'admiral', 'commander', 'judge', 'justice', 'pope',
  'lord', 'sir', 'dame', 'analyst', 'expert', 'political', 'scientist', 'economist', 'adviser', 'advisor',
  'official', 'officer', 'leader', 'us', 'u.s', 'russian', 'american', 'ukrainian', 'national', 'security',
  'presidential', 'press', 'senior', 'former', 'acting', 'interim', 'executive', 'founder', 'ceo',
]);

/** Words that make a capitalised sequence an organisation, not a person. */
export const ORG_WORDS = new Set([
  'ministry', 'department', 'university', 'institute', 'center', 'centre', 'council', 'agency', 'office',
  'committee', 'commission', 'news', 'times', 'post', 'press', 'bank', 'fund', 'party', 'union', 'association',
  'foundation', 'organization', 'organisation', 'group', 'service', 'bureau', 'house', 'kremlin', 'government',
  'parliament', 'duma', 'congress', 'senate', 'court', 'army', 'forces', 'corporation', 'company', 'inc', 'ltd',
  'media', 'tv', 'radio', 'journal', 'herald', 'gazette', 'tribune', 'daily', 'agency', 'school', 'academy',
  'science', 'sciences', 'affairs', 'federation', 'republic', 'nations', 'states', 'league', 'club', 'network',
]);
