/** What a CLI command gets: arguments, output streams, and the working folder. Tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export class UsageError extends Error {}

/** Minimal flag parser: `--flag value`, `--flag=value`, boolean flags, and positional arguments. */
export function parseArgs(
  argv: readonly string[],
  spec: { values?: readonly string[]; booleans?: readonly string[] },
): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  const values = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (values.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, v);
    } else if (booleans.has(name) && eq < 0) {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { flags, positional };
}
