/** Toggle Highlights: all decorations off / on (remembered per workspace). `{on}` sets it explicitly. */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { argsOf, type Services } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.toggleHighlights, async (raw?: unknown): Promise<boolean> => {
    const { on } = argsOf<{ on?: boolean }>(raw);
    await s.toggle.set(on ?? !s.toggle.enabled);
    return s.toggle.enabled;
  });
}
