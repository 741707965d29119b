/**
 * The text edits of renaming an actor (pure: texts in, offset edits out; providers.ts turns them into one
 * WorkspaceEdit).
 *
 * - Registry: the workspace registry entry gets the new `name`, and the old name as an alias (articles still
 *   say it). No entry yet (the actor comes from the default registry, or only from a text): an override entry
 *   is appended (`id`, `name`, `kind`, `aliases`), or the file is created.
 * - Ids: sidecars store actor ids, not names. An id that is the kebab form of the old name and that the default
 *   registry does not define (an actor of this workspace) follows the new name: the registry entry's `id` and
 *   every `actor`/`speaker`/`claimant`/`participants`/`via` value naming it in a sidecar are changed too.
 *   Ids of default-registry actors never change (they tie to the shipped data and to Wikidata).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

const ID_KEYS = new Set(['actor', 'speaker', 'claimant']);
const LIST_KEYS = new Set(['participants', 'via']);

/** A YAML scalar for a name: plain when that reads back as the same string, else double-quoted. */
export function yamlString(s: string): string {
  if (/^[A-Za-z\u00C0-\uFFFF][\w\u00C0-\uFFFF .'’-]*$/.test(s) && !/[ .]$/.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !s.includes(' #') && !s.includes(': ')) return s;
  return JSON.stringify(s);
}

function keyOf(p: Pair): string | undefined {
  return isScalar(p.key) ? String(p.key.value) : undefined;
}

function rangeOf(n: Node | null | undefined): [number, number] | undefined {
  return n?.range ? [n.range[0], n.range[1]] : undefined;
}

/** The column of an offset (characters since the line start). */
function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function entrySeq(doc: Document): YAMLSeq | undefined {
  const c = doc.contents;
  if (isSeq(c)) return c;
  if (isMap(c)) {
    const a = c.get('actors', true);
    if (isSeq(a)) return a;
  }
  return undefined;
}

export interface RegistryRename {
  id: string;
  newId: string;
  oldName: string;
  newName: string;
  kind: string;
}

export const NEW_REGISTRY_HEADER = '# Actors for this workspace (News Annotator). Same schema as the default registry.\n';

function newEntryLines(r: RegistryRename, indent: string): string {
  const aliases = r.oldName && r.oldName !== r.newName ? `\n${indent}  aliases: [${yamlString(r.oldName)}]` : '';
  return `${indent}- id: ${r.newId}\n${indent}  name: ${yamlString(r.newName)}\n${indent}  kind: ${r.kind}${aliases}\n`;
}

/** The text of a new workspace registry holding only this entry. */
export function newRegistryText(r: RegistryRename): string {
  return `${NEW_REGISTRY_HEADER}actors:\n${newEntryLines(r, '  ')}`;
}

/** Edits to the workspace registry text; throws when the file does not parse (it is never guessed at). */
export function registryEdits(text: string, r: RegistryRename): OffsetEdit[] {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) throw new Error(`the workspace registry does not parse (${doc.errors[0].message}); fix it first`);
  const seq = entrySeq(doc);
  if (!seq) {
    if (doc.contents === null || doc.contents === undefined || (isScalar(doc.contents) && doc.contents.value === null)) {
      const sep = text.length && !text.endsWith('\n') ? '\n' : '';
      return [{ start: text.length, end: text.length, text: `${sep}actors:\n${newEntryLines(r, '  ')}` }];
    }
    throw new Error('the workspace registry is not a list of actors (or an "actors:" list)');
  }
  const entry = seq.items.find((it): it is YAMLMap => isMap(it) && String(it.get('id')) === r.id);
  if (entry) return entryEdits(text, entry, r);
  // Append an override entry.
  if (seq.flow) {
    const [s, e] = rangeOf(seq)!;
    if (!seq.items.length) return [{ start: s, end: e, text: `\n${newEntryLines(r, '  ').replace(/\n$/, '')}` }];
    const close = text.lastIndexOf(']', e);
    const aliases = r.oldName && r.oldName !== r.newName ? `, aliases: [${yamlString(r.oldName)}]` : '';
    return [{ start: close, end: close, text: `, { id: ${r.newId}, name: ${yamlString(r.newName)}, kind: ${r.kind}${aliases} }` }];
  }
  const last = seq.items[seq.items.length - 1] as Node;
  const lastRange = rangeOf(last)!;
  const dash = text.lastIndexOf('-', lastRange[0]);
  const indent = ' '.repeat(Math.max(0, column(text, dash)));
  // after the last item's own text (its range may end past trailing comments/blank lines: go to the line end)
  let at = lastRange[1];
  const nl = text.indexOf('\n', Math.max(at - 1, 0));
  at = nl < 0 ? text.length : nl + 1;
  const pre = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return [{ start: at, end: at, text: pre + newEntryLines(r, indent) }];
}

function entryEdits(text: string, entry: YAMLMap, r: RegistryRename): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const pairs = entry.items.filter(isPair) as Pair[];
  const find = (k: string) => pairs.find((p) => keyOf(p) === k);
  const idPair = find('id')!;
  const idRange = rangeOf(idPair.value as Node);
  if (r.newId !== r.id && idRange) edits.push({ start: idRange[0], end: idRange[1], text: r.newId });
  const keyCol = column(text, rangeOf(idPair.key as Node)![0]);
  const indent = ' '.repeat(keyCol);
  const namePair = find('name');
  const nameRange = namePair && rangeOf(namePair.value as Node);
  let lineEndAfter = idRange ? idRange[1] : rangeOf(idPair.key as Node)![1];
  if (nameRange) {
    edits.push({ start: nameRange[0], end: nameRange[1], text: yamlString(r.newName) });
    lineEndAfter = nameRange[1];
  } else if (!entry.flow) {
    edits.push({ start: lineEndAfter, end: lineEndAfter, text: `\n${indent}name: ${yamlString(r.newName)}` });
  } else {
    edits.push({ start: lineEndAfter, end: lineEndAfter, text: `, name: ${yamlString(r.newName)}` });
  }
  if (!r.oldName || r.oldName === r.newName) return edits;
  const aliasPair = find('aliases');
  const aliases = aliasPair?.value;
  if (isSeq(aliases)) {
    if (aliases.items.some((a) => isScalar(a) && a.value === r.oldName)) return edits;
    const [s, e] = rangeOf(aliases)!;
    if (aliases.flow) {
      const close = text.lastIndexOf(']', e);
      edits.push({ start: close, end: close, text: `${aliases.items.length ? ', ' : ''}${yamlString(r.oldName)}` });
    } else {
      const lastItem = aliases.items[aliases.items.length - 1] as Node;
      const dash = text.lastIndexOf('-', rangeOf(lastItem)![0]);
      const end = rangeOf(lastItem)![1];
      edits.push({ start: end, end, text: `\n${' '.repeat(column(text, dash))}- ${yamlString(r.oldName)}` });
      void s;
    }
  } else if (!entry.flow) {
    edits.push({ start: lineEndAfter, end: lineEndAfter, text: `\n${indent}aliases: [${yamlString(r.oldName)}]` });
  } else {
    edits.push({ start: lineEndAfter, end: lineEndAfter, text: `, aliases: [${yamlString(r.oldName)}]` });
  }
  return edits;
}

/** Edits replacing an actor id in a sidecar's `actor`, `speaker`, `claimant`, `participants` and `via` values. */
export function sidecarIdEdits(text: string, oldId: string, newId: string): OffsetEdit[] {
  if (!text.includes(oldId)) return [];
  const doc = parseDocument(text);
  if (doc.errors.length) return []; // a broken sidecar is never touched (the open article reports it)
  const edits: OffsetEdit[] = [];
  const replace = (n: unknown) => {
    if (isScalar(n) && n.value === oldId && n.range) edits.push({ start: n.range[0], end: n.range[1], text: newId });
  };
  visit(doc, {
    Pair(_k, pair) {
      const k = keyOf(pair as Pair);
      if (!k) return;
      if (ID_KEYS.has(k)) replace(pair.value);
      else if (LIST_KEYS.has(k) && isSeq(pair.value)) pair.value.items.forEach(replace);
    },
  });
  return edits.sort((a, b) => a.start - b.start);
}
