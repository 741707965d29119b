/**
 * The sidecar model (format version 1): plain data, JSON-serialisable. See docs/sidecar.md.
 * Offsets are UTF-16 code-unit indices into the article text (the engine's offsets), end exclusive.
 */
import type { ChannelType } from '../types';
import { CHANNEL_TYPES } from '../types';

export const SIDECAR_VERSION = 1;
/** `<article>.annotations.yaml` beside the article. */
export const SIDECAR_SUFFIX = '.annotations.yaml';
/** Largest sidecar that is parsed (bytes). */
export const MAX_SIDECAR_BYTES = 20 * 1024 * 1024;
/** Characters of context kept before and after an annotation's text. */
export const CONTEXT_CHARS = 32;

export type AnnotationType = 'actor' | 'quote' | 'channel' | 'claim';
export const ANNOTATION_TYPES: readonly AnnotationType[] = ['actor', 'quote', 'channel', 'claim'];
export type AnnotationStatus = 'confirmed' | 'rejected';
export const ANNOTATION_STATUSES: readonly AnnotationStatus[] = ['confirmed', 'rejected'];
export type SidecarQuoteKind = 'direct' | 'indirect' | 'partial' | 'scare';
export const QUOTE_KINDS: readonly SidecarQuoteKind[] = ['direct', 'indirect', 'partial', 'scare'];
export type ClaimKind = 'fact' | 'opinion' | 'prediction' | 'allegation' | 'denial' | 'promise';
export const CLAIM_KINDS: readonly ClaimKind[] = ['fact', 'opinion', 'prediction', 'allegation', 'denial', 'promise'];
export type Verification = 'unverified' | 'supported' | 'disputed' | 'false' | 'misleading';
export const VERIFICATIONS: readonly Verification[] = ['unverified', 'supported', 'disputed', 'false', 'misleading'];
export { CHANNEL_TYPES };

/** Where an annotation sits: its text, ~32 characters of context either side, and a position hint. */
export interface Target {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

interface AnnotationBase {
  /** Stable short id (8 base32 characters when generated here). */
  id: string;
  type: AnnotationType;
  status: AnnotationStatus;
  /** Set when the annotation could not be placed in the current text; `target` is then its last known place. */
  orphaned?: true;
  target: Target;
  /** ISO 8601 timestamps (from the injected clock). */
  created?: string;
  modified?: string;
}

export interface ActorAnnotation extends AnnotationBase {
  type: 'actor';
  /** Registry id of the actor mentioned. */
  actor: string;
}

export interface QuoteAnnotation extends AnnotationBase {
  type: 'quote';
  /** Actor id of the speaker, or null (unattributed). */
  speaker: string | null;
  /** The speech verb or cue text ("said"), or null. */
  cue: string | null;
  kind: SidecarQuoteKind;
}

export interface ChannelAnnotation extends AnnotationBase {
  type: 'channel';
  channelType: ChannelType;
  participants: string[];
  via: string[];
}

export interface ClaimAnnotation extends AnnotationBase {
  type: 'claim';
  kind: ClaimKind;
  /** Actor id of who makes the claim, or null (the author / unknown). */
  claimant: string | null;
  verification: Verification;
  note: string;
  /** URLs or references to evidence. */
  links: string[];
}

export type Annotation = ActorAnnotation | QuoteAnnotation | ChannelAnnotation | ClaimAnnotation;

export interface Sidecar {
  version: 1;
  /** File name of the article (no folder). */
  article: string;
  /** `fnv1a64:<16 hex>` of the text the annotations were last anchored against ('' when never anchored). */
  fingerprint: string;
  annotations: Annotation[];
}

/** Key order in the file (unknown keys a user added follow, in their own order). */
export const TOP_KEYS = ['version', 'article', 'fingerprint', 'annotations'] as const;
export const TARGET_KEYS = ['exact', 'prefix', 'suffix', 'start', 'end'] as const;
export const TYPE_KEYS: Record<AnnotationType, readonly string[]> = {
  actor: ['actor'],
  quote: ['speaker', 'cue', 'kind'],
  channel: ['channelType', 'participants', 'via'],
  claim: ['kind', 'claimant', 'verification', 'note', 'links'],
};
export function annotationKeys(type: AnnotationType): string[] {
  return ['id', 'type', 'status', 'orphaned', 'target', ...TYPE_KEYS[type], 'created', 'modified'];
}

/** Order in the file: by start, then end, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortAnnotations(list: Annotation[]): Annotation[] {
  return list.sort(compareAnnotations);
}

/** A target for [start, end) of `text`, with context cut so that no surrogate pair is split. */
export function makeTarget(text: string, start: number, end: number): Target {
  let ps = Math.max(0, start - CONTEXT_CHARS);
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps))) ps++;
  let se = Math.min(text.length, end + CONTEXT_CHARS);
  if (se < text.length && isLowSurrogate(text.charCodeAt(se))) se--;
  return { exact: text.slice(start, end), prefix: text.slice(ps, start), suffix: text.slice(end, se), start, end };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A canonical string of an annotation's data (fixed key order), for equality and merging. */
export function annotationKey(a: Annotation): string {
  const rec = a as unknown as Record<string, unknown>;
  const out: unknown[] = [];
  for (const k of annotationKeys(a.type)) {
    const v = k === 'target' ? TARGET_KEYS.map((t) => a.target[t]) : rec[k];
    out.push(v === undefined ? null : v);
  }
  return JSON.stringify(out);
}

export function cloneAnnotation<T extends Annotation>(a: T): T {
  const c = { ...a, target: { ...a.target } };
  if (a.type === 'channel') Object.assign(c, { participants: [...a.participants], via: [...a.via] });
  if (a.type === 'claim') Object.assign(c, { links: [...a.links] });
  return c;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * 8 characters from a number: a letter, then 7 base32 characters (deterministic; the caller picks the numbers).
 * Starting with a letter keeps ids plain in YAML (never read as a number).
 */
export function idFromNumber(n: number): string {
  let s = '';
  let v = Math.floor(Math.abs(n)) % 2 ** 40;
  for (let i = 0; i < 7; i++) {
    s = BASE32[v % 32] + s;
    v = Math.floor(v / 32);
  }
  return BASE32[v % 26] + s;
}

/** An id generator over a seeded PRNG (mulberry32): deterministic for a given seed. */
export function seededIds(seed: number): () => string {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => idFromNumber(Math.floor(next() * 2 ** 20) * 2 ** 20 + Math.floor(next() * 2 ** 20));
}

/** An id generator from Math.random (for the CLI and the editor; tests inject `seededIds`). */
export function randomIds(): () => string {
  return () => idFromNumber(Math.floor(Math.random() * 2 ** 20) * 2 ** 20 + Math.floor(Math.random() * 2 ** 20));
}

/** File name of a path (either separator). */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

export function sidecarPathFor(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}

/** The article a path names: itself, or for a sidecar path the article beside it. */
export function articlePathFor(path: string): string {
  return path.endsWith(SIDECAR_SUFFIX) ? path.slice(0, -SIDECAR_SUFFIX.length) : path;
}
