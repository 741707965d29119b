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
    readmeShots: { 'network.png': 'network' },
    async run(ui) {
      await ui.dismiss();
      await ui.runCommand('Show Channel Network');
      try {
        await checkPanel(ui);
        await ui.screenshot('network');
      } finally {
        // close the panel: the focus would stay in the webview, and later checks type into the workbench
        await ui.page.locator('.tabs-container .tab', { hasText: 'Channel Network' }).locator('.tab-actions .action-label').first().click({ force: true }).catch(() => {});
        await ui.page.locator('.tabs-container .tab', { hasText: 'Channel Network' }).waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
      }
    },
  },
];

/** Nodes and edges drawn, names on the nodes, a dashed call, an edge's mentions listed on click. */
async function checkPanel(ui) {
  const frame = webviewFrame(ui);
  await frame.locator('svg#graph g.node').first().waitFor({ timeout: 30_000 });
  await frame.locator('svg#graph g.edge').first().waitFor({ timeout: 30_000 });
  const nodes = await frame.locator('svg#graph g.node').count();
  const edges = await frame.locator('svg#graph g.edge').count();
  assert.ok(nodes >= 4, `at least Putin, Trump, Lavrov and Rubio as nodes (got ${nodes})`);
  assert.ok(edges >= 2, `at least the call and the meeting as edges (got ${edges})`);
  const names = await frame.locator('svg#graph g.node text').allTextContents(); // SVG elements have no innerText
  for (const n of ['Vladimir Putin', 'Donald Trump']) assert.ok(names.includes(n), `node “${n}” in ${names.join(', ')}`);
  const call = frame.locator('svg#graph g.edge.type-call').first();
  assert.ok((await call.locator('path.line').getAttribute('stroke-dasharray'))?.length, 'a call edge is dashed');
  // clicking an edge lists its mentions
  await call.locator('path.hit').click({ force: true });
  await frame.locator('#mentions li a').first().waitFor({ timeout: 15_000 });
  const rows = await frame.locator('#mentions li a').allInnerTexts();
  assert.ok(rows.some((r) => /\.txt:\d+$/.test(r)), `mention rows name article and line (got ${rows.join(', ')})`);
}
