/**
 * The `Sidecars` the extension uses, over the core store (src/core/store) and a FilePort (`workspace.fs`).
 *
 * - load: read → parse/validate (a bad file is reported with line/column and never written) → re-anchor on
 *   the editor's current text → annotations in the extension's terms (orphans flagged).
 * - apply: load the file fresh into a SidecarStore, apply the operations (by id), save: atomic, checked
 *   against the bytes read (an external change is merged by id), comments and unknown keys kept.
 * - move: the store's moveSidecar (rename + the `article` field).
 */
import type * as vscode from 'vscode';
import type { FilePort } from '../core/ports';
import { baseName, CHANNEL_TYPES, CLAIM_KINDS, SidecarError, SidecarStore, VERIFICATIONS, type Annotation, type AnnotationInput, type ClaimKind, type Verification } from '../core/store';
import type { ChannelType } from '../core/types';
import { SIDECAR_SUFFIX } from './ids';
import type { NewAnnotation, SidecarOp, Sidecars, SidecarState } from './sidecars';
import type { StoredAnnotation } from './viewModel';

export function toStored(a: Annotation): StoredAnnotation {
  const base: StoredAnnotation = { id: a.id, type: a.type, status: a.status, start: a.target.start, end: a.target.end, text: a.target.exact };
  if (a.orphaned) base.orphan = true;
  switch (a.type) {
    case 'actor':
      return { ...base, actorId: a.actor };
    case 'quote':
      return { ...base, speaker: a.speaker, cue: a.cue };
    case 'channel':
      return { ...base, channelType: a.channelType, participants: [...a.participants], via: [...a.via] };
    case 'claim':
      return { ...base, claimKind: a.kind, claimant: a.claimant, claimStatus: a.verification, note: a.note, links: [...a.links] };
  }
}

function check<T extends string>(value: string | undefined, allowed: readonly T[], what: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`“${value}” is not a ${what} (one of: ${allowed.join(', ')})`);
  return value as T;
}

/** The store's input for an annotation in the extension's terms (values checked against the format). */
export function toInput(n: NewAnnotation, id?: string): AnnotationInput {
  const base = { status: n.status, target: { start: n.start, end: n.end }, ...(id ? { id } : {}) };
  switch (n.type) {
    case 'actor':
      if (!n.actorId) throw new Error('an actor annotation needs an actor id');
      return { ...base, type: 'actor', actor: n.actorId };
    case 'quote':
      return { ...base, type: 'quote', speaker: n.speaker ?? null, cue: n.cue ?? null, kind: 'direct' };
    case 'channel':
      return { ...base, type: 'channel', channelType: check<ChannelType>(n.channelType, CHANNEL_TYPES, 'channel type', 'other'), participants: [...(n.participants ?? [])], via: [...(n.via ?? [])] };
    case 'claim':
      return {
        ...base,
        type: 'claim',
        kind: check<ClaimKind>(n.claimKind, CLAIM_KINDS, 'claim kind', 'fact'),
        claimant: n.claimant ?? null,
        verification: check<Verification>(n.claimStatus, VERIFICATIONS, 'verification status', 'unverified'),
        note: n.note ?? '',
        links: [...(n.links ?? [])],
      };
  }
}

/** How the store names files: a plain path for local files, the URI string elsewhere (see WorkspaceFsPort). */
export function portPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

export class StoreSidecars implements Sidecars {
  constructor(private readonly port: FilePort) {}

  private newStore(): SidecarStore {
    return new SidecarStore(this.port, { now: () => new Date().toISOString(), onExternalChange: 'merge' });
  }

  sidecarUri(article: vscode.Uri): vscode.Uri {
    return article.with({ path: article.path + SIDECAR_SUFFIX });
  }

  async load(article: vscode.Uri, text: string): Promise<SidecarState> {
    const store = this.newStore();
    const r = await store.load(portPath(article), text);
    if (r.errors.length) return { annotations: [], exists: r.exists, error: r.errors[0] };
    return { annotations: store.annotations.map(toStored), exists: r.exists };
  }

  /**
   * Loads the sidecar fresh, applies the operations and saves: atomic, and if the file changed on disk in
   * between, the store merges by id (or refuses); a file that does not parse is never overwritten.
   */
  async apply(article: vscode.Uri, text: string, ops: readonly SidecarOp[]): Promise<SidecarState> {
    const store = this.newStore();
    const r = await store.load(portPath(article), text);
    if (r.errors.length) {
      const e = r.errors[0];
      throw new SidecarError(`${baseName(r.sidecarPath)} does not parse (line ${e.line}, column ${e.column}: ${e.message}); it was left untouched — fix it first`, r.errors);
    }
    for (const op of ops) {
      switch (op.op) {
        case 'add': {
          const n = op.annotation;
          const same = store.annotations.find((a) => !a.orphaned && a.type === n.type && a.target.start === n.start && a.target.end === n.end);
          store.upsert(toInput(same ? { ...toStored(same), ...n } : n, same?.id));
          break;
        }
        case 'setStatus':
        case 'update': {
          const cur = store.get(op.id);
          if (!cur) throw new Error(`annotation ${op.id} is no longer in the sidecar (changed on disk?)`);
          const p = op.op === 'setStatus' ? { status: op.status } : op.patch;
          const moved = p.start !== undefined || p.end !== undefined;
          const { orphan: _o, ...rest } = { ...toStored(cur), ...p };
          const input = toInput(rest, cur.id);
          store.upsert(moved ? input : { ...input, target: cur.target, ...(cur.orphaned ? { orphaned: true as const } : {}) });
          break;
        }
        case 'remove':
          store.remove(op.id);
          break;
      }
    }
    await store.save();
    return { annotations: store.annotations.map(toStored), exists: true };
  }

  /** Moves an article's sidecar after a rename (and updates its `article` field). False when there is none. */
  async move(oldArticle: vscode.Uri, newArticle: vscode.Uri): Promise<boolean> {
    return this.newStore().moveSidecar(portPath(oldArticle), portPath(newArticle));
  }
}
