/**
 * `SidecarStore`: one article's sidecar over a FilePort — load (parse + re-anchor), edit (upsert, remove,
 * acceptSuggestions, applyEdits, setText), save (atomic, external-change check, merge), moveSidecar.
 */
import type { Document } from 'yaml';
import type { FilePort } from '../ports';
import type { Analysis, SourceError, Span } from '../types';
import { applyEdits, reanchor, type ReanchorOptions, type ReanchorReport, type TextEdit } from './anchor';
import { fingerprint, utf8 } from './hash';
import { mergeById, type MergeConflict } from './merge';
import { annotationKey, baseName, cloneAnnotation, makeTarget, MAX_SIDECAR_BYTES, randomIds, sidecarPathFor, SIDECAR_VERSION, type Annotation, type Sidecar, type Target } from './model';
import { parseSidecar, serializeSidecar } from './sidecar';

/** A sidecar problem the user must fix; `errors` name file, line and column. */
export class SidecarError extends Error {
  constructor(
    message: string,
    readonly errors: SourceError[] = [],
  ) {
    super(message);
    this.name = 'SidecarError';
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What `upsert` takes: an annotation without (or with) an id, its target as a full target or just a span. */
export type AnnotationInput = DistributiveOmit<Annotation, 'id' | 'target' | 'created' | 'modified'> & { id?: string; target: Target | Span };

export interface SidecarStoreOptions {
  /** Id generator (default: random 8 base32 characters). Tests inject `seededIds`. */
  ids?: () => string;
  /** Clock for `created`/`modified` (ISO strings). Without it no timestamps are written. */
  now?: () => string;
  /** What to do when the file changed on disk since it was loaded: merge by id (default) or refuse. */
  onExternalChange?: 'merge' | 'refuse';
  reanchor?: ReanchorOptions;
}

export interface LoadResult {
  sidecarPath: string;
  exists: boolean;
  /** Parse/validation errors; when present the store is read-only and the file is never overwritten. */
  errors: SourceError[];
  report: ReanchorReport;
}

export interface SaveResult {
  path: string;
  written: boolean;
  /** Why nothing was written ('unchanged', 'empty'). */
  reason?: string;
  /** Set when the file had changed on disk and was merged. */
  merged?: { conflicts: MergeConflict[] };
}

const EMPTY_REPORT: ReanchorReport = { annotations: 0, anchored: 0, moved: 0, fuzzy: 0, orphaned: 0, outcomes: [] };
const decoder = new TextDecoder();

function decodeSidecar(bytes: Uint8Array, path: string): { text?: string; error?: SourceError } {
  if (bytes.length > MAX_SIDECAR_BYTES) {
    return { error: { file: path, line: 1, column: 1, message: `the sidecar is ${(bytes.length / 1048576).toFixed(1)} MB, larger than the ${MAX_SIDECAR_BYTES / 1048576} MB limit; it was not read` } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: { file: path, line: 1, column: 1, message: 'the sidecar is not valid UTF-8' } };
  }
}

export function formatErrors(errors: readonly SourceError[]): string {
  return errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n');
}

export class SidecarStore {
  private readonly ids: () => string;
  private _articlePath = '';
  private _sidecarPath = '';
  private text = '';
  private sidecar: Sidecar = { version: SIDECAR_VERSION, article: '', fingerprint: '', annotations: [] };
  private doc: Document | undefined;
  /** The file's text when loaded/saved (undefined: no file); compared with the disk before writing. */
  private diskText: string | undefined;
  /** Annotations as on disk (the merge base). */
  private base: Annotation[] = [];
  private _errors: SourceError[] = [];
  private _dirty = false;
  private _report: ReanchorReport = EMPTY_REPORT;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly port: FilePort,
    private readonly options: SidecarStoreOptions = {},
  ) {
    this.ids = options.ids ?? randomIds();
  }

  get articlePath(): string {
    return this._articlePath;
  }
  get sidecarPath(): string {
    return this._sidecarPath;
  }
  get annotations(): readonly Annotation[] {
    return this.sidecar.annotations;
  }
  get errors(): readonly SourceError[] {
    return this._errors;
  }
  /** True when there are changes not yet saved. */
  get dirty(): boolean {
    return this._dirty;
  }
  /** The last re-anchoring report. */
  get report(): ReanchorReport {
    return this._report;
  }
  get(id: string): Annotation | undefined {
    return this.sidecar.annotations.find((a) => a.id === id);
  }

  /** Reads `<article>.annotations.yaml` and anchors it in `text`. A broken file is reported, never overwritten. */
  async load(articlePath: string, text: string): Promise<LoadResult> {
    this._articlePath = articlePath;
    this._sidecarPath = sidecarPathFor(articlePath);
    this.text = text;
    this.doc = undefined;
    this._errors = [];
    this._dirty = false;
    this.base = [];
    this.sidecar = { version: SIDECAR_VERSION, article: baseName(articlePath), fingerprint: '', annotations: [] };
    const bytes = await this.port.read(this._sidecarPath);
    this.diskText = bytes ? decoder.decode(bytes) : undefined;
    if (!bytes) {
      this.sidecar.fingerprint = fingerprint(text);
      this._report = EMPTY_REPORT;
      return { sidecarPath: this._sidecarPath, exists: false, errors: [], report: this._report };
    }
    const decoded = decodeSidecar(bytes, this._sidecarPath);
    const parsed = decoded.text !== undefined ? parseSidecar(decoded.text, this._sidecarPath) : { sidecar: undefined, doc: undefined, errors: [decoded.error!] };
    if (!parsed.sidecar) {
      this._errors = parsed.errors;
      this._report = EMPTY_REPORT;
      return { sidecarPath: this._sidecarPath, exists: true, errors: this._errors, report: this._report };
    }
    this.doc = parsed.doc;
    this.sidecar = parsed.sidecar;
    this.base = parsed.sidecar.annotations.slice();
    this.anchorTo(text);
    return { sidecarPath: this._sidecarPath, exists: true, errors: [], report: this._report };
  }

  private anchorTo(text: string): void {
    const r = reanchor(this.sidecar.annotations, text, this.options.reanchor);
    this._report = r.report;
    const fp = fingerprint(text);
    if (r.changed || fp !== this.sidecar.fingerprint || this.sidecar.article !== baseName(this._articlePath)) this._dirty = true;
    this.sidecar = { ...this.sidecar, article: baseName(this._articlePath), fingerprint: fp, annotations: r.annotations };
  }

  /** A new version of the article (re-scrape, git, external edit): re-anchors everything. */
  setText(text: string): ReanchorReport {
    this.text = text;
    this.anchorTo(text);
    return this._report;
  }

  /** Editor changes: positions move with the edits (no search). `newText` is the text after them. */
  applyEdits(edits: readonly TextEdit[], newText: string): { touched: string[]; orphaned: string[] } {
    const r = applyEdits(this.sidecar.annotations, edits, newText);
    this.text = newText;
    const fp = fingerprint(newText);
    if (r.changed || fp !== this.sidecar.fingerprint) this._dirty = true;
    this.sidecar = { ...this.sidecar, fingerprint: fp, annotations: r.annotations };
    return { touched: r.touched, orphaned: r.orphaned };
  }

  private writable(): void {
    if (this._errors.length) {
      throw new SidecarError(`${this._sidecarPath} has errors and is left as it is; fix it first:\n${formatErrors(this._errors)}`, this._errors);
    }
  }

  private idSet: Set<string> | undefined;
  private idSetFor: Annotation[] | undefined;

  private usedIds(): Set<string> {
    if (!this.idSet || this.idSetFor !== this.sidecar.annotations) {
      this.idSet = new Set(this.sidecar.annotations.map((a) => a.id));
      this.idSetFor = this.sidecar.annotations;
    }
    return this.idSet;
  }

  private freshId(): string {
    const used = this.usedIds();
    let id = this.ids();
    while (used.has(id)) id = this.ids();
    return id;
  }

  /** Adds an annotation, or replaces the one with the same id. The target may be a span of the current text. */
  upsert(input: AnnotationInput): Annotation {
    this.writable();
    const t = input.target as Partial<Target> & Span;
    if (!(t.start >= 0 && t.end > t.start && t.end <= this.text.length) && typeof t.exact !== 'string') throw new Error(`span ${t.start}–${t.end} is outside the text`);
    const target: Target = typeof t.exact === 'string' ? { exact: t.exact, prefix: t.prefix ?? '', suffix: t.suffix ?? '', start: t.start, end: t.end } : makeTarget(this.text, t.start, t.end);
    const list = this.sidecar.annotations;
    const idx = input.id && this.usedIds().has(input.id) ? list.findIndex((a) => a.id === input.id) : -1;
    const now = this.options.now?.();
    const prev = idx >= 0 ? list[idx] : undefined;
    const a = { ...input, id: prev?.id ?? input.id ?? this.freshId(), target } as Annotation;
    delete a.created;
    delete a.modified;
    if (prev?.created ?? now) a.created = prev?.created ?? now;
    if (now) a.modified = now;
    if (prev && annotationKey({ ...a, modified: prev.modified } as Annotation) === annotationKey(prev)) return prev;
    // In place: the list is the store's own (never shared with the merge base), and 10,000 upserts stay linear.
    if (idx >= 0) list[idx] = a;
    else {
      list.push(a);
      this.usedIds().add(a.id);
    }
    this._dirty = true;
    return a;
  }

  /** Removes an annotation; false when there is none with that id. */
  remove(id: string): boolean {
    this.writable();
    const next = this.sidecar.annotations.filter((a) => a.id !== id);
    if (next.length === this.sidecar.annotations.length) return false;
    this.sidecar = { ...this.sidecar, annotations: next };
    this._dirty = true;
    return true;
  }

  /**
   * The engine's suggestions (actor mentions, quotes, channels) as confirmed annotations, skipping every
   * suggestion that already has an annotation of its type at the same place (confirmed or rejected).
   */
  acceptSuggestions(analysis: Analysis): { added: Annotation[]; skipped: number } {
    this.writable();
    const have = new Set(this.sidecar.annotations.filter((a) => !a.orphaned).map((a) => `${a.type}:${a.target.start}:${a.target.end}`));
    const added: Annotation[] = [];
    let skipped = 0;
    const add = (input: AnnotationInput) => {
      const k = `${input.type}:${input.target.start}:${input.target.end}`;
      if (have.has(k) || input.target.end <= input.target.start || input.target.end > this.text.length) {
        skipped++;
        return;
      }
      have.add(k);
      added.push(this.upsert(input));
    };
    for (const m of analysis.mentions) add({ type: 'actor', status: 'confirmed', target: { start: m.start, end: m.end }, actor: m.actorId });
    for (const q of analysis.quotes) add({ type: 'quote', status: 'confirmed', target: { start: q.start, end: q.end }, speaker: q.speaker?.id ?? null, cue: q.cue?.text ?? null, kind: q.kind });
    for (const c of analysis.channels) add({ type: 'channel', status: 'confirmed', target: { start: c.start, end: c.end }, channelType: c.type, participants: [...c.participants], via: [...c.via] });
    return { added, skipped };
  }

  /**
   * Writes the sidecar atomically. Before writing, the file on disk is compared (content hash) with what
   * was loaded: if something else changed it, the two are merged by id (see merge.ts), or, with
   * `onExternalChange: 'refuse'`, nothing is written and a SidecarError says why. A file that does not
   * parse — as loaded, or as found on disk now — is never overwritten. Nothing is written when nothing
   * changed, nor when there is no file and no annotation.
   */
  save(): Promise<SaveResult> {
    const run = this.saving.then(() => this.saveNow());
    this.saving = run.catch(() => undefined);
    return run;
  }

  private async saveNow(): Promise<SaveResult> {
    this.writable();
    const path = this._sidecarPath;
    if (!path) throw new Error('nothing loaded');
    const bytes = await this.port.read(path);
    const onDisk = bytes ? decoder.decode(bytes) : undefined;
    let merged: SaveResult['merged'];
    if (onDisk !== undefined && onDisk !== this.diskText) {
      if (this.options.onExternalChange === 'refuse') {
        throw new SidecarError(`${path} was changed on disk since it was loaded (git, another editor?); your changes were not written — reload it`);
      }
      const decoded = decodeSidecar(bytes!, path);
      const theirs = decoded.text !== undefined ? parseSidecar(decoded.text, path) : { sidecar: undefined, doc: undefined, errors: [decoded.error!] };
      if (!theirs.sidecar) {
        throw new SidecarError(`${path} was changed on disk and now has errors; your changes were not written:\n${formatErrors(theirs.errors)}`, theirs.errors);
      }
      const m = mergeById(this.base, this.sidecar.annotations, theirs.sidecar.annotations, this.ids);
      const r = reanchor(m.annotations, this.text, this.options.reanchor);
      this._report = r.report;
      this.sidecar = { ...theirs.sidecar, article: baseName(this._articlePath), fingerprint: fingerprint(this.text), annotations: r.annotations };
      this.doc = theirs.doc;
      this.base = theirs.sidecar.annotations.slice();
      this.diskText = onDisk;
      this._dirty = true;
      merged = { conflicts: m.conflicts };
    } else if (!bytes && this.diskText !== undefined) {
      // The file was deleted meanwhile: write everything we hold (nothing is lost).
      this.doc = undefined;
      this._dirty = true;
    }
    if (!this._dirty) return { path, written: false, reason: 'unchanged' };
    if (!bytes && !this.sidecar.annotations.length) {
      this._dirty = false;
      return { path, written: false, reason: 'empty' };
    }
    const text = serializeSidecar(this.sidecar, this.doc);
    if (onDisk === text) {
      this._dirty = false;
      this.base = this.sidecar.annotations.slice();
      return { path, written: false, reason: 'unchanged', ...(merged ? { merged } : {}) };
    }
    await this.port.writeAtomic(path, utf8(text));
    this.diskText = text;
    this.base = this.sidecar.annotations.slice();
    this._dirty = false;
    return { path, written: true, ...(merged ? { merged } : {}) };
  }

  /**
   * The article was renamed or moved: the sidecar follows it (renamed, and its `article` field updated).
   * Refuses to overwrite a sidecar already at the new place. Returns false when there was no sidecar.
   */
  async moveSidecar(oldArticle: string, newArticle: string): Promise<boolean> {
    const from = sidecarPathFor(oldArticle);
    const to = sidecarPathFor(newArticle);
    if (await this.port.read(to)) throw new SidecarError(`${to} already exists; ${from} was not moved over it`);
    const mine = this._articlePath === oldArticle;
    const exists = (await this.port.read(from)) !== undefined;
    if (exists) await this.port.rename(from, to);
    if (mine) {
      this._articlePath = newArticle;
      this._sidecarPath = to;
      if (!exists) this.diskText = undefined;
      if (this._errors.length) return exists;
      this.sidecar = { ...this.sidecar, article: baseName(newArticle) };
      this._dirty = true;
      await this.save();
      return exists;
    }
    if (!exists) return false;
    const other = new SidecarStore(this.port, this.options);
    const bytes = await this.port.read(to);
    const decoded = decodeSidecar(bytes!, to);
    const parsed = decoded.text !== undefined ? parseSidecar(decoded.text, to) : undefined;
    if (parsed?.sidecar && parsed.sidecar.article !== baseName(newArticle)) {
      // Rewrite only the article field (no re-anchoring without the text).
      other.adopt(newArticle, parsed.sidecar, parsed.doc, decoded.text!);
      await other.save();
    }
    return true;
  }

  private adopt(articlePath: string, sidecar: Sidecar, doc: Document | undefined, diskText: string): void {
    this._articlePath = articlePath;
    this._sidecarPath = sidecarPathFor(articlePath);
    this.sidecar = { ...sidecar, article: baseName(articlePath), annotations: sidecar.annotations.map(cloneAnnotation) };
    this.base = sidecar.annotations;
    this.doc = doc;
    this.diskText = diskText;
    this._dirty = true;
  }
}
