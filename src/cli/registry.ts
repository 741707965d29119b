import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compileRegistry, mergeRegistries, parseRegistry, type CompiledRegistry } from '../core/registry';
import type { SourceError } from '../core/types';

/** Where the embedded default registry is, from the bundle (dist/) or the sources (src/cli/). */
export function defaultRegistryPath(): string {
  for (const p of [join(__dirname, '..', 'registry', 'world.yaml'), join(__dirname, '..', '..', 'registry', 'world.yaml')]) {
    if (existsSync(p)) return p;
  }
  throw new Error('the default registry (registry/world.yaml) is missing from this installation');
}

/** The workspace registry file name, searched from an article's folder upwards. */
export const WORKSPACE_REGISTRY = join('.news-annotator', 'actors.yaml');

export function findWorkspaceRegistry(fromDir: string): string | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const p = join(dir, WORKSPACE_REGISTRY);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export interface LoadedRegistry {
  compiled: CompiledRegistry;
  errors: SourceError[];
  files: string[];
}

/** Default registry plus the user's files (later files override earlier ones by id). */
export function loadRegistry(userFiles: readonly string[]): LoadedRegistry {
  const files = [defaultRegistryPath(), ...userFiles];
  const errors: SourceError[] = [];
  let entries: ReturnType<typeof parseRegistry>['entries'] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      errors.push({ file: f, line: 0, column: 0, message: 'cannot read the registry file' });
      continue;
    }
    const parsed = parseRegistry(text, f);
    errors.push(...parsed.errors);
    entries = entries.length ? mergeRegistries(entries, parsed.entries) : parsed.entries;
  }
  return { compiled: compileRegistry(entries), errors, files };
}

/**
 * The registry a CLI command analyses with: the default, then the workspace file found from the working folder
 * upwards (`.news-annotator/actors.yaml`), then every `--registry FILE` in order. Problems are printed as
 * `file:line:column: message`; the rest still loads.
 */
export function registryForCommand(argv: readonly string[], io: { cwd: string; err(text: string): void }): LoadedRegistry {
  const given = argv.flatMap((a, i) => (a === '--registry' ? [argv[i + 1]] : a.startsWith('--registry=') ? [a.slice('--registry='.length)] : []));
  const workspace = findWorkspaceRegistry(io.cwd);
  const registry = loadRegistry([...(workspace ? [workspace] : []), ...given.map((f) => resolve(io.cwd, f))]);
  for (const e of registry.errors) io.err(`${e.file}:${e.line}:${e.column}: ${e.message}`);
  return registry;
}
