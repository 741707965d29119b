/**
 * What the extension needs from the sidecar store (src/core/store), in the extension's own terms.
 * storeAdapter.ts implements it over the core store and the workspace file port.
 */
import type * as vscode from 'vscode';
import type { SourceError } from '../core/types';
import type { StoredAnnotation } from './viewModel';

export interface SidecarState {
  /** Re-anchored on the text given to `load`/`apply`; orphans flagged. */
  annotations: StoredAnnotation[];
  /** The sidecar does not parse or validate: it is left untouched and nothing can be written. */
  error?: SourceError;
  exists: boolean;
}

export type NewAnnotation = Omit<StoredAnnotation, 'id' | 'orphan'>;

export type SidecarOp =
  | { op: 'add'; annotation: NewAnnotation }
  | { op: 'setStatus'; id: string; status: 'confirmed' | 'rejected' }
  | { op: 'update'; id: string; patch: Partial<NewAnnotation> }
  | { op: 'remove'; id: string };

export interface Sidecars {
  /** Where an article's sidecar lives. */
  sidecarUri(article: vscode.Uri): vscode.Uri;
  load(article: vscode.Uri, text: string): Promise<SidecarState>;
  /** Applies operations and saves atomically; throws (with a message for the user) when it must not write. */
  apply(article: vscode.Uri, text: string, ops: readonly SidecarOp[]): Promise<SidecarState>;
  /** Moves an article's sidecar after a rename; false when it had none. */
  move(oldArticle: vscode.Uri, newArticle: vscode.Uri): Promise<boolean>;
}
