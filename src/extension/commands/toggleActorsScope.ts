/**
 * Toggle Actors Scope: the Actors view lists the active article's actors, or every actor of the workspace index
 * with its counts across articles. `{ scope: 'article' | 'workspace' }` sets it instead of toggling.
 */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { ActorsScope } from '../views/actorsTree';
import { argsOf, type Services } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.toggleActorsScope, async (raw?: unknown): Promise<ActorsScope> => {
    const args = argsOf<{ scope?: ActorsScope }>(raw);
    const next: ActorsScope = args.scope === 'article' || args.scope === 'workspace' ? args.scope : s.actorsTree.scope === 'workspace' ? 'article' : 'workspace';
    await s.actorsTree.setScope(next);
    s.actorsView.description = s.actorsTree.description;
    return s.actorsTree.scope;
  });
}
