/**
 * Plain data shared by every layer of the engine. Everything here is JSON-serialisable.
 * Offsets are JavaScript string indices (UTF-16 code units) into the analysed text, end exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

// ---------------------------------------------------------------- registry

export type ActorKind = 'person' | 'organization' | 'state';
export const ACTOR_KINDS: readonly ActorKind[] = ['person', 'organization', 'state'];

/** One entry of an actor registry (the embedded default or a workspace file). */
export interface ActorEntry {
  /** Stable id, lowercase kebab-case: `sergey-lavrov`, `united-states`, `nato`. */
  id: string;
  /** Canonical name. */
  name: string;
  kind: ActorKind;
  /** Other names: transliterations, short forms, acronyms, metonyms ("Moscow", "the Kremlin"). */
  aliases: string[];
  /** Roles and titles ("Foreign Minister of Russia"). */
  roles: string[];
  /** Id of the actor this one belongs to (a minister's state, an agency's government). */
  affiliation?: string;
  /** Adjectives/demonyms ("Russian"); for states. Never actor mentions by themselves. */
  demonyms?: string[];
  /** Wikidata QID ("Q52612"). */
  wikidata?: string;
}

/** An error in a registry or sidecar file, with a 1-based line and column. */
export interface SourceError {
  file: string;
  line: number;
  column: number;
  message: string;
}

// ---------------------------------------------------------------- actors

/** How a mention was matched. */
export type MatchKind =
  | 'name' // canonical name
  | 'alias' // a registry alias (incl. metonyms)
  | 'surname' // surname/short form of a person already named (or a company by its name alone), or a registry surname
  | 'variant' // bounded edit distance / transliteration variant
  | 'unknown'; // an actor the registry lacks, introduced by the text

export interface Mention extends TextSpan {
  actorId: string;
  match: MatchKind;
  /** Title or role in front of the name ("Russian Deputy Foreign Minister"), when reported as one mention. */
  role?: string;
  /** 0..1 */
  confidence: number;
}

/** One actor found in a text, with all its mentions (the CLI's `actors[]`). */
export interface ActorResult {
  id: string;
  name: string;
  kind: ActorKind;
  known: boolean;
  roles: string[];
  mentions: Array<TextSpan & { match: MatchKind; role?: string }>;
}

// ---------------------------------------------------------------- quotes

export type QuoteKind = 'direct' | 'scare';

export interface SpeakerRef {
  id: string;
  name: string;
}

export interface Quote extends TextSpan {
  kind: QuoteKind;
  speaker: SpeakerRef | null;
  cue: TextSpan | null;
  /** 0..1: how sure the attribution (or, for scare quotes, the classification) is. */
  confidence: number;
  /** The quotation mark that opened it (`"`, `“`, `«`, `‘`, `'`). */
  mark: string;
  /** True when the quote runs on from the previous paragraph (newspaper convention, or an interview answer). */
  continued?: boolean;
}

// ---------------------------------------------------------------- channels

export type ChannelType =
  | 'meeting'
  | 'call'
  | 'letter'
  | 'intermediary'
  | 'track'
  | 'backchannel'
  | 'media'
  | 'social'
  | 'forum'
  | 'working-group'
  | 'other';

export const CHANNEL_TYPES: readonly ChannelType[] = [
  'meeting',
  'call',
  'letter',
  'intermediary',
  'track',
  'backchannel',
  'media',
  'social',
  'forum',
  'working-group',
  'other',
];

export interface Channel extends TextSpan {
  type: ChannelType;
  /** Actor ids taking part. */
  participants: string[];
  /** Actor ids the channel runs through (intermediaries, mediators, hosts). */
  via: string[];
  /** 0..1 */
  confidence: number;
}

// ---------------------------------------------------------------- analysis

export interface Analysis {
  actors: ActorResult[];
  quotes: Quote[];
  channels: Channel[];
  /** Every mention, sorted by start (the same objects the actors list groups). */
  mentions: Mention[];
}

/** A registry entry, or an actor the text introduced (`known: false`). */
export interface KnownActor extends ActorEntry {
  known: boolean;
}

/** What the actor stage hands to the quote and channel stages. */
export interface ActorFindings {
  /** Sorted by start; non-overlapping. */
  mentions: Mention[];
  /** Every actor a mention points at (registry entries and unknown actors), plus their affiliations. */
  actors: ReadonlyMap<string, KnownActor>;
  /**
   * Demonyms outside mentions ("Turkish mediators", "Russian and American diplomats"), sorted by start: never
   * mentions themselves, but later stages may read a state's part in a channel from them. Their states are in
   * `actors`.
   */
  demonyms?: DemonymHit[];
}

/** A demonym in the text and the state it belongs to. */
export interface DemonymHit extends Span {
  stateId: string;
}
