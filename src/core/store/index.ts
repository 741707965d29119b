/**
 * The annotation store: what the user confirmed, in `<article>.annotations.yaml` beside the article
 * (format version 1, docs/sidecar.md, schemas/sidecar.schema.json). Pure: file access goes through a
 * `FilePort` (src/core/ports.ts); ids and timestamps come from injected generators.
 *
 * API
 * - `parseSidecar(yamlText, file) → { sidecar, doc, errors }` — validates; errors name file:line:column.
 *   A canonical file is read by a fast strict reader; anything else (comments, unknown keys, other styles)
 *   by the `yaml` library, whose Document is returned so a later save keeps comments and unknown keys.
 *   Bounded: 20 MB, 100 aliases / 2M values, no custom tags, `__proto__` is an ordinary key.
 * - `serializeSidecar(sidecar, doc?) → text` — sorted by position then id, fixed key order, LF; canonical
 *   unless `doc` carries hand-made content, then that document is updated in place.
 * - `reanchor(annotations, text) → { annotations, report, changed }` — anchored | moved | fuzzy | orphaned
 *   (anchor.ts has the rules); orphans are kept with `orphaned: true`.
 * - `applyEdits(annotations, edits, newText)` — editor changes move positions without a search.
 * - `fingerprint(text)` — `fnv1a64:<hex>` of the UTF-8 text.
 * - `class SidecarStore(port, { ids, now, onExternalChange })` — `load(articlePath, text)`, `setText`,
 *   `applyEdits`, `upsert`, `remove`, `acceptSuggestions(analysis)`, `save()` (atomic via
 *   `port.writeAtomic`; external change → merge by id (`mergeById`: both versions kept on a real conflict)
 *   or refuse; a broken file is never overwritten; no write when nothing changed), `moveSidecar(old, new)`.
 * - `MemoryFilePort` — an in-memory port (tests; can simulate a crash before the rename).
 * - `strandedSidecarNames(names)`, `fittingSidecars(text, candidates)` — a sidecar whose article is gone (renamed
 *   outside VS Code) is tried against an article without a sidecar; one that fits can be adopted (`moveSidecar`).
 */
export * from './model';
export { fingerprint, fnv1a64Bytes } from './hash';
export { parseSidecar, serializeSidecar, type ParsedSidecar } from './sidecar';
export { reanchor, applyEdits, contextScore, type AnchorState, type AnchorOutcome, type ReanchorReport, type ReanchorOptions, type TextEdit } from './anchor';
export { mergeById, type MergeConflict } from './merge';
export { SidecarStore, SidecarError, formatErrors, type AnnotationInput, type SidecarStoreOptions, type LoadResult, type SaveResult } from './store';
export { MemoryFilePort } from './memory';
export { strandedSidecarNames, rateSidecar, fittingSidecars, describeFit, ADOPT_MIN_SHARE, type SidecarCandidate, type StrandedFit } from './stranded';
export { linksIn, mergeLinks } from './links';
