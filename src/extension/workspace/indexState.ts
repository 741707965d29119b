/**
 * What the parts of the workspace index share (workspaceIndex.ts composes them): the `CorpusIndex` itself, the
 * line tables of the texts that were indexed, the stats, the coalesced change event, and the few steps both the
 * build (indexBuild.ts) and the incremental updates (indexUpdates.ts) take: which URIs are articles, reading an
 * article's confirmed sidecar annotations, noting how long an article took.
 *
 * One `IndexState` per `WorkspaceIndexService`; the build and the updates get the same one, so they see each
 * other's changes to the index as the single class they were split from did.
 */
import * as vscode from 'vscode';
import { CorpusIndex, type BuildResult } from '../../core/corpus';
import { SidecarStore, type Annotation } from '../../core/store';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, matchesGlobs, matchPath } from '../config';
import { Settings, SIDECAR_SUFFIX } from '../ids';
import type { RegistryService } from '../registryService';
import { portPath } from '../storeAdapter';
import { WorkspaceFsPort } from '../workspaceFsPort';

export interface WorkspaceIndexDeps {
  registries: Pick<RegistryService, 'get' | 'onDidChange'>;
  log?: vscode.LogOutputChannel;
}

export interface IndexStats {
  state: 'idle' | 'building' | 'ready' | 'cancelled';
  articles: number;
  lastBuild?: BuildResult & { files: number };
  /** Longest time one article took to read-decode-analyse-index synchronously (ms). */
  maxArticleMs: number;
  /** Last incremental update of one article (ms, analysis + index). */
  lastUpdateMs: number;
}

/** Offsets where the lines of a text start (for `positionIn`). */
export function lineStarts(text: string): Uint32Array {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Uint32Array.from(starts);
}

/** Whether a URI is an article by the include/exclude settings (the same rule as for open documents). */
export function isArticleUri(uri: vscode.Uri): boolean {
  if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote' && uri.scheme !== 'vscode-vfs') return false;
  if (uri.path.endsWith(SIDECAR_SUFFIX)) return false;
  const cfg = vscode.workspace.getConfiguration(Settings.section, uri);
  return matchesGlobs(matchPath(uri), cfg.get<string[]>('include') ?? DEFAULT_INCLUDE, cfg.get<string[]>('exclude') ?? DEFAULT_EXCLUDE);
}

export class IndexState {
  readonly index = new CorpusIndex();
  /** Line tables of the texts that were indexed, by article id. */
  readonly lines = new Map<string, Uint32Array>();
  readonly changed = new vscode.EventEmitter<void>();
  readonly port = new WorkspaceFsPort();
  readonly statsValue: IndexStats = { state: 'idle', articles: 0, maxArticleMs: 0, lastUpdateMs: 0 };
  disposed = false;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly deps: WorkspaceIndexDeps) {}

  /** Clears the pending change event and ends the emitter. */
  dispose(): void {
    clearTimeout(this.changeTimer);
    this.changed.dispose();
  }

  stats(): IndexStats {
    return { ...this.statsValue, articles: this.index.size };
  }

  noteArticleMs(ms: number): void {
    if (ms > this.statsValue.maxArticleMs) this.statsValue.maxArticleMs = ms;
  }

  async loadAnnotations(uri: vscode.Uri, text: string): Promise<Annotation[] | undefined> {
    try {
      const store = new SidecarStore(this.port);
      const r = await store.load(portPath(uri), text);
      if (r.errors.length) return undefined; // the open article shows the error; the index takes the suggestions
      return store.annotations.filter((a) => !a.orphaned);
    } catch (e) {
      this.deps.log?.warn(`workspace index: reading the sidecar of ${uri.toString()}: ${String(e)}`);
      return undefined;
    }
  }

  fireChanged(now = false): void {
    clearTimeout(this.changeTimer);
    if (now) {
      this.changeTimer = undefined;
      this.changed.fire();
      return;
    }
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      if (!this.disposed) this.changed.fire();
    }, 100);
  }
}
