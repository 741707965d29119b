/** Accept All Suggestions in File: every suggestion shown in the article becomes confirmed, in one write. */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { argsOf, entryFor, reportFailure, toNew, type Services } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.acceptAllSuggestions, async (raw?: unknown): Promise<number | undefined> => {
    const args = argsOf<{ uri?: string | vscode.Uri; confirm?: boolean }>(raw);
    const entry = await entryFor(s, args.uri);
    if (!entry) return undefined;
    const suggestions = entry.session.vm.items.filter((i) => i.state === 'suggested');
    if (!suggestions.length) {
      void vscode.window.showInformationMessage('No suggestions left in this article.');
      return 0;
    }
    if (args.confirm !== false && args.uri === undefined && suggestions.length > 20) {
      const ok = await vscode.window.showWarningMessage(`Accept all ${suggestions.length} suggestions in this article?`, { modal: true }, 'Accept All');
      if (ok !== 'Accept All') return undefined;
    }
    try {
      await s.sessions.apply(
        entry.doc.uri,
        suggestions.map((i) => ({ op: 'add' as const, annotation: toNew(i, 'confirmed') })),
      );
      return suggestions.length;
    } catch (e) {
      return reportFailure(s, 'Accept all suggestions', e);
    }
  });
}
