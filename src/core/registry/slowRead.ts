/**
 * The general registry reader: the `yaml` v2 Document API with safe limits (core schema, no custom tags,
 * unique keys, a budget for aliases), reduced to the same `Raw` tree as the fast reader. Every YAML syntax
 * error and warning is reported here, with its offset.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { ErrorSink, Raw, RawField } from './raw';

const MAX_ALIAS_RESOLUTIONS = 100;

/** Reads any registry text; null when there is no list of entries (the reason is reported through `err`). */
export function slowRead(text: string, err: ErrorSink): Raw | null {
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
      const fields: RawField[] = [];
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

