/** Filter Actors / Clear Filter: narrows the Actors view by name or alias. `{text}` skips the input box. */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { argsOf, type Services } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.filterActors, async (raw?: unknown): Promise<string | undefined> => {
      const args = argsOf<{ text?: string }>(raw);
      const text = args.text ?? (await vscode.window.showInputBox({ title: 'Filter actors', prompt: 'Name or alias (empty clears the filter)', value: s.actorsTree.filter }));
      if (text === undefined) return undefined;
      await s.actorsTree.setFilter(text);
      s.actorsView.description = s.actorsTree.description;
      return s.actorsTree.filter;
    }),
    vscode.commands.registerCommand(Commands.clearActorsFilter, async () => {
      await s.actorsTree.setFilter('');
      s.actorsView.description = s.actorsTree.description;
    }),
  );
}
