/** The extension's settings, read fresh where needed (VS Code caches them), and which files are articles. */
import { minimatch } from 'minimatch';
import * as vscode from 'vscode';
import { HIGHLIGHT_KEYS, LANGUAGE_ID, Settings, SIDECAR_SUFFIX } from './ids';
import { ALL_ON, type Highlight } from './layers';

export const DEFAULT_INCLUDE = ['**/*.txt', '**/*.md', '**/*.news'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', `**/*${SIDECAR_SUFFIX}`];
export const DEFAULT_DEBOUNCE_MS = 150;

function section(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(Settings.section, scope);
}

export function highlightSetting(scope?: vscode.Uri): Highlight {
  const raw = section(scope).get<Partial<Record<string, unknown>>>('highlight') ?? {};
  const out = { ...ALL_ON };
  for (const k of HIGHLIGHT_KEYS) if (typeof raw[k] === 'boolean') out[k] = raw[k];
  return out;
}

export function debounceMs(scope?: vscode.Uri): number {
  const v = section(scope).get<number>('debounceMs');
  return typeof v === 'number' && v >= 0 ? v : DEFAULT_DEBOUNCE_MS;
}

/** A path relative to its workspace folder (with `/`), or the bare file name outside any folder. */
export function matchPath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) {
    const rel = uri.path.slice(folder.uri.path.length).replace(/^\/+/, '');
    if (rel) return rel;
  }
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Pure part of `isArticle`, for tests: does a relative path match include and not exclude? */
export function matchesGlobs(path: string, include: readonly string[], exclude: readonly string[]): boolean {
  const opts = { dot: true, nocase: process.platform === 'win32' };
  if (exclude.some((g) => minimatch(path, g, opts))) return false;
  return include.some((g) => minimatch(path, g, opts));
}

/** Whether a document is an article: the news-article language, or a file matching the include/exclude globs. */
export function isArticle(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote' && doc.uri.scheme !== 'vscode-userdata') {
    if (doc.languageId !== LANGUAGE_ID) return false;
  }
  const cfg = section(doc.uri);
  const exclude = cfg.get<string[]>('exclude') ?? DEFAULT_EXCLUDE;
  const path = matchPath(doc.uri);
  if (doc.languageId === LANGUAGE_ID) return !exclude.some((g) => minimatch(path, g, { dot: true }));
  if (doc.uri.scheme === 'untitled') return false;
  return matchesGlobs(path, cfg.get<string[]>('include') ?? DEFAULT_INCLUDE, exclude);
}
