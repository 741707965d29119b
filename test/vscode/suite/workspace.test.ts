/** Workspace index features in the real extension host: references, symbols, definition, rename (issue 5). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { BUNDLED_REGISTRY_URI } from '../../../src/extension/workspace/registryLocations';
import { until } from './helpers';
import { workspaceFeatures } from './workspaceFeatures';

const root = () => vscode.workspace.workspaceFolders![0].uri;
const fixture = (name: string) => vscode.Uri.joinPath(root(), name);

/** The position of the n-th occurrence of `needle` in a file (plus `into` characters). */
async function positionOf(uri: vscode.Uri, needle: string, into = 1, nth = 0): Promise<vscode.Position> {
  const doc = await vscode.workspace.openTextDocument(uri);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `“${needle}” in ${uri.path}`);
  return doc.positionAt(at + into);
}

function editsFor(edit: vscode.WorkspaceEdit, uri: vscode.Uri): vscode.TextEdit[] {
  return edit.entries().find(([u]) => u.toString() === uri.toString())?.[1] ?? [];
}

describe('workspace index', function () {
  this.timeout(90_000);
  const registryFile = () => vscode.Uri.joinPath(root(), '.news-annotator', 'actors.yaml');

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('prune drops an indexed article whose file is gone, whatever the watchers did', async () => {
    const { features } = await workspaceFeatures();
    await features.service.ready();
    const dir = path.join(root().fsPath, `prune-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = vscode.Uri.file(path.join(dir, 'gone.txt'));
    fs.writeFileSync(file.fsPath, 'Lavrov met Rubio in Geneva on Tuesday.');
    await features.service.refresh(file);
    assert.ok(features.service.index.has(file.toString()), 'indexed');
    fs.rmSync(dir, { recursive: true, force: true });
    await features.service.prune();
    assert.ok(!features.service.index.has(file.toString()), 'gone after prune');
    // an article that exists stays
    assert.ok(features.service.index.has(fixture('kremlin-call.txt').toString()));
  });

  it('indexes the fixture articles (first build done, both articles in)', async () => {
    const { features } = await workspaceFeatures();
    const s = features.service.stats();
    assert.ok(['ready', 'cancelled'].includes(s.state), s.state);
    assert.ok(features.service.index.has(fixture('istanbul-talks.txt').toString()), features.service.index.articles().join(', '));
    assert.ok(features.service.index.has(fixture('kremlin-call.txt').toString()));
  });

  it('Find All References on an actor lists its mentions in both articles', async () => {
    await workspaceFeatures();
    const uri = fixture('kremlin-call.txt');
    const pos = await positionOf(uri, 'Sergey Lavrov');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, pos);
    const files = new Set(refs.map((r) => path.basename(r.uri.fsPath)));
    assert.ok(files.has('kremlin-call.txt') && files.has('istanbul-talks.txt'), `references in ${[...files].join(', ')}`);
    const istanbul = await vscode.workspace.openTextDocument(fixture('istanbul-talks.txt'));
    const texts = refs.filter((r) => r.uri.fsPath === istanbul.uri.fsPath).map((r) => istanbul.getText(r.range));
    assert.ok(texts.includes('Sergey Lavrov') && texts.includes('Lavrov'), `mentions read “${texts.join('”, “')}”`);
  });

  it('Workspace Symbols finds actors by an alias', async () => {
    const { features } = await workspaceFeatures();
    const byAlias = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Kremlin');
    assert.ok(
      byAlias.some((s) => s.name.startsWith('Russia')),
      `“Kremlin” finds Russia (got ${byAlias.map((s) => s.name).join(', ')})`,
    );
    // Other suites may leave a temporary article mentioning Lavrov in the index for a moment (the file watcher
    // removes it asynchronously): the label must agree with the index, and count both fixtures.
    const label = () => {
      const articles = features.service.index.articlesOf('sergey-lavrov');
      const mentions = articles.reduce((n, a) => n + a.count, 0);
      return { n: articles.length, text: `person · ${mentions} mentions in ${articles.length} articles` };
    };
    let seen = '';
    const agreed = await until(async () => {
      const bySurname = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'lavrov');
      const lavrov = bySurname.find((s) => s.name === 'Sergey Lavrov');
      seen = lavrov ? lavrov.containerName : `no Sergey Lavrov in ${bySurname.map((s) => s.name).join(', ')}`;
      const want = label();
      return lavrov?.containerName === want.text && want;
    }, 'the symbol’s label to match the index').catch(() => assert.fail(`got “${seen}”, the index says “${label().text}”`));
    assert.ok(agreed.n >= 2, agreed.text);
  });

  it('Go to Definition opens the registry entry (bundled registry, read-only)', async () => {
    await workspaceFeatures();
    const uri = fixture('kremlin-call.txt');
    const defs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, await positionOf(uri, 'Marco Rubio'));
    assert.strictEqual(defs.length, 1);
    const d = defs[0];
    const target = 'targetUri' in d ? d.targetUri : d.uri;
    const range = 'targetRange' in d ? d.targetRange : d.range;
    assert.strictEqual(target.toString(), BUNDLED_REGISTRY_URI.toString());
    const doc = await vscode.workspace.openTextDocument(target);
    assert.match(doc.lineAt(range.start.line).text, /id: marco-rubio\b/);
  });

  it('Rename of a default-registry actor: one edit creating the workspace override (id kept, old name as alias)', async () => {
    const { features } = await workspaceFeatures();
    assert.ok(!fs.existsSync(registryFile().fsPath), 'no workspace registry in the fixture');
    const uri = fixture('kremlin-call.txt');
    const pos = await positionOf(uri, 'Sergey Lavrov', 3);
    const prepared = await features.features.prepareRename(await vscode.workspace.openTextDocument(uri), pos);
    assert.strictEqual(prepared.placeholder, 'Sergey Lavrov');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, pos, 'Sergei Lavrov');
    assert.ok(edit, 'a WorkspaceEdit');
    const reg = editsFor(edit, registryFile());
    assert.strictEqual(reg.length, 1, 'one insert into the new registry file');
    assert.match(reg[0].newText, /- id: sergey-lavrov\n\s+name: Sergei Lavrov\n\s+kind: person\n\s+aliases: \[Sergey Lavrov\]/);
    assert.deepStrictEqual(
      edit.entries().map(([u]) => u.toString()),
      [registryFile().toString()],
      'no sidecar changes: sidecars store the id, which stays',
    );
  });

  it('Rename of a workspace actor: one edit over the registry entry and every sidecar naming its id', async () => {
    const { features, registries } = await workspaceFeatures();
    const dir = path.join(root().fsPath, `ws-rename-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.mkdirSync(path.dirname(registryFile().fsPath), { recursive: true });
    try {
      fs.writeFileSync(registryFile().fsPath, '# test\nactors:\n  - id: tomas-brenner\n    name: Tomas Brenner\n    kind: person\n    roles: [analyst]\n');
      const text = 'Analyst Tomas Brenner met Sergey Lavrov in Vienna on Monday.\n\nBrenner said the talks were useful.\n';
      const article = path.join(dir, 'brenner.txt');
      fs.writeFileSync(article, text);
      const at = text.indexOf('Tomas Brenner');
      const ch = text.indexOf('met Sergey Lavrov');
      fs.writeFileSync(
        article + '.annotations.yaml',
        [
          'version: 1',
          'article: brenner.txt',
          'annotations:',
          '  - id: aaaa1111',
          '    type: actor',
          '    status: confirmed',
          `    target: { exact: Tomas Brenner, start: ${at}, end: ${at + 13} }`,
          '    actor: tomas-brenner',
          '  - id: bbbb2222',
          '    type: channel',
          '    status: confirmed',
          `    target: { exact: met Sergey Lavrov, start: ${ch}, end: ${ch + 17} }`,
          '    channelType: meeting',
          '    participants: [tomas-brenner, sergey-lavrov]',
          '    via: []',
          '',
        ].join('\n'),
      );
      registries.invalidate();
      await features.service.ready();
      const uri = vscode.Uri.file(article);
      await features.service.refresh(uri);
      assert.ok(features.service.index.references('tomas-brenner').length >= 1, 'Brenner indexed');
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, await positionOf(uri, 'Tomas Brenner', 2), 'Thomas Brenner');
      const reg = editsFor(edit, registryFile());
      const side = editsFor(edit, vscode.Uri.file(article + '.annotations.yaml'));
      assert.deepStrictEqual(reg.map((e) => e.newText).sort(), ['Thomas Brenner', 'thomas-brenner', '\n    aliases: [Tomas Brenner]'].sort());
      assert.deepStrictEqual(
        side.map((e) => e.newText),
        ['thomas-brenner', 'thomas-brenner'],
        'the actor annotation and the channel participant',
      );
      // applied, the registry still parses and reads as intended
      const regDoc = await vscode.workspace.openTextDocument(registryFile());
      const applied = applyTextEdits(regDoc.getText(), regDoc, reg);
      assert.match(applied, /- id: thomas-brenner\n {4}name: Thomas Brenner\n {4}aliases: \[Tomas Brenner\]\n {4}kind: person/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(path.dirname(registryFile().fsPath), { recursive: true, force: true });
      registries.invalidate();
    }
  });
});

function applyTextEdits(text: string, doc: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const offs = edits.map((e) => ({ s: doc.offsetAt(e.range.start), e: doc.offsetAt(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  for (const o of offs) text = text.slice(0, o.s) + o.t + text.slice(o.e);
  return text;
}
