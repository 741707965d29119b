// What a user does and sees in the VS Code workbench, read from the real DOM (Playwright). Every wait is for an
// element or a condition, never a fixed sleep. Selectors follow VS Code 1.139 (code-server 4.139.1).
import fs from 'node:fs';
import path from 'node:path';

export const EDITOR = '.editor-instance .monaco-editor';
const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;

/**
 * Runs in the page: every decoration overlay (`.cdr`, which carries backgrounds and borders) and inline
 * decoration span of the active editor, with the text it covers. Overlays are positioned boxes without text,
 * so the covered text is measured character by character on the view line beside them.
 */
function readDecorationsInPage(editorSel) {
  const editors = [...document.querySelectorAll(editorSel)].filter((e) => e.offsetParent !== null);
  const editor = editors.find((e) => e.classList.contains('focused')) ?? editors[0];
  if (!editor) return [];
  const lines = [...editor.querySelectorAll('.view-lines .view-line')].map((el) => {
    const chars = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const r = range.getBoundingClientRect();
        chars.push({ ch: n.data[i] === '\u00a0' ? ' ' : n.data[i], x: r.left + r.width / 2 });
      }
    }
    return { rect: el.getBoundingClientRect(), chars };
  });
  const typeOf = (el) => [...el.classList].find((c) => c.includes('TextEditorDecorationType')) ?? '';
  const out = [];
  for (const el of editor.querySelectorAll('.view-overlays .cdr[class*="TextEditorDecorationType"]')) {
    const r = el.getBoundingClientRect();
    const cy = r.top + r.height / 2;
    const line = lines.find((l) => l.rect.top <= cy && cy <= l.rect.bottom);
    if (!line || r.width <= 0) continue;
    const text = line.chars.filter((c) => c.x >= r.left && c.x <= r.right).map((c) => c.ch).join('');
    const cs = getComputedStyle(el);
    out.push({ kind: 'overlay', type: typeOf(el), text, background: cs.backgroundColor, border: cs.borderBottomStyle });
  }
  for (const el of editor.querySelectorAll('.view-lines span[class*="TextEditorDecorationType"]')) {
    const cs = getComputedStyle(el);
    out.push({ kind: 'inline', type: typeOf(el), text: el.textContent.replace(/\u00a0/g, ' '), fontWeight: cs.fontWeight, color: cs.color });
  }
  return out;
}

/** Runs in the page: the viewport rectangle of the first occurrence of `text` in the active editor's view lines. */
function textRectInPage({ editorSel, text, occurrence }) {
  const editors = [...document.querySelectorAll(editorSel)].filter((e) => e.offsetParent !== null);
  const editor = editors.find((e) => e.classList.contains('focused')) ?? editors[0];
  if (!editor) return null;
  const lines = [...editor.querySelectorAll('.view-lines .view-line')].sort(
    (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
  );
  let seen = 0;
  for (const line of lines) {
    // Map the line's visible text to (text node, offset) pairs so a match can span token spans.
    const map = [];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) for (let i = 0; i < n.data.length; i++) map.push([n, i]);
    const full = map.map(([n, i]) => (n.data[i] === '\u00a0' ? ' ' : n.data[i])).join('');
    let from = 0;
    for (let at = full.indexOf(text, from); at >= 0; at = full.indexOf(text, from)) {
      from = at + 1;
      if (seen++ < occurrence) continue;
      const range = document.createRange();
      range.setStart(map[at][0], map[at][1]);
      const [endNode, endOffset] = map[at + text.length - 1];
      range.setEnd(endNode, endOffset + 1);
      const first = range.getClientRects()[0];
      const r = range.getBoundingClientRect();
      const start = first ?? r;
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, startX: start.left + 1, startY: start.top + start.height / 2 };
    }
  }
  return null;
}

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { workspace, server, screenshotDir }) {
    this.page = page;
    this.workspace = workspace;
    this.server = server;
    this.screenshotDir = screenshotDir;
    /** Screenshots taken by checks mid-way (`screenshot(name)`), name → file. */
    this.shots = new Map();
  }

  /**
   * Saves a screenshot of the window now (besides the one the runner takes after each check); `clip` (viewport
   * pixels) keeps only part of it.
   */
  async screenshot(name, { clip } = {}) {
    if (!this.screenshotDir) return undefined;
    const file = path.join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled', ...(clip ? { clip } : {}) });
    this.shots.set(name, file);
    return file;
  }

  /** The workbench has loaded and shows the workspace in the explorer. */
  async ready(timeout = 90_000) {
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
  }

  /** Closes whatever transient UI is open (quick input, hover, notification toasts). */
  async dismiss() {
    for (let i = 0; i < 3; i++) {
      const open = await this.page.locator(`${QUICK_INPUT}:visible, .monaco-hover:visible`).count();
      if (!open) break;
      await this.page.keyboard.press('Escape');
    }
  }

  /** Opens a workspace file through Quick Open (Ctrl+P), as a user would, and waits for its editor. */
  async openFile(name) {
    await this.page.keyboard.press('Control+P');
    await this.page.waitForSelector(QUICK_INPUT_BOX, { state: 'visible' });
    await this.page.keyboard.type(name);
    await this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active`, { hasText: name }).waitFor();
    await this.page.waitForSelector(`${EDITOR} .view-lines .view-line`);
    await this.page.locator(`${EDITOR} .view-lines`).first().click({ position: { x: 5, y: 5 } });
  }

  /** Decorations in the active editor with the text each covers. */
  decorations() {
    return this.page.evaluate(readDecorationsInPage, EDITOR);
  }

  /**
   * Waits until a decoration covers exactly `text` (or, with `{ contains: true }`, covers a piece of text
   * containing it); returns the matching decorations.
   */
  async waitForDecoration(text, { contains = false, timeout = 30_000 } = {}) {
    const test = contains ? (d) => d.text.includes(text) : (d) => d.text.trim() === text;
    try {
      await this.page.waitForFunction(
        `(${readDecorationsInPage})(${JSON.stringify(EDITOR)}).some(d => ${contains ? `d.text.includes(${JSON.stringify(text)})` : `d.text.trim() === ${JSON.stringify(text)}`})`,
        undefined,
        { timeout, polling: 200 },
      );
    } catch (e) {
      const seen = [...new Set((await this.decorations()).map((d) => d.text.trim()))].filter(Boolean);
      throw new Error(`no decoration on ${JSON.stringify(text)} within ${timeout} ms; decorated texts: ${JSON.stringify(seen.slice(0, 40))}`, { cause: e });
    }
    return (await this.decorations()).filter(test);
  }

  /** Waits until the active editor shows no decoration of ours at all (highlights off). */
  async waitForNoDecorations(timeout = 30_000) {
    try {
      await this.page.waitForFunction(`(${readDecorationsInPage})(${JSON.stringify(EDITOR)}).length === 0`, undefined, { timeout, polling: 200 });
    } catch (e) {
      const seen = [...new Set((await this.decorations()).map((d) => d.text.trim()))].filter(Boolean);
      throw new Error(`decorations still shown after ${timeout} ms on: ${JSON.stringify(seen.slice(0, 20))}`, { cause: e });
    }
  }

  /**
   * Waits until `predicate(decorations, arg)` holds for the active editor's decorations; the predicate runs in the
   * page (it must not use variables from outside but `arg`). Returns the decorations.
   */
  async waitForDecorations(predicate, arg, what, timeout = 30_000) {
    try {
      await this.page.waitForFunction(
        `(${predicate})((${readDecorationsInPage})(${JSON.stringify(EDITOR)}), ${JSON.stringify(arg ?? null)})`,
        undefined,
        { timeout, polling: 200 },
      );
    } catch (e) {
      const ds = await this.decorations();
      throw new Error(`${what}: not seen within ${timeout} ms (decorations: ${JSON.stringify(ds.slice(0, 12))})`, { cause: e });
    }
    return this.decorations();
  }

  /** The side bar's title (the open container: "EXPLORER", "NEWS ANNOTATOR", …), waiting for it to contain `title`. */
  async waitForSidebarTitle(title, timeout = 20_000) {
    const label = this.page.locator('.sidebar .composite.title .title-label', { hasText: new RegExp(title, 'i') }).first();
    try {
      await label.waitFor({ timeout });
    } catch (e) {
      const shown = await this.page.locator('.sidebar .composite.title .title-label').allInnerTexts().catch(() => []);
      throw new Error(`the side bar does not show "${title}" (shows: ${JSON.stringify(shown)})`, { cause: e });
    }
  }

  /** The status bar item whose text matches `re` (waits for it). */
  async statusBarItem(re, timeout = 20_000) {
    const item = this.page.locator('.part.statusbar .statusbar-item', { hasText: re }).first();
    try {
      await item.waitFor({ timeout });
    } catch (e) {
      const shown = await this.page.locator('.part.statusbar .statusbar-item').allInnerTexts().catch(() => []);
      throw new Error(`no status bar item matching ${re} (items: ${JSON.stringify(shown.map((s) => s.trim()).filter(Boolean))})`, { cause: e });
    }
    return item;
  }

  /** Where `text` is shown in the active editor (viewport coordinates), waiting until it is rendered. */
  async textRect(text, occurrence = 0) {
    const handle = await this.page.waitForFunction(textRectInPage, { editorSel: EDITOR, text, occurrence }, { timeout: 15_000 });
    return handle.jsonValue();
  }

  /** Moves the mouse onto `text` and waits for a hover containing every string in `expect`; returns its text. */
  async hover(text, expect, timeout = 20_000) {
    const r = await this.textRect(text);
    await this.page.mouse.move(r.left - 30, r.top - 40);
    await this.page.mouse.move(r.startX + 4, r.startY, { steps: 4 });
    let hover = this.page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible');
    for (const s of expect) hover = hover.filter({ hasText: s });
    await hover.first().waitFor({ state: 'visible', timeout });
    return (await hover.first().innerText()).trim();
  }

  /** Selects `text` in the active editor by dragging the mouse across it. */
  async select(text) {
    const r = await this.textRect(text);
    await this.page.mouse.click(r.startX, r.startY);
    await this.page.mouse.down();
    await this.page.mouse.move(r.right - 1, r.bottom - (r.bottom - r.top) / 4, { steps: 8 });
    await this.page.mouse.up();
    await this.page.waitForFunction(
      ({ editorSel }) => !!document.querySelector(`${editorSel} .view-overlays .selected-text`),
      { editorSel: EDITOR },
    );
  }

  /** Opens the command palette (F1) and runs the command whose palette entry shows `title`. */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    await this.page.waitForSelector(QUICK_INPUT_BOX, { state: 'visible' });
    await this.page.keyboard.type(title);
    const row = this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 10_000 });
    } catch (e) {
      const rows = await this.page.locator(`${QUICK_INPUT} .monaco-list-row`).allInnerTexts();
      throw new Error(`no command "${title}" in the palette (shown: ${JSON.stringify(rows.slice(0, 8))})`, { cause: e });
    }
    await this.page.keyboard.press('Enter');
  }

  /** Waits for a quick pick / input box whose title contains `title`; returns its visible rows and focused row. */
  async quickInput(title, timeout = 15_000) {
    const widget = this.page.locator(`${QUICK_INPUT}:visible`, { has: this.page.locator('.quick-input-title', { hasText: title }) });
    try {
      await widget.waitFor({ timeout });
    } catch (e) {
      const shown = await this.page.locator(`${QUICK_INPUT}:visible .quick-input-title`).allInnerTexts().catch(() => []);
      throw new Error(`no quick input titled "${title}" (showing: ${JSON.stringify(shown)})`, { cause: e });
    }
    const rows = (await widget.locator('.monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    const focused = (await widget.locator('.monaco-list-row.focused').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())[0];
    return { widget, rows, focused };
  }

  /** In the open quick pick titled `title`: type `filter` and accept the first row that shows `label`. */
  async pick(title, label) {
    const { widget } = await this.quickInput(title);
    await this.page.keyboard.type(label);
    await widget.locator('.monaco-list-row.focused', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' }).catch(() => {});
  }

  /** Types into the open input box titled `title` and accepts. */
  async answer(title, text) {
    await this.quickInput(title);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Opens the activity-bar container whose title starts with `title` and returns its view's rows' texts. */
  async openSidebar(title) {
    const item = this.page.locator(`.activitybar .action-label[aria-label^="${title}"]`).first();
    try {
      await item.waitFor({ timeout: 20_000 });
    } catch (e) {
      const labels = await this.page.locator('.activitybar .action-label').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
      throw new Error(`no activity-bar item "${title}" (items: ${JSON.stringify(labels)})`, { cause: e });
    }
    const isOpen = await this.page.locator(`.activitybar .action-item.checked .action-label[aria-label^="${title}"]`).count();
    if (!isOpen) await item.click();
    await this.page.locator('.sidebar .title-label', { hasText: new RegExp(title, 'i') }).first().waitFor();
  }

  /**
   * Rendered rows of the side bar's tree views, in display order (rows are recycled DOM nodes, so order comes
   * from `data-index`): `{ text, level }` with `level` 1 for top-level rows. With `view`, only that view's rows.
   */
  async sidebarRowDetails(view) {
    const panes = this.page.locator('.sidebar .pane', view ? { has: this.page.locator('.pane-header', { hasText: view }) } : {});
    const out = [];
    for (const pane of await panes.all()) {
      // Sticky-scroll copies of parent rows (`.monaco-tree-sticky-row`) are not rows of their own.
      const rows = await pane.locator('.pane-body .monaco-list-row:not(.monaco-tree-sticky-row)').evaluateAll((els) =>
        els.map((el) => ({ index: Number(el.dataset.index), level: Number(el.getAttribute('aria-level') ?? 1), text: el.innerText.replace(/\s+/g, ' ').trim() })),
      );
      rows.sort((a, b) => a.index - b.index);
      out.push(...rows.map(({ text, level }) => ({ text, level })));
    }
    return out;
  }

  /** Texts of the rendered side-bar rows (label and description as shown), in display order. */
  async sidebarRows(view) {
    return (await this.sidebarRowDetails(view)).map((r) => r.text);
  }

  /**
   * Waits until the side bar shows a row containing each of `texts`, scrolling the view (tree rows are virtual:
   * only those on screen are in the DOM) as a user would with the mouse wheel.
   */
  async waitForSidebarRows(texts, { view, timeout = 30_000 } = {}) {
    const pane = view
      ? this.page.locator('.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: view }) }).first()
      : this.page.locator('.sidebar').first();
    for (const t of texts) {
      const row = pane.locator('.pane-body .monaco-list-row:not(.monaco-tree-sticky-row)', { hasText: t }).first();
      try {
        await pane.locator('.pane-body .monaco-list-row').first().waitFor({ timeout });
        await this.scrollUntilVisible(pane, row, timeout);
      } catch (e) {
        throw new Error(`side bar has no row "${t}" (rows: ${JSON.stringify(await this.sidebarRows())})`, { cause: e });
      }
    }
    return this.sidebarRows(view);
  }

  /** Scrolls a side-bar view back to its first row, then moves the mouse away (no tooltips in screenshots). */
  async scrollSidebarToTop(view) {
    const pane = this.page.locator('.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: view }) }).first();
    const list = pane.locator('.pane-body .monaco-list').first();
    const box = await list.boundingBox();
    if (!box) return;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const rowsTop = () => list.locator('.monaco-list-rows').first().evaluate((el) => parseFloat(el.style.top || '0'));
    for (let i = 0; i < 50 && (await rowsTop()) < 0; i++) await this.page.mouse.wheel(0, -400);
    await this.page.waitForFunction((el) => parseFloat(el.style.top || '0') >= 0, await list.locator('.monaco-list-rows').first().elementHandle());
    await this.page.mouse.move(box.x + box.width + 600, box.y + box.height + 400);
  }

  async scrollUntilVisible(pane, row, timeout) {
    const deadline = Date.now() + timeout;
    const list = pane.locator('.pane-body .monaco-list').first();
    let direction = 1;
    let lastTop = null;
    while (!(await row.isVisible())) {
      if (Date.now() > deadline) throw new Error('row not found');
      const box = await list.boundingBox();
      if (box) {
        await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await this.page.mouse.wheel(0, 120 * direction);
      }
      // At the bottom without a match: the rows may still be coming, go back up and look again.
      const top = await list.locator('.monaco-scrollable-element').first().evaluate((el) => el.querySelector('.monaco-list-rows')?.style.top ?? '');
      if (top === lastTop) direction = -direction;
      lastTop = top;
      await row.waitFor({ state: 'visible', timeout: 250 }).catch(() => {});
    }
  }

  /** Clicks the link labelled exactly `label` in the visible hover (a command link such as "Accept"). */
  async clickHoverLink(label, timeout = 10_000) {
    const link = this.page
      .locator('.monaco-hover:visible a, .monaco-resizable-hover:visible a')
      .filter({ hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
      .first();
    await link.waitFor({ state: 'visible', timeout });
    await link.click();
  }

  /** Whether a file exists in the workspace now. */
  async fileExists(relPath) {
    return fs.existsSync(path.join(this.workspace, relPath));
  }

  /** Waits until a file in the workspace exists and `accept(content)` holds; returns its content. */
  async waitForFile(relPath, accept = () => true, timeout = 20_000) {
    const file = path.join(this.workspace, relPath);
    const deadline = Date.now() + timeout;
    let content;
    for (;;) {
      content = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      if (content !== undefined && accept(content)) return content;
      if (Date.now() > deadline) {
        throw new Error(content === undefined ? `${relPath} was not written` : `${relPath} does not hold what was expected:\n${content.slice(0, 1500)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
