/** Claims view: the active article's claims grouped by verification status. */
import * as vscode from 'vscode';
import { TreeContext } from '../ids';
import type { ClaimItem, ViewModel } from '../viewModel';
import { excerpt, TreeBase, type Node } from './treeBase';

const STATUS_ICON: Record<string, string> = { unverified: 'question', supported: 'check', disputed: 'warning', false: 'error', misleading: 'alert' };

export class ClaimsTree extends TreeBase {
  protected build(vm: ViewModel, text: string): Node[] {
    const byStatus = new Map<string, ClaimItem[]>();
    for (const c of vm.claims) {
      const list = byStatus.get(c.claimStatus) ?? [];
      list.push(c);
      byStatus.set(c.claimStatus, list);
    }
    const name = (id: string | null) => (id ? (vm.actors.get(id)?.name ?? id) : '');
    return [...byStatus.entries()].map(([status, list]) => ({
      id: `cstatus:${status}`,
      label: status,
      description: String(list.length),
      contextValue: TreeContext.group,
      icon: new vscode.ThemeIcon(STATUS_ICON[status] ?? 'circle-outline'),
      collapsible: 'expanded' as const,
      children: list.map((c) => ({
        id: `claim/${c.storeId ?? c.key}`,
        label: excerpt(text, c.start, c.end),
        description: [c.claimKind, name(c.claimant)].filter(Boolean).join(' · '),
        tooltip: c.note || undefined,
        contextValue: TreeContext.claim,
        icon: new vscode.ThemeIcon('law'),
        item: c,
      })),
    }));
  }
}
