/** Files on disk: renames move the sidecar, external changes refresh, a malformed sidecar stays untouched, deletes ask. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/extension/ids';
import { api, ARTICLE, cleanup, findItem, openArticle, readSidecar, scratchDir, sidecarPath, until } from './helpers';

describe('extension: files', () => {
  let dir: string;
  before(() => {
    dir = scratchDir('files');
  });
  after(() => cleanup(dir));

  it('renaming an article in VS Code moves its sidecar (and the article field)', async () => {
    const a = await api();
    const { uri, vm } = await openArticle(a, dir, 'before.txt');
    await vscode.commands.executeCommand(Commands.acceptSuggestion, { uri: uri.toString(), key: findItem(vm, 'NATO').key });
    assert.ok(fs.existsSync(sidecarPath(uri)));
    const target = vscode.Uri.file(path.join(dir, 'sub', 'after.txt'));
    fs.mkdirSync(path.dirname(target.fsPath), { recursive: true });
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, target);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until(() => fs.existsSync(sidecarPath(target)) && !fs.existsSync(sidecarPath(uri)), 'sidecar moved');
    const moved = await until(() => {
      const s = readSidecar(target);
      return s?.article === 'after.txt' ? s : undefined;
    }, 'the article field updated');
    assert.strictEqual(moved.annotations[0].actor, 'nato');
    // the renamed article still shows its confirmed annotation
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(doc);
    await until(async () => (await a.viewModel(target))?.items.some((i) => i.text === 'NATO' && i.state === 'confirmed'), 'confirmed after rename');
  });

  it('an article renamed outside VS Code (git mv) is offered the sidecar its old name left behind, once', async () => {
    const a = await api();
    const asked: string[] = [];
    a.setAdoptAnswer('adopt', (article, from) => asked.push(`${article} ← ${from}`));
    try {
      const { uri, vm } = await openArticle(a, dir, 'scraped.txt');
      await vscode.commands.executeCommand(Commands.acceptSuggestion, { uri: uri.toString(), key: findItem(vm, 'NATO').key });
      assert.ok(fs.existsSync(sidecarPath(uri)));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // renamed by another program, and the text edited a little on the way
      const renamed = vscode.Uri.file(path.join(dir, 'renamed.txt'));
      fs.renameSync(uri.fsPath, renamed.fsPath);
      const adopted = new Promise<vscode.Uri>((resolve) => {
        const d = a.onDidAdopt((u) => {
          d.dispose();
          resolve(u);
        });
      });
      await openArticle(a, dir, 'renamed.txt', ARTICLE.replace('on Monday', 'on Tuesday'));
      assert.strictEqual((await adopted).toString(), renamed.toString());
      assert.deepStrictEqual(asked, ['renamed.txt ← scraped.txt']);
      assert.ok(!fs.existsSync(sidecarPath(uri)), 'nothing left under the old name');
      assert.strictEqual(readSidecar(renamed)?.article, 'renamed.txt');
      await until(async () => (await a.viewModel(renamed))?.items.some((i) => i.text === 'NATO' && i.state === 'confirmed'), 'the adopted annotation shown as confirmed');

      // an article whose text no stranded sidecar fits is not asked about
      await openArticle(a, dir, 'unrelated.txt', 'NATO ministers met in Brussels on Thursday to discuss air defence.\n');
      await new Promise((r) => setTimeout(r, 500));
      assert.deepStrictEqual(asked, ['renamed.txt ← scraped.txt']);
    } finally {
      a.setAdoptAnswer(undefined);
    }
  });

  it('Adopt Annotations of a Renamed Article… does the same on demand after “Not Now”', async () => {
    const a = await api();
    const asked: string[] = [];
    a.setAdoptAnswer('notNow', (article, from) => asked.push(`${article} ← ${from}`));
    try {
      const { uri, vm } = await openArticle(a, dir, 'first-name.txt');
      await vscode.commands.executeCommand(Commands.acceptSuggestion, { uri: uri.toString(), key: findItem(vm, 'NATO').key });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const second = vscode.Uri.file(path.join(dir, 'second-name.txt'));
      fs.renameSync(uri.fsPath, second.fsPath);
      await openArticle(a, dir, 'second-name.txt');
      await until(() => asked.length === 1, 'the question');
      assert.deepStrictEqual(asked, ['second-name.txt ← first-name.txt']);
      assert.ok(fs.existsSync(sidecarPath(uri)), '“Not Now” moves nothing');
      const result = await vscode.commands.executeCommand<string>(Commands.adoptSidecar, { uri: second.toString(), pick: 'best' });
      assert.strictEqual(result, vscode.Uri.file(sidecarPath(second)).toString());
      assert.ok(!fs.existsSync(sidecarPath(uri)));
      assert.strictEqual(readSidecar(second)?.annotations[0].actor, 'nato');
      await until(async () => (await a.viewModel(second))?.items.some((i) => i.text === 'NATO' && i.state === 'confirmed'), 'confirmed after adopting');
    } finally {
      a.setAdoptAnswer(undefined);
    }
  });

  it('an external change to the sidecar refreshes the article', async () => {
    const a = await api();
    const { uri, vm } = await openArticle(a, dir, 'external.txt');
    await vscode.commands.executeCommand(Commands.acceptSuggestion, { uri: uri.toString(), key: findItem(vm, 'NATO').key });
    const text = fs.readFileSync(sidecarPath(uri), 'utf8');
    assert.match(text, /status: confirmed/);
    // another tool (git checkout, a colleague) flips it to rejected
    fs.writeFileSync(sidecarPath(uri), text.replace('status: confirmed', 'status: rejected'));
    await until(async () => !(await a.viewModel(uri))?.items.some((i) => i.text === 'NATO' && i.type === 'actor'), 'NATO hidden after the external rejection');
  });

  it('a malformed sidecar is left untouched, reported with line and column, and blocks writes', async () => {
    const a = await api();
    const bad = 'version: 1\narticle: broken.txt\nannotations:\n  - id: abc\n    type: [unclosed\n';
    fs.writeFileSync(path.join(dir, 'broken.txt.annotations.yaml'), bad);
    const { uri, vm } = await openArticle(a, dir, 'broken.txt');
    const err = a.sidecarError(uri);
    assert.ok(err, 'the load error is kept');
    assert.ok(err.line >= 1 && err.column >= 1);
    const sidecar = vscode.Uri.file(sidecarPath(uri));
    const diags = await until(() => {
      const d = a.diagnostics.get(sidecar);
      return d?.length ? d : undefined;
    }, 'a diagnostic on the sidecar');
    assert.strictEqual(diags[0].severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(diags[0].range.start.line, err.line - 1);
    const id = await vscode.commands.executeCommand(Commands.acceptSuggestion, { uri: uri.toString(), key: vm.items[0].key });
    assert.strictEqual(id, undefined, 'nothing stored');
    assert.strictEqual(fs.readFileSync(sidecarPath(uri), 'utf8'), bad, 'file untouched');
    // fixing the file clears the problem
    fs.writeFileSync(sidecarPath(uri), 'version: 1\narticle: broken.txt\nfingerprint: ""\nannotations: []\n');
    await until(() => !a.diagnostics.get(sidecar)?.length, 'diagnostic cleared');
  });

  it('deleting an article asks what to do with its sidecar', async () => {
    const a = await api();
    for (const [name, answer] of [
      ['keep.txt', 'keep'],
      ['drop.txt', 'delete'],
    ] as const) {
      const { uri, vm } = await openArticle(a, dir, name);
      await vscode.commands.executeCommand(Commands.acceptSuggestion, { uri: uri.toString(), key: vm.items[0].key });
      assert.ok(fs.existsSync(sidecarPath(uri)));
      a.setDeleteAnswer(answer);
      try {
        const edit = new vscode.WorkspaceEdit();
        edit.deleteFile(uri);
        assert.ok(await vscode.workspace.applyEdit(edit));
        if (answer === 'delete') await until(() => !fs.existsSync(sidecarPath(uri)), 'sidecar deleted');
        else {
          await new Promise((r) => setTimeout(r, 300));
          assert.ok(fs.existsSync(sidecarPath(uri)), 'sidecar kept');
        }
      } finally {
        a.setDeleteAnswer(undefined);
      }
    }
  });
});
