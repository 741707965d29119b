/**
 * Set Speaker: changes who said the quote under the cursor. A suggested quote is stored as confirmed with the
 * new speaker; a stored one is updated. `{ key | range, speaker }` skips the pick.
 */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { argsOf, itemAt, itemByKey, pickActor, reportFailure, resolveTarget, toNew, type Services } from './common';
import type { QuoteArgs } from './markAsQuote';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.setSpeaker, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<QuoteArgs>(raw);
    const t = await resolveTarget(s, args);
    if (!t) return undefined;
    const quote = (args.key ? itemByKey(t.entry, args.key) : undefined) ?? itemAt(t.entry, t, (i) => i.type === 'quote');
    if (!quote || quote.type !== 'quote') {
      void vscode.window.showInformationMessage('Put the cursor in a quote first (or mark the selection as a quote).');
      return undefined;
    }
    const speaker = args.speaker !== undefined ? args.speaker : await pickActor(t.entry, quote.start, { title: 'Set speaker', preselect: quote.speaker?.id ?? null, allowNone: '(unattributed)' });
    if (speaker === undefined) return undefined;
    try {
      if (quote.storeId) {
        await s.sessions.apply(t.entry.doc.uri, [{ op: 'update', id: quote.storeId, patch: { speaker } }]);
        return quote.storeId;
      }
      const before = new Set(t.entry.session.stored.map((a) => a.id));
      const state = await s.sessions.apply(t.entry.doc.uri, [{ op: 'add', annotation: { ...toNew(quote, 'confirmed'), speaker } }]);
      return state.annotations.find((a) => !before.has(a.id))?.id;
    } catch (e) {
      return reportFailure(s, 'Set speaker', e);
    }
  });
}
