/** Reveal in Sidebar: selects the actor (or its quote/channel) under the cursor in the Actors view. */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import { argsOf, itemAt, itemByKey, resolveTarget, type Services, type TargetArgs } from './common';

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.revealInSidebar, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<TargetArgs>(raw);
    const t = await resolveTarget(s, args);
    if (!t) return undefined;
    const item = (args.key ? itemByKey(t.entry, args.key) : undefined) ?? itemAt(t.entry, t);
    if (!item) return undefined;
    const node = s.actorsTree.findByItem((i) => i.key === item.key) ?? (item.type === 'quote' && item.speaker ? s.actorsTree.find(`actor:${item.speaker.id}`) : undefined);
    if (!node) return undefined;
    await s.actorsView.reveal(node, { select: true, focus: true, expand: true });
    return node.id;
  });
}
