/**
 * The actor registry for each workspace folder: the default registry shipped with the extension
 * (`registry/world.yaml`) merged with the folder's `.news-annotator/actors.yaml` (later entries win by id),
 * compiled once and cached until one of the two files changes.
 */
import * as vscode from 'vscode';
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { compileRegistry, mergeRegistries, parseRegistry, type CompiledRegistry } from '../core/registry';
import type { ActorEntry, SourceError } from '../core/types';
import { WORKSPACE_REGISTRY_PATH } from './ids';
import { WorkspaceFsPort } from './workspaceFsPort';

export interface LoadedRegistry {
  compiled: CompiledRegistry;
  /** Entries of the workspace file only (where "Mark as actor" adds new ones). */
  workspaceEntries: ActorEntry[];
  workspaceFile: vscode.Uri | undefined;
  errors: SourceError[];
}

export class RegistryService implements vscode.Disposable {
  private base: Promise<ActorEntry[]> | undefined;
  private readonly cache = new Map<string, Promise<LoadedRegistry>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** The workspace registry file for a document (in its workspace folder, or the first folder). */
  workspaceRegistryUri(doc?: vscode.Uri): vscode.Uri | undefined {
    const folder = (doc && vscode.workspace.getWorkspaceFolder(doc)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, WORKSPACE_REGISTRY_PATH) : undefined;
  }

  get(doc?: vscode.Uri): Promise<LoadedRegistry> {
    const file = this.workspaceRegistryUri(doc);
    const key = file?.toString() ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.load(file);
      this.cache.set(key, p);
    }
    return p;
  }

  /** Forget cached registries (a registry file changed) and tell the sessions. */
  invalidate(): void {
    this.cache.clear();
    this.changed.fire();
  }

  private loadBase(): Promise<ActorEntry[]> {
    this.base ??= (async () => {
      const uri = vscode.Uri.joinPath(this.extensionUri, 'registry', 'world.yaml');
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        return parseRegistry(text, uri.fsPath).entries;
      } catch {
        return [];
      }
    })();
    return this.base;
  }

  private async load(file: vscode.Uri | undefined): Promise<LoadedRegistry> {
    const base = await this.loadBase();
    let workspaceEntries: ActorEntry[] = [];
    const errors: SourceError[] = [];
    if (file) {
      let text: string | undefined;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        text = undefined; // no workspace registry: fine
      }
      if (text !== undefined) {
        try {
          const parsed = parseRegistry(text, file.fsPath, { partial: true });
          workspaceEntries = parsed.entries;
          errors.push(...parsed.errors);
        } catch (e) {
          errors.push({ file: file.fsPath, line: 1, column: 1, message: e instanceof Error ? e.message : String(e) });
        }
      }
    }
    const merged = workspaceEntries.length ? mergeRegistries(base, workspaceEntries) : base;
    return { compiled: compileRegistry(merged), workspaceEntries, workspaceFile: file, errors };
  }

  /**
   * Adds an actor to the workspace registry (`.news-annotator/actors.yaml`, created when missing), keeping the
   * file's comments and layout (yaml Document API); atomic write. Refuses when the file does not parse.
   */
  async addActor(doc: vscode.Uri | undefined, entry: Pick<ActorEntry, 'id' | 'name' | 'kind'> & Partial<ActorEntry>): Promise<vscode.Uri> {
    const file = this.workspaceRegistryUri(doc);
    if (!file) throw new Error('open a folder to keep a workspace registry');
    if (!vscode.workspace.isTrusted) throw new Error('the workspace registry is not changed in an untrusted workspace');
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      text = '# Actors for this workspace (News Annotator). Same schema as the default registry.\nactors: []\n';
    }
    const ydoc = parseDocument(text);
    if (ydoc.errors.length) throw new Error(`${file.fsPath} does not parse (${ydoc.errors[0].message}); fix it first`);
    if (ydoc.contents === null || ydoc.contents === undefined) ydoc.contents = ydoc.createNode({ actors: [] }) as unknown as typeof ydoc.contents;
    let seq: unknown = ydoc.contents;
    if (isMap(seq)) {
      if (!seq.has('actors')) seq.set('actors', new YAMLSeq());
      seq = seq.get('actors', true);
    }
    if (!isSeq(seq)) throw new Error(`${file.fsPath}: expected a list of actors (or an "actors:" list)`);
    const clean: Record<string, unknown> = { id: entry.id, name: entry.name, kind: entry.kind };
    if (entry.aliases?.length) clean.aliases = entry.aliases;
    if (entry.roles?.length) clean.roles = entry.roles;
    seq.flow = false;
    seq.add(ydoc.createNode(clean));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
    await new WorkspaceFsPort().writeAtomic(file.toString(), new TextEncoder().encode(ydoc.toString({ lineWidth: 0 })));
    this.invalidate();
    return file;
  }
}
