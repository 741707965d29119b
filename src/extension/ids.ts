/**
 * Every identifier the extension shares with package.json, as typed constants. `test/unit/manifest.test.ts`
 * checks this file against the manifest in both directions: nothing here is missing from `contributes`, and
 * nothing contributed is missing here.
 */

export const EXTENSION_ID = 'news-annotator.news-annotator';
export const CATEGORY = 'News Annotator';

export const Commands = {
  tagClaim: 'newsAnnotator.tagClaim',
  markAsActor: 'newsAnnotator.markAsActor',
  markAsQuote: 'newsAnnotator.markAsQuote',
  setSpeaker: 'newsAnnotator.setSpeaker',
  markAsChannel: 'newsAnnotator.markAsChannel',
  acceptSuggestion: 'newsAnnotator.acceptSuggestion',
  rejectSuggestion: 'newsAnnotator.rejectSuggestion',
  acceptAllSuggestions: 'newsAnnotator.acceptAllSuggestions',
  removeAnnotation: 'newsAnnotator.removeAnnotation',
  nextAnnotation: 'newsAnnotator.nextAnnotation',
  previousAnnotation: 'newsAnnotator.previousAnnotation',
  toggleHighlights: 'newsAnnotator.toggleHighlights',
  revealInSidebar: 'newsAnnotator.revealInSidebar',
  openSidecar: 'newsAnnotator.openSidecar',
  adoptSidecar: 'newsAnnotator.adoptSidecar',
  filterActors: 'newsAnnotator.filterActors',
  clearActorsFilter: 'newsAnnotator.clearActorsFilter',
  reattachOrphan: 'newsAnnotator.reattachOrphan',
  revealRange: 'newsAnnotator.revealRange',
  refresh: 'newsAnnotator.refresh',
  showChannelNetwork: 'newsAnnotator.showChannelNetwork',
  export: 'newsAnnotator.export',
  toggleActorsScope: 'newsAnnotator.toggleActorsScope',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Commands that make no sense typed into the palette (they take tree items or ranges). */
export const HIDDEN_FROM_PALETTE: readonly CommandId[] = [Commands.revealRange, Commands.reattachOrphan, Commands.clearActorsFilter];

export const ViewContainers = {
  sidebar: 'newsAnnotator',
} as const;

export const Views = {
  actors: 'newsAnnotator.actors',
  channels: 'newsAnnotator.channels',
  claims: 'newsAnnotator.claims',
  orphans: 'newsAnnotator.orphans',
} as const;
export type ViewId = (typeof Views)[keyof typeof Views];

export const Settings = {
  section: 'newsAnnotator',
  include: 'newsAnnotator.include',
  exclude: 'newsAnnotator.exclude',
  highlight: 'newsAnnotator.highlight',
  debounce: 'newsAnnotator.debounceMs',
} as const;

/** Keys of the `newsAnnotator.highlight` object setting. */
export const HIGHLIGHT_KEYS = ['actors', 'unknownActors', 'quotes', 'speaker', 'channels', 'claims', 'suggestions'] as const;
export type HighlightKey = (typeof HIGHLIGHT_KEYS)[number];

/** Theme colours (`contributes.colors`). */
export const Colors = {
  person: 'newsAnnotator.personBackground',
  personSuggestion: 'newsAnnotator.personSuggestionBackground',
  organization: 'newsAnnotator.organizationBackground',
  organizationSuggestion: 'newsAnnotator.organizationSuggestionBackground',
  state: 'newsAnnotator.stateBackground',
  stateSuggestion: 'newsAnnotator.stateSuggestionBackground',
  unknown: 'newsAnnotator.unknownActorBackground',
  unknownSuggestion: 'newsAnnotator.unknownActorSuggestionBackground',
  quote: 'newsAnnotator.quoteBackground',
  quoteSuggestion: 'newsAnnotator.quoteSuggestionBackground',
  channel: 'newsAnnotator.channelBackground',
  channelSuggestion: 'newsAnnotator.channelSuggestionBackground',
  claim: 'newsAnnotator.claimUnderline',
  speaker: 'newsAnnotator.speakerBorder',
} as const;
export type ColorId = (typeof Colors)[keyof typeof Colors];

/** `when`-clause context keys set by the extension. */
export const ContextKeys = {
  isArticle: 'newsAnnotator.isArticle',
  highlightsOn: 'newsAnnotator.highlightsOn',
  actorsFiltered: 'newsAnnotator.actorsFiltered',
  onSuggestion: 'newsAnnotator.onSuggestion',
  onAnnotation: 'newsAnnotator.onAnnotation',
  /** The Actors view lists all articles of the workspace index (not only the active one). */
  actorsWorkspaceScope: 'newsAnnotator.actorsWorkspaceScope',
} as const;

/** Tree item `contextValue`s (menus in package.json match on them). */
export const TreeContext = {
  kindGroup: 'kindGroup',
  actor: 'actor',
  mention: 'mention',
  mentionSuggestion: 'mention.suggestion',
  quote: 'quote',
  quoteSuggestion: 'quote.suggestion',
  channel: 'channel',
  channelSuggestion: 'channel.suggestion',
  claim: 'claim',
  group: 'group',
  orphan: 'orphan',
  /** An article under an actor in the Actors view's workspace scope. */
  actorArticle: 'actorArticle',
} as const;

export const LANGUAGE_ID = 'news-article';
export const DIAGNOSTIC_SOURCE = 'News Annotator';
export const SIDECAR_SUFFIX = '.annotations.yaml';
export const WORKSPACE_REGISTRY_PATH = '.news-annotator/actors.yaml';
