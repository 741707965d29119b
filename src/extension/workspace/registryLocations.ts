/**
 * Where actors are defined: the line of each `id:` in the workspace registry (`.news-annotator/actors.yaml`)
 * and in the bundled default registry (`registry/world.yaml`). The bundled file is shown read-only through a
 * content provider (`news-annotator-registry:/world.yaml`), so Go to Definition cannot change the shipped file.
 */
import * as vscode from 'vscode';
import { WORKSPACE_REGISTRY_PATH } from '../ids';

export const REGISTRY_SCHEME = 'news-annotator-registry';
export const BUNDLED_REGISTRY_URI = vscode.Uri.from({ scheme: REGISTRY_SCHEME, path: '/world.yaml' });

const ID_LINE = /^([ \t]*(?:-[ \t]+)?)id:[ \t]*(["']?)([^"'\s#]+)\2[ \t]*(?:#.*)?$/gm;

/** id → { line, character of `id` } for every entry of a registry text. */
export function idLines(text: string): Map<string, vscode.Position> {
  const out = new Map<string, vscode.Position>();
  let line = 0;
  let last = 0;
  for (const m of text.matchAll(ID_LINE)) {
    for (let i = text.indexOf('\n', last); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    last = m.index;
    if (!out.has(m[3])) out.set(m[3], new vscode.Position(line, m[1].length));
  }
  return out;
}

/** The registry entry's id at a line of a registry text (the nearest `id:` at or above it within its entry). */
export function idAtLine(text: string, line: number): string | undefined {
  const lines = text.split('\n');
  for (let l = Math.min(line, lines.length - 1); l >= 0; l--) {
    const m = /^([ \t]*)(-[ \t]+)?id:[ \t]*(["']?)([^"'\s#]+)\3/.exec(lines[l]);
    if (m) return m[4];
    if (/^[ \t]*-[ \t]/.test(lines[l]) || /^\S/.test(lines[l])) return undefined; // another entry / top level
  }
  return undefined;
}

export class RegistryLocations implements vscode.Disposable {
  private bundled: Promise<{ text: string; ids: Map<string, vscode.Position> }> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {
    const provider: vscode.TextDocumentContentProvider = { provideTextDocumentContent: async () => (await this.loadBundled()).text };
    this.disposables.push(vscode.workspace.registerTextDocumentContentProvider(REGISTRY_SCHEME, provider));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  get bundledFile(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'registry', 'world.yaml');
  }

  /** The workspace registry file of a document's folder (or the first folder). */
  workspaceFile(doc?: vscode.Uri): vscode.Uri | undefined {
    const folder = (doc && vscode.workspace.getWorkspaceFolder(doc)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, WORKSPACE_REGISTRY_PATH) : undefined;
  }

  isRegistryDocument(uri: vscode.Uri): boolean {
    return uri.scheme === REGISTRY_SCHEME || uri.path.endsWith('/' + WORKSPACE_REGISTRY_PATH) || uri.toString() === this.bundledFile.toString();
  }

  private loadBundled(): Promise<{ text: string; ids: Map<string, vscode.Position> }> {
    this.bundled ??= Promise.resolve(vscode.workspace.fs.readFile(this.bundledFile)).then(
      (b) => {
        const text = new TextDecoder().decode(b);
        return { text, ids: idLines(text) };
      },
      () => ({ text: '', ids: new Map<string, vscode.Position>() }),
    );
    return this.bundled;
  }

  /** Whether the bundled registry defines an id. */
  async inBundled(id: string): Promise<boolean> {
    return (await this.loadBundled()).ids.has(id);
  }

  /** The workspace registry's text (the open editor's when open), or undefined when there is no file. */
  async workspaceText(file: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
    if (open) return open.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined;
    }
  }

  /** The definition of an actor: its workspace registry entry when there is one, else the bundled entry. */
  async definition(id: string, doc?: vscode.Uri): Promise<vscode.Location | undefined> {
    const file = this.workspaceFile(doc);
    if (file) {
      const text = await this.workspaceText(file);
      const at = text === undefined ? undefined : idLines(text).get(id);
      if (at) return new vscode.Location(file, at);
    }
    const at = (await this.loadBundled()).ids.get(id);
    return at ? new vscode.Location(BUNDLED_REGISTRY_URI, at) : undefined;
  }

  /** The actor id of the registry entry at a position of a registry document. */
  idAt(doc: vscode.TextDocument, pos: vscode.Position): string | undefined {
    return this.isRegistryDocument(doc.uri) ? idAtLine(doc.getText(), pos.line) : undefined;
  }
}
