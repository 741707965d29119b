/**
 * Actors view: the active article's actors grouped by kind (people, organisations, states, unknown) with
 * counts; an actor expands to its mentions, its quotes and the channels it takes part in. A filter narrows the
 * actors by name or alias.
 */
import * as vscode from 'vscode';
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

export function actorGroup(info: ActorInfo): (typeof GROUPS)[number]['key'] {
  return info.known ? info.kind : 'unknown';
}

export class ActorsTree extends TreeBase {
  private filterText = '';

  constructor(active: ActiveArticle) {
    super(active);
  }

  get filter(): string {
    return this.filterText;
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
