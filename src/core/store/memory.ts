/**
 * An in-memory FilePort for tests and previews. `failNextRename` simulates a crash between writing the
 * temporary file and renaming it over the target (the temporary file is left behind, as a killed process would).
 */
import type { FilePort } from '../ports';

export class MemoryFilePort implements FilePort {
  readonly files = new Map<string, Uint8Array>();
  failNextRename = false;
  writes = 0;

  async read(path: string): Promise<Uint8Array | undefined> {
    const f = this.files.get(path);
    return f ? f.slice() : undefined;
  }

  async writeAtomic(path: string, data: Uint8Array): Promise<void> {
    const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    const tmp = `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.${++this.writes}.tmp`;
    this.files.set(tmp, data.slice());
    if (this.failNextRename) {
      this.failNextRename = false;
      throw new Error(`simulated crash before renaming ${tmp}`);
    }
    await this.rename(tmp, path);
  }

  async rename(from: string, to: string): Promise<void> {
    const f = this.files.get(from);
    if (!f) throw new Error(`${from}: no such file`);
    this.files.set(to, f);
    this.files.delete(from);
  }

  async remove(path: string): Promise<void> {
    this.files.delete(path);
  }

  text(path: string): string | undefined {
    const f = this.files.get(path);
    return f ? new TextDecoder().decode(f) : undefined;
  }

  setText(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
  }
}
