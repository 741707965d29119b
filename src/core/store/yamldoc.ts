/**
 * The complete reader and the comment-preserving writer, on the `yaml` library's Document API.
 * Reading is bounded: size checked by the caller, at most MAX_ALIASES alias expansions and MAX_NODES values,
 * no custom tags (`!foo`, `!!js/…` are errors), keys are copied onto null-prototype objects so `__proto__`
 * is an ordinary key. Writing updates the user's document in place so that comments, unknown keys and
 * scalar styles survive.
 */
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { SourceError } from '../types';
import { annotationKeys, TARGET_KEYS, TOP_KEYS, TYPE_KEYS, type Annotation, type Sidecar } from './model';
import type { Path, PathError } from './validate';

export const MAX_ALIASES = 100;
export const MAX_NODES = 2_000_000;
const STANDARD_TAG = /^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)$/;

class Limit extends Error {
  constructor(
    message: string,
    readonly node: Node | undefined,
  ) {
    super(message);
  }
}

export interface YamlRead {
  doc: Document;
  value: unknown;
  errors: SourceError[];
  lineCounter: LineCounter;
}

/** Parses with the yaml library and converts to a value tree; syntax errors and limit breaches as SourceErrors. */
export function readYaml(text: string, file: string): YamlRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
    merge: false,
    schema: 'core',
    customTags: [],
    strict: true,
  });
  const errors: SourceError[] = [];
  const at = (offset: number | undefined) => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = e.linePos?.[0] ?? at(e.pos[0]);
    const line = 'line' in pos ? pos.line : 1;
    const col = 'col' in pos ? pos.col : 1;
    const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    errors.push({ file, line, column: col, message: e.code === 'TAG_RESOLVE_FAILED' ? `custom tags are not allowed in a sidecar (${msg})` : msg });
  }
  if (errors.length) return { doc, value: undefined, errors, lineCounter };
  let nodes = 0;
  let aliases = 0;
  const convert = (node: unknown, depth: number): unknown => {
    if (++nodes > MAX_NODES) throw new Limit(`more than ${MAX_NODES} values (alias expansion?)`, node as Node);
    if (depth > 64) throw new Limit('nested more than 64 levels deep', node as Node);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) throw new Limit(`more than ${MAX_ALIASES} aliases`, node);
      return convert(node.resolve(doc), depth + 1);
    }
    const tag = (node as Node).tag;
    if (tag && !STANDARD_TAG.test(tag)) throw new Limit(`custom tag ${tag} is not allowed in a sidecar`, node as Node);
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'bigint') return Number(v);
      return v === undefined ? null : v;
    }
    if (isMap(node)) {
      const o = Object.create(null) as Record<string, unknown>;
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof k !== 'string' && typeof k !== 'number') throw new Limit('keys must be plain strings', (pair.key as Node) ?? node);
        o[String(k)] = convert(pair.value, depth + 1);
      }
      return o;
    }
    if (isSeq(node)) return node.items.map((x) => convert(x, depth + 1));
    throw new Limit('unsupported YAML node', node as Node);
  };
  let value: unknown;
  try {
    value = convert(doc.contents, 0);
  } catch (e) {
    if (!(e instanceof Limit)) throw e;
    errors.push({ file, ...at(e.node?.range?.[0]), message: e.message });
  }
  return { doc, value, errors, lineCounter };
}

/** The node at a value path (following aliases), or the deepest existing ancestor. */
function nodeAt(doc: Document, path: Path): Node | undefined {
  let node: unknown = doc.contents;
  for (const p of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (typeof p === 'number' && isSeq(node)) next = node.items[p];
    else if (typeof p === 'string' && isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === p);
      next = pair ? (pair.value ?? pair.key) : undefined;
    }
    if (next === undefined || next === null) return node as Node;
    node = next;
  }
  return node as Node;
}

/** Path errors → file:line:column errors (1-based), pointing at the value, or at the map missing a key. */
export function locate(read: YamlRead, file: string, errs: PathError[]): SourceError[] {
  return errs.map((e) => {
    const node = nodeAt(read.doc, e.missing ? e.path.slice(0, -1) : e.path);
    const p = read.lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file, line: p.line, column: p.col, message: e.message };
  });
}

const KNOWN_ITEM_KEYS = new Set<string>(['id', 'type', 'status', 'orphaned', 'target', 'created', 'modified', ...Object.values(TYPE_KEYS).flat()]);
const KNOWN_TARGET_KEYS = new Set<string>(TARGET_KEYS);
const KNOWN_TOP_KEYS = new Set<string>(TOP_KEYS);

/** True when a document holds something only the Document API keeps: comments, unknown keys, anchors, directives. */
export function hasHandMadeContent(doc: Document): boolean {
  if (doc.commentBefore || doc.comment || doc.directives?.docStart) return true;
  let found = false;
  const knownAt = (path: readonly unknown[]): Set<string> | undefined => {
    // path: [Document?, map, pair, seq, map(item), pair, map(target)]
    const maps = path.filter((p) => isMap(p)).length;
    return maps === 0 ? KNOWN_TOP_KEYS : maps === 1 ? KNOWN_ITEM_KEYS : maps === 2 ? KNOWN_TARGET_KEYS : undefined;
  };
  visit(doc, {
    Node(_key, node) {
      const n = node as Node & { comment?: string | null; commentBefore?: string | null; spaceBefore?: boolean };
      if (n.comment || n.commentBefore || (n as { anchor?: string }).anchor) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
    Alias() {
      found = true;
      return visit.BREAK;
    },
    Pair(_key, pair, path) {
      const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const known = knownAt(path);
      if (k === undefined || !known || !known.has(k) || (isScalar(pair.key) && (pair.key.comment || pair.key.commentBefore))) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function sameValue(node: unknown, v: unknown): boolean {
  if (isScalar(node)) return node.value === v || (v === null && (node.value === null || node.value === undefined));
  if (isSeq(node) && Array.isArray(v)) return node.items.length === v.length && node.items.every((x, i) => sameValue(x, v[i]));
  return false;
}

/** Sets `key` in `map` to `v`, keeping the existing node (and its comments and style) when possible. */
function setIn(doc: Document, map: YAMLMap, key: string, v: unknown): void {
  const pair = map.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
  if (pair) {
    if (sameValue(pair.value, v)) return;
    if (isScalar(pair.value) && (v === null || typeof v !== 'object')) {
      const s = pair.value as Scalar;
      s.value = v;
      if (typeof v !== 'string') s.type = undefined;
      return;
    }
    const created = makeNode(doc, v);
    const old = pair.value as Node | null;
    if (old && isScalar(old) === false && (old as { comment?: string }).comment) (created as { comment?: string }).comment = (old as { comment?: string }).comment;
    pair.value = created;
    return;
  }
  map.items.push(new Pair(doc.createNode(key), makeNode(doc, v)) as Pair<unknown, unknown>);
}

function makeNode(doc: Document, v: unknown): Node {
  const n = doc.createNode(v) as Node;
  visit(n, {
    Seq(_k, seq) {
      seq.flow = true;
    },
  });
  return n;
}

/** Reorders a map's pairs: `keys` first in that order, then the others in their own order. */
function reorder(map: YAMLMap, keys: readonly string[], drop: (k: string) => boolean): void {
  const byKey = new Map<string, Pair<unknown, unknown>>();
  const rest: Pair<unknown, unknown>[] = [];
  for (const it of map.items as Pair<unknown, unknown>[]) {
    const k = isScalar(it.key) ? String(it.key.value) : undefined;
    if (k !== undefined && keys.includes(k)) byKey.set(k, it);
    else if (k === undefined || !drop(k)) rest.push(it);
  }
  map.items = [...(keys.map((k) => byKey.get(k)).filter(Boolean) as Pair<unknown, unknown>[]), ...rest];
}

function updateAnnotation(doc: Document, map: YAMLMap, a: Annotation): void {
  const rec = a as unknown as Record<string, unknown>;
  const keys = annotationKeys(a.type);
  for (const k of keys) {
    if (k === 'target') {
      const got: unknown = map.get('target', true);
      let t: YAMLMap;
      if (isMap(got)) t = got;
      else {
        t = new YAMLMap();
        map.set('target', t);
      }
      for (const tk of TARGET_KEYS) setIn(doc, t, tk, a.target[tk]);
      reorder(t, TARGET_KEYS, () => false);
    } else if (rec[k] === undefined) map.delete(k);
    else setIn(doc, map, k, rec[k]);
  }
  reorder(map, keys, (k) => KNOWN_ITEM_KEYS.has(k) && !keys.includes(k));
}

/** Writes the sidecar into the user's document (annotations already sorted), keeping comments and unknown keys. */
export function updateDocument(doc: Document, s: Sidecar): void {
  if (!isMap(doc.contents)) doc.contents = new YAMLMap() as unknown as typeof doc.contents;
  const root = doc.contents as unknown as YAMLMap;
  setIn(doc, root, 'version', s.version);
  setIn(doc, root, 'article', s.article);
  setIn(doc, root, 'fingerprint', s.fingerprint);
  const got: unknown = root.get('annotations', true);
  let seqNode: YAMLSeq;
  if (isSeq(got)) seqNode = got;
  else {
    seqNode = new YAMLSeq();
    root.set('annotations', seqNode);
  }
  const existing = new Map<string, YAMLMap>();
  for (const it of seqNode.items) {
    if (isMap(it)) {
      const id = it.get('id');
      if (typeof id === 'string') existing.set(id, it);
    }
  }
  seqNode.items = s.annotations.map((a) => {
    let m = existing.get(a.id);
    if (!m) m = new YAMLMap();
    updateAnnotation(doc, m, a);
    return m;
  });
  seqNode.flow = false;
  reorder(root, TOP_KEYS, () => false);
}

export function documentText(doc: Document): string {
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}
