/**
 * Tag Claim: marks the selection as a claim — kind, claimant (the enclosing quote's speaker preselected, or
 * the author), verification status, and a note — through quick picks; any field given in the argument object
 * is not asked for: `executeCommand(TAG_CLAIM, { range, kind, claimant, status, note, links })`.
 *
 * On a claim already stored (the cursor inside it, or the selection equal to it) the same command edits that claim:
 * every question starts from its current value, so a fact-checker can move a claim from `unverified` to `false`
 * as the evidence comes in. Web addresses typed in the note become the claim's evidence links.
 */
import * as vscode from 'vscode';
import { linksIn, mergeLinks } from '../../core/store';
import { CLAIM_KINDS, VERIFICATIONS, type ClaimKind, type Verification } from '../../core/store/model';
import type { Entry } from '../documents';
import { Commands } from '../ids';
import type { ClaimItem } from '../viewModel';
import { argsOf, itemsAtRange, pickActor, pickOne, reportFailure, resolveTarget, type Services, type TargetArgs } from './common';

export interface TagClaimArgs extends TargetArgs {
  kind?: string;
  /** Actor id, or null for the author / unknown. */
  claimant?: string | null;
  status?: string;
  note?: string;
  links?: string[];
}

/** The stored claim the command acts on: the cursor inside it (empty selection) or the selection equal to it. */
function claimAt(entry: Entry, t: { start: number; end: number }): ClaimItem | undefined {
  const hits = itemsAtRange(entry, t).filter((i): i is ClaimItem => i.type === 'claim' && i.storeId !== undefined);
  return t.end > t.start ? hits.find((i) => i.start === t.start && i.end === t.end) : hits[0];
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.tagClaim, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<TagClaimArgs>(raw);
    const t = await resolveTarget(s, args);
    if (!t) return undefined;
    const existing = claimAt(t.entry, t);
    if (!existing && t.end <= t.start) {
      void vscode.window.showInformationMessage('Select the sentence or passage that makes the claim first.');
      return undefined;
    }
    const verb = existing ? 'Edit claim' : 'Claim';
    const kind = args.kind ?? (await pickOne(`${verb}: kind`, CLAIM_KINDS, (existing?.claimKind as ClaimKind | undefined) ?? 'fact'));
    if (!kind) return undefined;
    let claimant = args.claimant;
    if (claimant === undefined) {
      const quote = itemsAtRange(t.entry, existing ?? t).find((i) => i.type === 'quote');
      const speaker = quote?.type === 'quote' ? (quote.speaker?.id ?? null) : null;
      claimant = await pickActor(t.entry, existing?.start ?? t.start, { title: `${verb}: who claims it?`, preselect: existing ? existing.claimant : speaker, allowNone: '(the author / unknown)' });
      if (claimant === undefined) return undefined;
    }
    const status = args.status ?? (await pickOne(`${verb}: verification status`, VERIFICATIONS, (existing?.claimStatus as Verification | undefined) ?? 'unverified'));
    if (!status) return undefined;
    const note = args.note ?? (await vscode.window.showInputBox({ title: `${verb}: note (optional)`, prompt: 'Why, sources — web addresses in the note become the claim’s evidence links', value: existing?.note }));
    if (note === undefined) return undefined;
    const links = mergeLinks(mergeLinks(existing?.links ?? [], args.links ?? []), linksIn(note));
    try {
      if (existing?.storeId) {
        await s.sessions.apply(t.entry.doc.uri, [{ op: 'update', id: existing.storeId, patch: { claimKind: kind, claimant, claimStatus: status, note, links } }]);
        return existing.storeId;
      }
      const before = new Set(t.entry.session.stored.map((a) => a.id));
      const state = await s.sessions.apply(t.entry.doc.uri, [
        {
          op: 'add',
          annotation: { type: 'claim', status: 'confirmed', start: t.start, end: t.end, text: t.entry.doc.getText().slice(t.start, t.end), claimKind: kind, claimant, claimStatus: status, note, links },
        },
      ]);
      return state.annotations.find((a) => !before.has(a.id))?.id;
    } catch (e) {
      return reportFailure(s, 'Tag claim', e);
    }
  });
}
