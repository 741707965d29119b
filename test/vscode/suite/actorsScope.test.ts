/** The Actors view's workspace scope in the real extension host: the toggle, per-actor counts, articles per actor. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Node } from '../../../src/extension/views/treeBase';
import { api, ARTICLE, scratchDir, until } from './helpers';
import { workspaceFeatures } from './workspaceFeatures';

describe('Actors view: workspace scope', function () {
  this.timeout(90_000);

  after(async () => {
    fs.rmSync(scratchDir('scope'), { recursive: true, force: true });
    await vscode.commands.executeCommand('newsAnnotator.toggleActorsScope', { scope: 'article' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('toggles between this article and all articles, listing actors with counts across articles', async () => {
    const a = await api();
    const { features } = await workspaceFeatures();
    const tree = a.trees.actors;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.strictEqual(tree.scope, 'article');

    assert.strictEqual(await vscode.commands.executeCommand('newsAnnotator.toggleActorsScope'), 'workspace');
    const groups = tree.getChildren();
    assert.ok(groups.length > 0, 'kind groups in workspace scope without an open article');
    const actors = groups.flatMap((g) => tree.getChildren(g));
    const lavrov = actors.find((n) => n.id === 'actor:sergey-lavrov');
    assert.ok(lavrov, `Sergey Lavrov listed (got ${actors.map((n) => n.label).join(', ')})`);
    const expected = features.service.index.articlesOf('sergey-lavrov');
    const total = expected.reduce((s, x) => s + x.count, 0);
    assert.strictEqual(expected.length, 2, 'Lavrov is in both fixture articles');
    assert.strictEqual(lavrov.description, `${total} mentions · 2 articles`);
    assert.strictEqual(tree.getTreeItem(lavrov).contextValue, 'actor', 'actor rows keep their context menu (Show Channel Network)');

    // expanded: the articles with their counts, each opening the article at the first mention
    const articles = tree.getChildren(lavrov) as Node[];
    assert.deepStrictEqual(
      articles.map((n) => [n.label, n.description]),
      expected.map((x) => [features.service.label(x.article), `${x.count} mention${x.count === 1 ? '' : 's'}`]),
    );
    assert.deepStrictEqual(new Set(articles.map((n) => n.label)), new Set(['istanbul-talks.txt', 'kremlin-call.txt']));
    const item = tree.getTreeItem(articles[0]);
    assert.strictEqual(item.command?.command, 'newsAnnotator.revealRange');
    const [uri, start, end] = item.command!.arguments as [string, number, number];
    await vscode.commands.executeCommand(item.command!.command, ...item.command!.arguments!);
    const ed = vscode.window.activeTextEditor;
    assert.ok(ed && ed.document.uri.toString() === uri, 'the article opened');
    assert.match(ed.document.getText(new vscode.Range(ed.document.positionAt(start), ed.document.positionAt(end))), /Lavrov/);

    // still workspace scope with an article open; the filter applies too
    await vscode.commands.executeCommand('newsAnnotator.filterActors', { text: 'lavrov' });
    const filtered = tree.getChildren().flatMap((g) => tree.getChildren(g));
    assert.deepStrictEqual(
      filtered.map((n) => n.id),
      ['actor:sergey-lavrov'],
    );
    await vscode.commands.executeCommand('newsAnnotator.clearActorsFilter');

    // back to this article: the open article's actors with their mentions
    assert.strictEqual(await vscode.commands.executeCommand('newsAnnotator.toggleActorsScope'), 'article');
    const localLavrov = await until(() => tree.getChildren().flatMap((g) => tree.getChildren(g)).find((n) => n.id === 'actor:sergey-lavrov'), 'the article’s actors');
    assert.ok(!localLavrov.description?.includes('article'), `article scope again (${localLavrov.description})`);
    assert.ok(tree.getChildren(localLavrov).some((n) => n.label === 'Mentions'), 'an actor expands to its mentions');
  });

  it('follows the disk: an article added counts at once, a deleted folder of articles leaves the index', async () => {
    const a = await api();
    const { features } = await workspaceFeatures();
    await vscode.commands.executeCommand('newsAnnotator.toggleActorsScope', { scope: 'workspace' });
    const before = features.service.index.articlesOf('sergey-lavrov').length;
    const dir = scratchDir('scope');
    fs.writeFileSync(path.join(dir, 'extra.txt'), ARTICLE);
    const extra = () => features.service.index.articles().filter((x) => x.includes(path.basename(dir)));
    // The file watcher may start late on a loaded machine: write again (as a save would) until it is seen.
    let lastWrite = Date.now();
    await until(
      () => {
        if (Date.now() - lastWrite > 5_000) {
          fs.writeFileSync(path.join(dir, 'extra.txt'), ARTICLE);
          lastWrite = Date.now();
        }
        return extra().length === 1;
      },
      'the new article in the index',
      60_000,
    );
    const lavrov = () => a.trees.actors.getChildren().flatMap((g) => a.trees.actors.getChildren(g)).find((n) => n.id === 'actor:sergey-lavrov');
    await until(() => lavrov()?.description?.endsWith(`${before + 1} articles`), `Lavrov in ${before + 1} articles`);
    fs.rmSync(dir, { recursive: true, force: true });
    await until(() => extra().length === 0, `the deleted folder’s article out of the index (${features.service.index.articles().join(', ')})`);
    await until(() => lavrov()?.description?.endsWith(`${before} articles`), `Lavrov in ${before} articles again`);
  });
});
