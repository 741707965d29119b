/**
 * Actors view: the active article's actors grouped by kind (people, organisations, states, unknown) with
 * counts; an actor expands to its mentions, its quotes and the channels it takes part in. A filter narrows the
 * actors by name or alias.
 *
 * Workspace scope (Toggle Actors Scope): every actor of the workspace index with its mentions and articles
 * across the corpus; an actor expands to the articles mentioning it, with their counts (a row opens the article
 * at the actor's first mention there).
 */
import * as vscode from 'vscode';
import type { CorpusActor, CorpusIndex } from '../../core/corpus';
import type { ActiveArticle } from '../activeArticle';
import { ContextKeys, TreeContext } from '../ids';
import type { ActorInfo, ViewModel } from '../viewModel';
import { excerpt, lineOf, TreeBase, type Node } from './treeBase';

const GROUPS = [
  { key: 'person', label: 'People', icon: 'person' },
  { key: 'organization', label: 'Organisations', icon: 'organization' },
  { key: 'state', label: 'States', icon: 'globe' },
  { key: 'unknown', label: 'Unknown actors', icon: 'question' },
] as const;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function actorGroup(info: Pick<ActorInfo, 'known' | 'kind'>): (typeof GROUPS)[number]['key'] {
  return info.known ? info.kind : 'unknown';
}

export type ActorsScope = 'article' | 'workspace';

/** What the workspace scope needs from the workspace index (WorkspaceIndexService has it). */
export interface ActorsWorkspaceSource {
  readonly index: CorpusIndex;
  label(article: string): string;
  readonly onDidChange: vscode.Event<void>;
}

export class ActorsTree extends TreeBase {
  private filterText = '';
  private scopeValue: ActorsScope = 'article';

  constructor(
    active: ActiveArticle,
    private readonly workspace?: ActorsWorkspaceSource,
  ) {
    super(active);
    if (workspace)
      this.disposables.push(
        workspace.onDidChange(() => {
          if (this.scopeValue === 'workspace') this.refresh();
        }),
      );
  }

  get scope(): ActorsScope {
    return this.scopeValue;
  }

  async setScope(scope: ActorsScope): Promise<void> {
    this.scopeValue = scope === 'workspace' && this.workspace ? 'workspace' : 'article';
    await vscode.commands.executeCommand('setContext', ContextKeys.actorsWorkspaceScope, this.scopeValue === 'workspace');
    this.refresh();
  }

  protected override buildRoots(): Node[] {
    return this.scopeValue === 'workspace' && this.workspace ? this.buildWorkspace(this.workspace) : super.buildRoots();
  }

  private matchesCorpus(a: CorpusActor): boolean {
    if (!this.filterText) return true;
    const f = this.filterText.toLowerCase();
    return [a.name, a.id, ...a.aliases].some((s) => s.toLowerCase().includes(f));
  }

  private buildWorkspace(ws: ActorsWorkspaceSource): Node[] {
    const totals = ws.index.actorTotals().filter((h) => this.matchesCorpus(h.actor));
    const roots: Node[] = [];
    for (const g of GROUPS) {
      const hits = totals.filter((h) => actorGroup(h.actor) === g.key);
      if (!hits.length) continue;
      roots.push({
        id: `ws-kind:${g.key}`,
        label: g.label,
        description: String(hits.length),
        contextValue: TreeContext.kindGroup,
        icon: new vscode.ThemeIcon(g.icon),
        collapsible: 'expanded',
        children: hits.map(({ actor: a, mentions, articles }) => ({
          id: `actor:${a.id}`,
          label: a.name,
          description: `${plural(mentions, 'mention')} · ${plural(articles, 'article')}`,
          tooltip: [a.name, a.aliases.length ? `also: ${a.aliases.join(', ')}` : ''].filter(Boolean).join('\n'),
          contextValue: TreeContext.actor,
          icon: new vscode.ThemeIcon(a.known ? (a.kind === 'person' ? 'person' : a.kind === 'state' ? 'globe' : 'organization') : 'question'),
          collapsible: 'collapsed',
          data: a.id,
          loadChildren: () =>
            ws.index.articlesOf(a.id).map(({ article, count }) => {
              const first = ws.index.references(a.id, { articles: [article] })[0];
              return {
                id: `actor:${a.id}/article:${article}`,
                label: ws.label(article),
                description: plural(count, 'mention'),
                tooltip: `${plural(count, 'mention')} of ${a.name} in ${ws.label(article)}`,
                contextValue: TreeContext.actorArticle,
                icon: new vscode.ThemeIcon('file'),
                uri: article,
                ...(first ? { range: { start: first.start, end: first.end } } : {}),
                data: { actorId: a.id, article, count },
              };
            }),
        })),
      });
    }
    return roots;
  }

  get filter(): string {
    return this.filterText;
  }

  /** The view's description: the scope and the filter, when not the defaults. */
  get description(): string | undefined {
    const parts = [this.scopeValue === 'workspace' ? 'all articles' : '', this.filterText ? `filter: ${this.filterText}` : ''].filter(Boolean);
    return parts.length ? parts.join(' · ') : undefined;
  }

  async setFilter(text: string): Promise<void> {
    this.filterText = text.trim();
    await vscode.commands.executeCommand('setContext', ContextKeys.actorsFiltered, this.filterText !== '');
    this.refresh();
  }

  private matches(info: ActorInfo): boolean {
    if (!this.filterText) return true;
    const f = this.filterText.toLowerCase();
    return [info.name, info.id, ...info.aliases, ...info.mentions.map((m) => m.text)].some((s) => s.toLowerCase().includes(f));
  }

  protected build(vm: ViewModel, text: string): Node[] {
    const roots: Node[] = [];
    for (const g of GROUPS) {
      const actors = [...vm.actors.values()].filter((a) => actorGroup(a) === g.key && this.matches(a));
      if (!actors.length) continue;
      actors.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
      roots.push({
        id: `kind:${g.key}`,
        label: g.label,
        description: String(actors.length),
        contextValue: TreeContext.kindGroup,
        icon: new vscode.ThemeIcon(g.icon),
        collapsible: 'expanded',
        children: actors.map((a) => this.actorNode(vm, text, a)),
      });
    }
    return roots;
  }

  private actorNode(vm: ViewModel, text: string, a: ActorInfo): Node {
    const id = `actor:${a.id}`;
    const quotes = vm.quotes.filter((q) => q.speaker?.id === a.id);
    const channels = vm.channels.filter((c) => c.participants.includes(a.id) || c.via.includes(a.id));
    const children: Node[] = [];
    children.push({
      id: `${id}/mentions`,
      label: 'Mentions',
      description: String(a.mentions.length),
      contextValue: TreeContext.group,
      collapsible: 'expanded',
      children: a.mentions.map((m, i) => ({
        id: m.storeId ? `${id}/mention/${m.storeId}` : `${id}/mention#${i}`,
        label: m.text,
        description: `line ${lineOf(text, m.start)}${m.state === 'suggested' ? ' · suggestion' : ''}`,
        tooltip: excerpt(text, Math.max(0, m.start - 60), Math.min(text.length, m.end + 60), 140),
        contextValue: m.state === 'suggested' ? TreeContext.mentionSuggestion : TreeContext.mention,
        icon: new vscode.ThemeIcon(m.state === 'suggested' ? 'circle-outline' : 'pass-filled'),
        item: m,
      })),
    });
    if (quotes.length)
      children.push({
        id: `${id}/quotes`,
        label: 'Quotes',
        description: String(quotes.length),
        contextValue: TreeContext.group,
        collapsible: 'collapsed',
        children: quotes.map((q, i) => ({
          id: q.storeId ? `${id}/quote/${q.storeId}` : `${id}/quote#${i}`,
          label: `“${excerpt(text, q.start, q.end)}”`,
          description: `line ${lineOf(text, q.start)}`,
          tooltip: q.text,
          contextValue: q.state === 'suggested' ? TreeContext.quoteSuggestion : TreeContext.quote,
          icon: new vscode.ThemeIcon('quote'),
          item: q,
        })),
      });
    if (channels.length)
      children.push({
        id: `${id}/channels`,
        label: 'Channels',
        description: String(channels.length),
        contextValue: TreeContext.group,
        collapsible: 'collapsed',
        children: channels.map((c, i) => ({
          id: c.storeId ? `${id}/channel/${c.storeId}` : `${id}/channel#${i}`,
          label: excerpt(text, c.start, c.end),
          description: c.channelType,
          contextValue: c.state === 'suggested' ? TreeContext.channelSuggestion : TreeContext.channel,
          icon: new vscode.ThemeIcon('radio-tower'),
          item: c,
        })),
      });
    const description = [plural(a.mentions.length, 'mention'), quotes.length ? plural(quotes.length, 'quote') : '', channels.length ? plural(channels.length, 'channel') : '']
      .filter(Boolean)
      .join(' · ');
    return {
      id,
      label: a.name,
      description,
      tooltip: [a.name, a.roles.join('; ')].filter(Boolean).join('\n'),
      contextValue: TreeContext.actor,
      icon: new vscode.ThemeIcon(a.known ? (a.kind === 'person' ? 'person' : a.kind === 'state' ? 'globe' : 'organization') : 'question'),
      collapsible: 'collapsed',
      children,
      data: a.id,
    };
  }
}
