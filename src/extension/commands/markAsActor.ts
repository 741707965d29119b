/**
 * Mark as Actor: stores the selection as a mention of an actor — one from the registry (nearby ones first) or
 * a new one added to the workspace registry (`.news-annotator/actors.yaml`).
 * `{ range, actorId }` or `{ range, newActor: { name, kind } }` skips the picks.
 */
import * as vscode from 'vscode';
import { ACTOR_KINDS, type ActorKind } from '../../core/types';
import { Commands } from '../ids';
import { argsOf, pickActor, pickOne, reportFailure, resolveTarget, type Services, type TargetArgs } from './common';

export interface MarkAsActorArgs extends TargetArgs {
  actorId?: string;
  newActor?: { name: string; kind: ActorKind; id?: string; roles?: string[] };
}


export function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'actor';
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.markAsActor, async (raw?: unknown): Promise<string | undefined> => {
    const args = argsOf<MarkAsActorArgs>(raw);
    const t = await resolveTarget(s, args);
    if (!t) return undefined;
    if (t.end <= t.start) {
      void vscode.window.showInformationMessage('Select the name first.');
      return undefined;
    }
    const text = t.entry.doc.getText().slice(t.start, t.end);
    let actorId = args.actorId;
    let newActor = args.newActor;
    if (!actorId && !newActor) {
      const picked = await pickActor(t.entry, t.start, { title: `Mark “${text.slice(0, 40)}” as…`, allowNone: '$(add) New actor…', includeRegistry: true });
      if (picked === undefined) return undefined;
      if (picked === null) {
        const name = await vscode.window.showInputBox({ title: 'New actor: canonical name', value: text.trim() });
        if (!name) return undefined;
        const kind = await pickOne('New actor: kind', ACTOR_KINDS, 'person');
        if (!kind) return undefined;
        newActor = { name, kind };
      } else actorId = picked;
    }
    try {
      if (newActor) {
        const taken = t.entry.session.registry.entries;
        let id = newActor.id ?? slug(newActor.name);
        for (let n = 2; !newActor.id && taken.has(id); n++) id = `${slug(newActor.name)}-${n}`;
        const aliases = text.trim() !== newActor.name ? [text.trim()] : [];
        await s.registries.addActor(t.entry.doc.uri, { id, name: newActor.name, kind: newActor.kind, aliases, roles: newActor.roles ?? [] });
        actorId = id;
      }
      if (!actorId) return undefined;
      const before = new Set(t.entry.session.stored.map((a) => a.id));
      const state = await s.sessions.apply(t.entry.doc.uri, [{ op: 'add', annotation: { type: 'actor', status: 'confirmed', start: t.start, end: t.end, text, actorId } }]);
      return state.annotations.find((a) => !before.has(a.id))?.id;
    } catch (e) {
      return reportFailure(s, 'Mark as actor', e);
    }
  });
}
