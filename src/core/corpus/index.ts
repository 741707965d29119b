/**
 * The workspace index (issue 5), src/core/corpus: the entry the rest of the code imports from. It re-exports
 * the public API; the parts live by idea in this folder:
 * - corpusIndex.ts: `CorpusIndex`, composing the parts below and answering the queries;
 * - types.ts: the public shapes (actors, locations, hits, counts, options);
 * - storage.ts: the compact per-article arrays, their encoding and the postings;
 * - actors.ts, search.ts: actor numbering, names and aliases, and the prefix look-up behind `findActors`;
 * - network.ts: channel links interned at indexing time and the network built from them;
 * - build.ts: indexing many articles in time slices with cancellation;
 * - flat.ts: copying kept strings so they do not hold article text alive.
 */
export { buildCorpusIndex, type BuildOptions, type BuildResult, type CancellationLike, type CorpusSource } from './build';
export { CorpusIndex } from './corpusIndex';
export type { ActorHit, ArticleCounts, ArticleInput, CorpusActor, CorpusIndexOptions, ReferenceLocation } from './types';
