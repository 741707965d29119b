/** Channels view: the active article's channels grouped by type; each row reveals the phrase. */
import * as vscode from 'vscode';
import { TreeContext } from '../ids';
import type { ChannelItem, ViewModel } from '../viewModel';
import { excerpt, lineOf, TreeBase, type Node } from './treeBase';

export class ChannelsTree extends TreeBase {
  protected build(vm: ViewModel, text: string): Node[] {
    const byType = new Map<string, ChannelItem[]>();
    for (const c of vm.channels) {
      const list = byType.get(c.channelType) ?? [];
      list.push(c);
      byType.set(c.channelType, list);
    }
    const name = (id: string) => vm.actors.get(id)?.name ?? id;
    return [...byType.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([type, list]) => ({
        id: `ctype:${type}`,
        label: type,
        description: String(list.length),
        contextValue: TreeContext.group,
        icon: new vscode.ThemeIcon('radio-tower'),
        collapsible: 'expanded' as const,
        children: list.map((c, i) => ({
          id: c.storeId ? `channel/${c.storeId}` : `ctype:${type}#${i}`,
          label: excerpt(text, c.start, c.end),
          description: [c.participants.map(name).join(' – '), c.via.length ? `via ${c.via.map(name).join(', ')}` : '', `line ${lineOf(text, c.start)}`].filter(Boolean).join(' · '),
          contextValue: c.state === 'suggested' ? TreeContext.channelSuggestion : TreeContext.channel,
          icon: new vscode.ThemeIcon(c.state === 'suggested' ? 'circle-outline' : 'pass-filled'),
          item: c,
        })),
      }));
  }
}
