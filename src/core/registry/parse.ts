/**
 * Registry YAML → validated `ActorEntry[]` plus `SourceError[]` (1-based line and column for every problem).
 * Never throws: a malformed file yields the entries that could be read and a list of errors.
 *
 * Accepted shapes: a top-level sequence of entries, or a map with an `actors:` sequence.
 * The regular layout of the registries is read by a fast scanner (fastRead.ts); anything it does not fully
 * understand, and every file with a problem in its YAML, goes through the `yaml` v2 Document API with safe
 * limits (slowRead.ts: no custom tags, few aliases, unique keys). A size cap applies to both; keys are read as
 * plain strings into fresh objects, so a key like `__proto__` is just an unknown field.
 */
import type { ActorEntry, SourceError } from '../types';
import { readEntry } from './entry';
import { fastParse } from './fastParse';
import type { ErrorSink, Raw, RawField } from './raw';
import { slowRead } from './slowRead';

/** Files above this size are refused (a registry of thousands of actors is well under 1 MB). */
export const MAX_REGISTRY_BYTES = 8 * 1024 * 1024;

export interface ParseResult {
  entries: ActorEntry[];
  errors: SourceError[];
}

export interface ParseOptions {
  /**
   * A user (override) file: entries may give just `id` plus the fields they change (e.g. extra aliases);
   * `name`/`kind` are then left out of the entry and `mergeRegistries` keeps the base values.
   */
  partial?: boolean;
}

export function parseRegistry(text: string, file: string, options: ParseOptions = {}): ParseResult {
  if (typeof text === 'string' && text.length <= MAX_REGISTRY_BYTES) {
    const entries = fastParse(text, options.partial === true);
    if (entries !== null) return { entries, errors: [] };
  }
  return parseGeneral(text, file, options);
}

/**
 * `parseRegistry` through the `yaml` package only: any file, with every problem reported. (`parseRegistry`
 * takes this path whenever the fast reader declines; the tests compare the two.)
 */
export function parseGeneral(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const errors: SourceError[] = [];
  const entries: ActorEntry[] = [];
  if (typeof text !== 'string') {
    errors.push({ file, line: 1, column: 1, message: 'registry is not text' });
    return { entries, errors };
  }
  if (text.length > MAX_REGISTRY_BYTES) {
    errors.push({ file, line: 1, column: 1, message: `registry too large (${text.length} characters; limit ${MAX_REGISTRY_BYTES})` });
    return { entries, errors };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // editors do not count a BOM: columns stay as they show them
  let lines: number[] | undefined; // line starts, computed at the first problem
  const at = (offset: number | undefined): { line: number; column: number } => {
    lines ??= lineStarts(text);
    const off = Math.max(0, Math.min(offset ?? 0, text.length));
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: off - lines[lo] + 1 };
  };
  const err: ErrorSink = (offset, message) => {
    errors.push({ file, ...at(offset), message });
  };

  const list = slowRead(text, err);
  if (list === null) return { entries, errors };

  const seen = new Map<string, number>();
  const idOffsets = new Map<string, Raw>();
  for (const item of list.items ?? []) {
    if (item.t !== 'map') {
      err(item.off, 'actor entry must be a map (id, name, kind, …)');
      continue;
    }
    const e = readEntry(item, err, options.partial === true);
    if (!e) continue;
    const idOff = firstField(item, 'id')?.value.off ?? item.off;
    if (seen.has(e.id)) {
      const p = at(seen.get(e.id));
      err(idOff, `duplicate id "${e.id}" (first defined at line ${p.line}, column ${p.column})`);
      continue;
    }
    seen.set(e.id, idOff);
    idOffsets.set(e.id, item);
    entries.push(e);
  }
  // Affiliations must point at an entry of this file (a user file may point into the default registry).
  if (!options.partial) {
    for (const e of entries) {
      if (e.affiliation && !seen.has(e.affiliation)) {
        const item = idOffsets.get(e.id);
        err(item && firstField(item, 'affiliation')?.value.off, `warning: affiliation "${e.affiliation}" of "${e.id}" is not defined in this file`);
      }
    }
  }
  return { entries, errors };
}

/** The first field named `key` of a map (a loop rather than a per-entry closure). */
function firstField(item: Raw, key: string): RawField | undefined {
  for (const f of item.fields ?? []) if (f.key === key) return f;
  return undefined;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}
