/**
 * What every command gets (the services `activate` built) and the helpers they share: finding the article and
 * the span a command acts on (from arguments, a tree row, a hover link or the editor selection), turning a
 * suggestion into a stored annotation, and the actor quick pick.
 *
 * Every command takes an optional argument object so that tests and other extensions can run it without any
 * UI: whatever the object supplies is not asked for.
 */
import * as vscode from 'vscode';
import type { ActiveArticle } from '../activeArticle';
import type { HighlightToggle } from '../decorations';
import type { DocumentSessions, Entry } from '../documents';
import type { RegistryService } from '../registryService';
import type { NewAnnotation, Sidecars } from '../sidecars';
import type { Node } from '../views/treeBase';
import type { ActorsTree } from '../views/actorsTree';
import type { WorkspaceIndexService } from '../workspace/workspaceIndex';
import { itemsAt, type Item } from '../viewModel';

export interface Services {
  sessions: DocumentSessions;
  active: ActiveArticle;
  toggle: HighlightToggle;
  registries: RegistryService;
  sidecars: Sidecars;
  actorsTree: ActorsTree;
  actorsView: vscode.TreeView<Node>;
  log: vscode.LogOutputChannel;
  /** The workspace index (issue 5): exports and the Actors view's workspace scope read it. */
  workspaceIndex: WorkspaceIndexService;
}

/** Offsets, or a vscode Range / Selection. */
export type RangeArg = { start: number; end: number } | vscode.Range;

export interface TargetArgs {
  /** The article (uri or its string); default: the active article. */
  uri?: string | vscode.Uri;
  /** The span; default: the editor selection. */
  range?: RangeArg;
  /** A view-model item key (from hovers, code actions and the test API). */
  key?: string;
}

export interface Target {
  entry: Entry;
  start: number;
  end: number;
  editor?: vscode.TextEditor;
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'contextValue' in x && 'id' in x && 'label' in x;
}

/** Normalises a command's first argument: an args object, a tree row, or nothing. */
export function argsOf<T extends object>(raw: unknown): T {
  if (isNode(raw)) {
    const out: TargetArgs = {};
    if (raw.item) out.key = raw.item.key;
    else if (raw.range) out.range = raw.range;
    return out as T;
  }
  if (raw instanceof vscode.Uri) return { uri: raw } as T;
  return (typeof raw === 'object' && raw !== null ? raw : {}) as T;
}

export function toUri(u: string | vscode.Uri): vscode.Uri {
  return typeof u === 'string' ? vscode.Uri.parse(u, true) : u;
}

/** The article a command acts on, opening its session when needed. */
export async function entryFor(s: Services, uri?: string | vscode.Uri): Promise<Entry | undefined> {
  if (uri !== undefined) {
    const u = toUri(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === u.toString()) ?? (await vscode.workspace.openTextDocument(u));
    await s.sessions.ensure(doc);
    return s.sessions.settle(doc.uri);
  }
  const ed = vscode.window.activeTextEditor ?? s.active.editor;
  if (ed) {
    await s.sessions.ensure(ed.document);
    return s.sessions.settle(ed.document.uri);
  }
  return s.active.uri ? s.sessions.settle(s.active.uri) : undefined;
}

function editorFor(entry: Entry): vscode.TextEditor | undefined {
  const key = entry.doc.uri.toString();
  const a = vscode.window.activeTextEditor;
  if (a?.document.uri.toString() === key) return a;
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
}

export function offsetsOf(doc: vscode.TextDocument, r: RangeArg): { start: number; end: number } {
  if (r instanceof vscode.Range) return { start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) };
  const a = Math.max(0, Math.min(r.start, r.end));
  const b = Math.max(r.start, r.end);
  return { start: a, end: b };
}

/** Article + span: from `args.range`, the item `args.key`, or the editor selection. */
export async function resolveTarget(s: Services, args: TargetArgs): Promise<Target | undefined> {
  const entry = await entryFor(s, args.uri);
  if (!entry) {
    void vscode.window.showInformationMessage('Open a news article first.');
    return undefined;
  }
  const editor = editorFor(entry);
  if (args.range) return { entry, editor, ...offsetsOf(entry.doc, args.range) };
  if (args.key) {
    const it = itemByKey(entry, args.key);
    if (it) return { entry, editor, start: it.start, end: it.end };
  }
  if (!editor) return undefined;
  return { entry, editor, start: entry.doc.offsetAt(editor.selection.start), end: entry.doc.offsetAt(editor.selection.end) };
}

export function itemByKey(entry: Entry, key: string): Item | undefined {
  return entry.session.vm.items.find((i) => i.key === key);
}

/** The item a command acts on: by key, else the innermost item at the target (optionally of some states/types). */
export function itemAt(entry: Entry, t: { start: number; end: number }, pred: (i: Item) => boolean = () => true): Item | undefined {
  const exact = entry.session.vm.items.find((i) => i.start === t.start && i.end === t.end && pred(i));
  return exact ?? itemsAt(entry.session.vm, t.start).find(pred);
}

/** A stored annotation equivalent to an item (used to confirm or reject a suggestion). */
export function toNew(item: Item, status: 'confirmed' | 'rejected'): NewAnnotation {
  const base = { type: item.type, status, start: item.start, end: item.end, text: item.text };
  switch (item.type) {
    case 'actor':
      return { ...base, actorId: item.actorId };
    case 'quote':
      return { ...base, speaker: item.speaker?.id ?? null, cue: item.cue?.text ?? null };
    case 'channel':
      return { ...base, channelType: item.channelType, participants: item.participants, via: item.via };
    case 'claim':
      return { ...base, claimKind: item.claimKind, claimant: item.claimant, claimStatus: item.claimStatus, note: item.note, links: item.links };
  }
}

/** Shows a store failure (refusal to clobber, unparsable sidecar) and returns undefined. */
export function reportFailure(s: Services, what: string, e: unknown): undefined {
  const msg = e instanceof Error ? e.message : String(e);
  s.log.error(`${what}: ${msg}`);
  void vscode.window.showErrorMessage(`News Annotator: ${what} failed — ${msg}`);
  return undefined;
}

interface ActorPick extends vscode.QuickPickItem {
  id: string | null;
}

/**
 * Quick pick of actors, nearest to `offset` first (those mentioned in the article, then the registry).
 * `allowNone` adds "(none — the author)". Resolves to an id, null for none, or undefined when cancelled.
 */
export async function pickActor(
  entry: Entry,
  offset: number,
  opts: { title: string; preselect?: string | null; allowNone?: string; includeRegistry?: boolean },
): Promise<string | null | undefined> {
  const vm = entry.session.vm;
  const distance = new Map<string, number>();
  for (const [id, info] of vm.actors) {
    let best = Infinity;
    for (const m of info.mentions) best = Math.min(best, Math.abs(m.start - offset));
    distance.set(id, best);
  }
  const items: ActorPick[] = [];
  if (opts.allowNone) items.push({ label: opts.allowNone, id: null });
  const near = [...vm.actors.values()].sort((a, b) => (distance.get(a.id) ?? 0) - (distance.get(b.id) ?? 0));
  if (near.length) items.push({ label: 'In this article', kind: vscode.QuickPickItemKind.Separator, id: null });
  for (const a of near) items.push({ label: a.name, description: a.kind, detail: a.roles.slice(0, 2).join('; ') || undefined, id: a.id });
  if (opts.includeRegistry) {
    const seen = new Set(vm.actors.keys());
    const rest = [...entry.session.registry.entries.values()].filter((e) => !seen.has(e.id)).sort((a, b) => a.name.localeCompare(b.name));
    if (rest.length) items.push({ label: 'Registry', kind: vscode.QuickPickItemKind.Separator, id: null });
    for (const e of rest) items.push({ label: e.name, description: e.kind, detail: e.roles.slice(0, 2).join('; ') || undefined, id: e.id });
  }
  const qp = vscode.window.createQuickPick<ActorPick>();
  qp.title = opts.title;
  qp.items = items;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const pre = items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator && i.id === (opts.preselect ?? undefined));
  if (pre) qp.activeItems = [pre];
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      const sel = qp.selectedItems[0] ?? qp.activeItems[0];
      qp.hide();
      resolve(sel ? sel.id : undefined);
    });
    qp.onDidHide(() => {
      qp.dispose();
      if (!done) resolve(undefined);
    });
    qp.show();
  });
}

/** A plain quick pick of strings with one preselected; undefined when cancelled. */
export async function pickOne<T extends string>(title: string, values: readonly T[], preselect?: T): Promise<T | undefined> {
  const items = values.map((v) => ({ label: v, picked: v === preselect }));
  const order = preselect ? [...items.filter((i) => i.label === preselect), ...items.filter((i) => i.label !== preselect)] : items;
  const sel = await vscode.window.showQuickPick(order, { title, placeHolder: preselect ? `${preselect}` : undefined });
  return sel?.label as T | undefined;
}

/** Items overlapping a span, innermost first. */
export function itemsAtRange(entry: Entry, t: { start: number; end: number }): Item[] {
  return entry.session.vm.items.filter((i) => i.start <= t.start && i.end >= t.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}
