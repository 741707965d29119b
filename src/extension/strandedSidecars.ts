/**
 * Annotations left behind by a rename outside VS Code. A rename in VS Code moves the sidecar (fileEvents.ts); one
 * done by `git mv`, a file manager or a new scrape saved under another name leaves `old.txt.annotations.yaml`
 * without its article. When an article without a sidecar opens, the stranded sidecars in its folder are tried
 * against its text (core: `fittingSidecars`); if one fits, the user is asked once whether to adopt it, and the
 * command "Adopt Annotations of a Renamed Article…" offers the same any time.
 */
import * as vscode from 'vscode';
import { describeFit, fittingSidecars, strandedSidecarNames, type SidecarCandidate, type StrandedFit } from '../core/store';
import type { DocumentSessions } from './documents';
import { SIDECAR_SUFFIX } from './ids';
import type { Sidecars } from './sidecars';

export type AdoptChoice = 'adopt' | 'notNow';

/** Asks the user whether to adopt a fitting sidecar; tests replace it through the test API. */
export type AskToAdopt = (article: vscode.Uri, fit: StrandedFit) => Promise<AdoptChoice>;

const fileName = (u: vscode.Uri) => u.path.slice(u.path.lastIndexOf('/') + 1);

export const askToAdopt: AskToAdopt = async (article, fit) => {
  const pick = await vscode.window.showInformationMessage(
    `“${fileName(article)}” has no annotations yet, but the annotations left behind by “${fit.article}” (no longer here) fit its text: ${describeFit(fit)}. Adopt them?`,
    'Adopt Annotations',
    'Not Now',
  );
  return pick === 'Adopt Annotations' ? 'adopt' : 'notNow';
};

export class StrandedSidecars implements vscode.Disposable {
  /** The question (replaceable for tests). */
  ask: AskToAdopt = askToAdopt;
  /** Articles already looked at in this window: the question comes once per article. */
  private readonly looked = new Set<string>();
  private readonly adopted = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a sidecar was adopted (tests wait on it). */
  readonly onDidAdopt = this.adopted.event;
  private readonly disposables: vscode.Disposable[] = [this.adopted];

  constructor(
    private readonly sessions: DocumentSessions,
    private readonly sidecars: Sidecars,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(sessions.onDidChange((e) => void this.offer(e.uri)));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The stranded sidecars in the article's folder that fit `text`, best first. */
  async find(article: vscode.Uri, text: string): Promise<StrandedFit[]> {
    const folder = vscode.Uri.joinPath(article, '..');
    let names: string[];
    try {
      names = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n);
    } catch {
      return [];
    }
    const candidates: SidecarCandidate[] = [];
    for (const n of strandedSidecarNames(names)) {
      const uri = vscode.Uri.joinPath(folder, n);
      try {
        candidates.push({ path: uri.toString(), bytes: await vscode.workspace.fs.readFile(uri) });
      } catch {
        // unreadable: not a candidate
      }
    }
    return fittingSidecars(text, candidates);
  }

  /** Moves a fitting sidecar to the article (never over an existing one) and reloads the article. */
  async adopt(article: vscode.Uri, fit: StrandedFit): Promise<void> {
    const sidecar = vscode.Uri.parse(fit.path, true);
    const oldArticle = sidecar.with({ path: sidecar.path.slice(0, -SIDECAR_SUFFIX.length) });
    await this.sidecars.move(oldArticle, article);
    if (this.sessions.get(article)) await this.sessions.reloadSidecar(article);
    this.log.info(`adopted ${sidecar.toString()} for ${article.toString()}`);
    this.adopted.fire(article);
  }

  /** Once per article: an open article without a sidecar, and a stranded one fits → ask. */
  private async offer(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (this.looked.has(key)) return;
    const entry = this.sessions.get(uri);
    if (!entry || entry.sidecar.exists || entry.sidecar.error) return;
    this.looked.add(key);
    const [best] = await this.find(uri, entry.doc.getText());
    if (!best || (await this.ask(uri, best)) !== 'adopt') return;
    try {
      await this.adopt(uri, best);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      this.log.error(`adopting ${best.path} for ${key}: ${msg}`);
      void vscode.window.showWarningMessage(`News Annotator: the annotations were not adopted — ${msg}`);
    }
  }
}
