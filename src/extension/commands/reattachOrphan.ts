/** Re-attach (Orphaned view): places an orphaned annotation on the editor's selection (or `{ id, range }`). */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Node } from '../views/treeBase';
import { argsOf, reportFailure, resolveTarget, type Services, type TargetArgs } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.reattachOrphan, async (raw?: unknown): Promise<boolean> => {
    const fromRow = (raw as Node | undefined)?.contextValue === 'orphan';
    // From the Orphaned view: the row names the orphan, the editor selection is the new place.
    const args = fromRow ? { id: (raw as Node).data as string } : argsOf<TargetArgs & { id?: string }>(raw);
    const t = await resolveTarget(s, args);
    if (!t || !args.id) return false;
    if (t.end <= t.start) {
      void vscode.window.showInformationMessage('Select the text the annotation belongs to, then run Re-attach again.');
      return false;
    }
    try {
      const text = t.entry.doc.getText().slice(t.start, t.end);
      await s.sessions.apply(t.entry.doc.uri, [{ op: 'update', id: args.id, patch: { start: t.start, end: t.end, text } }]);
      return true;
    } catch (e) {
      reportFailure(s, 'Re-attach', e);
      return false;
    }
  });
}
