/**
 * Language features over the workspace index:
 * - Find All References on an actor name (or on its registry entry) → its mentions in every indexed article;
 * - Go to Definition → its registry entry (the workspace registry when it defines the actor, else the bundled
 *   default registry, shown read-only);
 * - Workspace Symbols (Ctrl+T) → actors by name, alias or any name seen in the articles;
 * - Rename of an actor's canonical name → one WorkspaceEdit over the workspace registry and the sidecars
 *   (renameEdits.ts has the rules), so one Undo reverts it.
 */
import * as vscode from 'vscode';
import { kebab } from '../../core/actors';
import type { CorpusActor } from '../../core/corpus';
import { fold } from '../../core/text';
import type { DocumentSessions } from '../documents';
import { SIDECAR_SUFFIX } from '../ids';
import { itemsAt } from '../viewModel';
import type { RegistryLocations } from './registryLocations';
import { newRegistryText, registryEdits, sidecarIdEdits, type OffsetEdit } from './renameEdits';
import type { WorkspaceIndexService } from './workspaceIndex';

export interface ProviderDeps {
  service: WorkspaceIndexService;
  locations: RegistryLocations;
  /** The open articles' sessions: the actor under the cursor from the live analysis (else from the index). */
  sessions?: Pick<DocumentSessions, 'get'>;
}

/**
 * The documents the features apply to: the article languages (an include glob for other file types is still
 * served through the index, which answers only for indexed articles), the workspace registry and the read-only
 * bundled registry. Not every file: the rename provider must not stand in front of other languages' renames.
 */
export const WORKSPACE_SELECTOR: vscode.DocumentSelector = [
  { language: 'plaintext' },
  { language: 'markdown' },
  { language: 'news-article' },
  { pattern: '**/.news-annotator/actors.yaml' },
  { scheme: 'news-annotator-registry' },
];

const SYMBOL_KIND: Record<string, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Namespace,
  state: vscode.SymbolKind.Module,
};

interface ActorAt {
  id: string;
  /** The mention's range in the document, when the cursor is on a mention. */
  range?: vscode.Range;
}

export class ActorFeatures implements vscode.ReferenceProvider, vscode.DefinitionProvider, vscode.WorkspaceSymbolProvider, vscode.RenameProvider {
  constructor(private readonly deps: ProviderDeps) {}

  private get index() {
    return this.deps.service.index;
  }

  /** The actor at a position: a mention in an article (live session first, then the index) or a registry entry. */
  async actorAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<ActorAt | undefined> {
    const inRegistry = this.deps.locations.idAt(doc, pos);
    if (inRegistry) return { id: inRegistry };
    const offset = doc.offsetAt(pos);
    const vm = this.deps.sessions?.get(doc.uri)?.session.vm;
    if (vm) {
      const item = itemsAt(vm, offset).find((i) => i.type === 'actor');
      if (item && item.type === 'actor') return { id: item.actorId, range: new vscode.Range(doc.positionAt(item.start), doc.positionAt(item.end)) };
    }
    const article = this.deps.service.articleId(doc.uri);
    if (!this.index.has(article) && this.deps.service.isArticleUri(doc.uri)) await this.deps.service.refresh(doc.uri);
    const m = this.index.mentionAt(article, offset);
    return m && { id: m.actorId, range: new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end)) };
  }

  async provideReferences(doc: vscode.TextDocument, pos: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[]> {
    const actor = await this.actorAt(doc, pos);
    if (!actor) return [];
    // an edited article whose re-index is still waiting for the pause in typing: index it now
    if (doc.isDirty && this.deps.service.isArticleUri(doc.uri)) await this.deps.service.refresh(doc.uri);
    const out = this.index.references(actor.id).map((r) => this.deps.service.location(r.article, r.start, r.end));
    if (context.includeDeclaration) {
      const def = await this.deps.locations.definition(actor.id, doc.uri);
      if (def) out.unshift(def);
    }
    return out;
  }

  async provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Definition | vscode.LocationLink[] | undefined> {
    if (this.deps.locations.isRegistryDocument(doc.uri)) return undefined;
    const actor = await this.actorAt(doc, pos);
    if (!actor) return undefined;
    const def = await this.deps.locations.definition(actor.id, doc.uri);
    if (!def) return undefined;
    return [{ originSelectionRange: actor.range, targetUri: def.uri, targetRange: def.range, targetSelectionRange: def.range }];
  }

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const q = query.trim();
    const hits = q ? this.index.findActors(q, { limit: 200, includeUnmentioned: true }) : this.index.actorTotals().slice(0, 200);
    const out: vscode.SymbolInformation[] = [];
    for (const h of hits) {
      const where = this.firstMention(h.actor.id);
      if (!where) continue; // only actors that occur in the articles have a place to go to without a registry read
      const info = new vscode.SymbolInformation(
        symbolName(h.actor, q),
        SYMBOL_KIND[h.actor.kind] ?? vscode.SymbolKind.Object,
        `${h.actor.kind} · ${h.mentions} mention${h.mentions === 1 ? '' : 's'} in ${h.articles} article${h.articles === 1 ? '' : 's'}`,
        where,
      );
      out.push(info);
    }
    return out;
  }

  private firstMention(id: string): vscode.Location | undefined {
    const top = this.index.articlesOf(id)[0];
    if (!top) return undefined;
    const r = this.index.references(id, { articles: [top.article] })[0];
    return r && this.deps.service.location(r.article, r.start, r.end);
  }

  async prepareRename(doc: vscode.TextDocument, pos: vscode.Position): Promise<{ range: vscode.Range; placeholder: string }> {
    const actor = await this.actorAt(doc, pos);
    if (!actor) throw new Error('Rename works on an actor name: place the cursor on a highlighted actor.');
    const name = this.index.actor(actor.id)?.name ?? actor.id;
    const range = actor.range ?? doc.getWordRangeAtPosition(pos, /[^\s:"']+/) ?? new vscode.Range(pos, pos);
    return { range, placeholder: name };
  }

  async provideRenameEdits(doc: vscode.TextDocument, pos: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
    const actor = await this.actorAt(doc, pos);
    if (!actor) throw new Error('Rename works on an actor name: place the cursor on a highlighted actor.');
    return this.renameEdit(actor.id, newName, doc.uri);
  }

  /** The one WorkspaceEdit that renames an actor (registry entry + sidecars). Exported for tests and commands. */
  async renameEdit(id: string, rawName: string, scope?: vscode.Uri): Promise<vscode.WorkspaceEdit> {
    const newName = rawName.trim();
    if (!newName || /[\r\n]/.test(newName)) throw new Error('An actor name is one line of text.');
    if (!vscode.workspace.isTrusted) throw new Error('The registry and sidecars are not changed in an untrusted workspace.');
    const actor = this.index.actor(id);
    const oldName = actor?.name ?? id;
    const kind = actor?.kind ?? 'person';
    const file = this.deps.locations.workspaceFile(scope);
    if (!file) throw new Error('Open a folder to keep a workspace registry.');
    const bundled = await this.deps.locations.inBundled(id);
    const candidate = kebab(newName);
    const idFollows = !bundled && id === kebab(oldName) && candidate !== '' && candidate !== id && !this.index.actor(candidate);
    const newId = idFollows ? candidate : id;

    const edit = new vscode.WorkspaceEdit();
    const meta = (label: string): vscode.WorkspaceEditEntryMetadata => ({ label, needsConfirmation: false });
    const r = { id, newId, oldName, newName, kind };
    const text = await this.deps.locations.workspaceText(file);
    if (text === undefined) {
      edit.createFile(file, { ignoreIfExists: false }, meta(`Create the workspace registry with ${newName}`));
      edit.insert(file, new vscode.Position(0, 0), newRegistryText(r), meta(`Rename ${oldName} → ${newName}`));
    } else {
      addOffsetEdits(edit, file, text, registryEdits(text, r), meta(`Rename ${oldName} → ${newName} in the registry`));
    }
    if (newId !== id) {
      for (const sidecar of await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**')) {
        const t = await readText(sidecar);
        if (t === undefined) continue;
        addOffsetEdits(edit, sidecar, t, sidecarIdEdits(t, id, newId), meta(`Actor id ${id} → ${newId}`));
      }
    }
    return edit;
  }
}

/** The canonical name, plus the alias the query found when the name alone would not match it (Ctrl+T filters by label). */
function symbolName(a: CorpusActor, query: string): string {
  if (!query) return a.name;
  const q = fold(query);
  if (fuzzyIn(fold(a.name), q)) return a.name;
  const alias = a.aliases.find((x) => fold(x).includes(q)) ?? a.aliases.find((x) => fuzzyIn(fold(x), q));
  return alias ? `${a.name} (${alias})` : a.name;
}

function fuzzyIn(s: string, q: string): boolean {
  let i = 0;
  for (const ch of s) if (ch === q[i]) i++;
  return i >= q.length;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Offset edits on a text → range edits (line/character computed on that same text). */
function addOffsetEdits(edit: vscode.WorkspaceEdit, uri: vscode.Uri, text: string, edits: readonly OffsetEdit[], meta: vscode.WorkspaceEditEntryMetadata): void {
  if (!edits.length) return;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const pos = (o: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, o - starts[lo]);
  };
  for (const e of edits) edit.replace(uri, new vscode.Range(pos(e.start), pos(e.end)), e.text, meta);
}

/** Registers the four providers; returns one disposable. */
export function registerActorProviders(deps: ProviderDeps): { features: ActorFeatures; disposable: vscode.Disposable } {
  const features = new ActorFeatures(deps);
  const disposable = vscode.Disposable.from(
    vscode.languages.registerReferenceProvider(WORKSPACE_SELECTOR, features),
    vscode.languages.registerDefinitionProvider(WORKSPACE_SELECTOR, features),
    vscode.languages.registerWorkspaceSymbolProvider(features),
    vscode.languages.registerRenameProvider(WORKSPACE_SELECTOR, features),
  );
  return { features, disposable };
}
