/**
 * Every command through `executeCommand`, with arguments instead of quick picks, and what it leaves in the
 * sidecar file on disk.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { Commands } from '../../../src/extension/ids';
import { ARTICLE, api, cleanup, findItem, offsetOf, openArticle, readSidecar, scratchDir, sidecarPath, until } from './helpers';

describe('extension: commands', () => {
  let dir: string;
  before(() => {
    dir = scratchDir('commands');
  });
  after(() => cleanup(dir));

  it('Accept Suggestion stores a confirmed actor annotation in the sidecar', async () => {
    const a = await api();
    const { uri, vm } = await openArticle(a, dir, 'accept.txt');
    const item = findItem(vm, 'Sergey Lavrov', 'actor', 'suggested');
    const id = await vscode.commands.executeCommand<string>(Commands.acceptSuggestion, { uri: uri.toString(), key: item.key });
    assert.ok(id);
    const file = readSidecar(uri);
    const ann = file?.annotations.find((x) => x.id === id);
    assert.ok(ann, 'annotation on disk');
    assert.strictEqual(ann.type, 'actor');
    assert.strictEqual(ann.status, 'confirmed');
    assert.strictEqual(ann.actor, 'sergey-lavrov');
    assert.strictEqual(ann.target.exact, 'Sergey Lavrov');
    const after = (await a.viewModel(uri))!;
    assert.strictEqual(findItem(after, 'Sergey Lavrov', 'actor').state, 'confirmed');
  });

  it('Accept Suggestion at the cursor (no arguments)', async () => {
    const a = await api();
    const { uri, editor } = await openArticle(a, dir, 'cursor.txt');
    const at = offsetOf(ARTICLE, 'NATO').start + 1;
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
    const id = await vscode.commands.executeCommand<string>(Commands.acceptSuggestion);
    assert.ok(id);
    assert.strictEqual(readSidecar(uri)?.annotations.find((x) => x.id === id)?.actor, 'nato');
  });

  it('Reject Suggestion records a rejection and hides the suggestion', async () => {
    const a = await api();
    const { uri, vm } = await openArticle(a, dir, 'reject.txt');
    const item = findItem(vm, 'Brussels', 'actor', 'suggested');
    const id = await vscode.commands.executeCommand<string>(Commands.rejectSuggestion, { uri: uri.toString(), key: item.key });
    assert.strictEqual(readSidecar(uri)?.annotations.find((x) => x.id === id)?.status, 'rejected');
    const after = (await a.viewModel(uri))!;
    assert.ok(!after.items.some((i) => i.text === 'Brussels' && i.type === 'actor'), 'rejected: not shown');
  });

  it('Tag Claim stores kind, claimant, status and note', async () => {
    const a = await api();
    const { uri } = await openArticle(a, dir, 'claim.txt');
    const range = offsetOf(ARTICLE, 'the alliance would keep supporting Ukraine');
    const id = await vscode.commands.executeCommand<string>(Commands.tagClaim, { uri: uri.toString(), range, kind: 'promise', claimant: 'mark-rutte', status: 'unverified', note: 'check the summit communiqué', links: ['https://example.org/x'] });
    const ann = readSidecar(uri)?.annotations.find((x) => x.id === id);
    assert.ok(ann);
    assert.deepStrictEqual([ann.type, ann.kind, ann.claimant, ann.verification, ann.note], ['claim', 'promise', 'mark-rutte', 'unverified', 'check the summit communiqué']);
    assert.deepStrictEqual(ann.links, ['https://example.org/x']);
    const vm = (await a.viewModel(uri))!;
    assert.strictEqual(vm.claims.length, 1);
  });

  it('Tag Claim on a stored claim edits it (status as evidence comes in); addresses in the note become links', async () => {
    const a = await api();
    const { uri } = await openArticle(a, dir, 'claim-edit.txt');
    const range = offsetOf(ARTICLE, 'the alliance would keep supporting Ukraine');
    const id = await vscode.commands.executeCommand<string>(Commands.tagClaim, { uri: uri.toString(), range, kind: 'promise', claimant: 'mark-rutte', status: 'unverified', note: 'see https://example.org/communique.' });
    assert.deepStrictEqual(readSidecar(uri)?.annotations.find((x) => x.id === id)?.links, ['https://example.org/communique']);
    // later: the cursor inside the claim (no selection), a new status and a second source
    const inside = { start: range.start + 5, end: range.start + 5 };
    const again = await vscode.commands.executeCommand<string>(Commands.tagClaim, { uri: uri.toString(), range: inside, kind: 'promise', claimant: 'mark-rutte', status: 'false', note: 'denied by http://archive.example/denial?id=7' });
    assert.strictEqual(again, id, 'the same claim, edited');
    const claims = readSidecar(uri)!.annotations.filter((x) => x.type === 'claim');
    assert.strictEqual(claims.length, 1, 'no second claim');
    const c = claims[0];
    assert.deepStrictEqual([c.kind, c.claimant, c.verification, c.note], ['promise', 'mark-rutte', 'false', 'denied by http://archive.example/denial?id=7']);
    assert.deepStrictEqual(c.links, ['https://example.org/communique', 'http://archive.example/denial?id=7']);
    const vm = (await a.viewModel(uri))!;
    assert.deepStrictEqual(vm.claims.map((x) => x.claimStatus), ['false']);
  });

  it('Tag Claim refuses a bad kind without writing', async () => {
    const a = await api();
    const { uri } = await openArticle(a, dir, 'badclaim.txt');
    const id = await vscode.commands.executeCommand<string>(Commands.tagClaim, { uri: uri.toString(), range: offsetOf(ARTICLE, 'Peace must be just'), kind: 'rumour', claimant: null, status: 'unverified', note: '' });
    assert.strictEqual(id, undefined);
    assert.ok(!fs.existsSync(sidecarPath(uri)));
  });

  it('Mark as Actor with an existing registry actor, and with a new workspace-registry actor', async () => {
    const a = await api();
    const { uri } = await openArticle(a, dir, 'actor.txt');
    const id1 = await vscode.commands.executeCommand<string>(Commands.markAsActor, { uri: uri.toString(), range: offsetOf(ARTICLE, 'the alliance'), actorId: 'nato' });
    assert.strictEqual(readSidecar(uri)?.annotations.find((x) => x.id === id1)?.actor, 'nato');

    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const registry = path.join(root, '.news-annotator', 'actors.yaml');
    const before = fs.existsSync(registry) ? fs.readFileSync(registry, 'utf8') : undefined;
    try {
      const id2 = await vscode.commands.executeCommand<string>(Commands.markAsActor, { uri: uri.toString(), range: offsetOf(ARTICLE, 'Jane Doe'), newActor: { name: 'Jane Doe', kind: 'person' } });
      const ann = readSidecar(uri)?.annotations.find((x) => x.id === id2);
      assert.strictEqual(ann?.actor, 'jane-doe');
      const reg = parse(fs.readFileSync(registry, 'utf8')) as { actors: { id: string; name: string; kind: string }[] };
      assert.ok(reg.actors.some((x) => x.id === 'jane-doe' && x.name === 'Jane Doe' && x.kind === 'person'));
      // the registry change reaches the session: Jane Doe is now a known actor
      await until(async () => (await a.viewModel(uri))?.actors.get('jane-doe')?.known, 'Jane Doe known after the registry change');
    } finally {
      if (before === undefined) fs.rmSync(path.join(root, '.news-annotator'), { recursive: true, force: true });
      else fs.writeFileSync(registry, before);
    }
  });

  it('Mark as Quote, then Set Speaker', async () => {
    const a = await api();
    const { uri } = await openArticle(a, dir, 'quote.txt');
    const range = offsetOf(ARTICLE, 'keep supporting Ukraine');
    const id = await vscode.commands.executeCommand<string>(Commands.markAsQuote, { uri: uri.toString(), range, speaker: null });
    let ann = readSidecar(uri)?.annotations.find((x) => x.id === id);
    assert.strictEqual(ann?.type, 'quote');
    assert.strictEqual(ann?.speaker, null);
    const same = await vscode.commands.executeCommand<string>(Commands.setSpeaker, { uri: uri.toString(), key: `a:${id}`, speaker: 'mark-rutte' });
    assert.strictEqual(same, id);
    ann = readSidecar(uri)?.annotations.find((x) => x.id === id);
    assert.strictEqual(ann?.speaker, 'mark-rutte');
  });

  it('Set Speaker on a suggested quote stores it confirmed with the new speaker', async () => {
    const a = await api();
    const { uri, vm } = await openArticle(a, dir, 'speaker.txt');
    const q = vm.quotes.find((x) => x.text.includes('Peace must be just'));
    assert.ok(q);
    const id = await vscode.commands.executeCommand<string>(Commands.setSpeaker, { uri: uri.toString(), key: q.key, speaker: 'nato' });
    const ann = readSidecar(uri)?.annotations.find((x) => x.id === id);
    assert.deepStrictEqual([ann?.type, ann?.status, ann?.speaker], ['quote', 'confirmed', 'nato']);
  });

  it('Mark as Channel with type, participants and via', async () => {
    const a = await api();
    const { uri } = await openArticle(a, dir, 'channel.txt');
    const id = await vscode.commands.executeCommand<string>(Commands.markAsChannel, { uri: uri.toString(), range: offsetOf(ARTICLE, 'The message was passed to Kyiv'), channelType: 'intermediary', participants: ['ukraine'], via: ['recep-tayyip-erdogan'] });
    const ann = readSidecar(uri)?.annotations.find((x) => x.id === id);
    assert.deepStrictEqual([ann?.type, ann?.channelType, ann?.participants, ann?.via], ['channel', 'intermediary', ['ukraine'], ['recep-tayyip-erdogan']]);
  });

  it('Accept All Suggestions in File, then Remove Annotation', async () => {
    const a = await api();
    const { uri, vm } = await openArticle(a, dir, 'all.txt');
    const n = vm.items.filter((i) => i.state === 'suggested').length;
    const accepted = await vscode.commands.executeCommand<number>(Commands.acceptAllSuggestions, { uri: uri.toString() });
    assert.strictEqual(accepted, n);
    const after = (await a.viewModel(uri))!;
    assert.strictEqual(after.counts.suggestions, 0);
    assert.strictEqual(readSidecar(uri)?.annotations.length, n);
    const nato = findItem(after, 'NATO', 'actor', 'confirmed');
    assert.strictEqual(await vscode.commands.executeCommand(Commands.removeAnnotation, { uri: uri.toString(), key: nato.key }), true);
    assert.ok(!readSidecar(uri)?.annotations.some((x) => x.id === nato.storeId));
    // removed: the engine's suggestion shows again
    assert.strictEqual(findItem((await a.viewModel(uri))!, 'NATO', 'actor').state, 'suggested');
  });

  it('Next / Previous Annotation move the cursor', async () => {
    const a = await api();
    const { editor, vm } = await openArticle(a, dir, 'nav.txt');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await vscode.commands.executeCommand<{ start: number }>(Commands.nextAnnotation);
    const firstStart = vm.items.find((i) => i.start > 0)?.start;
    assert.strictEqual(first?.start, firstStart);
    assert.strictEqual(editor.document.offsetAt(editor.selection.active), firstStart);
    const second = await vscode.commands.executeCommand<{ start: number }>(Commands.nextAnnotation);
    assert.ok(second && second.start > first.start);
    const back = await vscode.commands.executeCommand<{ start: number }>(Commands.previousAnnotation);
    assert.strictEqual(back?.start, first.start);
  });

  it('Open Sidecar opens the YAML beside the article', async () => {
    const a = await api();
    const { uri, vm } = await openArticle(a, dir, 'open.txt');
    assert.strictEqual(await vscode.commands.executeCommand(Commands.openSidecar, { uri: uri.toString() }), undefined, 'no sidecar yet');
    await vscode.commands.executeCommand(Commands.acceptSuggestion, { uri: uri.toString(), key: vm.items[0].key });
    const opened = await vscode.commands.executeCommand<string>(Commands.openSidecar, { uri: uri.toString() });
    assert.strictEqual(opened, vscode.Uri.file(sidecarPath(uri)).toString());
    await until(() => vscode.window.activeTextEditor?.document.uri.fsPath === sidecarPath(uri), 'sidecar editor');
  });

  it('Reveal in Sidebar selects the actor row', async () => {
    const a = await api();
    const { uri, vm } = await openArticle(a, dir, 'reveal.txt');
    const item = findItem(vm, 'Sergey Lavrov', 'actor');
    const id = await vscode.commands.executeCommand<string>(Commands.revealInSidebar, { uri: uri.toString(), key: item.key });
    assert.ok(id?.startsWith('actor:sergey-lavrov'), id);
  });

  it('Filter Actors narrows the Actors tree', async () => {
    const a = await api();
    await openArticle(a, dir, 'filter.txt');
    await vscode.commands.executeCommand(Commands.filterActors, { text: 'rutte' });
    try {
      const actors = a.trees.actors.getChildren().flatMap((g) => a.trees.actors.getChildren(g));
      assert.deepStrictEqual(
        actors.map((n) => n.id),
        ['actor:mark-rutte'],
      );
    } finally {
      await vscode.commands.executeCommand(Commands.clearActorsFilter);
    }
    assert.ok(a.trees.actors.getChildren().length > 1);
  });

  it('Refresh reloads without losing anything', async () => {
    const a = await api();
    const { uri } = await openArticle(a, dir, 'refresh.txt');
    await vscode.commands.executeCommand(Commands.refresh);
    const vm = await until(async () => {
      const v = await a.viewModel(uri);
      return v?.items.length ? v : undefined;
    }, 'analysis after refresh');
    findItem(vm, 'NATO');
  });

  it('code actions offer Accept and Reject on a suggestion', async () => {
    const a = await api();
    const { uri, editor } = await openArticle(a, dir, 'actions.txt');
    const at = editor.document.positionAt(offsetOf(ARTICLE, 'NATO').start + 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
    const titles = actions.map((x) => x.title);
    assert.ok(titles.some((t) => t.startsWith('Accept actor mention “NATO”')), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Reject actor mention “NATO”')));
  });
});
