/**
 * The small file-access interface the core is written against. The CLI implements it with Node `fs`,
 * the extension with `workspace.fs`, tests with an in-memory map.
 */
export interface FilePort {
  /** Bytes of a file, or undefined when it does not exist. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Writes a file atomically: a temporary file in the same folder, then a rename over the target. */
  writeAtomic(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}
