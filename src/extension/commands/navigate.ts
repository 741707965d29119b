/** Next / Previous Annotation: moves the cursor to the next or previous highlighted span (wrapping). */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { nextItem } from '../viewModel';
import type { Services } from './common';

function go(s: Services, back: boolean): { start: number; end: number } | undefined {
  const ed = vscode.window.activeTextEditor;
  const entry = ed && s.sessions.get(ed.document.uri);
  if (!ed || !entry) return undefined;
  const offset = ed.document.offsetAt(ed.selection.active);
  const it = nextItem(entry.session.vm, offset, back);
  if (!it) return undefined;
  const range = new vscode.Range(ed.document.positionAt(it.start), ed.document.positionAt(it.end));
  ed.selection = new vscode.Selection(range.start, range.start);
  ed.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { start: it.start, end: it.end };
}

export function register(s: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.nextAnnotation, () => go(s, false)),
    vscode.commands.registerCommand(Commands.previousAnnotation, () => go(s, true)),
  );
}
