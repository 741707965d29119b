/**
 * The fast registry reader: the registry's regular layout straight to `ActorEntry[]`, one pass over the lines,
 * with the validation of entry.ts folded in. It is for files without a single problem: on anything it does
 * not fully understand, and on anything the validation would report (a missing field, an unknown key, a bad
 * id, a duplicate, an undefined affiliation), it returns null and the caller reads the file with the `yaml`
 * package and entry.ts, so every error message and position comes from that one path.
 *
 * Accepted layout:
 *
 *     # comments and blank lines anywhere
 *     version: 1                  top-level keys (plain identifiers, each once) with a one-line value
 *     actors:                     then the entries, each a block map of the known keys at one column:
 *       - id: russia
 *         aliases: [Moscow, 'the Kremlin', "Russian Federation"]   a flow list of scalars on one line
 *         demonyms:                                                or a block list of scalars
 *           - Russian
 *
 * Values are read by fastValue.ts. Lines may end in LF or CRLF. Tabs, control characters, a BOM, anchors, tags, multi-line values and
 * duplicate keys all fall back. test/unit/registry checks that both paths agree, on the registries and on
 * mutated copies of them.
 *
 * Speed matters on the first call (the registry loads once per process): per-character JavaScript loops run
 * in the interpreter then, so lines are found with `indexOf`, keys with `startsWith` and values with one
 * regular expression and `split`, all native.
 */
import { ACTOR_KINDS, type ActorEntry, type ActorKind } from '../types';
import { lineValue, plainScalar, skipSpaces, type LineValue, type Scalar } from './fastValue';

/** What the fast reader never accepts: tabs, control characters, a CR not before LF, BOM, line separators, non-characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what sends a file to the `yaml` path
const UNUSUAL = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029\ufffe\uffff]|\r(?!\n)/;
const ID_RE = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const QID_RE = /^Q[1-9][0-9]*$/;
const IDENTIFIER_KEY = /^[A-Za-z_][A-Za-z0-9_]*:(?: |$)/;
/**
 * The default registry's entry layout, one line per field in this order (some optional), matched at once: one
 * native call instead of a scan per line. A match only stands in for those lines (see `regularEntry`).
 */
const REGULAR_ENTRY = new RegExp(
  '  - id: +([^\\n\\r]*)\\r?\\n    name: +([^\\n\\r]*)\\r?\\n    kind: +([^\\n\\r]*)\\r?\\n' +
    ['aliases', 'demonyms', 'roles', 'affiliation', 'wikidata'].map((k) => `(?:    ${k}: +([^\\n\\r]*)\\r?\\n)?`).join(''),
  'y',
);
/** The field of each `REGULAR_ENTRY` group. */
const REGULAR_FIELDS = [0, 1, 2, 3, 6, 4, 5, 7];

const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const LBRACKET = 91;

/** The entry fields, by index (a bit each in `Draft.seen`). */
const F_ID = 0;
const F_NAME = 1;
const F_KIND = 2;
const F_ALIASES = 3;
const F_ROLES = 4;
const F_AFFILIATION = 5;
const F_DEMONYMS = 6;
const F_WIKIDATA = 7;
/** Each field's key with its colon. */
const KEYS = ['id:', 'name:', 'kind:', 'aliases:', 'roles:', 'affiliation:', 'demonyms:', 'wikidata:'];

/** An entry being read. */
interface Draft {
  /** Bit per field already given. */
  seen: number;
  strings: (string | undefined)[];
  lists: (string[] | undefined)[];
}

/** The entries of a problem-free registry in the regular layout, or null (then read it with the `yaml` path). */
export function fastParse(text: string, partial: boolean): ActorEntry[] | null {
  if (UNUSUAL.test(text)) return null;
  const n = text.length;
  const entries: ActorEntry[] = [];
  const ids = new Set<string>();
  const topKeys: string[] = [];
  let inActors = false;
  let sawActors = false;
  let draft: Draft | null = null;
  let itemIndent = -1; // column of the entries' `-`
  let fieldCol = -1; // column of the current entry's keys
  let block: string[] | null = null; // the list of a field with an empty value: block items may follow
  let blockIndent = -1;
  for (let pos = 0; pos < n; ) {
    if (inActors && itemIndent <= 2 && text.startsWith('  - id: ', pos)) {
      const regular = regularEntry(text, pos);
      if (regular !== null) {
        if (draft !== null && !finish(draft, partial, ids, entries)) return null;
        draft = regular.draft;
        if (draft === null) return null;
        itemIndent = 2;
        fieldCol = 4;
        block = null;
        blockIndent = -1;
        pos = regular.end;
        continue;
      }
    }
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const lineStart = pos;
    pos = eol + 1;
    if (eol > lineStart && text.charCodeAt(eol - 1) === CR) eol--; // CRLF
    const i = skipSpaces(text, lineStart, eol);
    if (i === eol || text.charCodeAt(i) === HASH) continue;
    const ind = i - lineStart;

    if (ind === 0) {
      if (draft !== null && !finish(draft, partial, ids, entries)) return null;
      draft = null;
      block = null;
      const actors = topLevel(text, i, eol, topKeys);
      if (actors === null) return null;
      if (actors !== 'other') sawActors = true;
      inActors = actors === 'open';
      continue;
    }
    if (!inActors) return null;

    const dash = text.charCodeAt(i) === DASH && (i + 1 === eol || text.charCodeAt(i + 1) === SPACE);
    if (dash && block !== null && ind >= fieldCol && (blockIndent < 0 || ind === blockIndent)) {
      // an item of the open block list
      blockIndent = ind;
      const vs = skipSpaces(text, i + 1, eol);
      if (vs === eol || text.charCodeAt(vs) === HASH || text.charCodeAt(vs) === LBRACKET) return null;
      const v = lineValue(text, vs, eol);
      if (v === null || Array.isArray(v) || !addItem(block, v)) return null;
      continue;
    }
    block = null;
    blockIndent = -1;
    let ks = i; // where the key starts
    if (dash) {
      // a new entry: `- key: value`
      if (itemIndent < 0) itemIndent = ind;
      else if (ind !== itemIndent) return null;
      if (draft !== null && !finish(draft, partial, ids, entries)) return null;
      ks = skipSpaces(text, i + 1, eol);
      if (ks === eol) return null;
      fieldCol = ks - lineStart;
      draft = { seen: 0, strings: [], lists: [] };
    } else if (draft === null || ind !== fieldCol) return null;

    const f = fieldAt(text, ks);
    if (f < 0 || (draft.seen & (1 << f)) !== 0) return null; // unknown or repeated key: the `yaml` path reports it
    draft.seen |= 1 << f;
    const after = ks + KEYS[f].length;
    if (after < eol && text.charCodeAt(after) !== SPACE) return null;
    const vs = skipSpaces(text, after, eol);
    if (vs === eol || text.charCodeAt(vs) === HASH) {
      // an empty value: a list field is empty unless block items follow; a string field is an error
      if (!isListField(f)) return null;
      block = draft.lists[f] = [];
      continue;
    }
    const v = lineValue(text, vs, eol);
    if (v === null || !assign(draft, f, v)) return null;
  }
  if (draft !== null && !finish(draft, partial, ids, entries)) return null;
  if (!sawActors) return null;
  if (!partial) for (const e of entries) if (e.affiliation !== undefined && !ids.has(e.affiliation)) return null;
  return entries;
}

/**
 * The entry starting at `pos` when its first lines have the default registry's layout: the draft of those
 * lines (null when the validation would report a value) and where they end. Null when they do not match or a
 * value is empty, a comment, or not readable here: the line scanner then reads the entry, with the same result.
 */
function regularEntry(text: string, pos: number): { draft: Draft | null; end: number } | null {
  REGULAR_ENTRY.lastIndex = pos;
  const m = REGULAR_ENTRY.exec(text);
  if (m === null) return null;
  const values: (LineValue | undefined)[] = [];
  for (let g = 1; g < m.length; g++) {
    const s = m[g];
    if (s === undefined) continue;
    if (s === '' || s.charCodeAt(0) === HASH) return null;
    const v = lineValue(s, 0, s.length);
    if (v === null) return null;
    values[g] = v;
  }
  const draft: Draft = { seen: 0, strings: [], lists: [] };
  for (let g = 1; g < m.length; g++) {
    const v = values[g];
    if (v === undefined) continue;
    const f = REGULAR_FIELDS[g - 1];
    draft.seen |= 1 << f;
    if (!assign(draft, f, v)) return { draft: null, end: pos };
  }
  return { draft, end: REGULAR_ENTRY.lastIndex };
}

/**
 * A top-level line `key: value`: 'open' for `actors:` with the entries to follow, 'empty' for `actors: []`,
 * 'other' for another key with a readable value, null otherwise (or for a repeated key).
 */
function topLevel(text: string, i: number, eol: number, seen: string[]): 'open' | 'empty' | 'other' | null {
  const m = IDENTIFIER_KEY.exec(text.slice(i, eol));
  if (m === null) return null;
  const key = m[0].slice(0, m[0].indexOf(':'));
  if (seen.includes(key) || plainScalar(key)?.t !== 'str') return null; // `true:`, `null:` are not string keys
  seen.push(key);
  const vs = skipSpaces(text, i + key.length + 1, eol);
  const empty = vs === eol || text.charCodeAt(vs) === HASH;
  if (key === 'actors') {
    if (empty) return 'open';
    const v = lineValue(text, vs, eol);
    return Array.isArray(v) && v.length === 0 ? 'empty' : null;
  }
  return empty || lineValue(text, vs, eol) !== null ? 'other' : null;
}

/** The known field whose key (with its colon) starts at `ks`, or -1. */
function fieldAt(text: string, ks: number): number {
  switch (text.charCodeAt(ks)) {
    case 105: // i
      return text.startsWith(KEYS[F_ID], ks) ? F_ID : -1;
    case 110: // n
      return text.startsWith(KEYS[F_NAME], ks) ? F_NAME : -1;
    case 107: // k
      return text.startsWith(KEYS[F_KIND], ks) ? F_KIND : -1;
    case 97: // a
      return text.startsWith(KEYS[F_ALIASES], ks) ? F_ALIASES : text.startsWith(KEYS[F_AFFILIATION], ks) ? F_AFFILIATION : -1;
    case 114: // r
      return text.startsWith(KEYS[F_ROLES], ks) ? F_ROLES : -1;
    case 100: // d
      return text.startsWith(KEYS[F_DEMONYMS], ks) ? F_DEMONYMS : -1;
    case 119: // w
      return text.startsWith(KEYS[F_WIKIDATA], ks) ? F_WIKIDATA : -1;
    default:
      return -1;
  }
}

function isListField(f: number): boolean {
  return f === F_ALIASES || f === F_ROLES || f === F_DEMONYMS;
}

/** A non-empty string (or number) scalar, trimmed; undefined when the validation would report it. */
function stringOf(v: Scalar): string | undefined {
  if (v.t !== 'str' && v.t !== 'num') return undefined;
  const s = v.v.trim();
  return s === '' ? undefined : s;
}

/** Adds a list item (trimmed, without repeats); false when the validation would report it. */
function addItem(list: string[], v: Scalar): boolean {
  const s = stringOf(v);
  if (s === undefined) return false;
  if (!list.includes(s)) list.push(s);
  return true;
}

/** Stores a field's one-line value; false when the validation would report it. */
function assign(draft: Draft, f: number, v: LineValue): boolean {
  if (!isListField(f)) {
    if (Array.isArray(v)) return false;
    const s = stringOf(v);
    draft.strings[f] = s;
    return s !== undefined;
  }
  const list: string[] = [];
  draft.lists[f] = list;
  if (!Array.isArray(v)) {
    // a single string is a one-item list (an empty one, none); null is an empty list
    if (v.t === 'str') {
      const s = v.v.trim();
      if (s !== '') list.push(s);
      return true;
    }
    return v.t === 'null';
  }
  for (let k = 0; k < v.length; k++) if (!addItem(list, v[k])) return false;
  return true;
}

/** Validates a read entry and appends it (as entry.ts builds it); false when the validation would report it. */
function finish(draft: Draft, partial: boolean, ids: Set<string>, entries: ActorEntry[]): boolean {
  const [id, name, kind, , , affiliation, , wikidata] = draft.strings;
  if (id === undefined || !ID_RE.test(id) || ids.has(id)) return false;
  if (!partial && (name === undefined || kind === undefined)) return false;
  if (kind !== undefined && !(ACTOR_KINDS as readonly string[]).includes(kind)) return false;
  if (wikidata !== undefined && !QID_RE.test(wikidata)) return false;
  ids.add(id);
  const demonyms = draft.lists[F_DEMONYMS];
  const e = { id, aliases: draft.lists[F_ALIASES] ?? [], roles: draft.lists[F_ROLES] ?? [] } as ActorEntry;
  if (name !== undefined) e.name = name;
  if (kind !== undefined) e.kind = kind as ActorKind;
  if (affiliation !== undefined) e.affiliation = affiliation;
  if (demonyms !== undefined && demonyms.length) e.demonyms = demonyms;
  if (wikidata !== undefined) e.wikidata = wikidata;
  entries.push(e);
  return true;
}
