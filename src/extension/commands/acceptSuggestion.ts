/** Accept Suggestion: stores the suggestion under the cursor (or the one passed) as confirmed. */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { argsOf, itemAt, itemByKey, reportFailure, resolveTarget, toNew, type Services, type TargetArgs } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.acceptSuggestion, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<TargetArgs>(raw);
    const t = await resolveTarget(s, args);
    if (!t) return undefined;
    const item = (args.key ? itemByKey(t.entry, args.key) : undefined) ?? itemAt(t.entry, t, (i) => i.state === 'suggested');
    if (!item || item.state !== 'suggested') {
      void vscode.window.showInformationMessage('No suggestion here to accept.');
      return undefined;
    }
    try {
      const before = new Set(t.entry.session.stored.map((a) => a.id));
      const state = await s.sessions.apply(t.entry.doc.uri, [{ op: 'add', annotation: toNew(item, 'confirmed') }]);
      return state.annotations.find((a) => !before.has(a.id))?.id;
    } catch (e) {
      return reportFailure(s, 'Accept suggestion', e);
    }
  });
}
