/**
 * Mark as Quote: stores the selection as a quote with a speaker picked from nearby actors (or unattributed).
 * `{ range, speaker, cue }` skips the pick.
 */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { argsOf, pickActor, reportFailure, resolveTarget, type Services, type TargetArgs } from './common';

export interface QuoteArgs extends TargetArgs {
  speaker?: string | null;
  cue?: string | null;
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.markAsQuote, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<QuoteArgs>(raw);
    const t = await resolveTarget(s, args);
    if (!t) return undefined;
    if (t.end <= t.start) {
      void vscode.window.showInformationMessage('Select the quoted words first.');
      return undefined;
    }
    const speaker = args.speaker !== undefined ? args.speaker : await pickActor(t.entry, t.start, { title: 'Quote: speaker', allowNone: '(unattributed)' });
    if (speaker === undefined) return undefined;
    try {
      const before = new Set(t.entry.session.stored.map((a) => a.id));
      const text = t.entry.doc.getText().slice(t.start, t.end);
      const state = await s.sessions.apply(t.entry.doc.uri, [{ op: 'add', annotation: { type: 'quote', status: 'confirmed', start: t.start, end: t.end, text, speaker, cue: args.cue ?? null } }]);
      return state.annotations.find((a) => !before.has(a.id))?.id;
    } catch (e) {
      return reportFailure(s, 'Mark as quote', e);
    }
  });
}
