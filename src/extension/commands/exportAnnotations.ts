/**
 * Export Annotations…: the CLI `export` from the palette (docs/exports.md). Asks for the format, the scope (this
 * article / every article of the workspace index), confirmed-only or with suggestions, and the folder (default
 * `exports/` in the workspace); reads each article (an open document's text, else the file) and its sidecar
 * through `workspace.fs`, prepares it with the same core functions as the CLI (`prepareArticle`, `exportFiles`)
 * and writes through `workspace.fs`. Never writes over an article it exports.
 *
 * `{ format, scope, uri, confirmedOnly, folder }` skips whatever it supplies; resolves to the folder and the
 * files written (undefined when cancelled).
 */
import * as vscode from 'vscode';
import { EXPORT_FORMATS, exportFiles, isExportFormat, prepareArticle, type ExportArticle, type ExportFormat } from '../../core/export';
import { decodeText } from '../../core/text/decode';
import { Commands, SIDECAR_SUFFIX } from '../ids';
import { argsOf, reportFailure, toUri, type Services } from './common';

export type ExportScope = 'article' | 'workspace';

export interface ExportArgs {
  format?: ExportFormat;
  scope?: ExportScope;
  /** The article of the `article` scope; default: the active article. */
  uri?: string | vscode.Uri;
  confirmedOnly?: boolean;
  /** Output folder (created when missing); default asked, offering `exports/` in the workspace. */
  folder?: string | vscode.Uri;
}

export interface ExportResult {
  folder: string;
  /** The files written, as URI strings. */
  files: string[];
  articles: number;
  /** Problems met on the way (unreadable files, broken sidecars, orphans left out). */
  warnings: string[];
}

const FORMAT_LABELS: Record<ExportFormat, { label: string; detail: string }> = {
  w3c: { label: 'W3C Web Annotation (JSON-LD)', detail: 'one .jsonld collection per article' },
  brat: { label: 'brat standoff', detail: '.txt + .ann per article and annotation.conf' },
  csv: { label: 'CSV', detail: 'mentions, quotes, channels (edge list) and claims tables' },
  graphml: { label: 'GraphML', detail: 'the channel network (Gephi, yEd, Cytoscape, NetworkX)' },
  dot: { label: 'DOT', detail: 'the channel network (Graphviz)' },
};

async function pick<T>(title: string, items: Array<vscode.QuickPickItem & { value: T }>): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true }))?.value;
}

/** The output folder: `exports/` in the workspace, or one chosen in the folder dialog. */
async function askFolder(defaultFolder: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const items: Array<vscode.QuickPickItem & { value: 'default' | 'choose' }> = [];
  if (defaultFolder) items.push({ label: vscode.workspace.asRelativePath(defaultFolder, true) + '/', description: 'in the workspace', value: 'default' });
  items.push({ label: 'Choose a folder…', value: 'choose' });
  const how = await pick('Export Annotations: output folder', items);
  if (how === 'default') return defaultFolder;
  if (how !== 'choose') return undefined;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: defaultFolder ?? vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: 'Export here' });
  return chosen?.[0];
}

/** The article's text: the open document's (unsaved edits included), else the file's. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
  if (open) return open.getText();
  const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
  return decoded.ok ? decoded.text : undefined;
}

async function readSidecar(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri.with({ path: uri.path + SIDECAR_SUFFIX })));
  } catch {
    return undefined; // no sidecar
  }
}

/** A folder argument: a Uri, a URI string, or a file-system path. */
function folderUri(f: string | vscode.Uri): vscode.Uri {
  if (typeof f !== 'string') return f;
  return /^[a-zA-Z][\w+.-]+:\/\//.test(f) ? vscode.Uri.parse(f, true) : vscode.Uri.file(f);
}

/** How the outputs name an article: its workspace-relative path (outside the workspace: its file name). */
function nameOf(uri: vscode.Uri): string {
  const rel = vscode.workspace.asRelativePath(uri, false);
  return rel === uri.fsPath || rel === uri.toString() ? uri.path.slice(uri.path.lastIndexOf('/') + 1) : rel;
}

export async function exportAnnotations(s: Services, args: ExportArgs, progress?: vscode.Progress<{ message?: string }>, token?: vscode.CancellationToken): Promise<ExportResult | undefined> {
  const format = args.format!;
  let uris: vscode.Uri[];
  if (args.scope === 'article') {
    const u = args.uri !== undefined ? toUri(args.uri) : (vscode.window.activeTextEditor?.document.uri ?? s.active.uri);
    if (!u) throw new Error('no article is open');
    uris = [u];
  } else {
    progress?.report({ message: 'waiting for the workspace index' });
    await s.workspaceIndex.ready();
    uris = s.workspaceIndex.index
      .articles()
      .sort()
      .map((a) => s.workspaceIndex.uriOf(a));
  }
  const warnings: string[] = [];
  const articles: ExportArticle[] = [];
  for (const [i, uri] of uris.entries()) {
    if (token?.isCancellationRequested) return undefined;
    progress?.report({ message: `${i + 1} / ${uris.length}` });
    const name = nameOf(uri);
    let text: string | undefined;
    try {
      text = await readText(uri);
    } catch (e) {
      warnings.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (text === undefined) {
      warnings.push(`${name}: not readable as text; left out`);
      continue;
    }
    const registry = await s.registries.get(uri);
    const prepared = prepareArticle({ article: name, text, sidecarText: await readSidecar(uri), sidecarName: `${name}${SIDECAR_SUFFIX}`, registry: registry.compiled, confirmedOnly: args.confirmedOnly });
    for (const e of prepared.sidecarErrors) warnings.push(`${e.file}:${e.line}:${e.column}: ${e.message} (exported without its confirmed annotations)`);
    if (prepared.orphaned) warnings.push(`${name}: ${prepared.orphaned} orphaned annotation(s) left out`);
    articles.push({ doc: prepared.doc, name, source: uri.toString() });
    // let the extension host breathe between articles
    await new Promise((r) => setImmediate(r));
  }
  if (!articles.length) throw new Error(args.scope === 'article' ? 'the article could not be read' : 'the workspace index has no articles');

  const folder = folderUri(args.folder!);
  const inputs = new Set(uris.map((u) => u.toString()));
  const files = exportFiles(format, articles).map((f) => ({ uri: vscode.Uri.joinPath(folder, ...f.path.split('/')), text: f.text }));
  for (const f of files) if (inputs.has(f.uri.toString())) throw new Error(`refusing to overwrite the article ${vscode.workspace.asRelativePath(f.uri)}: choose another folder`);
  // Written only once every output path is known to be safe.
  const enc = new TextEncoder();
  for (const f of files) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(f.uri, '..'));
    await vscode.workspace.fs.writeFile(f.uri, enc.encode(f.text));
  }
  for (const w of warnings) s.log.warn(`export: ${w}`);
  return { folder: folder.toString(), files: files.map((f) => f.uri.toString()), articles: articles.length, warnings };
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.export, async (raw?: unknown): Promise<ExportResult | undefined> => {
    const args = { ...argsOf<ExportArgs>(raw) };
    const interactive = args.folder === undefined;
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('News Annotator: exports are not written in an untrusted workspace (trust the folder to export).');
      return undefined;
    }
    if (args.format !== undefined && !isExportFormat(args.format)) {
      void vscode.window.showErrorMessage(`News Annotator: unknown export format “${String(args.format)}” (one of ${EXPORT_FORMATS.join(', ')})`);
      return undefined;
    }
    args.format ??= await pick(
      'Export Annotations: format',
      EXPORT_FORMATS.map((f) => ({ ...FORMAT_LABELS[f], value: f })),
    );
    if (!args.format) return undefined;
    if (!args.scope) {
      const current = args.uri !== undefined ? toUri(args.uri) : (vscode.window.activeTextEditor?.document.uri ?? s.active.uri);
      const items: Array<vscode.QuickPickItem & { value: ExportScope }> = [];
      if (current && s.sessions.get(current)) items.push({ label: 'This article', description: vscode.workspace.asRelativePath(current), value: 'article' });
      items.push({ label: 'All articles in the workspace', description: `${s.workspaceIndex.index.size} indexed`, value: 'workspace' });
      args.scope = await pick('Export Annotations: articles', items);
      if (!args.scope) return undefined;
    }
    if (args.confirmedOnly === undefined) {
      args.confirmedOnly = await pick('Export Annotations: which annotations', [
        { label: 'Confirmed and suggestions', detail: 'the engine’s suggestions too, unless rejected (each item says where it comes from)', value: false },
        { label: 'Confirmed only', detail: 'only what you confirmed in the sidecars', value: true },
      ]);
      if (args.confirmedOnly === undefined) return undefined;
    }
    if (args.folder === undefined) {
      const root = vscode.workspace.workspaceFolders?.[0]?.uri;
      args.folder = await askFolder(root && vscode.Uri.joinPath(root, 'exports'));
      if (!args.folder) return undefined;
    }
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `News Annotator: exporting (${FORMAT_LABELS[args.format].label})`, cancellable: true },
        (progress, token) => exportAnnotations(s, args, progress, token),
      );
      if (result && interactive) {
        const where = vscode.workspace.asRelativePath(toUri(result.folder));
        const more = result.warnings.length ? ` (${result.warnings.length} warning(s): see the News Annotator output)` : '';
        void vscode.window.showInformationMessage(`News Annotator: wrote ${result.files.length} file(s) for ${result.articles} article(s) to ${where}${more}`, 'Reveal in Explorer').then((choice) => {
          if (choice) void vscode.commands.executeCommand('revealInExplorer', toUri(result.files[0] ?? result.folder));
        });
      }
      return result;
    } catch (e) {
      return reportFailure(s, 'Export', e);
    }
  });
}
