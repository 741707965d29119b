/**
 * Channel trigger rules: every word or phrase that can name a communication channel, compiled into ONE regular
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
  /**
   * When every match has blanks after its first word (unless a hyphen joins it, "track-one"): the letters (or
   * digits) the second word can start with. The scanner tries the rule's regex only when the text allows it.
   */
  then?: string;
}

const DIALOG = 'dialog(?:ue)?s?';
/** Social networks a post can be "on" (folded; "x" only when written "X", checked by the judge). */
const PLATFORMS = 'x|twitter|telegram|truth\\s+social|facebook|instagram|weibo|wechat|vk|vkontakte|youtube|tiktok|threads|bluesky|linkedin';

export const RULES: readonly TriggerRule[] = [
  // ---- backchannel: secret / unofficial diplomacy
  { name: 'secret-diplomacy', first: 'secret quiet shadow backroom back covert informal unofficial private behind', src: '(?:secret|quiet|shadow|backroom|back-room|covert|informal|unofficial|private|behind-the-scenes)\\s+diplomacy', type: 'backchannel', strength: 'strong', then: 'd' },
  { name: 'back-channel', first: 'back backchannel backchannels', src: 'back[- ]?channels?', type: 'backchannel', strength: 'strong' },
  {
    name: 'unofficial-x', first: 'unofficial informal secret confidential covert clandestine behind closed back off',
    src: `(?:unofficial|informal|secret|confidential|covert|clandestine|behind[- ]the[- ]scenes|closed[- ]door|back[- ]door|off[- ]the[- ]record)\\s+(?:[a-z]+\\s+)?(?:channels?|contacts?|talks|negotiations|meetings?|${DIALOG}|consultations|discussions|communications?|exchanges?|conversations?)`,
    type: 'backchannel',
    strength: 'strong',
  },
  // a private briefing is a meeting held in private, not a back channel
  { name: 'closed-briefings', first: 'closed behind private', src: '(?:closed[- ]door|behind[- ]closed[- ]doors|private)\\s+briefings?', type: 'meeting', strength: 'strong', then: 'bcd' },
  {
    name: 'intelligence-contacts', first: 'contact contacts talks channel channels dialog dialogue dialogs dialogues communication communications discussions meeting meetings',
    src: `(?:contacts?|talks|channels?|${DIALOG}|communications?|discussions|meetings?)\\s+between\\s+(?:the\\s+)?(?:[a-z]+\\s+)?(?:intelligence|security|special)\\s+(?:agencies|services)`,
    type: 'backchannel',
    strength: 'strong', then: 'b',
  },
  // ---- track: a named line of dialogue
  { name: 'official-diplomacy', first: 'official traditional public formal classical conventional track', src: '(?:official|traditional|public|formal|classical|conventional|track-one)\\s+diplomacy', type: 'track', strength: 'strong', then: 'd' },
  { name: 'official-channel', first: 'official formal diplomatic', src: `(?:official|formal|diplomatic)\\s+(?:channels?|${DIALOG})`, type: 'track', strength: 'strong', then: 'cd' },
  {
    name: 'named-track', first: 'separate parallel official economic security negotiating negotiation humanitarian military political diplomatic second third new main bilateral peace business',
    src: '(?:separate|parallel|official|economic|security|negotiating|negotiation|humanitarian|military|political|diplomatic|second|third|new|main|bilateral|peace|business)\\s+track',
    type: 'track',
    strength: 'strong', then: 't',
  },
  // "Track Two" / "track-two" / "Track 1.5": a named line of unofficial dialogue (experts, former officials)
  { name: 'track-two', first: 'track', src: 'track[- ](?:two|ii|1\\.5)(?:\\s+(?:diplomacy|dialog(?:ue)?s?|talks|channels?|contacts|meetings?))?', type: 'track', strength: 'strong', then: 'it1' },
  { name: 'along-the-lines', first: 'along', src: 'along\\s+the\\s+lines?\\s+of', type: 'track', strength: 'strong', then: 't' },
  { name: 'peace-talks', first: 'peace settlement ceasefire', src: '(?:peace|settlement|ceasefire)\\s+(?:talks|negotiations|process)', type: 'track', strength: 'strong', then: 'npt' },
  { name: 'talks-on-peace', first: 'talks negotiations', src: '(?:talks|negotiations)\\s+(?:on|about|over)\\s+(?:the\\s+)?(?:peace|settlement|ceasefire|truce)', type: 'track', strength: 'strong', then: 'ao' },
  { name: 'track', first: 'track tracks', src: 'tracks?', type: 'track', strength: 'weak' },
  // ---- call
  {
    name: 'phone', first: 'phone telephone video',
    src: '(?:(?:tele)?phone|video|video-?link)\\s+(?:calls?|conversations?|talks|conferences?|contacts?|exchanges?|link)',
    type: 'call',
    strength: 'strong', then: 'celt',
  },
  {
    name: 'by-phone', first: 'spoke speak speaks spoken speaking talked talk talking conferred negotiated by on over via',
    src: '(?:(?:spoke|speak|speaks|spoken|speaking|talked|talk|talking|conferred|negotiated)\\s+(?:[a-z.]+\\s+){0,4}?)?(?:by|on\\s+the|over\\s+the|via)\\s+(?:tele)?phone',
    type: 'call',
    strength: 'strong',
  },
  { name: 'hotline', first: 'hotline hotlines hot', src: 'hot-?lines?', type: 'call', strength: 'strong' },
  { name: 'phoned', first: 'phoned telephoned', src: 'phoned|telephoned', type: 'call', strength: 'verb' },
  // "Macron called Putin on Friday" (not "called Putin a liar", "called on Putin", "called for"): judged in judge-verb.ts
  { name: 'called', first: 'called', src: 'called', type: 'call', strength: 'verb' },
  { name: 'conversation', first: 'conversation conversations', src: 'conversations?', type: 'call', strength: 'weak' },
  // ---- working group
  {
    name: 'working-group', first: 'working expert contact joint intergovernmental task',
    src: '(?:working|expert|contact|joint\\s+working)\\s+groups?|joint\\s+(?:commissions?|committees?)|intergovernmental\\s+commissions?|task\\s+forces?',
    type: 'working-group',
    strength: 'strong', then: 'cfgw',
  },
  // ---- forum: multilateral meetings
  { name: 'sidelines', first: 'on at', src: '(?:on|at)\\s+the\\s+(?:sidelines|margins)\\s+of', type: 'forum', strength: 'sidelines', then: 't' },
  {
    name: 'ministers-meeting', first: 'foreign defence defense finance economy economic trade energy',
    src: "(?:foreign|defen[cs]e|finance|economy|economic|trade|energy)\\s+ministers'?\\s*(?:'s\\s+)?(?:meetings?|summits?|conferences?|councils?|sessions?)",
    type: 'forum',
    strength: 'strong', then: 'm',
  },
  { name: 'general-assembly', first: 'general ministerial', src: 'general\\s+assembly|ministerial\\s+(?:conference|summit|council)s?', type: 'forum', strength: 'strong', then: 'acs' },
  { name: 'summit', first: 'summit summits', src: 'summits?', type: 'forum', strength: 'weak' },
  // ---- intermediary
  { name: 'mediation', first: 'mediate mediated mediates mediating mediation mediator mediators intermediary intermediaries go good', src: 'mediat(?:e|ed|es|ing|ion|or|ors)|intermediar(?:y|ies)|go-betweens?|good\\s+offices', type: 'intermediary', strength: 'mediation' },
  {
    name: 'on-platform', first: 'wrote writes written posted posts post said says announced statement statements message messages video',
    src: `(?:wrote|writes|written|posted|posts?|said|says|announced|statements?|messages?|video)\\s+on\\s+(?:${PLATFORMS})`,
    type: 'social',
    strength: 'authored', then: 'o',
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
    name: 'broadcast', first: 'televised state national public told tells telling nightly evening weekly video',
    src: '(?:(?:nightly|evening|weekly|video|televised)\\s+(?:video\\s+)?address(?:es)?|televised\\s+(?:statement|address|speech|remarks|interview|appeal)s?|(?:state|national|public)\\s+(?:television|tv|radio|broadcaster)|(?:told|tells|telling)\\s+(?:a|an|the)\\s+(?:[a-z\'-]+\\s+){0,2}?(?:press\\s+conference|news\\s+conference|conference|forum|summit|briefing|rally|audience|gathering|council|assembly|parliament|board\\s+of\\s+governors|committee|session))',
    type: 'media',
    strength: 'broadcast', then: 'abirstv',
  },
  // ---- meeting: verbs
  {
    name: 'held-talks', first: 'held hold holds holding conducted had',
    src: '(?:held|hold|holds|holding|conducted|had)\\s+(?:[a-z-]+\\s+)?(?:talks|discussions|negotiations|consultations|a\\s+meeting|meetings|a\\s+conversation|(?:(?:phone|telephone|video)\\s+)?calls?)',
    type: 'meeting',
    strength: 'verb',
  },
  { name: 'exchanged-views', first: 'exchanged exchange exchanging', src: '(?:exchanged|exchange|exchanging)\\s+(?:views|opinions)|exchange\\s+of\\s+(?:views|opinions)', type: 'meeting', strength: 'verb', then: 'ov' },
  { name: 'exchanged-letters', first: 'exchanged exchange exchanging swapped', src: '(?:exchanged|exchange|exchanging|swapped)\\s+(?:[a-z-]+\\s+)?(?:letters|messages|notes|correspondence)', type: 'letter', strength: 'verb' },
  // "Putin received Witkoff", "Zelensky hosted Kellogg in Kyiv": a person received is a meeting (judge-verb.ts)
  { name: 'received', first: 'received receives receiving hosted hosts hosting welcomed welcomes welcoming', src: 'received|receives|receiving|hosted|hosts|hosting|welcomed|welcomes|welcoming', type: 'meeting', strength: 'verb' },
  { name: 'met', first: 'met meet meets to visited spoke talked negotiated conferred', src: 'met|meet|meets|to\\s+meet|visited|(?:spoke|talked|negotiated|conferred)\\s+with', type: 'meeting', strength: 'verb' },
  // ---- meeting: nouns
  { name: 'round-of-talks', first: 'round rounds', src: `rounds?\\s+of\\s+(?:talks|negotiations|consultations|discussions|${DIALOG})`, type: 'meeting', strength: 'strong', then: 'o' },
  { name: 'meeting', first: 'talks negotiations consultations discussions meeting meetings session sessions exchange exchanges visit visits encounter encounters', src: 'talks|negotiations|consultations|discussions|meetings?|sessions?|exchanges?|visits?|encounters?', type: 'meeting', strength: 'weak' },
  // ---- other: dialogue and relations in general
  {
    name: 'restore-relations', first: '*restor *reopen *resum re *reestablish *normalis *normaliz *upgrad *renew',
    src: '(?:restor|reopen|resum|re-?establish|normali[sz]|upgrad|renew)[a-z]*\\s+(?:of\\s+)?(?:full\\s+)?(?:diplomatic\\s+relations|(?:the\\s+)?embass(?:y|ies)|consulates?|(?:the\\s+)?(?:normal\\s+)?work\\s+of\\s+(?:the\\s+)?(?:diplomatic\\s+missions|embassies|consulates))',
    type: 'other',
    strength: 'strong', then: 'cdefnotw',
  },
  { name: 'diplomatic-missions', first: 'normal work', src: '(?:normal\\s+)?work\\s+of\\s+(?:the\\s+)?(?:diplomatic\\s+missions|embassies)', type: 'other', strength: 'strong', then: 'ow' },
  { name: 'dialogue', first: 'dialog dialogue dialogs dialogues communication communications contacts contact channel channels', src: `${DIALOG}|communications?|contacts|contact|channels?`, type: 'other', strength: 'weak' },
];

/** The compiled trigger scanner: one global regex, one group per rule. */
export const TRIGGER_RE = new RegExp(`(?<![a-z0-9'-])(?:${RULES.map((r) => `(${r.src})`).join('|')})(?![a-z0-9])`, 'g');

/** Which rule a match of TRIGGER_RE came from. */
export function ruleOf(m: RegExpExecArray): TriggerRule {
  for (let i = 0; i < RULES.length; i++) if (m[i + 1] !== undefined) return RULES[i];
  throw new Error('trigger without rule');
}
