/** The sidebar trees' data through the test API: actors by kind with counts, channels by type, claims by status, orphans. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { Commands, TreeContext } from '../../../src/extension/ids';
import type { Node } from '../../../src/extension/views/treeBase';
import { ARTICLE, api, cleanup, offsetOf, openArticle, readSidecar, scratchDir, sidecarPath, until } from './helpers';

describe('extension: sidebar trees', () => {
  let dir: string;
  before(() => {
    dir = scratchDir('trees');
  });
  after(() => cleanup(dir));

  it('Actors: groups by kind with counts; an actor expands to mentions, quotes, channels; rows reveal', async () => {
    const a = await api();
    const { uri } = await openArticle(a, dir, 'actors.txt');
    const tree = a.trees.actors;
    const groups = await until(() => {
      const g = tree.getChildren();
      return g.length ? g : undefined;
    }, 'actor groups');
    assert.deepStrictEqual(
      groups.map((g) => g.id).filter((id) => id !== 'kind:unknown'),
      ['kind:person', 'kind:organization', 'kind:state'],
    );
    const people = tree.getChildren(groups[0]);
    assert.strictEqual(groups[0].description, String(people.length));
    const lavrov = people.find((n) => n.id === 'actor:sergey-lavrov');
    assert.ok(lavrov, people.map((n) => n.id).join(','));
    assert.strictEqual(lavrov.contextValue, TreeContext.actor);
    const sections = tree.getChildren(lavrov);
    assert.deepStrictEqual(
      sections.map((n) => n.label),
      ['Mentions', 'Quotes', 'Channels'],
    );
    const mentions = tree.getChildren(sections[0]);
    assert.ok(mentions.length >= 2);
    assert.ok(mentions.every((m) => m.contextValue === TreeContext.mentionSuggestion));
    const ti = tree.getTreeItem(mentions[0]);
    assert.strictEqual(ti.id, mentions[0].id);
    assert.strictEqual(ti.command?.command, Commands.revealRange);
    assert.strictEqual(tree.getParent(mentions[0]), sections[0]);
    // selecting a row reveals it in the editor
    await vscode.commands.executeCommand(ti.command.command, ...(ti.command.arguments ?? []));
    const ed = vscode.window.activeTextEditor;
    assert.strictEqual(ed?.document.uri.toString(), uri.toString());
    assert.strictEqual(ed.document.getText(ed.selection), mentions[0].item?.text);
  });

  it('ids are stable across re-analysis (from data, not labels)', async () => {
    const a = await api();
    const { editor, uri } = await openArticle(a, dir, 'stable.txt');
    const ids = (n?: Node): string[] => a.trees.actors.getChildren(n).flatMap((c) => [c.id, ...ids(c)]);
    const before = ids();
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'UPDATE '));
    await a.viewModel(uri);
    await until(() => ids().length === before.length && ids(), 'tree rebuilt');
    assert.deepStrictEqual(ids(), before);
  });

  it('Channels by type, Claims by status', async () => {
    const a = await api();
    const { uri } = await openArticle(a, dir, 'channels.txt');
    const types = a.trees.channels.getChildren();
    assert.ok(types.some((t) => t.id === 'ctype:call'), types.map((t) => t.id).join(','));
    await vscode.commands.executeCommand(Commands.tagClaim, { uri: uri.toString(), range: offsetOf(ARTICLE, 'Peace must be just'), kind: 'opinion', claimant: null, status: 'disputed', note: '' });
    const statuses = await until(() => {
      const s = a.trees.claims.getChildren();
      return s.length ? s : undefined;
    }, 'claims tree');
    assert.strictEqual(statuses[0].id, 'cstatus:disputed');
    const claims = a.trees.claims.getChildren(statuses[0]);
    assert.strictEqual(claims.length, 1);
    assert.strictEqual(claims[0].contextValue, TreeContext.claim);
  });

  it('Orphaned: an annotation whose text is gone is listed, diagnosed, and can be re-attached', async () => {
    const a = await api();
    const { uri, vm } = await openArticle(a, dir, 'orphan.txt');
    const nato = vm.items.find((i) => i.text === 'NATO');
    assert.ok(nato);
    await vscode.commands.executeCommand(Commands.acceptSuggestion, { uri: uri.toString(), key: nato.key });
    const stored = readSidecar(uri)!.annotations[0];
    // The article is re-scraped without the word: replace the file on disk (the editor reloads it).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.writeFileSync(uri.fsPath, ARTICLE.replace('NATO Secretary General Mark Rutte', 'Alliance chief Mark Rutte'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await until(async () => (await a.viewModel(uri))?.orphans.length === 1, 'one orphan').catch(async (e: Error) => {
      const v = await a.viewModel(uri);
      throw new Error(`${e.message}; doc has NATO: ${doc.getText().includes('NATO')}; items: ${v?.items.filter((i) => i.state === 'confirmed').map((i) => `${i.text}@${i.start}`).join(',')}; file: ${fs.readFileSync(sidecarPath(uri), 'utf8')}`);
    });
    const rows = a.trees.orphans.getChildren();
    assert.deepStrictEqual(
      rows.map((r) => [r.id, r.contextValue, r.label]),
      [[`orphan/${stored.id}`, TreeContext.orphan, 'NATO']],
    );
    const diags = await until(() => {
      const d = a.diagnostics.get(uri);
      return d?.length ? d : undefined;
    }, 'orphan diagnostic');
    assert.match(diags[0].message, /Orphaned actor annotation/);
    assert.strictEqual(readSidecar(uri)?.annotations.length, 1, 'the orphan stays in the file');
    // re-attach to "Alliance chief"
    const range = offsetOf(editor.document.getText(), 'Alliance');
    assert.strictEqual(await vscode.commands.executeCommand(Commands.reattachOrphan, { uri: uri.toString(), id: stored.id, range }), true);
    const vm2 = (await a.viewModel(uri))!;
    assert.strictEqual(vm2.orphans.length, 0);
    const ann = readSidecar(uri)!.annotations.find((x) => x.id === stored.id);
    assert.strictEqual(ann?.target.exact, 'Alliance');
    assert.ok(!ann.orphaned);
    await until(() => !a.diagnostics.get(uri)?.length, 'diagnostic cleared');
    assert.ok(fs.existsSync(sidecarPath(uri)));
  });
});
