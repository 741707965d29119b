/**
 * The workspace features of issue 5, wired in one call from `activate`:
 * the workspace index (workspaceIndex.ts), References / Definition / Workspace Symbols / Rename over it
 * (providers.ts), and the channel network panel (../network). Returns one Disposable and, for the integration
 * tests, the services it created.
 */
import * as vscode from 'vscode';
import type { DocumentSessions } from '../documents';
import { registerNetworkPanel, type NetworkPanelController } from '../network/networkPanel';
import type { RegistryService } from '../registryService';
import { registerActorProviders, type ActorFeatures } from './providers';
import { RegistryLocations } from './registryLocations';
import { WorkspaceIndexService } from './workspaceIndex';

export interface WorkspaceFeatureDeps {
  registries: RegistryService;
  /** Open articles' sessions (the actor under the cursor comes from the live analysis when there is one). */
  sessions?: DocumentSessions;
  log?: vscode.LogOutputChannel;
}

export interface WorkspaceFeatures extends vscode.Disposable {
  service: WorkspaceIndexService;
  features: ActorFeatures;
  network: NetworkPanelController;
  locations: RegistryLocations;
}

/** Opens an article at a span (offsets into the indexed text) and selects it. */
async function openAt(service: WorkspaceIndexService, article: string, start: number, end: number): Promise<void> {
  const loc = service.location(article, start, end);
  const doc = await vscode.workspace.openTextDocument(loc.uri);
  const ed = await vscode.window.showTextDocument(doc, { selection: loc.range, preview: true });
  ed.revealRange(loc.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerWorkspaceFeatures(context: vscode.ExtensionContext, deps: WorkspaceFeatureDeps): WorkspaceFeatures {
  const service = new WorkspaceIndexService({ registries: deps.registries, log: deps.log });
  const locations = new RegistryLocations(context.extensionUri);
  const { features, disposable: providers } = registerActorProviders({ service, locations, sessions: deps.sessions });
  const network = registerNetworkPanel(
    context,
    () => service,
    (article, start, end) => openAt(service, article, start, end),
  );
  void service.ready();
  const all = vscode.Disposable.from(providers, network, locations, service);
  return { service, features, network, locations, dispose: () => all.dispose() };
}
