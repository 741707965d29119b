/**
 * The workspace features (issue 5) for the integration tests: from the extension's test API once `activate`
 * wires them (`api.workspace`), otherwise registered here, once per extension host (both test files share it
 * through a global, since each test file is bundled with its own copy of this module).
 */
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/extension/ids';
import { RegistryService } from '../../../src/extension/registryService';
import { registerWorkspaceFeatures, type WorkspaceFeatures } from '../../../src/extension/workspace';

interface Shared {
  features: WorkspaceFeatures;
  registries: Pick<RegistryService, 'invalidate'>;
}

const KEY = '__newsAnnotatorWorkspaceFeatures';

export async function workspaceFeatures(): Promise<Shared> {
  const g = globalThis as unknown as Record<string, Shared | undefined>;
  const existing = g[KEY];
  if (existing) return existing;
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const api = (await ext.activate()) as { workspace?: WorkspaceFeatures; registries?: RegistryService } | undefined;
  let shared: Shared;
  if (api?.workspace && api.registries) shared = { features: api.workspace, registries: api.registries };
  else {
    const registries = new RegistryService(ext.extensionUri);
    const context = { extensionUri: ext.extensionUri, subscriptions: [] as vscode.Disposable[] } as unknown as vscode.ExtensionContext;
    shared = { features: registerWorkspaceFeatures(context, { registries }), registries };
  }
  g[KEY] = shared;
  await shared.features.service.ready();
  return shared;
}
