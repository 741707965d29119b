/**
 * The article the sidebar, status bar and commands talk about: the active editor's document when it is an
 * article. Fires when it changes or when its session changes (not on mere position shifts while typing).
 */
import * as vscode from 'vscode';
import type { DocumentSessions, Entry } from './documents';
import { ContextKeys } from './ids';

export class ActiveArticle implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private current: vscode.Uri | undefined;

  constructor(private readonly sessions: DocumentSessions) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      sessions.onDidChange((e) => {
        if (this.current?.toString() !== e.uri.toString()) return this.update();
        if (!e.shiftOnly) this.changed.fire();
      }),
    );
    this.update();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  get entry(): Entry | undefined {
    return this.current ? this.sessions.get(this.current) : undefined;
  }

  /** The editor showing the active article, if visible. */
  get editor(): vscode.TextEditor | undefined {
    const key = this.current?.toString();
    const active = vscode.window.activeTextEditor;
    if (active && active.document.uri.toString() === key) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
  }

  private update(): void {
    const ed = vscode.window.activeTextEditor;
    let next = this.current;
    if (ed) next = this.sessions.get(ed.document.uri) ? ed.document.uri : undefined;
    else if (next && !this.sessions.get(next)) next = undefined;
    const changed = next?.toString() !== this.current?.toString();
    this.current = next;
    void vscode.commands.executeCommand('setContext', ContextKeys.isArticle, !!next);
    if (changed) this.changed.fire();
  }
}
