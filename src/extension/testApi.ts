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
  diagnostics: Diagnostics;
  trees: TestApi['trees'];
}): TestApi {
  const defaultAsk = p.fileEvents.ask;
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
