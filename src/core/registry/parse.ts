/**
 * Registry YAML → validated `ActorEntry[]` plus `SourceError[]` (1-based line and column for every problem).
 * Never throws: a malformed file yields the entries that could be read and a list of errors.
 *
 * Accepted shapes: a top-level sequence of entries, or a map with an `actors:` sequence.
 * The YAML is read through the `yaml` v2 Document API with safe limits: no custom tags (core schema),
 * few aliases, unique keys, a size cap; keys are read as plain strings into fresh objects, so a key like
 * `__proto__` is just an unknown field.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import { ACTOR_KINDS, type ActorEntry, type ActorKind, type SourceError } from '../types';

/** Files above this size are refused (a registry of thousands of actors is well under 1 MB). */
export const MAX_REGISTRY_BYTES = 8 * 1024 * 1024;
const MAX_ALIAS_RESOLUTIONS = 100;
const ID_RE = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const QID_RE = /^Q[1-9][0-9]*$/;
const KNOWN_FIELDS = new Set(['id', 'name', 'kind', 'aliases', 'roles', 'affiliation', 'demonyms', 'wikidata']);

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
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep columns: the BOM becomes a blank
  const lc = new LineCounter();
  const at = (offset: number | undefined): { line: number; column: number } => {
    const p = lc.linePos(Math.max(0, Math.min(offset ?? 0, text.length)));
    return { line: p.line, column: p.col };
  };
  const err = (offset: number | undefined, message: string): void => {
    errors.push({ file, ...at(offset), message });
  };

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter: lc,
      prettyErrors: false,
      uniqueKeys: true,
      schema: 'core',
      customTags: [],
      strict: true,
    });
  } catch (e) {
    err(0, `cannot parse YAML: ${(e as Error).message}`);
    return { entries, errors };
  }
  for (const e of doc.errors) err(e.pos?.[0], `YAML ${e.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'syntax error'}: ${firstLine(e.message)}`);
  for (const w of doc.warnings) err(w.pos?.[0], `YAML warning: ${firstLine(w.message)}`);

  // Aliases (&a / *a) are resolved one level at a time, with a total budget: no alias bombs.
  let aliasBudget = MAX_ALIAS_RESOLUTIONS;
  const resolve = (n: unknown, depth = 0): Node | null => {
    if (isAlias(n)) {
      if (depth > 5 || aliasBudget-- <= 0) {
        if (aliasBudget === -1) err((n as Node).range?.[0], 'too many YAML aliases (*ref); the rest are ignored');
        return null;
      }
      try {
        return resolve(n.resolve(doc), depth + 1);
      } catch {
        return null;
      }
    }
    return (n as Node) ?? null;
  };

  let root = resolve(doc.contents);
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    if (!doc.errors.length) err(0, 'registry is empty (expected a list of actors or a map with `actors:`)');
    return { entries, errors };
  }
  if (isMap(root)) {
    const actors = root.items.find((p) => isScalar(p.key) && p.key.value === 'actors');
    if (!actors) {
      err(root.range?.[0], 'expected a top-level `actors:` list');
      return { entries, errors };
    }
    root = resolve(actors.value);
  }
  if (!isSeq(root)) {
    err(root?.range?.[0], 'expected a list of actor entries');
    return { entries, errors };
  }

  const seen = new Map<string, number>();
  for (const item0 of root.items) {
    const item = resolve(item0);
    const start = (item0 as Node | null)?.range?.[0] ?? root.range?.[0];
    if (!isMap(item)) {
      err(start, 'actor entry must be a map (id, name, kind, …)');
      continue;
    }
    const e = readEntry(item, resolve, err, options.partial === true);
    if (!e) continue;
    if (seen.has(e.id)) {
      const first = seen.get(e.id) as number;
      const p = at(first);
      err(fieldOffset(item, 'id') ?? start, `duplicate id "${e.id}" (first defined at line ${p.line}, column ${p.column})`);
      continue;
    }
    seen.set(e.id, fieldOffset(item, 'id') ?? start ?? 0);
    entries.push(e);
  }
  // Affiliations must point at an entry of this file (or of the registry it is merged into: warning only).
  for (const e of entries) {
    if (!options.partial && e.affiliation && !seen.has(e.affiliation)) {
      const off = findEntryField(root, e.id, 'affiliation');
      err(off, `warning: affiliation "${e.affiliation}" of "${e.id}" is not defined in this file`);
    }
  }
  return { entries, errors };
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

function fieldOffset(map: YAMLMap, key: string): number | undefined {
  const p = map.items.find((x) => isScalar(x.key) && x.key.value === key);
  if (!p) return undefined;
  const v = p.value as Node | null;
  return v?.range?.[0] ?? (p.key as Node).range?.[0];
}

function findEntryField(root: unknown, id: string, key: string): number | undefined {
  if (!isSeq(root)) return undefined;
  for (const it of root.items) {
    if (isMap(it) && it.items.some((p) => isScalar(p.key) && p.key.value === 'id' && isScalar(p.value) && String(p.value.value) === id)) {
      return fieldOffset(it, key);
    }
  }
  return undefined;
}

function readEntry(
  map: YAMLMap,
  resolve: (n: unknown) => Node | null,
  err: (offset: number | undefined, message: string) => void,
  partial: boolean,
): ActorEntry | null {
  const fields = new Map<string, { node: Node | null; keyOffset: number | undefined }>();
  for (const p of map.items) {
    const k = resolve(p.key);
    const keyOffset = (k as Node | null)?.range?.[0];
    if (!isScalar(k) || typeof k.value !== 'string') {
      err(keyOffset ?? map.range?.[0], 'field names must be plain strings');
      continue;
    }
    if (!KNOWN_FIELDS.has(k.value)) {
      err(keyOffset, `warning: unknown field "${k.value}" ignored`);
      continue;
    }
    fields.set(k.value, { node: resolve(p.value), keyOffset });
  }
  const start = map.range?.[0];
  const str = (key: string, required: boolean): string | undefined => {
    const f = fields.get(key);
    if (!f) {
      if (required) err(start, `missing required field "${key}"`);
      return undefined;
    }
    const n = f.node;
    if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number') && String(n.value).trim() !== '') {
      return String(n.value).trim();
    }
    err(n?.range?.[0] ?? f.keyOffset, `"${key}" must be a non-empty string`);
    return undefined;
  };
  const list = (key: string): string[] => {
    const f = fields.get(key);
    if (!f || f.node === null || (isScalar(f.node) && f.node.value === null)) return [];
    const n = f.node;
    if (isScalar(n) && typeof n.value === 'string') return n.value.trim() ? [n.value.trim()] : [];
    if (!isSeq(n)) {
      err(n.range?.[0] ?? f.keyOffset, `"${key}" must be a list of strings`);
      return [];
    }
    const out: string[] = [];
    for (const it0 of n.items) {
      const it = resolve(it0);
      if (isScalar(it) && (typeof it.value === 'string' || typeof it.value === 'number') && String(it.value).trim() !== '') {
        const s = String(it.value).trim();
        if (!out.includes(s)) out.push(s);
      } else {
        err(it?.range?.[0] ?? n.range?.[0], `"${key}" items must be non-empty strings`);
      }
    }
    return out;
  };

  const id = str('id', true);
  const name = str('name', !partial);
  const kindRaw = str('kind', !partial);
  let ok = true;
  if (id !== undefined && !ID_RE.test(id)) {
    err(fields.get('id')?.node?.range?.[0], `id "${id}" must be lowercase kebab-case (a-z, 0-9, "-")`);
    ok = false;
  }
  let kind: ActorKind | undefined;
  if (kindRaw !== undefined) {
    if ((ACTOR_KINDS as readonly string[]).includes(kindRaw)) kind = kindRaw as ActorKind;
    else err(fields.get('kind')?.node?.range?.[0], `kind "${kindRaw}" must be one of ${ACTOR_KINDS.join(', ')}`);
  }
  const aliases = list('aliases');
  const roles = list('roles');
  const demonyms = list('demonyms');
  const affiliation = str('affiliation', false);
  const wikidata = str('wikidata', false);
  if (wikidata !== undefined && !QID_RE.test(wikidata)) err(fields.get('wikidata')?.node?.range?.[0], `warning: wikidata "${wikidata}" is not a QID (Q123)`);
  if (!ok || id === undefined) return null;
  if (!partial && (name === undefined || kind === undefined)) return null;
  if (partial && ((fields.has('name') && name === undefined) || (fields.has('kind') && kind === undefined))) return null;
  // In a partial (override) entry name/kind may be absent: mergeRegistries keeps the base values.
  const e = { id, aliases, roles } as ActorEntry;
  if (name !== undefined) e.name = name;
  if (kind !== undefined) e.kind = kind;
  if (affiliation !== undefined) e.affiliation = affiliation;
  if (demonyms.length) e.demonyms = demonyms;
  if (wikidata !== undefined) e.wikidata = wikidata;
  return e;
}

/**
 * Merges a user registry into a base one. A user entry with an existing id overrides it field by field:
 * `name`, `kind`, `affiliation`, `wikidata` replace; `aliases`, `roles`, `demonyms` are added to (a user entry
 * may just add aliases — then it may omit name and kind, see `parsePartialOverrides`). New ids are added.
 */
export function mergeRegistries(base: readonly ActorEntry[], overrides: readonly Partial<ActorEntry>[]): ActorEntry[] {
  const m = new Map<string, ActorEntry>();
  for (const e of base) m.set(e.id, { ...e, aliases: [...e.aliases], roles: [...e.roles] });
  for (const o of overrides) {
    if (!o || typeof o.id !== 'string') continue;
    const b = m.get(o.id);
    if (!b) {
      if (typeof o.name === 'string' && o.kind) {
        m.set(o.id, { id: o.id, name: o.name, kind: o.kind, aliases: [...(o.aliases ?? [])], roles: [...(o.roles ?? [])], ...pickOptional(o) });
      }
      continue;
    }
    const merged: ActorEntry = {
      ...b,
      name: o.name ?? b.name,
      kind: o.kind ?? b.kind,
      aliases: union(b.aliases, o.aliases),
      roles: union(b.roles, o.roles),
    };
    if (o.affiliation !== undefined) merged.affiliation = o.affiliation;
    if (o.wikidata !== undefined) merged.wikidata = o.wikidata;
    if (o.demonyms?.length) merged.demonyms = union(b.demonyms ?? [], o.demonyms);
    m.set(o.id, merged);
  }
  return [...m.values()];
}

function pickOptional(o: Partial<ActorEntry>): Partial<ActorEntry> {
  const out: Partial<ActorEntry> = {};
  if (o.affiliation !== undefined) out.affiliation = o.affiliation;
  if (o.demonyms?.length) out.demonyms = [...o.demonyms];
  if (o.wikidata !== undefined) out.wikidata = o.wikidata;
  return out;
}

function union(a: readonly string[], b: readonly string[] | undefined): string[] {
  const out = [...a];
  for (const x of b ?? []) if (!out.includes(x)) out.push(x);
  return out;
}
