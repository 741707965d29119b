// UI check of the channel network panel (issue 5). It runs "Show Channel Network" from the palette as a user
// would, then reads the webview's DOM (the panel is an iframe in an iframe) and checks that nodes and edges are drawn; the runner saves the screenshot.
import assert from 'node:assert/strict';

/** The webview's document (VS Code nests the content frame `#active-frame` inside `iframe.webview`). */
function webviewFrame(ui) {
  return ui.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** @type {{ name: string, readme?: string, run(ui: import('./workbench.mjs').Workbench): Promise<void> }[]} */
export const checks = [
  {
    name: 'the channel network shows actors as nodes and channels as edges',
    readme: 'network.png',
    async run(ui) {
      await ui.dismiss();
      await ui.runCommand('Show Channel Network');
      const frame = webviewFrame(ui);
      await frame.locator('svg#graph g.node').first().waitFor({ timeout: 30_000 });
      await frame.locator('svg#graph g.edge').first().waitFor({ timeout: 30_000 });
      const nodes = await frame.locator('svg#graph g.node').count();
      const edges = await frame.locator('svg#graph g.edge').count();
      assert.ok(nodes >= 4, `at least Putin, Trump, Lavrov and Rubio as nodes (got ${nodes})`);
      assert.ok(edges >= 2, `at least the call and the meeting as edges (got ${edges})`);
      const names = await frame.locator('svg#graph g.node text').allInnerTexts();
      for (const n of ['Vladimir Putin', 'Donald Trump']) assert.ok(names.includes(n), `node “${n}” in ${names.join(', ')}`);
      const call = frame.locator('svg#graph g.edge.type-call').first();
      assert.ok((await call.locator('path.line').getAttribute('stroke-dasharray'))?.length, 'a call edge is dashed');
      // clicking an edge lists its mentions
      await call.locator('path.hit').click({ force: true });
      await frame.locator('#mentions li a').first().waitFor({ timeout: 15_000 });
      const rows = await frame.locator('#mentions li a').allInnerTexts();
      assert.ok(rows.some((r) => /\.txt:\d+$/.test(r)), `mention rows name article and line (got ${rows.join(', ')})`);
    },
  },
];
