/**
 * Validation of one registry entry (a `Raw` map) into an `ActorEntry`. Problems are reported in a fixed order
 * (field names, then id, name, kind, the lists, affiliation, wikidata) so messages are stable.
 * Plain functions over a small record of the fields, without per-entry closures or maps: this runs for every
 * one of the default registry's 800 entries on each load.
 */
import { ACTOR_KINDS, type ActorEntry, type ActorKind } from '../types';
import type { ErrorSink, Raw, RawField } from './raw';

const ID_RE = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const QID_RE = /^Q[1-9][0-9]*$/;

/** The known fields of an entry (the last occurrence of a key wins, as a map would keep it). */
interface Fields {
  id?: RawField;
  name?: RawField;
  kind?: RawField;
  aliases?: RawField;
  roles?: RawField;
  affiliation?: RawField;
  demonyms?: RawField;
  wikidata?: RawField;
}

/** Sorts an entry's fields into `Fields`, reporting non-string and unknown keys. */
function collect(item: Raw, err: ErrorSink): Fields {
  const out: Fields = {};
  for (const f of item.fields ?? []) {
    switch (f.key) {
      case 'id':
      case 'name':
      case 'kind':
      case 'aliases':
      case 'roles':
      case 'affiliation':
      case 'demonyms':
      case 'wikidata':
        out[f.key] = f;
        break;
      case '\u0000':
        err(f.keyOff, 'field names must be plain strings');
        break;
      default:
        err(f.keyOff, `warning: unknown field "${f.key}" ignored`);
    }
  }
  return out;
}

/** A non-empty string (or number) field, trimmed; reports a missing required field or a wrong value. */
function str(f: RawField | undefined, key: string, required: boolean, start: number, err: ErrorSink): string | undefined {
  if (!f) {
    if (required) err(start, `missing required field "${key}"`);
    return undefined;
  }
  const v = f.value;
  if ((v.t === 'str' || v.t === 'num') && (v.v ?? '').trim() !== '') return (v.v as string).trim();
  err(v.off, `"${key}" must be a non-empty string`);
  return undefined;
}

/** A list of non-empty strings (a single string counts as a one-item list), trimmed and without repeats. */
function list(f: RawField | undefined, key: string, err: ErrorSink): string[] {
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
}

/**
 * One entry, or null when it cannot be used (its problems reported). In a partial (override) entry name and
 * kind may be absent: `mergeRegistries` keeps the base values.
 */
export function readEntry(item: Raw, err: ErrorSink, partial: boolean): ActorEntry | null {
  const fields = collect(item, err);
  const start = item.off;
  const id = str(fields.id, 'id', true, start, err);
  const name = str(fields.name, 'name', !partial, start, err);
  const kindRaw = str(fields.kind, 'kind', !partial, start, err);
  let ok = true;
  if (id !== undefined && !ID_RE.test(id)) {
    err(fields.id?.value.off, `id "${id}" must be lowercase kebab-case (a-z, 0-9, "-")`);
    ok = false;
  }
  let kind: ActorKind | undefined;
  if (kindRaw !== undefined) {
    if ((ACTOR_KINDS as readonly string[]).includes(kindRaw)) kind = kindRaw as ActorKind;
    else err(fields.kind?.value.off, `kind "${kindRaw}" must be one of ${ACTOR_KINDS.join(', ')}`);
  }
  const aliases = list(fields.aliases, 'aliases', err);
  const roles = list(fields.roles, 'roles', err);
  const demonyms = list(fields.demonyms, 'demonyms', err);
  const affiliation = str(fields.affiliation, 'affiliation', false, start, err);
  const wikidata = str(fields.wikidata, 'wikidata', false, start, err);
  if (wikidata !== undefined && !QID_RE.test(wikidata)) err(fields.wikidata?.value.off, `warning: wikidata "${wikidata}" is not a QID (Q123)`);
  if (!ok || id === undefined) return null;
  if (!partial && (name === undefined || kind === undefined)) return null;
  if (partial && ((fields.name !== undefined && name === undefined) || (fields.kind !== undefined && kind === undefined))) return null;
  const e = { id, aliases, roles } as ActorEntry;
  if (name !== undefined) e.name = name;
  if (kind !== undefined) e.kind = kind;
  if (affiliation !== undefined) e.affiliation = affiliation;
  if (demonyms.length) e.demonyms = demonyms;
  if (wikidata !== undefined) e.wikidata = wikidata;
  return e;
}
