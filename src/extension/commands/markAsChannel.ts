/**
 * Mark as Channel: stores the selection as a communication channel — type, participants and via (actors picked
 * from the article). `{ range, channelType, participants, via }` skips the picks.
 */
import * as vscode from 'vscode';
import { CHANNEL_TYPES, type ChannelType } from '../../core/types';
import { Commands } from '../ids';
import { argsOf, pickOne, reportFailure, resolveTarget, type Services, type TargetArgs } from './common';
import type { Entry } from '../documents';

export interface ChannelArgs extends TargetArgs {
  channelType?: ChannelType;
  participants?: string[];
  via?: string[];
}

async function pickActors(entry: Entry, offset: number, title: string, exclude: readonly string[] = []): Promise<string[] | undefined> {
  const actors = [...entry.session.vm.actors.values()].filter((a) => !exclude.includes(a.id));
  const near = (id: string) => Math.min(...(entry.session.vm.actors.get(id)?.mentions.map((m) => Math.abs(m.start - offset)) ?? [Infinity]));
  actors.sort((a, b) => near(a.id) - near(b.id));
  const sel = await vscode.window.showQuickPick(
    actors.map((a) => ({ label: a.name, description: a.kind, id: a.id })),
    { title, canPickMany: true },
  );
  return sel?.map((x) => x.id);
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.markAsChannel, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<ChannelArgs>(raw);
    const t = await resolveTarget(s, args);
    if (!t) return undefined;
    if (t.end <= t.start) {
      void vscode.window.showInformationMessage('Select the phrase naming the channel first ("a phone call between …").');
      return undefined;
    }
    const channelType = args.channelType ?? (await pickOne('Channel: type', CHANNEL_TYPES, 'meeting'));
    if (!channelType) return undefined;
    const participants = args.participants ?? (await pickActors(t.entry, t.start, 'Channel: participants'));
    if (!participants) return undefined;
    const via = args.via ?? (await pickActors(t.entry, t.start, 'Channel: via (intermediaries; none is fine)', participants));
    if (!via) return undefined;
    try {
      const before = new Set(t.entry.session.stored.map((a) => a.id));
      const text = t.entry.doc.getText().slice(t.start, t.end);
      const state = await s.sessions.apply(t.entry.doc.uri, [{ op: 'add', annotation: { type: 'channel', status: 'confirmed', start: t.start, end: t.end, text, channelType, participants, via } }]);
      return state.annotations.find((a) => !before.has(a.id))?.id;
    } catch (e) {
      return reportFailure(s, 'Mark as channel', e);
    }
  });
}
