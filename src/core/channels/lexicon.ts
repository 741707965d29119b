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
 */
export type Strength = 'strong' | 'weak' | 'authored' | 'verb' | 'mediation' | 'sidelines';

export interface TriggerRule {
  /** Short name, for tests and debugging. */
  name: string;
  /** Regex source over folded text (no capturing groups inside: use `(?:…)`). */
  src: string;
  type: ChannelType;
  strength: Strength;
}

const DIALOG = 'dialog(?:ue)?s?';

export const RULES: readonly TriggerRule[] = [
  // ---- backchannel: secret / unofficial diplomacy
  { name: 'secret-diplomacy', src: '(?:secret|quiet|shadow|backroom|back-room|covert|informal|unofficial|private|behind-the-scenes)\\s+diplomacy', type: 'backchannel', strength: 'strong' },
  { name: 'back-channel', src: 'back[- ]?channels?', type: 'backchannel', strength: 'strong' },
  {
    name: 'unofficial-x',
    src: `(?:unofficial|informal|secret|confidential|covert|clandestine|behind[- ]the[- ]scenes|closed[- ]door|back[- ]door|off[- ]the[- ]record)\\s+(?:[a-z]+\\s+)?(?:channels?|contacts?|talks|negotiations|meetings?|${DIALOG}|consultations|discussions|communications?|exchanges?|conversations?)`,
    type: 'backchannel',
    strength: 'strong',
  },
  {
    name: 'intelligence-contacts',
    src: `(?:contacts?|talks|channels?|${DIALOG}|communications?|discussions|meetings?)\\s+between\\s+(?:the\\s+)?(?:[a-z]+\\s+)?(?:intelligence|security|special)\\s+(?:agencies|services)`,
    type: 'backchannel',
    strength: 'strong',
  },
  // ---- track: a named line of dialogue
  { name: 'official-diplomacy', src: '(?:official|traditional|public|formal|classical|conventional|track-one)\\s+diplomacy', type: 'track', strength: 'strong' },
  { name: 'official-channel', src: `(?:official|formal|diplomatic)\\s+(?:channels?|${DIALOG})`, type: 'track', strength: 'strong' },
  {
    name: 'named-track',
    src: '(?:separate|parallel|official|economic|security|negotiating|negotiation|humanitarian|military|political|diplomatic|second|third|new|main|bilateral|peace|business)\\s+track',
    type: 'track',
    strength: 'strong',
  },
  { name: 'along-the-lines', src: 'along\\s+the\\s+lines?\\s+of', type: 'track', strength: 'strong' },
  { name: 'peace-talks', src: '(?:peace|settlement|ceasefire)\\s+(?:talks|negotiations|process)', type: 'track', strength: 'strong' },
  { name: 'talks-on-peace', src: '(?:talks|negotiations)\\s+(?:on|about|over)\\s+(?:the\\s+)?(?:peace|settlement|ceasefire|truce)', type: 'track', strength: 'strong' },
  { name: 'track', src: 'tracks?', type: 'track', strength: 'weak' },
  // ---- call
  {
    name: 'phone',
    src: '(?:(?:tele)?phone|video|video-?link)\\s+(?:calls?|conversations?|talks|conferences?|contacts?|exchanges?|link)',
    type: 'call',
    strength: 'strong',
  },
  {
    name: 'by-phone',
    src: '(?:(?:spoke|speak|speaks|spoken|speaking|talked|talk|talking|conferred|negotiated)\\s+(?:[a-z.]+\\s+){0,4}?)?(?:by|on\\s+the|over\\s+the|via)\\s+(?:tele)?phone',
    type: 'call',
    strength: 'strong',
  },
  { name: 'phoned', src: 'phoned|telephoned', type: 'call', strength: 'verb' },
  { name: 'conversation', src: 'conversations?', type: 'call', strength: 'weak' },
  // ---- working group
  {
    name: 'working-group',
    src: '(?:working|expert|contact|joint\\s+working)\\s+groups?|joint\\s+(?:commissions?|committees?)|intergovernmental\\s+commissions?|task\\s+forces?',
    type: 'working-group',
    strength: 'strong',
  },
  // ---- forum: multilateral meetings
  { name: 'sidelines', src: '(?:on|at)\\s+the\\s+(?:sidelines|margins)\\s+of', type: 'forum', strength: 'sidelines' },
  {
    name: 'ministers-meeting',
    src: "(?:foreign|defen[cs]e|finance|economy|economic|trade|energy)\\s+ministers'?\\s*(?:'s\\s+)?(?:meetings?|summits?|conferences?|councils?|sessions?)",
    type: 'forum',
    strength: 'strong',
  },
  { name: 'general-assembly', src: 'general\\s+assembly|ministerial\\s+(?:conference|summit|council)s?', type: 'forum', strength: 'strong' },
  { name: 'summit', src: 'summits?', type: 'forum', strength: 'weak' },
  // ---- intermediary
  { name: 'mediation', src: 'mediat(?:e|ed|es|ing|ion|or|ors)|intermediar(?:y|ies)|go-betweens?|good\\s+offices', type: 'intermediary', strength: 'mediation' },
  // ---- letter
  { name: 'letter', src: 'letters?|messages?|correspondence|diplomatic\\s+notes?|note\\s+verbale', type: 'letter', strength: 'authored' },
  { name: 'wrote-to', src: 'wrote\\s+to|written\\s+to|writes\\s+to', type: 'letter', strength: 'verb' },
  // ---- social
  {
    name: 'social',
    src: 'tweets?|tweeted|retweeted|posts?|posted|telegram|truth\\s+social|social\\s+media|facebook|instagram',
    type: 'social',
    strength: 'authored',
  },
  // ---- media: statements directed at someone
  {
    name: 'statement',
    src: 'statements?|remarks|comments|words|signals?|warnings?|ultimatums?|appeals?|interviews?|press\\s+conferences?|briefings?|op-eds?|overtures?|rhetoric',
    type: 'media',
    strength: 'authored',
  },
  // ---- meeting: verbs
  {
    name: 'held-talks',
    src: '(?:held|hold|holds|holding|conducted|had)\\s+(?:[a-z-]+\\s+)?(?:talks|discussions|negotiations|consultations|a\\s+meeting|meetings|a\\s+conversation)',
    type: 'meeting',
    strength: 'verb',
  },
  { name: 'exchanged-views', src: '(?:exchanged|exchange|exchanging)\\s+(?:views|opinions)|exchange\\s+of\\s+(?:views|opinions)', type: 'meeting', strength: 'verb' },
  { name: 'met', src: 'met|meet|meets|to\\s+meet|visited|(?:spoke|talked|negotiated|conferred)\\s+with', type: 'meeting', strength: 'verb' },
  // ---- meeting: nouns
  { name: 'round-of-talks', src: `rounds?\\s+of\\s+(?:talks|negotiations|consultations|discussions|${DIALOG})`, type: 'meeting', strength: 'strong' },
  { name: 'meeting', src: 'talks|negotiations|consultations|discussions|meetings?|sessions?|exchanges?|visits?|encounters?', type: 'meeting', strength: 'weak' },
  // ---- other: dialogue and relations in general
  {
    name: 'restore-relations',
    src: '(?:restor|reopen|resum|re-?establish|normali[sz]|upgrad|renew)[a-z]*\\s+(?:of\\s+)?(?:full\\s+)?(?:diplomatic\\s+relations|(?:the\\s+)?embass(?:y|ies)|consulates?|(?:the\\s+)?(?:normal\\s+)?work\\s+of\\s+(?:the\\s+)?(?:diplomatic\\s+missions|embassies|consulates))',
    type: 'other',
    strength: 'strong',
  },
  { name: 'diplomatic-missions', src: '(?:normal\\s+)?work\\s+of\\s+(?:the\\s+)?(?:diplomatic\\s+missions|embassies)', type: 'other', strength: 'strong' },
  { name: 'dialogue', src: `${DIALOG}|communications?|contacts|contact|channels?`, type: 'other', strength: 'weak' },
];

/** The compiled trigger scanner: one global regex, one group per rule. */
export const TRIGGER_RE = new RegExp(`(?<![a-z0-9'-])(?:${RULES.map((r) => `(${r.src})`).join('|')})(?![a-z0-9])`, 'g');

/** Which rule a match of TRIGGER_RE came from. */
export function ruleOf(m: RegExpExecArray): TriggerRule {
  for (let i = 0; i < RULES.length; i++) if (m[i + 1] !== undefined) return RULES[i];
  throw new Error('trigger without rule');
}

/** Modifiers that make a generic channel noun specific ("bilateral meetings", "direct talks"). */
export const SPECIFIC_MODIFIERS = new Set([
  'bilateral', 'trilateral', 'direct', 'ministerial', 'presidential', 'face-to-face', 'in-person', 'high-level',
  'top-level', 'working-level', 'summit-level', 'first', 'second', 'third', 'next', 'new', 'previous', 'recent',
  'renewed', 'upcoming', 'planned', 'regular', 'periodic', 'personal', 'private', 'closed', 'extensive', 'lengthy',
  'substantive', 'detailed', 'intensive', 'emergency', 'urgent', 'official', 'diplomatic', 'expert', 'intergovernmental',
  'interagency', 'nascent', 'ongoing', 'continued', 'weekly', 'monthly', 'annual', 'productive', 'constructive',
  'frank', 'fruitful', 'tete-a-tete',
]);

/** Determiners and possessive pronouns that may open a channel noun phrase. */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'that', 'those', 'their', 'his', 'her', 'its', 'our', 'another', 'such', 'each',
  'every',
]);

/** Determiners that make a weak noun definite enough to take participants from the sentence ("the talks"). */
export const DEFINITE = new Set(['the', 'this', 'these', 'their', 'his', 'her', 'its', 'that', 'those']);
