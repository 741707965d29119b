/**
 * A strict reader for the canonical form written by emit.ts (the common case: a sidecar this tool wrote).
 * It returns the plain value tree, or undefined for anything it does not fully understand (comments, other
 * indentation or styles, CRLF, anchors, unknown keys…): the caller then parses with the `yaml` library,
 * which is slower but complete and reports errors with line and column. Both readers agree on every text
 * this one accepts (tested).
 */
import { isPlainSafe } from './emit';
import { TARGET_KEYS, TOP_KEYS } from './model';

type Value = string | number | boolean | null | Value[] | { [k: string]: Value };

const FAIL = Symbol('fail');
const KEY = /^[A-Za-z]+$/;
const INT = /^(?:0|[1-9][0-9]{0,15})$/;
// Characters JSON.parse takes raw inside a string but YAML would treat differently: keep those for the yaml reader.
const ODD = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
const TOP = new Set<string>(TOP_KEYS);
const TARGET = new Set<string>(TARGET_KEYS);
const ITEM = new Set(['id', 'type', 'status', 'orphaned', 'target', 'actor', 'speaker', 'cue', 'kind', 'channelType', 'participants', 'via', 'verification', 'claimant', 'note', 'links', 'created', 'modified']);

function scalar(v: string): Value | typeof FAIL {
  const c = v.charCodeAt(0);
  if (c === 0x22) {
    if (v.length < 2 || v.charCodeAt(v.length - 1) !== 0x22) return FAIL;
    if (v.indexOf('\\') < 0) return v.indexOf('"', 1) === v.length - 1 ? v.slice(1, -1) : FAIL;
    try {
      const s: unknown = JSON.parse(v);
      return typeof s === 'string' ? s : FAIL;
    } catch {
      return FAIL;
    }
  }
  if (v === 'null') return null;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (INT.test(v)) return Number(v);
  if (c === 0x5b) return flow(v);
  return isPlainSafe(v) ? v : FAIL;
}

function flow(v: string): Value[] | typeof FAIL {
  if (v.charCodeAt(v.length - 1) !== 0x5d) return FAIL;
  const inner = v.slice(1, -1);
  const out: Value[] = [];
  if (inner === '') return out;
  let i = 0;
  for (;;) {
    let j: number;
    if (inner.charCodeAt(i) === 0x22) {
      j = i + 1;
      while (j < inner.length && inner.charCodeAt(j) !== 0x22) j += inner.charCodeAt(j) === 0x5c ? 2 : 1;
      if (j >= inner.length) return FAIL;
      j++;
    } else {
      j = inner.indexOf(',', i);
      if (j < 0) j = inner.length;
    }
    const item = scalar(inner.slice(i, j));
    if (item === FAIL || typeof item !== 'string') return FAIL;
    out.push(item);
    if (j === inner.length) return out;
    if (inner.charCodeAt(j) !== 0x2c || inner.charCodeAt(j + 1) !== 0x20) return FAIL;
    i = j + 2;
  }
}

/** The value tree of a canonical sidecar text, or undefined when the text is not in canonical form. */
export function fastParse(text: string): Record<string, Value> | undefined {
  // Every line must match one of the patterns below and every value must parse completely, so comments,
  // anchors, tags, block scalars and other styles all fall through to the yaml reader.
  if (text.indexOf('\r') >= 0 || !text.endsWith('\n')) return undefined;
  if (ODD.test(text)) return undefined;
  const top: Record<string, Value> = {};
  let list: Value[] | undefined;
  let item: Record<string, Value> | undefined;
  let target: Record<string, Value> | undefined;
  const n = text.length;
  for (let pos = 0; pos < n; ) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    // indentation: 0 (top), "  - " (new item), 4 (item key), 6 (target key)
    let i = pos;
    while (i < eol && text.charCodeAt(i) === 0x20) i++;
    let indent = i - pos;
    let first = false;
    if (indent === 2 && text.charCodeAt(i) === 0x2d && text.charCodeAt(i + 1) === 0x20) {
      first = true;
      i += 2;
      indent = 4;
    }
    const colon = text.indexOf(':', i);
    if (colon < 0 || colon >= eol || colon === i) return undefined;
    const key = text.slice(i, colon);
    if (!KEY.test(key)) return undefined;
    let raw: string | undefined;
    if (colon + 1 < eol) {
      if (text.charCodeAt(colon + 1) !== 0x20 || colon + 2 >= eol) return undefined;
      raw = text.slice(colon + 2, eol);
    }
    pos = eol + 1;
    if (indent === 4) {
      if (!list) return undefined;
      if (first) {
        item = {} as Record<string, Value>; // plain object: only keys from ITEM are ever set
        list.push(item);
      }
      if (!item || !ITEM.has(key) || key in item) return undefined;
      target = undefined;
      if (key === 'target') {
        if (raw !== undefined) return undefined;
        target = {} as Record<string, Value>;
        item[key] = target;
        continue;
      }
      if (raw === undefined) return undefined;
      const v = scalar(raw);
      if (v === FAIL) return undefined;
      item[key] = v;
    } else if (indent === 6) {
      if (!target || !TARGET.has(key) || key in target || raw === undefined) return undefined;
      const v = scalar(raw);
      if (v === FAIL) return undefined;
      target[key] = v;
    } else if (indent === 0) {
      if (!TOP.has(key) || key in top) return undefined;
      item = target = undefined;
      if (key === 'annotations') {
        if (raw === '[]') top.annotations = [];
        else if (raw === undefined) top.annotations = list = [];
        else return undefined;
        continue;
      }
      if (raw === undefined) return undefined;
      const v = scalar(raw);
      if (v === FAIL) return undefined;
      top[key] = v;
    } else return undefined;
  }
  return top;
}
