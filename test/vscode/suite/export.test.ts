/** Export Annotations… in the real extension host: run with arguments, files on disk, the W3C output read back. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { fromBrat, fromW3c } from '../../../src/core/export';
import type { ExportResult } from '../../../src/extension/commands/exportAnnotations';
import { workspaceFeatures } from './workspaceFeatures';

const root = () => vscode.workspace.workspaceFolders![0].uri;
const ARTICLES = ['istanbul-talks.txt', 'kremlin-call.txt'];

describe('Export Annotations…', function () {
  this.timeout(90_000);
  const out = () => path.join(root().fsPath, `exports-test-${process.pid}`);

  after(async () => {
    fs.rmSync(out(), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes one W3C collection per indexed article, which reads back to the indexed mention spans', async () => {
    const { features } = await workspaceFeatures();
    const folder = path.join(out(), 'w3c');
    const r = await vscode.commands.executeCommand<ExportResult>('newsAnnotator.export', { format: 'w3c', scope: 'workspace', confirmedOnly: false, folder: vscode.Uri.file(folder) });
    assert.ok(r, 'the command returns what it wrote');
    assert.deepStrictEqual(r.warnings, []);
    for (const name of ARTICLES) {
      const file = path.join(folder, `${name}.jsonld`);
      assert.ok(fs.existsSync(file), `${file} written (got ${r.files.join(', ')})`);
      const articleUri = vscode.Uri.joinPath(root(), name);
      const text = fs.readFileSync(articleUri.fsPath, 'utf8');
      const back = fromW3c(JSON.parse(fs.readFileSync(file, 'utf8')), text);
      assert.deepStrictEqual(back.orphans, [], 'every annotation anchors');
      assert.deepStrictEqual(back.skipped, []);
      // the same actor spans as the workspace index has for the article
      const id = features.service.articleId(articleUri);
      const counts = features.service.index.counts(id);
      assert.ok(counts, `${name} indexed`);
      const indexed = counts.byActor.flatMap((a) => features.service.index.references(a.id, { articles: [id] }).map((m) => `${a.id}@${m.start}-${m.end}`)).sort();
      const read = back.doc.mentions.map((m) => `${m.actorId}@${m.start}-${m.end}`).sort();
      assert.ok(read.length > 0, 'mentions exported');
      assert.deepStrictEqual(read, indexed);
      for (const m of back.doc.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
      assert.ok(back.doc.channels.length > 0 || back.doc.quotes.length > 0, 'quotes or channels exported too');
    }
  });

  it('exports one article in brat, CSV, GraphML and DOT; confirmed-only leaves the suggestions out', async () => {
    await workspaceFeatures();
    const uri = vscode.Uri.joinPath(root(), 'kremlin-call.txt');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const run = (format: string, sub: string, confirmedOnly = false) =>
      vscode.commands.executeCommand<ExportResult>('newsAnnotator.export', { format, scope: 'article', uri, confirmedOnly, folder: path.join(out(), sub) });

    const brat = await run('brat', 'brat');
    assert.ok(brat);
    const ann = fs.readFileSync(path.join(out(), 'brat', 'kremlin-call.ann'), 'utf8');
    const txt = fs.readFileSync(path.join(out(), 'brat', 'kremlin-call.txt'), 'utf8');
    assert.strictEqual(txt, text.replace(/\r\n?/g, '\n'));
    assert.ok(fs.existsSync(path.join(out(), 'brat', 'annotation.conf')));
    const readBack = fromBrat(ann, txt);
    assert.deepStrictEqual(readBack.issues, [], 'brat reads its own .ann back');
    assert.match(ann, /^T1\t(Person|Organization|State) \d+ \d+\t/m);

    await run('csv', 'csv');
    for (const f of ['mentions.csv', 'quotes.csv', 'channels.csv', 'claims.csv']) assert.ok(fs.existsSync(path.join(out(), 'csv', f)), f);
    assert.match(fs.readFileSync(path.join(out(), 'csv', 'channels.csv'), 'utf8'), /^source,target,type,via,article,offset/);

    await run('graphml', 'graph');
    await run('dot', 'graph');
    assert.match(fs.readFileSync(path.join(out(), 'graph', 'channels.graphml'), 'utf8'), /<graphml[\s\S]*<node /);
    assert.match(fs.readFileSync(path.join(out(), 'graph', 'channels.dot'), 'utf8'), /^graph /m);

    // confirmed-only: only rows whose origin is `confirmed`, fewer than with the suggestions
    await run('csv', 'confirmed', true);
    const rows = (sub: string) => fs.readFileSync(path.join(out(), sub, 'mentions.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    const all = rows('csv');
    const confirmed = rows('confirmed');
    assert.ok(all.some((l) => l.endsWith(',suggested')), 'suggestions in the full export');
    assert.ok(confirmed.length < all.length && confirmed.every((l) => l.endsWith(',confirmed')), `confirmed only (${confirmed.length} of ${all.length})`);
  });

  it('never writes over an exported article', async () => {
    await workspaceFeatures();
    const uri = vscode.Uri.joinPath(root(), 'kremlin-call.txt');
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    const r = await vscode.commands.executeCommand<ExportResult | undefined>('newsAnnotator.export', { format: 'brat', scope: 'article', uri, confirmedOnly: false, folder: root() });
    assert.strictEqual(r, undefined, 'refused');
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), before);
    assert.ok(!fs.existsSync(path.join(root().fsPath, 'kremlin-call.ann')), 'nothing written');
  });
});
