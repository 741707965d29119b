// UI checks: what a user sees when reading and annotating an article (test/fixtures/workspace/kremlin-call.txt).
// They run in order in one workbench window (run by test/vscode/run.mjs, which screenshots the window after each).
import assert from 'node:assert/strict';

const ARTICLE = 'kremlin-call.txt';
const SIDECAR = `${ARTICLE}.annotations.yaml`;
const QUOTE = 'A phone call is not a peace agreement';
const CHANNEL = 'telephone conversation between Putin and Trump';

/**
 * `readme`: with `--screenshots-for-readme`, the screenshot after the check is copied to docs/images/<readme>;
 * `readmeShots`: the same for screenshots the check took mid-way (docs/images file → `ui.screenshot` name).
 * @type {{ name: string, readme?: string, readmeShots?: Record<string, string>,
 *   run(ui: import('./workbench.mjs').Workbench): Promise<void> }[]}
 */
export const checks = [
  {
    name: 'an article opens from the workspace',
    async run(ui) {
      await ui.openFile(ARTICLE);
      await ui.textRect('Sergey Lavrov');
    },
  },
  {
    name: 'actor names, a quote and a channel are highlighted',
    readme: 'highlights.png',
    async run(ui) {
      const lavrov = await ui.waitForDecoration('Sergey Lavrov');
      const rubio = await ui.waitForDecoration('Marco Rubio');
      await ui.waitForDecoration('Vladimir Putin');
      await ui.waitForDecoration('NATO');
      const quote = await ui.waitForDecoration(QUOTE, { contains: true });
      const channel = await ui.waitForDecoration(CHANNEL, { contains: true });
      const actorType = lavrov.find((d) => d.kind === 'overlay')?.type;
      assert.ok(actorType, 'actor highlight is a background overlay');
      assert.ok(rubio.some((d) => d.type === actorType), 'both people share the same decoration (same kind and state)');
      const quoteTypes = new Set(quote.map((d) => d.type));
      const channelTypes = new Set(channel.map((d) => d.type));
      assert.ok([...quoteTypes].some((t) => t !== actorType), 'the quote has a highlight of its own');
      assert.ok([...channelTypes].some((t) => t !== actorType && !quoteTypes.has(t)), 'the channel has a highlight of its own, distinct from actors and quotes');
      for (const d of [...lavrov, ...quote, ...channel].filter((x) => x.kind === 'overlay' && x.background !== 'rgba(0, 0, 0, 0)')) {
        assert.match(d.background, /^rgba?\(/, 'a visible background colour');
      }
    },
  },
  {
    name: "hovering an actor shows who they are",
    readme: 'hover.png',
    async run(ui) {
      const text = await ui.hover('Sergey Lavrov', ['Sergey Lavrov']);
      assert.match(text, /person/i, `the hover says the kind (got: ${text.slice(0, 300)})`);
      assert.match(text, /mention/i, `the hover counts mentions in this article (got: ${text.slice(0, 300)})`);
    },
  },
  {
    name: 'the News Annotator side bar lists the actors by kind',
    readme: 'sidebar.png',
    async run(ui) {
      await ui.dismiss();
      await ui.openSidebar('News Annotator');
      const rows = await ui.waitForSidebarRows(['People', 'Sergey Lavrov', 'Marco Rubio', 'Vladimir Putin'], { view: 'Actors' });
      await ui.waitForSidebarRows(['Organisations', 'NATO'], { view: 'Actors' });
      await ui.scrollSidebarToTop('Actors');
      const lavrov = rows.find((r) => r.includes('Sergey Lavrov'));
      assert.match(lavrov, /mention/, `the actor row shows counts (got: ${lavrov})`);
      const details = await ui.sidebarRowDetails('Actors');
      const people = details.findIndex((r) => r.text.startsWith('People'));
      const lavrovAt = details.findIndex((r) => r.text.includes('Sergey Lavrov'));
      assert.ok(people >= 0 && people < lavrovAt, 'people are listed under the People group');
      assert.ok(details[lavrovAt].level > details[people].level, 'an actor row is nested in its kind group');
    },
  },
  {
    name: 'a claim tagged through the palette and quick picks is saved in the sidecar',
    readme: 'tag-claim.png',
    readmeShots: { 'tag-claim-pick.png': 'tag-claim-claimant-pick' },
    async run(ui) {
      await ui.select(QUOTE);
      await ui.runCommand('News Annotator: Tag Claim');
      await ui.pick('Claim: kind', 'prediction');
      const claimant = await ui.quickInput('Claim: who claims it?');
      await ui.screenshot('tag-claim-claimant-pick');
      assert.match(claimant.focused ?? '', /Marco Rubio/, `the quote's speaker is preselected (focused: ${claimant.focused})`);
      await ui.page.keyboard.press('Enter');
      await ui.pick('Claim: verification status', 'disputed');
      await ui.answer('Claim: note', 'checked in the UI test');
      const yaml = await ui.waitForFile(SIDECAR, (s) => s.includes('checked in the UI test'));
      assert.match(yaml, /claim/);
      assert.match(yaml, /prediction/);
      assert.match(yaml, /disputed/);
      assert.match(yaml, /rubio/i, 'the claimant is Marco Rubio');
      assert.match(yaml, new RegExp(QUOTE), 'the claim keeps the quoted text');
      await ui.waitForDecoration(QUOTE, { contains: true });
      // …and the Claims view lists it under its status (also what the screenshot shows).
      await ui.waitForSidebarRows(['disputed', 'A phone call is not'], { view: 'Claims' });
    },
  },
];
