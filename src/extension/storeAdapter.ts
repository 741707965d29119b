/**
 * The `Sidecars` the extension uses, over the core store (src/core/store) and a FilePort (`workspace.fs`).
 *
 * - load: read → parse/validate (a bad file is reported with line/column and never written) → re-anchor on
 *   the editor's current text → annotations in the extension's terms (orphans flagged).
 * - apply: read the file fresh, re-anchor, apply id-based operations, validate the result, serialise (the
 *   user's comments and unknown keys survive), then — just before the atomic write — check that the file on
 *   disk is still the bytes that were read; if something else changed it, start over from the new content
 *   (the operations are by id, so re-applying them merges), and give up with a message after a few tries.
 */
import type * as vscode from 'vscode';
import { reanchor } from '../core/store/anchor';
import { fingerprint, fnv1a64Bytes } from '../core/store/hash';
import {
  baseName,
  CHANNEL_TYPES,
  CLAIM_KINDS,
  makeTarget,
  randomIds,
  SIDECAR_VERSION,
  VERIFICATIONS,
  type Annotation,
  type ClaimKind,
  type Sidecar,
  type Verification,
} from '../core/store/model';
import { parseSidecar, serializeSidecar } from '../core/store/sidecar';
import { validateSidecar } from '../core/store/validate';
import type { FilePort } from '../core/ports';
import type { ChannelType } from '../core/types';
import { SIDECAR_SUFFIX } from './ids';
import type { NewAnnotation, SidecarOp, Sidecars, SidecarState } from './sidecars';
import type { StoredAnnotation } from './viewModel';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();
const MAX_TRIES = 3;

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

/** A store annotation from the extension's fields, positioned on `text`. */
export function fromNew(id: string, n: NewAnnotation, text: string, now: string): Annotation {
  if (n.start < 0 || n.end > text.length || n.end <= n.start) throw new Error('the annotation span is empty or outside the text');
  const base = { id, status: n.status, target: makeTarget(text, n.start, n.end), created: now, modified: now };
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

function patch(a: Annotation, p: Partial<NewAnnotation>, text: string, now: string): Annotation {
  const cur = toStored(a);
  const merged: NewAnnotation = { ...cur, ...p, type: a.type };
  const { orphan: _orphan, ...rest } = merged as StoredAnnotation;
  const next = fromNew(a.id, rest, text, a.created ?? now);
  next.modified = now;
  if (p.start === undefined && p.end === undefined) {
    // keep the anchored target (and orphan state) unless the patch moves it
    next.target = a.target;
    if (a.orphaned) next.orphaned = true;
  }
  return next;
}

export function applyOps(annotations: Annotation[], ops: readonly SidecarOp[], text: string, newId: () => string, now: string): Annotation[] {
  let list = [...annotations];
  const taken = new Set(list.map((a) => a.id));
  for (const op of ops) {
    switch (op.op) {
      case 'add': {
        const n = op.annotation;
        const same = list.findIndex((a) => !a.orphaned && a.type === n.type && a.target.start === n.start && a.target.end === n.end);
        if (same >= 0) {
          list[same] = patch(list[same], n, text, now);
          break;
        }
        let id = newId();
        while (taken.has(id)) id = newId();
        taken.add(id);
        list.push(fromNew(id, n, text, now));
        break;
      }
      case 'setStatus':
      case 'update': {
        const i = list.findIndex((a) => a.id === op.id);
        if (i < 0) throw new Error(`annotation ${op.id} is no longer in the sidecar (changed on disk?)`);
        list[i] = patch(list[i], op.op === 'setStatus' ? { status: op.status } : op.patch, text, now);
        break;
      }
      case 'remove':
        list = list.filter((a) => a.id !== op.id);
        break;
    }
  }
  return list;
}

export class StoreSidecars implements Sidecars {
  private readonly newId = randomIds();

  constructor(private readonly port: FilePort) {}

  sidecarUri(article: vscode.Uri): vscode.Uri {
    return article.with({ path: article.path + SIDECAR_SUFFIX });
  }

  private async read(article: vscode.Uri): Promise<{ bytes: Uint8Array | undefined; parsed?: ReturnType<typeof parseSidecar> }> {
    const uri = this.sidecarUri(article);
    const bytes = await this.port.read(uri.toString());
    if (!bytes) return { bytes };
    return { bytes, parsed: parseSidecar(decoder.decode(bytes), uri.fsPath || uri.path) };
  }

  async load(article: vscode.Uri, text: string): Promise<SidecarState> {
    const { bytes, parsed } = await this.read(article);
    if (!bytes || !parsed) return { annotations: [], exists: false };
    if (!parsed.sidecar) return { annotations: [], exists: true, error: parsed.errors[0] };
    const anchored = reanchor(parsed.sidecar.annotations, text).annotations;
    return { annotations: anchored.map(toStored), exists: true };
  }

  async apply(article: vscode.Uri, text: string, ops: readonly SidecarOp[]): Promise<SidecarState> {
    const uri = this.sidecarUri(article);
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const { bytes, parsed } = await this.read(article);
      if (parsed && !parsed.sidecar) {
        const e = parsed.errors[0];
        throw new Error(`${baseName(uri.path)} does not parse (line ${e?.line}, column ${e?.column}: ${e?.message}); it was left untouched — fix it first`);
      }
      const current: Sidecar = parsed?.sidecar ?? { version: SIDECAR_VERSION, article: baseName(article.path), fingerprint: '', annotations: [] };
      const anchored = reanchor(current.annotations, text).annotations;
      const annotations = applyOps(anchored, ops, text, this.newId, new Date().toISOString());
      const next: Sidecar = { ...current, article: baseName(article.path), fingerprint: fingerprint(text), annotations };
      const check = validateSidecar(JSON.parse(JSON.stringify(next)));
      if (!check.sidecar) throw new Error(`refusing to write an invalid sidecar: ${check.errors.map((e) => e.message).join('; ')}`);
      const out = encoder.encode(serializeSidecar(next, parsed?.doc));
      const now = await this.port.read(uri.toString());
      const unchanged = bytes === undefined ? now === undefined : now !== undefined && fnv1a64Bytes(now) === fnv1a64Bytes(bytes);
      if (!unchanged) continue; // changed on disk since we read it: merge by re-applying the operations
      if (!bytes || fnv1a64Bytes(out) !== fnv1a64Bytes(bytes)) await this.port.writeAtomic(uri.toString(), out);
      return { annotations: annotations.map(toStored), exists: true };
    }
    throw new Error(`${baseName(uri.path)} keeps changing on disk; not overwriting it`);
  }
}
