/** Refresh: reloads the registries and every open article's sidecar. */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { Services } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.refresh, async (): Promise<void> => {
    s.registries.invalidate();
    await Promise.all(s.sessions.all().map((e) => s.sessions.reloadSidecar(e.doc.uri)));
  });
}
