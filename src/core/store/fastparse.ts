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
const INT = /^(?:0|[1-9][0-9]{0,15})$/;
// Characters JSON.parse takes raw inside a string but YAML would treat differently: keep those for the yaml reader.
const ODD = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
const TOP = new Set<string>(TOP_KEYS);
const TARGET = new Set<string>(TARGET_KEYS);
const ITEM = new Set(['id', 'type', 'status', 'orphaned', 'target', 'actor', 'speaker', 'cue', 'kind', 'channelType', 'participants', 'via', 'verification', 'claimant', 'note', 'links', 'created', 'modified']);

function scalar(v: string): Value | typeof FAIL {
  const c = v.charCodeAt(0);
  if (c === 0x22) {
    if (v.length < 2 || v.charCodeAt(v.length - 1) !== 0x22 || ODD.test(v)) return FAIL;
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

const TOP_LINE = /^([A-Za-z]+):(?: (.+))?$/;
const ITEM_FIRST = /^ {2}- ([A-Za-z]+):(?: (.+))?$/;
const ITEM_KEY = /^ {4}([A-Za-z]+):(?: (.+))?$/;
const TARGET_LINE = /^ {6}([A-Za-z]+): (.+)$/;

/** The value tree of a canonical sidecar text, or undefined when the text is not in canonical form. */
export function fastParse(text: string): Record<string, Value> | undefined {
  // Every line must match one of the patterns below and every value must parse completely, so comments,
  // anchors, tags, block scalars and other styles all fall through to the yaml reader.
  if (text.indexOf('\r') >= 0 || !text.endsWith('\n')) return undefined;
  const lines = text.split('\n');
  lines.pop();
  const top: Record<string, Value> = Object.create(null);
  let list: Value[] | undefined;
  let item: Record<string, Value> | undefined;
  let target: Record<string, Value> | undefined;
  for (const line of lines) {
    let m = ITEM_KEY.exec(line) ?? ITEM_FIRST.exec(line);
    if (m) {
      if (!list) return undefined;
      if (line.charCodeAt(2) === 0x2d) {
        item = Object.create(null) as Record<string, Value>;
        list.push(item);
      }
      if (!item) return undefined;
      target = undefined;
      const key = m[1];
      if (!ITEM.has(key) || key in item) return undefined;
      if (key === 'target') {
        if (m[2] !== undefined) return undefined;
        target = Object.create(null) as Record<string, Value>;
        item[key] = target;
        continue;
      }
      if (m[2] === undefined) return undefined;
      const v = scalar(m[2]);
      if (v === FAIL) return undefined;
      item[key] = v;
      continue;
    }
    m = TARGET_LINE.exec(line);
    if (m) {
      if (!target || !TARGET.has(m[1]) || m[1] in target) return undefined;
      const v = scalar(m[2]);
      if (v === FAIL) return undefined;
      target[m[1]] = v;
      continue;
    }
    m = TOP_LINE.exec(line);
    if (!m || !TOP.has(m[1]) || m[1] in top) return undefined;
    item = target = undefined;
    if (m[1] === 'annotations') {
      if (m[2] === '[]') top.annotations = [];
      else if (m[2] === undefined) top.annotations = list = [];
      else return undefined;
      continue;
    }
    if (m[2] === undefined) return undefined;
    const v = scalar(m[2]);
    if (v === FAIL) return undefined;
    top[m[1]] = v;
  }
  return top;
}
