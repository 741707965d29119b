/**
 * Schema validation of a sidecar's value tree (from either reader) into the typed model. Errors carry the
 * path of the offending value; the yaml reader turns paths into line and column.
 */
import {
  ANNOTATION_STATUSES,
  ANNOTATION_TYPES,
  CHANNEL_TYPES,
  CLAIM_KINDS,
  QUOTE_KINDS,
  SIDECAR_VERSION,
  VERIFICATIONS,
  type Annotation,
  type Sidecar,
  type Target,
} from './model';

export type Path = Array<string | number>;
export interface PathError {
  path: Path;
  /** True when the key itself is missing (the error points at the map that lacks it). */
  missing?: boolean;
  message: string;
}

type Obj = Record<string, unknown>;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function has(o: Obj, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

function show(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  const s = JSON.stringify(v);
  return s.length > 40 ? s.slice(0, 39) + '…"' : s;
}

export function pathString(path: Path): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? '.' + p : p;
  return s || '(top)';
}

class Checker {
  readonly errors: PathError[] = [];

  fail(path: Path, message: string, missing = false): void {
    this.errors.push({ path, message: `${pathString(path)}: ${message}`, missing });
  }

  str(o: Obj, k: string, path: Path, opts: { required?: boolean; nullable?: boolean; nonEmpty?: boolean; def?: string | null } = {}): string | null | undefined {
    if (!has(o, k)) {
      if (opts.required) this.fail([...path, k], 'is required', true);
      return opts.def;
    }
    const v = o[k];
    if (v === null && opts.nullable) return null;
    if (typeof v !== 'string') {
      this.fail([...path, k], `must be ${opts.nullable ? 'a string or null' : 'a string'} (found ${show(v)})`);
      return opts.def;
    }
    if (opts.nonEmpty && !v) this.fail([...path, k], 'must not be empty');
    return v;
  }

  oneOf<T extends string>(o: Obj, k: string, path: Path, allowed: readonly T[], def?: T): T | undefined {
    if (!has(o, k)) {
      if (def === undefined) this.fail([...path, k], `is required (one of ${allowed.join(', ')})`, true);
      return def;
    }
    const v = o[k];
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail([...path, k], `must be one of ${allowed.join(', ')} (found ${show(v)})`);
      return def;
    }
    return v as T;
  }

  int(o: Obj, k: string, path: Path): number | undefined {
    if (!has(o, k)) {
      this.fail([...path, k], 'is required', true);
      return undefined;
    }
    const v = o[k];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      this.fail([...path, k], `must be a whole number ≥ 0 (found ${show(v)})`);
      return undefined;
    }
    return v;
  }

  strList(o: Obj, k: string, path: Path): string[] {
    if (!has(o, k) || o[k] === null) return [];
    const v = o[k];
    if (!Array.isArray(v)) {
      this.fail([...path, k], `must be a list of strings (found ${show(v)})`);
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      if (typeof x === 'string') out.push(x);
      else this.fail([...path, k, i], `must be a string (found ${show(x)})`);
    });
    return out;
  }
}

/** Validates a value tree; returns the sidecar (with defaults filled in) and the errors. */
export function validateSidecar(root: unknown): { sidecar: Sidecar | undefined; errors: PathError[] } {
  const c = new Checker();
  if (!isObj(root)) {
    c.fail([], root === null || root === undefined ? 'the file is empty; expected a mapping with version and annotations' : `must be a mapping (found ${show(root)})`);
    return { sidecar: undefined, errors: c.errors };
  }
  if (!has(root, 'version')) c.fail(['version'], `is required (this tool writes version ${SIDECAR_VERSION})`, true);
  else if (root.version !== SIDECAR_VERSION) {
    const v = root.version;
    c.fail(
      ['version'],
      typeof v === 'number' && Number.isInteger(v) && v > SIDECAR_VERSION
        ? `format ${v} comes from a newer News Annotator (this one reads format ${SIDECAR_VERSION}); update it — the file is left as it is`
        : `must be ${SIDECAR_VERSION} (found ${show(v)})`,
    );
  }
  const article = c.str(root, 'article', [], { def: '' }) ?? '';
  const fp = c.str(root, 'fingerprint', [], { def: '' }) ?? '';
  const annotations: Annotation[] = [];
  const list = has(root, 'annotations') ? root.annotations : [];
  if (list === null) {
    /* an empty list written as `annotations:` */
  } else if (!Array.isArray(list)) c.fail(['annotations'], `must be a list (found ${show(list)})`);
  else {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const a = validateAnnotation(c, item, ['annotations', i]);
      if (!a) return;
      const prev = seen.get(a.id);
      if (prev !== undefined) c.fail(['annotations', i, 'id'], `duplicate id "${a.id}" (also annotations[${prev}])`);
      else seen.set(a.id, i);
      annotations.push(a);
    });
  }
  if (c.errors.length) return { sidecar: undefined, errors: c.errors };
  return { sidecar: { version: SIDECAR_VERSION, article, fingerprint: fp, annotations }, errors: [] };
}

function validateAnnotation(c: Checker, item: unknown, path: Path): Annotation | undefined {
  if (!isObj(item)) {
    c.fail(path, `must be a mapping with id, type, status and target (found ${show(item)})`);
    return undefined;
  }
  const before = c.errors.length;
  const id = c.str(item, 'id', path, { required: true });
  if (typeof id === 'string' && !ID.test(id)) c.fail([...path, 'id'], `must be 1–64 letters, digits, - or _ (found ${show(id)})`);
  const type = c.oneOf(item, 'type', path, ANNOTATION_TYPES);
  const status = c.oneOf(item, 'status', path, ANNOTATION_STATUSES);
  let orphaned: true | undefined;
  if (has(item, 'orphaned') && item.orphaned !== null) {
    if (typeof item.orphaned !== 'boolean') c.fail([...path, 'orphaned'], `must be true or false (found ${show(item.orphaned)})`);
    else if (item.orphaned) orphaned = true;
  }
  let target: Target | undefined;
  if (!has(item, 'target')) c.fail([...path, 'target'], 'is required (exact, prefix, suffix, start, end)', true);
  else if (!isObj(item.target)) c.fail([...path, 'target'], `must be a mapping with exact, prefix, suffix, start, end (found ${show(item.target)})`);
  else {
    const t = item.target;
    const tp = [...path, 'target'];
    const exact = c.str(t, 'exact', tp, { required: true, nonEmpty: true });
    const prefix = c.str(t, 'prefix', tp, { def: '' });
    const suffix = c.str(t, 'suffix', tp, { def: '' });
    const start = c.int(t, 'start', tp);
    const end = c.int(t, 'end', tp);
    if (start !== undefined && end !== undefined && end < start) c.fail([...tp, 'end'], `must not be before start (${end} < ${start})`);
    if (typeof exact === 'string' && typeof prefix === 'string' && typeof suffix === 'string' && start !== undefined && end !== undefined) {
      target = { exact, prefix, suffix, start, end };
    }
  }
  const created = c.str(item, 'created', path);
  const modified = c.str(item, 'modified', path);
  let typed: Record<string, unknown> = {};
  switch (type) {
    case 'actor':
      typed = { actor: c.str(item, 'actor', path, { required: true, nonEmpty: true }) };
      break;
    case 'quote':
      typed = {
        speaker: c.str(item, 'speaker', path, { nullable: true, def: null }),
        cue: c.str(item, 'cue', path, { nullable: true, def: null }),
        kind: c.oneOf(item, 'kind', path, QUOTE_KINDS, 'direct'),
      };
      break;
    case 'channel':
      typed = {
        channelType: c.oneOf(item, 'channelType', path, CHANNEL_TYPES),
        participants: c.strList(item, 'participants', path),
        via: c.strList(item, 'via', path),
      };
      break;
    case 'claim':
      typed = {
        kind: c.oneOf(item, 'kind', path, CLAIM_KINDS),
        claimant: c.str(item, 'claimant', path, { nullable: true, def: null }),
        verification: c.oneOf(item, 'verification', path, VERIFICATIONS, 'unverified'),
        note: c.str(item, 'note', path, { def: '' }),
        links: c.strList(item, 'links', path),
      };
      break;
  }
  if (c.errors.length > before || !id || !type || !status || !target) return undefined;
  const a: Record<string, unknown> = { id, type, status };
  if (orphaned) a.orphaned = true;
  a.target = target;
  Object.assign(a, typed);
  if (typeof created === 'string') a.created = created;
  if (typeof modified === 'string') a.modified = modified;
  return a as unknown as Annotation;
}
