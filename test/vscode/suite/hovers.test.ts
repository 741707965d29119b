/** Hovers through `vscode.executeHoverProvider`: actor, quote, channel and claim, and escaping of file text. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/extension/ids';
import { ARTICLE, api, cleanup, findItem, hoverText, offsetOf, openArticle, scratchDir } from './helpers';

async function hoverAt(uri: vscode.Uri, doc: vscode.TextDocument, offset: number): Promise<{ text: string; hovers: vscode.Hover[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(offset))) ?? [];
  return { text: hoverText(hovers), hovers };
}

describe('extension: hovers', () => {
  let dir: string;
  before(() => {
    dir = scratchDir('hovers');
  });
  after(() => cleanup(dir));

  it('actor: canonical name, kind, roles, mentions, quotes, channels, Wikidata, actions', async () => {
    const a = await api();
    const { uri, editor } = await openArticle(a, dir, 'actor.txt');
    const { text } = await hoverAt(uri, editor.document, offsetOf(ARTICLE, 'Sergey Lavrov').start + 2);
    assert.match(text, /\*\*Sergey Lavrov\*\*/);
    assert.match(text, /person/);
    assert.match(text, /\d+ mentions here/);
    assert.match(text, /1 quote/);
    assert.match(text, /channel/);
    assert.match(text, /command:newsAnnotator\.acceptSuggestion/);
  });

  it('quote: speaker, cue and confidence', async () => {
    const a = await api();
    const { uri, editor } = await openArticle(a, dir, 'quote.txt');
    const { text } = await hoverAt(uri, editor.document, offsetOf(ARTICLE, 'continue the dialogue').start);
    assert.match(text, /\*\*Quote\*\*/);
    assert.match(text, /Speaker: \*\*Sergey Lavrov\*\*/);
    assert.match(text, /Confidence: \d+%/);
  });

  it('channel: type and participants', async () => {
    const a = await api();
    const { uri, editor, vm } = await openArticle(a, dir, 'channel.txt');
    const ch = vm.channels[0];
    assert.ok(ch, 'a channel');
    const { text } = await hoverAt(uri, editor.document, ch.start + 1);
    assert.match(text, /\*\*Channel\*\*/);
    assert.match(text, /Participants:/);
  });

  it('claim: kind, claimant, status, note — with file text escaped and only our commands trusted', async () => {
    const a = await api();
    const { uri, editor } = await openArticle(a, dir, 'claim.txt');
    const span = offsetOf(ARTICLE, 'Peace must be just');
    const evil = 'see [click](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold**';
    const id = await vscode.commands.executeCommand<string>(Commands.tagClaim, { uri: uri.toString(), range: span, kind: 'opinion', claimant: 'mark-rutte', status: 'disputed', note: evil });
    assert.ok(id, 'claim stored');
    const { text, hovers } = await hoverAt(uri, editor.document, span.start + 2);
    assert.match(text, /\*\*Claim\*\* — opinion · status \*\*disputed\*\*/);
    assert.match(text, /Claimant: Mark Rutte/);
    assert.ok(!text.includes('](command:workbench'), 'the note’s link is escaped');
    assert.ok(text.includes('\\[click\\]\\(command\\:workbench'), text);
    assert.doesNotMatch(text, /(^|[^\\])<img/, 'HTML is escaped');
    for (const h of hovers)
      for (const c of h.contents) {
        if (typeof c === 'string' || !('isTrusted' in c)) continue;
        const trust = c.isTrusted;
        assert.notStrictEqual(trust, true, 'never fully trusted');
        if (trust && trust !== true) assert.ok(trust.enabledCommands.every((cmd) => cmd.startsWith('newsAnnotator.')));
      }
  });

  it('no hover outside annotations', async () => {
    const a = await api();
    const { uri, editor } = await openArticle(a, dir, 'none.txt');
    const vm = (await a.viewModel(uri))!;
    const plain = offsetOf(ARTICLE, 'officials said').start;
    assert.ok(!vm.items.some((i) => i.start <= plain && i.end > plain));
    const { text } = await hoverAt(uri, editor.document, plain);
    assert.ok(!text.includes('Channel') && !text.includes('mention'), text);
    findItem(vm, 'NATO');
  });
});
