/**
 * The core's FilePort over `vscode.workspace.fs`, so the store works on local, remote and virtual folders alike.
 * Paths are URI strings (`file:///…`, `vscode-remote://…`). Writes are atomic: a temporary file in the same
 * folder, then a rename over the target.
 */
import * as vscode from 'vscode';
import type { FilePort } from '../core/ports';

function toUri(path: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path) ? vscode.Uri.parse(path, true) : vscode.Uri.file(path);
}

function isNotFound(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound');
}

export class WorkspaceFsPort implements FilePort {
  async read(path: string): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(toUri(path));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async writeAtomic(path: string, data: Uint8Array): Promise<void> {
    const target = toUri(path);
    const name = target.path.slice(target.path.lastIndexOf('/') + 1);
    const temp = vscode.Uri.joinPath(target, '..', `.${name}.${process.pid}.${Date.now().toString(36)}.tmp`);
    await vscode.workspace.fs.writeFile(temp, data);
    try {
      await vscode.workspace.fs.rename(temp, target, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw e;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    await vscode.workspace.fs.rename(toUri(from), toUri(to), { overwrite: false });
  }

  async remove(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(toUri(path));
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}

export { toUri as portPathToUri };
