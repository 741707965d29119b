/**
 * Tag Claim: marks the selection as a claim — kind, claimant (the enclosing quote's speaker preselected, or
 * the author), verification status, and a note — through quick picks; any field given in the argument object
 * is not asked for: `executeCommand(TAG_CLAIM, { range, kind, claimant, status, note })`.
 */
import * as vscode from 'vscode';
import { CLAIM_KINDS, VERIFICATIONS } from '../../core/store/model';
import { Commands } from '../ids';
import { argsOf, itemsAtRange, pickActor, pickOne, reportFailure, resolveTarget, type Services, type TargetArgs } from './common';

export interface TagClaimArgs extends TargetArgs {
  kind?: string;
  /** Actor id, or null for the author / unknown. */
  claimant?: string | null;
  status?: string;
  note?: string;
  links?: string[];
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.tagClaim, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<TagClaimArgs>(raw);
    const t = await resolveTarget(s, args);
    if (!t) return undefined;
    if (t.end <= t.start) {
      void vscode.window.showInformationMessage('Select the sentence or passage that makes the claim first.');
      return undefined;
    }
    const kind = args.kind ?? (await pickOne('Claim: kind', CLAIM_KINDS, 'fact'));
    if (!kind) return undefined;
    let claimant = args.claimant;
    if (claimant === undefined) {
      const quote = itemsAtRange(t.entry, t).find((i) => i.type === 'quote');
      const speaker = quote?.type === 'quote' ? (quote.speaker?.id ?? null) : null;
      claimant = await pickActor(t.entry, t.start, { title: 'Claim: who claims it?', preselect: speaker, allowNone: '(the author / unknown)' });
      if (claimant === undefined) return undefined;
    }
    const status = args.status ?? (await pickOne('Claim: verification status', VERIFICATIONS, 'unverified'));
    if (!status) return undefined;
    const note = args.note ?? (await vscode.window.showInputBox({ title: 'Claim: note (optional)', prompt: 'Why, sources, links…' }));
    if (note === undefined) return undefined;
    try {
      const before = new Set(t.entry.session.stored.map((a) => a.id));
      const state = await s.sessions.apply(t.entry.doc.uri, [
        {
          op: 'add',
          annotation: { type: 'claim', status: 'confirmed', start: t.start, end: t.end, text: t.entry.doc.getText().slice(t.start, t.end), claimKind: kind, claimant, claimStatus: status, note, links: args.links ?? [] },
        },
      ]);
      return state.annotations.find((a) => !before.has(a.id))?.id;
    } catch (e) {
      return reportFailure(s, 'Tag claim', e);
    }
  });
}
