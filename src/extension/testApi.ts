/**
 * What `activate` returns: read-only views of the extension's state for the integration tests (and for other
 * extensions). Nothing here changes behaviour except `setDeleteAnswer`, which replaces the delete question.
 */
import type * as vscode from 'vscode';
import type { Decorations } from './decorations';
import type { Diagnostics } from './diagnostics';
import type { DocumentSessions } from './documents';
import type { DeleteChoice, FileEvents } from './fileEvents';
import type { RegistryService } from './registryService';
import type { StatusBar } from './statusBar';
import type { AdoptChoice, StrandedSidecars } from './strandedSidecars';
import type { ActorsTree } from './views/actorsTree';
import type { ChannelsTree } from './views/channelsTree';
import type { ClaimsTree } from './views/claimsTree';
import type { OrphansTree } from './views/orphansTree';
import type { ViewModel } from './viewModel';
import type { WorkspaceFeatures } from './workspace';

export interface TestApi {
  trees: { actors: ActorsTree; channels: ChannelsTree; claims: ClaimsTree; orphans: OrphansTree };
  /** The settled view model of an open article (waits for pending analysis). */
  viewModel(uri: vscode.Uri): Promise<ViewModel | undefined>;
  /** Decoration ranges currently set on an editor, by layer id (`person`, `quote.suggested`, `claim`, …). */
  decorations(editor: vscode.TextEditor): Record<string, vscode.Range[]>;
  /** The sidecar load error of an article, if any. */
  sidecarError(uri: vscode.Uri): { line: number; column: number; message: string } | undefined;
  statusText(): string | undefined;
  diagnostics: vscode.DiagnosticCollection;
  /** Extension-host milliseconds of the last: edit shift, window re-analysis, full analysis, decoration render. */
  timings(): { lastShiftMs: number; lastWindowMs: number; lastAnalyzeMs: number; lastRenderMs: number };
  /** Answers the "article deleted: keep or delete its sidecar?" question without UI (undefined restores it). */
  setDeleteAnswer(answer: DeleteChoice | undefined): void;
  /**
   * Answers the "adopt the annotations a renamed article left behind?" question without UI (undefined restores
   * it); the answer function also records each question asked, as the file names of the article and the fit.
   */
  setAdoptAnswer(answer: AdoptChoice | undefined, asked?: (article: string, from: string) => void): void;
  /** Fires after a stranded sidecar was adopted by an article. */
  onDidAdopt: vscode.Event<vscode.Uri>;
  /** Fires after an article's view model changed (not on mere position shifts). */
  onDidUpdate: vscode.Event<vscode.Uri>;
  /** The workspace index, its providers and the channel network panel (issue 5). */
  workspace?: WorkspaceFeatures;
  registries?: RegistryService;
}

export function makeTestApi(p: {
  sessions: DocumentSessions;
  decorations: Decorations;
  statusBar: StatusBar;
  fileEvents: FileEvents;
  stranded: StrandedSidecars;
  diagnostics: Diagnostics;
  trees: TestApi['trees'];
}): TestApi {
  const defaultAsk = p.fileEvents.ask;
  const defaultAdoptAsk = p.stranded.ask;
  return {
    trees: p.trees,
    viewModel: async (uri) => (await p.sessions.settle(uri))?.session.vm,
    decorations: (editor) => p.decorations.rangesFor(editor),
    sidecarError: (uri) => p.sessions.get(uri)?.sidecar.error,
    statusText: () => p.statusBar.text,
    diagnostics: p.diagnostics.collection,
    timings: () => ({ ...p.sessions.timings, lastRenderMs: p.decorations.lastRenderMs }),
    setDeleteAnswer: (answer) => {
      p.fileEvents.ask = answer ? () => Promise.resolve(answer) : defaultAsk;
    },
    setAdoptAnswer: (answer, asked) => {
      p.stranded.ask = answer
        ? (article, fit) => {
            asked?.(article.path.slice(article.path.lastIndexOf('/') + 1), fit.article);
            return Promise.resolve(answer);
          }
        : defaultAdoptAsk;
    },
    onDidAdopt: p.stranded.onDidAdopt,
    onDidUpdate: (listener, thisArg, disposables) =>
      p.sessions.onDidChange(
        (e) => {
          if (!e.shiftOnly) listener.call(thisArg, e.uri);
        },
        undefined,
        disposables,
      ),
  };
}
