/**
 * Orphaned view: stored annotations the store could not place on the current text. They stay in the sidecar;
 * "Re-attach" puts one on the editor's selection.
 */
import * as vscode from 'vscode';
import { TreeContext } from '../ids';
import type { ViewModel } from '../viewModel';
import { TreeBase, type Node } from './treeBase';

export class OrphansTree extends TreeBase {
  protected build(vm: ViewModel): Node[] {
    return vm.orphans.map((o) => {
      const t = o.text.replace(/\s+/g, ' ');
      return {
        id: `orphan/${o.id}`,
        label: t.length > 60 ? `${t.slice(0, 59)}…` : t,
        description: o.type,
        tooltip: `Could not be placed in the current text (was at ${o.start}–${o.end}). Select the new text and use Re-attach.`,
        contextValue: TreeContext.orphan,
        icon: new vscode.ThemeIcon('debug-disconnect'),
        data: o.id,
      };
    });
  }
}
