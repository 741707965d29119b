/**
 * Registry YAML → validated `ActorEntry[]` plus `SourceError[]` (1-based line and column for every problem).
 * Never throws: a malformed file yields the entries that could be read and a list of errors.
 *
 * Accepted shapes: a top-level sequence of entries, or a map with an `actors:` sequence.
 * The YAML is read through the `yaml` v2 Document API with safe limits: no custom tags (core schema),
 * few aliases, unique keys, a size cap; keys are read as plain strings into fresh objects, so a key like
 * `__proto__` is just an unknown field.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
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

/** A YAML value reduced to what validation needs, with its offset in the file. */
interface Raw {
  t: 'str' | 'num' | 'null' | 'bool' | 'list' | 'map' | 'bad';
  v?: string;
  items?: Raw[];
  fields?: Array<{ key: string; keyOff: number; value: Raw }>;
  off: number;
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
  const lines = lineStarts(text);
  const at = (offset: number | undefined): { line: number; column: number } => {
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
  const err = (offset: number | undefined, message: string): void => {
    errors.push({ file, ...at(offset), message });
  };

  // The common layout (a list of flat maps, flow or block lists of scalars) is read by a line scanner that is
  // ~100× faster than a general YAML parser; anything else goes through the `yaml` package.
  let list = fastRead(text);
  if (list === null) list = slowRead(text, err);
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
    const idField = item.fields?.find((f) => f.key === 'id');
    const idOff = idField?.value.off ?? item.off;
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
        const f = idOffsets.get(e.id)?.fields?.find((x) => x.key === 'affiliation');
        err(f?.value.off, `warning: affiliation "${e.affiliation}" of "${e.id}" is not defined in this file`);
      }
    }
  }
  return { entries, errors };
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

// ---------------------------------------------------------------- fast path

const CORE_NULL = /^(?:~|null|Null|NULL)$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const CORE_NUM = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Reads the common registry layout; returns null on anything it does not fully understand. */
export function fastRead(text: string): Raw | null {
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) return null;
  const root: Raw = { t: 'list', items: [], off: 0 };
  let inActors = false;
  let sawActors = false;
  let entry: Raw | null = null;
  let itemIndent = -1;
  let blockList: Raw | null = null;
  let blockIndent = -1;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const line = text.slice(pos, eol);
    const lineOff = pos;
    pos = eol + 1;
    let ind = 0;
    while (ind < line.length && line.charCodeAt(ind) === 32) ind++;
    if (ind === line.length || line[ind] === '#') {
      if (eol >= n) break;
      continue;
    }
    if (line.startsWith('---') || line.startsWith('...')) return null;
    if (ind === 0) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/.exec(line);
      if (!m) return null;
      if (m[1] === 'actors') {
        if (sawActors) return null;
        sawActors = true;
        const rest = stripComment(m[2] ?? '');
        if (rest === null) return null;
        if (rest === '[]') inActors = false;
        else if (rest === '') inActors = true;
        else return null;
      } else {
        if (inActors && entry) inActors = false;
        const v = scalar(stripComment(m[2] ?? '') ?? '#', 0);
        if (!v || v.t === 'list' || v.t === 'bad') return null;
      }
      entry = null;
      blockList = null;
      if (eol >= n) break;
      continue;
    }
    if (!inActors) return null;
    const body = line.slice(ind);
    const off = lineOff + ind;
    if (body.startsWith('- ')) {
      // block list item of the current field, or a new entry
      if (blockList && ind > itemIndent && (blockIndent < 0 || ind === blockIndent)) {
        blockIndent = ind;
        const rest = stripComment(body.slice(2));
        if (rest === null) return null;
        const v = scalar(rest, off + 2);
        if (!v || v.t === 'list') return null;
        blockList.items?.push(v);
        continue;
      }
      if (itemIndent < 0) itemIndent = ind;
      if (ind !== itemIndent) return null;
      entry = { t: 'map', fields: [], off: off + 2 };
      root.items?.push(entry);
      blockList = null;
      const ok = field(entry, body.slice(2), off + 2);
      if (ok === null) return null;
      if (ok === 'block') {
        blockList = entry.fields?.[entry.fields.length - 1].value ?? null;
        blockIndent = -1;
      }
      continue;
    }
    if (!entry || ind !== itemIndent + 2) return null;
    blockList = null;
    const ok = field(entry, body, off);
    if (ok === null) return null;
    if (ok === 'block') {
      blockList = entry.fields?.[entry.fields.length - 1].value ?? null;
      blockIndent = -1;
    }
    if (eol >= n) break;
  }
  if (!sawActors) return null;
  return root;
}

/** Strips a trailing comment (" #…") outside quotes; null when the line is ambiguous. */
function stripComment(s: string): string | null {
  let q = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = '';
      continue;
    }
    if (c === '"' || c === "'") {
      if (i === 0 || s[i - 1] === ' ' || s[i - 1] === '[' || s[i - 1] === ',') q = c;
      continue;
    }
    if (c === '#' && (i === 0 || s[i - 1] === ' ')) return s.slice(0, i).trimEnd();
  }
  if (q) return null;
  return s.trimEnd();
}

function field(entry: Raw, body: string, off: number): 'ok' | 'block' | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/.exec(body);
  if (!m) return null;
  const key = m[1];
  if (entry.fields?.some((f) => f.key === key)) return null; // duplicate key: let the full parser report it
  const rest = stripComment(m[2] ?? '');
  if (rest === null) return null;
  const valueOff = off + (m[2] === undefined ? body.length : body.length - m[2].length);
  if (rest === '') {
    const v: Raw = { t: 'list', items: [], off: off + key.length + 1 };
    entry.fields?.push({ key, keyOff: off, value: v });
    return 'block';
  }
  const v = scalar(rest, valueOff);
  if (!v || v.t === 'bad') return null;
  entry.fields?.push({ key, keyOff: off, value: v });
  return 'ok';
}

/** A scalar or a flow list of scalars. */
function scalar(s: string, off: number): Raw | null {
  if (s === '') return { t: 'null', off };
  const c = s[0];
  if (c === '[') {
    if (!s.endsWith(']')) return null;
    const items: Raw[] = [];
    let i = 1;
    const end = s.length - 1;
    while (i < end) {
      while (i < end && s[i] === ' ') i++;
      if (i >= end) break;
      let j: number;
      let item: Raw | null;
      if (s[i] === '"' || s[i] === "'") {
        const q = s[i];
        j = i + 1;
        for (; j < end; j++) {
          if (s[j] === q) {
            if (q === "'" && s[j + 1] === "'") {
              j++;
              continue;
            }
            break;
          }
          if (q === '"' && s[j] === '\\') return null;
        }
        if (j >= end) return null;
        item = scalar(s.slice(i, j + 1), off + i);
        j++;
        while (j < end && s[j] === ' ') j++;
      } else {
        j = i;
        while (j < end && s[j] !== ',') j++;
        item = scalar(s.slice(i, j).trimEnd(), off + i);
      }
      if (!item || item.t === 'list') return null;
      items.push(item);
      if (j < end && s[j] !== ',') return null;
      i = j + 1;
    }
    return { t: 'list', items, off };
  }
  if (c === '"') {
    if (s.length < 2 || !s.endsWith('"') || s.slice(1, -1).includes('"') || s.includes('\\')) return null;
    return { t: 'str', v: s.slice(1, -1), off };
  }
  if (c === "'") {
    if (s.length < 2 || !s.endsWith("'")) return null;
    const inner = s.slice(1, -1);
    if (/(^|[^'])'([^']|$)/.test(inner.replace(/''/g, ''))) return null;
    return { t: 'str', v: inner.replace(/''/g, "'"), off };
  }
  if (/^[-?:,[\]{}#&*!|>%@`]/.test(s) && !/^-[^\s]/.test(s)) return null;
  if (s.includes(': ') || s.includes(' #') || /[{}[\]]/.test(s.replace(/[^{}[\]]/g, ''))) return null;
  if (CORE_NULL.test(s)) return { t: 'null', off };
  if (CORE_BOOL.test(s)) return { t: 'bool', v: s, off };
  if (CORE_NUM.test(s)) return { t: 'num', v: s, off };
  return { t: 'str', v: s, off };
}

// ---------------------------------------------------------------- general path (the yaml package)

export function slowRead(text: string, err: (offset: number | undefined, message: string) => void): Raw | null {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, schema: 'core', customTags: [], strict: true });
  } catch (e) {
    err(0, `cannot parse YAML: ${(e as Error).message}`);
    return null;
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
  const toRaw = (n0: unknown, fallbackOff: number, depth = 0): Raw => {
    const n = resolve(n0);
    const off = n?.range?.[0] ?? fallbackOff;
    if (n === null) return { t: 'null', off };
    if (depth > 6) return { t: 'bad', off };
    if (isScalar(n)) {
      const v = n.value;
      if (v === null || v === undefined) return { t: 'null', off };
      if (typeof v === 'string') return { t: 'str', v, off };
      if (typeof v === 'number' || typeof v === 'bigint') return { t: 'num', v: String(v), off };
      if (typeof v === 'boolean') return { t: 'bool', v: String(v), off };
      return { t: 'bad', off };
    }
    if (isSeq(n)) return { t: 'list', items: n.items.map((x) => toRaw(x, off, depth + 1)), off };
    if (isMap(n)) {
      const fields: NonNullable<Raw['fields']> = [];
      for (const p of n.items) {
        const k = resolve(p.key);
        const keyOff = (k as Node | null)?.range?.[0] ?? off;
        const key = isScalar(k) && typeof k.value === 'string' ? k.value : '\u0000';
        fields.push({ key, keyOff, value: toRaw(p.value, keyOff, depth + 1) });
      }
      return { t: 'map', fields, off };
    }
    return { t: 'bad', off };
  };

  const root = resolve(doc.contents);
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    if (!doc.errors.length) err(0, 'registry is empty (expected a list of actors or a map with `actors:`)');
    return null;
  }
  let list: Raw = toRaw(root, 0);
  if (list.t === 'map') {
    const actors = list.fields?.find((f) => f.key === 'actors');
    if (!actors) {
      err(list.off, 'expected a top-level `actors:` list');
      return null;
    }
    list = actors.value;
    if (list.t === 'null') return { t: 'list', items: [], off: list.off };
  }
  if (list.t !== 'list') {
    err(list.off, 'expected a list of actor entries');
    return null;
  }
  return list;
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

function readEntry(item: Raw, err: (offset: number | undefined, message: string) => void, partial: boolean): ActorEntry | null {
  const fields = new Map<string, { value: Raw; keyOff: number }>();
  for (const f of item.fields ?? []) {
    if (f.key === '\u0000') {
      err(f.keyOff, 'field names must be plain strings');
      continue;
    }
    if (!KNOWN_FIELDS.has(f.key)) {
      err(f.keyOff, `warning: unknown field "${f.key}" ignored`);
      continue;
    }
    fields.set(f.key, { value: f.value, keyOff: f.keyOff });
  }
  const start = item.off;
  const str = (key: string, required: boolean): string | undefined => {
    const f = fields.get(key);
    if (!f) {
      if (required) err(start, `missing required field "${key}"`);
      return undefined;
    }
    const v = f.value;
    if ((v.t === 'str' || v.t === 'num') && (v.v ?? '').trim() !== '') return (v.v as string).trim();
    err(v.off, `"${key}" must be a non-empty string`);
    return undefined;
  };
  const list = (key: string): string[] => {
    const f = fields.get(key);
    if (!f || f.value.t === 'null') return [];
    const v = f.value;
    if (v.t === 'str') return v.v?.trim() ? [v.v.trim()] : [];
    if (v.t !== 'list') {
      err(v.off, `"${key}" must be a list of strings`);
      return [];
    }
    const out: string[] = [];
    for (const it of v.items ?? []) {
      if ((it.t === 'str' || it.t === 'num') && (it.v ?? '').trim() !== '') {
        const s = (it.v as string).trim();
        if (!out.includes(s)) out.push(s);
      } else {
        err(it.off, `"${key}" items must be non-empty strings`);
      }
    }
    return out;
  };

  const id = str('id', true);
  const name = str('name', !partial);
  const kindRaw = str('kind', !partial);
  let ok = true;
  if (id !== undefined && !ID_RE.test(id)) {
    err(fields.get('id')?.value.off, `id "${id}" must be lowercase kebab-case (a-z, 0-9, "-")`);
    ok = false;
  }
  let kind: ActorKind | undefined;
  if (kindRaw !== undefined) {
    if ((ACTOR_KINDS as readonly string[]).includes(kindRaw)) kind = kindRaw as ActorKind;
    else err(fields.get('kind')?.value.off, `kind "${kindRaw}" must be one of ${ACTOR_KINDS.join(', ')}`);
  }
  const aliases = list('aliases');
  const roles = list('roles');
  const demonyms = list('demonyms');
  const affiliation = str('affiliation', false);
  const wikidata = str('wikidata', false);
  if (wikidata !== undefined && !QID_RE.test(wikidata)) err(fields.get('wikidata')?.value.off, `warning: wikidata "${wikidata}" is not a QID (Q123)`);
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
