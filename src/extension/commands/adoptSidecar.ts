/**
 * Adopt Annotations of a Renamed Article…: for an article without a sidecar, lists the sidecars in its folder whose
 * article is gone and that fit its text, and moves the chosen one to the article. Argument (tests, other
 * extensions): `{ uri?, pick?: 'best' }` — `pick: 'best'` takes the best fit without asking.
 */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { describeFit } from '../../core/store';
import type { StrandedSidecars } from '../strandedSidecars';
import { argsOf, entryFor, toUri, type Services } from './common';

export function register(s: Services, stranded: StrandedSidecars): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.adoptSidecar, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<{ uri?: string | vscode.Uri; pick?: 'best' }>(raw);
    const uri = args.uri ? toUri(args.uri) : (await entryFor(s))?.doc.uri;
    const entry = uri && (s.sessions.get(uri) ?? (await s.sessions.ensure(await vscode.workspace.openTextDocument(uri))));
    if (!uri || !entry) {
      void vscode.window.showInformationMessage('Open a news article first.');
      return undefined;
    }
    if (entry.sidecar.exists) {
      void vscode.window.showInformationMessage('This article has annotations (a sidecar) already; there is nothing to adopt.');
      return undefined;
    }
    const fits = await stranded.find(uri, entry.doc.getText());
    if (!fits.length) {
      void vscode.window.showInformationMessage('No sidecar in this folder whose article is gone fits this text.');
      return undefined;
    }
    const chosen =
      args.pick === 'best'
        ? fits[0]
        : (await vscode.window.showQuickPick(
            fits.map((f) => ({ label: f.article, description: describeFit(f), fit: f })),
            { title: 'Adopt the annotations of a renamed article', placeHolder: 'Sidecars whose article is gone, best fit first' },
          ))?.fit;
    if (!chosen) return undefined;
    await stranded.adopt(uri, chosen);
    return s.sidecars.sidecarUri(uri).toString();
  });
}
