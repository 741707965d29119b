/** Remove Annotation: deletes a stored annotation (confirmed, or an orphan) from the sidecar. */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Node } from '../views/treeBase';
import { argsOf, entryFor, itemAt, itemByKey, reportFailure, resolveTarget, type Services, type TargetArgs } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.removeAnnotation, async (raw?: unknown): Promise<boolean> => {
    const args = argsOf<TargetArgs & { id?: string }>(raw);
    // An orphan row carries its store id in `data`.
    const orphanId = (raw as Node | undefined)?.contextValue === 'orphan' ? ((raw as Node).data as string) : args.id;
    let id = orphanId;
    let uri: vscode.Uri | undefined;
    if (id) {
      uri = (await entryFor(s, args.uri))?.doc.uri;
    } else {
      const t = await resolveTarget(s, args);
      if (!t) return false;
      uri = t.entry.doc.uri;
      const item = (args.key ? itemByKey(t.entry, args.key) : undefined) ?? itemAt(t.entry, t, (i) => i.state === 'confirmed');
      id = item?.storeId;
    }
    if (!id || !uri) {
      void vscode.window.showInformationMessage('No stored annotation here to remove (suggestions can be rejected).');
      return false;
    }
    try {
      await s.sessions.apply(uri, [{ op: 'remove', id }]);
      return true;
    } catch (e) {
      reportFailure(s, 'Remove annotation', e);
      return false;
    }
  });
}
