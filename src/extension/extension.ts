/**
 * Entry point. `activate` only wires: it builds the services (each in its own file), registers providers and
 * commands, and pushes every disposable to `context.subscriptions`. No module-level mutable state.
 * It returns a small API used by the integration tests (and any extension that wants the data).
 */
import * as vscode from 'vscode';
import { ActiveArticle } from './activeArticle';
import { AnnotationCodeActions } from './codeActions';
import * as acceptAllSuggestions from './commands/acceptAllSuggestions';
import * as acceptSuggestion from './commands/acceptSuggestion';
import * as adoptSidecar from './commands/adoptSidecar';
import type { Services } from './commands/common';
import * as exportAnnotations from './commands/exportAnnotations';
import * as filterActors from './commands/filterActors';
import * as markAsActor from './commands/markAsActor';
import * as markAsChannel from './commands/markAsChannel';
import * as markAsQuote from './commands/markAsQuote';
import * as navigate from './commands/navigate';
import * as openSidecar from './commands/openSidecar';
import * as reattachOrphan from './commands/reattachOrphan';
import * as refresh from './commands/refresh';
import * as rejectSuggestion from './commands/rejectSuggestion';
import * as removeAnnotation from './commands/removeAnnotation';
import * as revealInSidebar from './commands/revealInSidebar';
import * as revealRange from './commands/revealRange';
import * as setSpeaker from './commands/setSpeaker';
import * as tagClaim from './commands/tagClaim';
import * as toggleActorsScope from './commands/toggleActorsScope';
import * as toggleHighlights from './commands/toggleHighlights';
import { Decorations, HighlightToggle } from './decorations';
import { Diagnostics } from './diagnostics';
import { DocumentSessions } from './documents';
import { FileEvents } from './fileEvents';
import { HoverProvider } from './hovers';
import { Views } from './ids';
import { RegistryService } from './registryService';
import { StatusBar } from './statusBar';
import { StoreSidecars } from './storeAdapter';
import { StrandedSidecars } from './strandedSidecars';
import { makeTestApi, type TestApi } from './testApi';
import { ActorsTree } from './views/actorsTree';
import { ChannelsTree } from './views/channelsTree';
import { ClaimsTree } from './views/claimsTree';
import { OrphansTree } from './views/orphansTree';
import type { Node } from './views/treeBase';
import { registerWorkspaceFeatures } from './workspace';
import { WorkspaceFsPort } from './workspaceFsPort';

/** Every document an article can be: files and remote files (any language), and the news-article language anywhere. */
const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'vscode-remote' },
  { scheme: 'untitled', language: 'news-article' },
  { language: 'news-article' },
];

export function activate(context: vscode.ExtensionContext): TestApi {
  const push = (...d: vscode.Disposable[]) => context.subscriptions.push(...d);
  const log = vscode.window.createOutputChannel('News Annotator', { log: true });
  push(log);

  const registries = new RegistryService(context.extensionUri);
  const sidecars = new StoreSidecars(new WorkspaceFsPort());
  const sessions = new DocumentSessions(registries, sidecars, log);
  const active = new ActiveArticle(sessions);
  const toggle = new HighlightToggle(context.workspaceState);
  push(registries, sessions, active, toggle);

  // Workspace index, References / Definition / Workspace Symbols / Rename, and the channel network panel with
  // its command `newsAnnotator.showChannelNetwork` (issue 5).
  const workspace = registerWorkspaceFeatures(context, { registries, sessions, log });
  push(workspace);

  const decorations = new Decorations(sessions, toggle);
  const diagnostics = new Diagnostics(sessions, sidecars, registries);
  const fileEvents = new FileEvents(sessions, registries, sidecars, log);
  const statusBar = new StatusBar(active);
  const stranded = new StrandedSidecars(sessions, sidecars, log);
  push(decorations, diagnostics, fileEvents, statusBar, stranded);

  const actorsTree = new ActorsTree(active, workspace.service);
  const channelsTree = new ChannelsTree(active);
  const claimsTree = new ClaimsTree(active);
  const orphansTree = new OrphansTree(active);
  const actorsView = vscode.window.createTreeView<Node>(Views.actors, { treeDataProvider: actorsTree, showCollapseAll: true });
  push(
    actorsTree,
    channelsTree,
    claimsTree,
    orphansTree,
    actorsView,
    vscode.window.createTreeView<Node>(Views.channels, { treeDataProvider: channelsTree, showCollapseAll: true }),
    vscode.window.createTreeView<Node>(Views.claims, { treeDataProvider: claimsTree }),
    vscode.window.createTreeView<Node>(Views.orphans, { treeDataProvider: orphansTree }),
  );

  push(
    vscode.languages.registerHoverProvider(SELECTOR, new HoverProvider(sessions)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new AnnotationCodeActions(sessions), { providedCodeActionKinds: AnnotationCodeActions.kinds }),
  );

  const services: Services = { sessions, active, toggle, registries, sidecars, actorsTree, actorsView, log, workspaceIndex: workspace.service };
  push(
    tagClaim.register(services),
    markAsActor.register(services),
    markAsQuote.register(services),
    setSpeaker.register(services),
    markAsChannel.register(services),
    acceptSuggestion.register(services),
    rejectSuggestion.register(services),
    acceptAllSuggestions.register(services),
    removeAnnotation.register(services),
    navigate.register(services),
    toggleHighlights.register(services),
    revealInSidebar.register(services),
    openSidecar.register(services),
    adoptSidecar.register(services, stranded),
    filterActors.register(services),
    reattachOrphan.register(services),
    refresh.register(services),
    revealRange.register(),
    exportAnnotations.register(services),
    toggleActorsScope.register(services),
  );

  return {
    ...makeTestApi({ sessions, decorations, statusBar, fileEvents, stranded, diagnostics, trees: { actors: actorsTree, channels: channelsTree, claims: claimsTree, orphans: orphansTree } }),
    workspace,
    registries,
  };
}

export function deactivate(): void {
  // everything is in context.subscriptions
}
