/**
 * Problems entries: a sidecar that does not parse (on the sidecar, at its line and column; the file is left
 * untouched), a workspace registry with errors, and orphaned annotations (on the article, at their last known
 * position).
 */
import * as vscode from 'vscode';
import type { SourceError } from '../core/types';
import type { DocumentSessions } from './documents';
import { DIAGNOSTIC_SOURCE } from './ids';
import type { RegistryService } from './registryService';
import type { Sidecars } from './sidecars';

function errorDiagnostic(e: SourceError): vscode.Diagnostic {
  const line = Math.max(0, e.line - 1);
  const col = Math.max(0, e.column - 1);
  const d = new vscode.Diagnostic(new vscode.Range(line, col, line, col + 1), e.message, vscode.DiagnosticSeverity.Error);
  d.source = DIAGNOSTIC_SOURCE;
  return d;
}

export class Diagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('newsAnnotator');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** Uris this class set entries on, per article (so a closed article's entries go away). */
  private readonly owned = new Map<string, vscode.Uri[]>();

  constructor(
    private readonly sessions: DocumentSessions,
    private readonly sidecars: Sidecars,
    private readonly registries: RegistryService,
  ) {
    this.disposables.push(
      sessions.onDidChange((e) => {
        if (!e.shiftOnly) this.update(e.uri);
      }),
      registries.onDidChange(() => void this.updateRegistry()),
    );
    for (const e of sessions.all()) this.update(e.doc.uri);
    void this.updateRegistry();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(article: vscode.Uri): void {
    const key = article.toString();
    for (const u of this.owned.get(key) ?? []) this.collection.delete(u);
    this.owned.delete(key);
    const entry = this.sessions.get(article);
    if (!entry) return;
    const sidecar = this.sidecars.sidecarUri(article);
    const uris: vscode.Uri[] = [];
    if (entry.sidecar.error) {
      const d = errorDiagnostic(entry.sidecar.error);
      d.message = `${entry.sidecar.error.message} (the sidecar is left as it is until it is fixed)`;
      this.collection.set(sidecar, [d]);
      uris.push(sidecar);
    }
    const orphans = entry.session.vm.orphans;
    if (orphans.length) {
      const doc = entry.doc;
      const len = doc.getText().length;
      this.collection.set(
        article,
        orphans.map((o) => {
          const s = doc.positionAt(Math.min(o.start, len));
          const d = new vscode.Diagnostic(new vscode.Range(s, s), `Orphaned ${o.type} annotation: “${o.text.slice(0, 80)}” could not be placed in the current text`, vscode.DiagnosticSeverity.Warning);
          d.source = DIAGNOSTIC_SOURCE;
          d.code = o.id;
          return d;
        }),
      );
      uris.push(article);
    }
    if (uris.length) this.owned.set(key, uris);
  }

  private async updateRegistry(): Promise<void> {
    const reg = await this.registries.get();
    if (!reg.workspaceFile) return;
    this.collection.set(reg.workspaceFile, reg.errors.map(errorDiagnostic));
  }
}
