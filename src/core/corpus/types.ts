/**
 * The public shapes of the workspace index: what its queries return (actors, reference locations, hits,
 * per-article counts) and what it takes (article input, options). Apart from the implementation so that the
 * modules of the index and the editor side share them without pulling in the class.
 */
import type { ArticleAnnotations, Origin } from '../export/model';
import type { ActorEntry, ActorKind, Analysis } from '../types';

export interface CorpusActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** Registry aliases and (up to a few) other surface forms seen in the corpus. */
  aliases: string[];
  wikidata?: string;
  /** In the registry (true) or only introduced by a text. */
  known: boolean;
}

export interface ReferenceLocation {
  article: string;
  start: number;
  end: number;
  origin: Origin;
}

export interface ActorHit {
  actor: CorpusActor;
  /** Mentions across the corpus. */
  mentions: number;
  /** Articles mentioning the actor. */
  articles: number;
}

export interface ArticleCounts {
  article: string;
  actors: number;
  mentions: number;
  quotes: number;
  channels: number;
  claims: number;
  /** Mentions per actor, most first. */
  byActor: Array<{ id: string; count: number }>;
}

/** What `update` takes: article text (needs `analyze`), an engine analysis, or already merged annotations. */
export type ArticleInput = string | Analysis | ArticleAnnotations;

export interface CorpusIndexOptions {
  /** The engine, for `update(id, text)`. */
  analyze?: (text: string) => Analysis;
  /** Registry entries: names, kinds, aliases for look-up, Wikidata ids. */
  registry?: readonly ActorEntry[];
  /** Surface forms kept per actor for look-up (besides registry aliases). Default 8. */
  maxSurfaceForms?: number;
}
