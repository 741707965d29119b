/**
 * Shared plumbing for the sidebar trees: nodes are plain data with ids derived from the annotations (not from
 * labels), rebuilt when the active article changes and cached by id so `reveal` and `getParent` work.
 */
import * as vscode from 'vscode';
import type { ActiveArticle } from '../activeArticle';
import { Commands } from '../ids';
import type { Item, ViewModel } from '../viewModel';

export interface Node {
  id: string;
  label: string;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  contextValue: string;
  icon?: vscode.ThemeIcon;
  /** Expanded by default (groups) or collapsed (actors). */
  collapsible?: 'expanded' | 'collapsed';
  /** The annotation this row stands for (reveal on select). */
  item?: Item;
  /** Revealed range when there is no item (orphans: their last known position). */
  range?: { start: number; end: number };
  /** The article `item`/`range` is in, when not the active one (workspace-scope rows). */
  uri?: string;
  /** Extra data for commands on the row (e.g. an orphan's store id). */
  data?: unknown;
  parent?: Node;
  children?: Node[];
  /** Children computed when the row is first expanded (instead of `children`). */
  loadChildren?: () => Node[];
}

/** A one-line excerpt of the text around a span, for labels. */
export function excerpt(text: string, start: number, end: number, max = 60): string {
  const t = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export abstract class TreeBase implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  protected readonly disposables: vscode.Disposable[] = [this.changed];
  private roots: Node[] | undefined;
  private byId = new Map<string, Node>();

  constructor(protected readonly active: ActiveArticle) {
    this.disposables.push(active.onDidChange(() => this.refresh()));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** Builds the root nodes (with children) for the active article. */
  protected abstract build(vm: ViewModel, text: string): Node[];

  /** The root nodes: by default those of the active article (`build`), none without one. */
  protected buildRoots(): Node[] {
    const entry = this.active.entry;
    return entry ? this.build(entry.session.vm, entry.session.text) : [];
  }

  private ensure(): Node[] {
    if (this.roots) return this.roots;
    this.byId = new Map();
    this.roots = this.buildRoots();
    this.index(this.roots);
    return this.roots;
  }

  private index(nodes: Node[], parent?: Node): void {
    for (const n of nodes) {
      n.parent = parent;
      this.byId.set(n.id, n);
      if (n.children) this.index(n.children, n);
    }
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.ensure();
    if (!node.children && node.loadChildren) {
      node.children = node.loadChildren();
      this.index(node.children, node);
    }
    return node.children ?? [];
  }

  getParent(node: Node): Node | undefined {
    return node.parent;
  }

  /** The node with this id in the current tree. */
  find(id: string): Node | undefined {
    this.ensure();
    return this.byId.get(id);
  }

  /** The first node (depth first) whose item matches. */
  findByItem(pred: (item: Item) => boolean): Node | undefined {
    this.ensure();
    for (const n of this.byId.values()) if (n.item && pred(n.item)) return n;
    return undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const state =
      (node.children && node.children.length) || (!node.children && node.loadChildren)
        ? node.collapsible === 'expanded'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
    const ti = new vscode.TreeItem(node.label, state);
    ti.id = node.id;
    ti.description = node.description;
    ti.tooltip = node.tooltip;
    ti.contextValue = node.contextValue;
    ti.iconPath = node.icon;
    const span = node.item ?? node.range;
    const uri = node.uri ?? this.active.uri;
    if (span && uri) ti.command = { command: Commands.revealRange, title: 'Reveal', arguments: [uri.toString(), span.start, span.end] };
    return ti;
  }
}
