/**
 * The ids in src/extension/ids.ts and the manifest's `contributes` agree, in both directions: commands, views,
 * the view container, configuration keys and colours; every command has the one category; every menu entry
 * and keybinding names a contributed command; commands hidden from the palette are the ones ids.ts says.
 * Plain mocha: ids.ts imports nothing from `vscode`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY, Colors, Commands, EXTENSION_ID, HIDDEN_FROM_PALETTE, HIGHLIGHT_KEYS, LANGUAGE_ID, Settings, ViewContainers, Views } from '../../src/extension/ids';

const root = join(__dirname, '..', '..');
interface Pkg {
  name: string;
  publisher: string;
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: unknown; description?: string }; virtualWorkspaces: { supported: unknown; description?: string } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command?: string; submenu?: string; when?: string }[]>;
    keybindings: { command: string; key: string; when?: string }[];
    configuration: { properties: Record<string, { default?: unknown; properties?: Record<string, unknown> }> };
    colors: { id: string; defaults: Record<string, string> }[];
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    viewsWelcome: { view: string }[];
    languages: { id: string; extensions?: string[]; configuration?: string }[];
    grammars: { language: string; path: string }[];
  };
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Pkg;
const c = pkg.contributes;
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('manifest ⇄ src/extension/ids.ts', () => {
  it('extension id is publisher.name', () => {
    assert.equal(EXTENSION_ID, `${pkg.publisher}.${pkg.name}`);
  });

  it('commands match in both directions, each with the category', () => {
    assert.deepEqual(sorted(c.commands.map((x) => x.command)), sorted(Object.values(Commands)));
    for (const cmd of c.commands) {
      assert.equal(cmd.category, CATEGORY, `${cmd.command} category`);
      assert.ok(cmd.title && !cmd.title.startsWith(CATEGORY), `${cmd.command} title`);
    }
  });

  it('menus and keybindings reference contributed commands only', () => {
    const known = new Set(c.commands.map((x) => x.command));
    for (const [menu, entries] of Object.entries(c.menus)) {
      for (const e of entries) if (e.command) assert.ok(known.has(e.command), `${menu}: ${e.command}`);
    }
    for (const k of c.keybindings) assert.ok(known.has(k.command), `keybinding ${k.key}: ${k.command}`);
  });

  it('commands hidden from the palette are exactly the internal ones', () => {
    const hidden = c.menus.commandPalette.filter((e) => e.when === 'false').map((e) => e.command as string);
    assert.deepEqual(sorted(hidden), sorted(HIDDEN_FROM_PALETTE));
  });

  it('view container and views match', () => {
    assert.deepEqual(
      c.viewsContainers.activitybar.map((v) => v.id),
      Object.values(ViewContainers),
    );
    const container = c.viewsContainers.activitybar[0];
    assert.equal(container.title, CATEGORY);
    assert.ok(existsSync(join(root, container.icon)), 'activity bar icon exists');
    const svg = readFileSync(join(root, container.icon), 'utf8');
    assert.match(svg, /currentColor/, 'monochrome icon uses currentColor');
    assert.doesNotMatch(svg, /#[0-9a-f]{3,8}\b/i, 'no fixed colours in the icon');
    assert.deepEqual(Object.keys(c.views), Object.values(ViewContainers));
    assert.deepEqual(sorted(Object.values(c.views).flat().map((v) => v.id)), sorted(Object.values(Views)));
    for (const w of c.viewsWelcome) assert.ok((Object.values(Views) as string[]).includes(w.view), `welcome for ${w.view}`);
  });

  it('configuration keys match, with the documented defaults', () => {
    const keys = Object.values(Settings).filter((k) => k.includes('.'));
    assert.deepEqual(sorted(Object.keys(c.configuration.properties)), sorted(keys));
    assert.deepEqual(c.configuration.properties[Settings.include].default, ['**/*.txt', '**/*.md', '**/*.news']);
    const exclude = c.configuration.properties[Settings.exclude].default as string[];
    for (const part of ['node_modules', '.git', '*.annotations.yaml']) assert.ok(exclude.some((g) => g.includes(part)), `exclude has ${part}`);
    assert.deepEqual(sorted(Object.keys(c.configuration.properties[Settings.highlight].properties ?? {})), sorted(HIGHLIGHT_KEYS));
  });

  it('colours match, each with dark, light and high-contrast defaults', () => {
    assert.deepEqual(sorted(c.colors.map((x) => x.id)), sorted(Object.values(Colors)));
    for (const col of c.colors) for (const theme of ['dark', 'light', 'highContrast']) assert.ok(col.defaults[theme], `${col.id} ${theme}`);
  });

  it('language, grammar and activation', () => {
    const lang = c.languages.find((l) => l.id === LANGUAGE_ID);
    assert.ok(lang?.extensions?.includes('.news'));
    assert.ok(lang?.configuration && existsSync(join(root, lang.configuration)));
    const g = c.grammars.find((x) => x.language === LANGUAGE_ID);
    assert.ok(g && existsSync(join(root, g.path)), 'grammar file exists');
    JSON.parse(readFileSync(join(root, g.path), 'utf8'));
    assert.ok(!pkg.activationEvents.includes('*'), 'no eager activation');
    for (const e of ['onLanguage:plaintext', 'onLanguage:markdown', `onLanguage:${LANGUAGE_ID}`]) assert.ok(pkg.activationEvents.includes(e), e);
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('workspace features: network command in the Channels view and on actor rows, Actors scope toggle, activation', () => {
    const title = c.menus['view/title'];
    assert.ok(title.some((e) => e.command === Commands.showChannelNetwork && e.when === `view == ${Views.channels}`));
    assert.ok(title.some((e) => e.command === Commands.toggleActorsScope && e.when === `view == ${Views.actors}`));
    assert.ok(c.menus['view/item/context'].some((e) => e.command === Commands.showChannelNetwork && e.when?.includes(`view == ${Views.actors}`) && e.when.includes('viewItem == actor')));
    for (const e of [`onCommand:${Commands.showChannelNetwork}`, 'onWebviewPanel:newsAnnotator.channelNetwork']) assert.ok(pkg.activationEvents.includes(e), e);
    const titles = new Map(c.commands.map((x) => [x.command, x.title]));
    assert.equal(titles.get(Commands.export), 'Export Annotations…');
  });

  it('the webview script is built (prepare → build), not committed, and shipped without its sources', () => {
    assert.match(readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8'), /import\('\.\/build-webview\.mjs'\)/);
    assert.ok((pkg as unknown as { scripts: Record<string, string> }).scripts.prepare.includes('scripts/build.mjs'));
    const ignored = readFileSync(join(root, '.gitignore'), 'utf8').split('\n');
    assert.ok(ignored.includes('media/network/network.js'), '.gitignore lists the built webview script');
    const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(vscodeignore.includes('!media/**/*.{svg,png,css,js}'), '.vscodeignore keeps media scripts and styles');
    assert.ok(!vscodeignore.some((l) => l.startsWith('!') && /\.ts\b|media\/network\/src/.test(l)), 'no sources in the .vsix');
  });

  it('capabilities give reasons', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(pkg.capabilities.untrustedWorkspaces.description);
    assert.ok(pkg.capabilities.virtualWorkspaces.description);
  });
});
