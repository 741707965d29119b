/** Open Sidecar: opens the article's `.annotations.yaml` beside it. */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { argsOf, entryFor, toUri, type Services } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openSidecar, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<{ uri?: string | vscode.Uri }>(raw);
    const article = args.uri ? toUri(args.uri) : (await entryFor(s))?.doc.uri;
    if (!article) {
      void vscode.window.showInformationMessage('Open a news article first.');
      return undefined;
    }
    const sidecar = s.sidecars.sidecarUri(article);
    try {
      await vscode.workspace.fs.stat(sidecar);
    } catch {
      void vscode.window.showInformationMessage('This article has no sidecar yet: accept a suggestion or add an annotation to create it.');
      return undefined;
    }
    await vscode.window.showTextDocument(sidecar, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return sidecar.toString();
  });
}
