/**
 * Sidecar text ⇄ model: `parseSidecar` (fast canonical reader, else the yaml library with positions) and
 * `serializeSidecar` (canonical text, or the user's document updated in place when it holds comments or
 * unknown keys).
 */
import type { Document } from 'yaml';
import type { SourceError } from '../types';
import { emitSidecar } from './emit';
import { fastParse } from './fastparse';
import { MAX_SIDECAR_BYTES, sortAnnotations, type Sidecar } from './model';
import { validateSidecar } from './validate';
import { documentText, hasHandMadeContent, locate, readYaml, updateDocument } from './yamldoc';

export interface ParsedSidecar {
  /** The model, or undefined when there are errors (then nothing may overwrite the file). */
  sidecar: Sidecar | undefined;
  /** The yaml Document when the file was read with the yaml library (kept to preserve comments on save). */
  doc: Document | undefined;
  errors: SourceError[];
}

/** Parses and validates a sidecar text. `file` is used in error messages. */
export function parseSidecar(yamlText: string, file: string): ParsedSidecar {
  if (yamlText.length > MAX_SIDECAR_BYTES) {
    return { sidecar: undefined, doc: undefined, errors: [{ file, line: 1, column: 1, message: `the sidecar is larger than the ${MAX_SIDECAR_BYTES / 1048576} MB limit; it was not read` }] };
  }
  const text = yamlText.charCodeAt(0) === 0xfeff ? yamlText.slice(1) : yamlText;
  const fast = fastParse(text);
  if (fast) {
    const v = validateSidecar(fast);
    if (v.sidecar) return { sidecar: v.sidecar, doc: undefined, errors: [] };
  }
  const read = readYaml(text, file);
  if (read.errors.length) return { sidecar: undefined, doc: read.doc, errors: read.errors };
  const v = validateSidecar(read.value);
  if (!v.sidecar) return { sidecar: undefined, doc: read.doc, errors: locate(read, file, v.errors) };
  return { sidecar: v.sidecar, doc: hasHandMadeContent(read.doc) ? read.doc : undefined, errors: [] };
}

/**
 * The file text for a sidecar: annotations sorted by position then id. With `doc` (from parseSidecar) the
 * user's document is updated in place (comments, unknown keys and styles survive); without, canonical text.
 */
export function serializeSidecar(sidecar: Sidecar, doc?: Document): string {
  const sorted: Sidecar = { ...sidecar, annotations: sortAnnotations([...sidecar.annotations]) };
  if (doc) {
    updateDocument(doc, sorted);
    return documentText(doc);
  }
  return emitSidecar(sorted);
}
