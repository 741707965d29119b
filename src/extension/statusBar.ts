/** Status bar item: the active article's counts ("23 actors · 12 quotes · 9 channels"); click opens the sidebar. */
import * as vscode from 'vscode';
import type { ActiveArticle } from './activeArticle';
import { ViewContainers } from './ids';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function countsText(c: { actors: number; quotes: number; channels: number }): string {
  const p = plural;
  return `${p(c.actors, 'actor')} · ${p(c.quotes, 'quote')} · ${p(c.channels, 'channel')}`;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsAnnotator.counts', vscode.StatusBarAlignment.Left, 50);
  private readonly sub: vscode.Disposable;

  constructor(private readonly active: ActiveArticle) {
    this.item.name = 'News Annotator';
    this.item.command = `workbench.view.extension.${ViewContainers.sidebar}`;
    this.sub = active.onDidChange(() => this.update());
    this.update();
  }

  get text(): string | undefined {
    return this.active.entry ? this.item.text : undefined;
  }

  private update(): void {
    const entry = this.active.entry;
    if (!entry) {
      this.item.hide();
      return;
    }
    const c = entry.session.vm.counts;
    this.item.text = `$(book) ${countsText(c)}`;
    const extra = [c.claims ? plural(c.claims, 'claim') : '', c.suggestions ? `${plural(c.suggestions, 'suggestion')} to review` : '', c.orphans ? `${c.orphans} orphaned` : ''].filter(Boolean);
    this.item.tooltip = `News Annotator${extra.length ? `: ${extra.join(', ')}` : ''} — click to open the sidebar`;
    this.item.show();
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}
