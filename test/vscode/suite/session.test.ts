/** Article sessions in the real extension host: analysis, decorations by layer, status bar, typing, toggling, settings. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../../src/extension/ids';
import { ARTICLE, api, cleanup, findItem, offsetOf, openArticle, scratchDir, until } from './helpers';

describe('extension: article session and decorations', () => {
  let dir: string;
  before(() => {
    dir = scratchDir('session');
  });
  after(() => cleanup(dir));

  it('analyses an opened article: actors by kind, a quote, a channel, all as suggestions', async () => {
    const a = await api();
    const { vm } = await openArticle(a, dir, 'call.txt');
    assert.strictEqual(vm.actors.get('sergey-lavrov')?.kind, 'person');
    assert.strictEqual(vm.actors.get('nato')?.kind, 'organization');
    assert.strictEqual(vm.actors.get('turkey')?.kind, 'state');
    assert.ok(vm.quotes.some((q) => q.text.includes('continue the dialogue') && q.speaker?.id === 'sergey-lavrov'), 'Lavrov quote attributed');
    assert.ok(vm.channels.length > 0, 'a channel');
    assert.ok(vm.items.every((i) => i.state === 'suggested'), 'no sidecar yet: everything is a suggestion');
  });

  it('decorates actor names by kind, quotes and channels (suggestion layers), with the right text', async () => {
    const a = await api();
    const { editor } = await openArticle(a, dir, 'deco.txt');
    const layers = await until(() => {
      const l = a.decorations(editor);
      return l['person.suggested']?.length ? l : undefined;
    }, 'decorations');
    const texts = (id: string) => (layers[id] ?? []).map((r) => editor.document.getText(r));
    assert.ok(texts('person.suggested').includes('Sergey Lavrov'), `person layer: ${texts('person.suggested').join(', ')}`);
    assert.ok(texts('organization.suggested').includes('NATO'));
    assert.ok(texts('state.suggested').includes('Turkey'));
    assert.ok(texts('quote.suggested').some((t) => t.includes('We are ready')));
    assert.ok(texts('channel.suggested').length > 0);
    assert.strictEqual(texts('person').length, 0, 'nothing confirmed yet');
  });

  it('shows counts in the status bar', async () => {
    const a = await api();
    await openArticle(a, dir, 'status.txt');
    const text = await until(() => a.statusText(), 'status bar text');
    assert.match(text, /\d+ actors · \d+ quotes · \d+ channels?/);
  });

  it('marks the speaker of the quote under the cursor', async () => {
    const a = await api();
    const { editor } = await openArticle(a, dir, 'speaker.txt');
    const q = offsetOf(ARTICLE, 'continue the dialogue');
    editor.selection = new vscode.Selection(editor.document.positionAt(q.start), editor.document.positionAt(q.start));
    const spans = await until(() => {
      const s = a.decorations(editor).speaker;
      return s?.length ? s : undefined;
    }, 'speaker decoration');
    assert.ok(spans.some((r) => editor.document.getText(r) === 'Lavrov'), spans.map((r) => editor.document.getText(r)).join(','));
  });

  it('moves highlights with typing at once and re-analyses the edited paragraph', async () => {
    const a = await api();
    const { editor, uri } = await openArticle(a, dir, 'typing.txt');
    const natoStart = findItem((await a.viewModel(uri))!, 'NATO').start;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'BREAKING: '));
    assert.ok(a.timings().lastShiftMs < 50, `shift took ${a.timings().lastShiftMs} ms`);
    // (the editor moves the decorations itself on the keystroke; the re-render follows the debounce)
    await until(() => a.decorations(editor)['organization.suggested'].some((r) => editor.document.getText(r) === 'NATO'), 'NATO decorated after the edit');
    // a new name typed into a paragraph is found after the debounce
    const end = editor.document.lineAt(editor.document.lineCount - 2).range.end;
    await editor.edit((b) => b.insert(end, ' Emmanuel Macron agreed.'));
    const vm = await until(async () => {
      const v = await a.viewModel(uri);
      return v?.actors.has('emmanuel-macron') ? v : undefined;
    }, 'Macron found after typing');
    assert.strictEqual(findItem(vm, 'NATO').start, natoStart + 'BREAKING: '.length);
    assert.ok(a.timings().lastShiftMs < 50, `shift took ${a.timings().lastShiftMs} ms`);
  });

  it('edit → decorations on a 100 KB article stays within a frame in the extension host', async () => {
    const a = await api();
    let big = '';
    for (let i = 0; big.length < 100 * 1024; i++) big += ARTICLE.replace('Monday', `day ${i}`) + '\n';
    const { editor, uri } = await openArticle(a, dir, 'big.txt', big);
    const vm = (await a.viewModel(uri))!;
    assert.ok(vm.items.length > 1000, `${vm.items.length} items`);
    const shift: number[] = [];
    const renderBefore = a.timings().lastRenderMs;
    for (let i = 0; i < 20; i++) {
      const pos = editor.document.positionAt(Math.floor(big.length / 2) + i);
      await editor.edit((b) => b.insert(pos, 'x'));
      shift.push(a.timings().lastShiftMs);
    }
    const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
    // A keystroke costs the shift only: decorations are tracked ranges the editor moves itself.
    console.log(`    keystroke → decorations (100 KB, ${vm.items.length} items): ${median(shift).toFixed(2)} ms median, ${Math.max(...shift).toFixed(2)} ms max`);
    assert.ok(median(shift) <= 16, `a keystroke took ${median(shift).toFixed(1)} ms`);
    const layers = await until(() => {
      const l = a.decorations(editor);
      return a.timings().lastRenderMs !== renderBefore && l['organization.suggested'].length ? l : undefined;
    }, 'the debounced render');
    // every rendered range covers exactly the text of an item of the view model it was rendered from
    const orgTexts = new Set(vm.items.map((i) => i.text));
    assert.ok(layers['organization.suggested'].filter((r) => orgTexts.has(editor.document.getText(r))).length >= layers['organization.suggested'].length - 2, 'ranges on their words after the edits');
    const t = a.timings();
    console.log(`    after the pause: window re-analysis ${t.lastWindowMs.toFixed(2)} ms, render ${t.lastRenderMs.toFixed(2)} ms; full analysis ${t.lastAnalyzeMs.toFixed(2)} ms`);
  });

  it('Toggle Highlights hides and shows every decoration', async () => {
    const a = await api();
    const { editor } = await openArticle(a, dir, 'toggle.txt');
    await until(() => a.decorations(editor)['person.suggested']?.length, 'decorations');
    assert.strictEqual(await vscode.commands.executeCommand(Commands.toggleHighlights, { on: false }), false);
    const off = a.decorations(editor);
    assert.ok(Object.values(off).every((r) => r.length === 0), 'all layers empty');
    assert.strictEqual(await vscode.commands.executeCommand(Commands.toggleHighlights), true);
    assert.ok(a.decorations(editor)['person.suggested'].length > 0);
  });

  it('the highlight setting chooses what is shown', async () => {
    const a = await api();
    const { editor } = await openArticle(a, dir, 'setting.txt');
    const cfg = vscode.workspace.getConfiguration();
    await cfg.update(Settings.highlight, { quotes: false }, vscode.ConfigurationTarget.Workspace);
    try {
      await until(() => a.decorations(editor)['quote.suggested']?.length === 0 && a.decorations(editor)['person.suggested'].length > 0, 'quotes hidden');
    } finally {
      await cfg.update(Settings.highlight, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until(() => a.decorations(editor)['quote.suggested']?.length > 0, 'quotes back');
  });

  it('ignores files outside newsAnnotator.include', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '{"a": "Sergey Lavrov"}' });
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(await a.viewModel(doc.uri), undefined);
  });
});
