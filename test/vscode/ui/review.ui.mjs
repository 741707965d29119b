// UI checks, continued (after article.ui.mjs, in the same window): switching highlights off and on, the status bar
// counts, and accepting a suggestion from its hover.
import assert from 'node:assert/strict';

const ARTICLE = 'kremlin-call.txt';
const QUOTE = 'A phone call is not a peace agreement';
/** An article without a sidecar at the start of the run: accepting a suggestion creates it. */
const FRESH_ARTICLE = 'istanbul-talks.txt';
const FRESH_SIDECAR = `${FRESH_ARTICLE}.annotations.yaml`;
const COUNTS = /(\d+) actors? · (\d+) quotes? · (\d+) channels?/;

/** @type {import('./article.ui.mjs').checks} */
export const checks = [
  {
    name: 'Toggle Highlights from the palette removes the highlights and brings them back',
    async run(ui) {
      await ui.openFile(ARTICLE);
      await ui.waitForDecoration('Sergey Lavrov');
      await ui.waitForDecoration(QUOTE, { contains: true });
      await ui.runCommand('News Annotator: Toggle Highlights');
      await ui.waitForNoDecorations();
      await ui.textRect('Sergey Lavrov'); // the text is still there, only the highlights went
      await ui.screenshot('toggle-highlights-off');
      await ui.runCommand('News Annotator: Toggle Highlights');
      await ui.waitForDecoration('Sergey Lavrov');
      await ui.waitForDecoration('Marco Rubio');
      await ui.waitForDecoration(QUOTE, { contains: true });
    },
  },
  {
    name: 'the status bar shows the counts and opens the side bar',
    readmeShots: { 'status-bar.png': 'status-bar' },
    async run(ui) {
      await ui.openFile(ARTICLE);
      await ui.runCommand('View: Show Explorer');
      await ui.waitForSidebarTitle('Explorer');
      const item = await ui.statusBarItem(COUNTS);
      const [, actors, quotes, channels] = (await item.innerText()).match(COUNTS);
      assert.ok(Number(actors) >= 4, `the article's actors are counted (${actors})`);
      assert.ok(Number(quotes) >= 1, `its quotes are counted (${quotes})`);
      assert.ok(Number(channels) >= 1, `its channels are counted (${channels})`);
      await item.click();
      await ui.waitForSidebarTitle('News Annotator');
      await ui.waitForSidebarRows(['Sergey Lavrov'], { view: 'Actors' });
      await ui.scrollSidebarToTop('Actors');
      // Its tooltip tells what a click does; the picture shows the item, the tooltip and the side bar it opened.
      await item.hover();
      const tooltip = ui.page.locator('.monaco-hover:visible, .workbench-hover:visible').filter({ hasText: /open the sidebar/i }).first();
      await tooltip.waitFor({ timeout: 15_000 });
      const vp = ui.page.viewportSize();
      await ui.screenshot('status-bar', { clip: { x: 0, y: 0, width: Math.min(vp.width, 820), height: vp.height } });
    },
  },
  {
    name: "accepting a suggestion from its hover writes it to a new sidecar as confirmed",
    async run(ui) {
      await ui.openFile(FRESH_ARTICLE);
      assert.ok(!(await ui.fileExists(FRESH_SIDECAR)), `${FRESH_SIDECAR} does not exist before`);
      const before = await ui.waitForDecoration('Sergey Lavrov');
      const suggestionType = before.find((d) => d.kind === 'overlay')?.type;
      assert.ok(suggestionType, 'the suggestion is highlighted');
      const text = await ui.hover('Sergey Lavrov', ['Sergey Lavrov', 'Accept']);
      assert.match(text, /suggestion/i, `the hover says it is a suggestion (got: ${text.slice(0, 300)})`);
      await ui.screenshot('accept-suggestion-hover');
      await ui.clickHoverLink('Accept');
      const yaml = await ui.waitForFile(FRESH_SIDECAR, (s) => /status: confirmed/.test(s) && /lavrov/i.test(s));
      assert.match(yaml, /Sergey Lavrov/, `the sidecar keeps the accepted text:\n${yaml.slice(0, 800)}`);
      // The confirmed mention looks different from the suggestion it was.
      await ui.waitForDecorations(
        (ds, t) => ds.some((d) => d.kind === 'overlay' && d.text.trim() === 'Sergey Lavrov' && d.type !== t),
        suggestionType,
        'a confirmed highlight on "Sergey Lavrov"',
      );
      await ui.dismiss();
    },
  },
];
