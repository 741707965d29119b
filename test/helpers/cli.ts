import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, capturing its output. */
export async function runCli(argv: string[], cwd: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t.endsWith('\n') ? t : t + '\n'), cwd });
  return { code, stdout, stderr };
}

export function tempDir(prefix = 'na-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
