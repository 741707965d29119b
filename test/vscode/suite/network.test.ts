/** The channel network panel in the real extension host (issue 5). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { workspaceFeatures } from './workspaceFeatures';

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('channel network panel', function () {
  this.timeout(60_000);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens with a strict CSP (nonce), media/network as the only resource root, and the fixture network', async () => {
    const { features } = await workspaceFeatures();
    await vscode.commands.executeCommand('newsAnnotator.showChannelNetwork');
    const net = features.network;
    const html = await until(() => net.html, 'the panel HTML');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    assert.match(csp, /default-src 'none'/);
    const nonce = /script-src 'nonce-([A-Za-z0-9]{16,})'/.exec(csp)?.[1];
    assert.ok(nonce, `script-src by nonce (${csp})`);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), `nothing inline, no eval (${csp})`);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepStrictEqual(directives.get('script-src'), [`'nonce-${nonce}'`], 'scripts only by nonce');
    const webviewSource = (directives.get('img-src') ?? []).filter((x) => x !== 'data:');
    assert.deepStrictEqual(directives.get('style-src'), [...webviewSource, `'nonce-${nonce}'`], 'styles only from the webview source (media/network)');
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.ok(scripts.length >= 1 && scripts.every((s) => s.includes(`nonce="${nonce}"`)), 'every script carries the nonce');
    const roots = net.webviewOptions?.localResourceRoots ?? [];
    assert.strictEqual(roots.length, 1);
    assert.match(roots[0].path, /\/media\/network$/);

    const model = await until(() => net.model, 'the graph model');
    const ids = new Set(model.nodes.map((n) => n.id));
    for (const id of ['vladimir-putin', 'donald-trump', 'sergey-lavrov', 'marco-rubio']) assert.ok(ids.has(id), `node ${id} in ${[...ids].join(', ')}`);
    const call = model.edges.find((e) => e.source === 'donald-trump' && e.target === 'vladimir-putin' && e.type === 'call');
    assert.ok(call, `a call edge Putin–Trump in ${model.edges.map((e) => e.key).join(' | ')}`);
    assert.ok(call.count >= 2, 'the call is mentioned in both articles');
    assert.ok(model.nodes.every((n) => ['person', 'organization', 'state'].includes(n.kind) && n.mentions >= 0));
    const labels = model.articles.map((a) => a.label);
    assert.ok(labels.includes('kremlin-call.txt') && labels.includes('istanbul-talks.txt'), labels.join(', '));

    const rows = net.mentionRows(call.key);
    assert.ok(new Set(rows.map((r) => r.label)).size >= 2, `mentions from both articles: ${rows.map((r) => r.label).join(', ')}`);
  });

  it('filters to one actor from the command argument', async () => {
    const { features } = await workspaceFeatures();
    await vscode.commands.executeCommand('newsAnnotator.showChannelNetwork', 'marco-rubio');
    const model = await until(() => features.network.model?.filter.actor === 'marco-rubio' && features.network.model, 'the filtered model');
    assert.ok(model.edges.length > 0, 'Rubio has channels');
    assert.ok(model.edges.every((e) => [e.source, e.target, ...e.via].includes('marco-rubio')), 'only edges touching Rubio');
    await vscode.commands.executeCommand('newsAnnotator.showChannelNetwork', '');
  });
});
