/** Reveal Range (from tree rows): opens the article and selects a span given as offsets. */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { toUri } from './common';

export function register(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.revealRange, async (uri: string | vscode.Uri, start: number, end: number): Promise<void> => {
    const doc = await vscode.workspace.openTextDocument(toUri(uri));
    const len = doc.getText().length;
    const range = new vscode.Range(doc.positionAt(Math.min(start, len)), doc.positionAt(Math.min(end, len)));
    const ed = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false, preview: true });
    ed.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}
