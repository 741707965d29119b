import { isMainThread } from 'node:worker_threads';
import { UsageError, type CliIo } from './io';
import * as analyzeCmd from './commands/analyze';
import * as annotateCmd from './commands/annotate';
import * as checkCmd from './commands/check';
import * as reanchorCmd from './commands/reanchor';
import * as adoptCmd from './commands/adopt';
import * as exportCmd from './commands/export';
import * as networkCmd from './commands/network';

interface Command {
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Subcommands; each lives in src/cli/commands/<name>.ts. */
export const COMMANDS: Record<string, Command> = {
  analyze: analyzeCmd,
  annotate: annotateCmd,
  check: checkCmd,
  reanchor: reanchorCmd,
  adopt: adoptCmd,
  export: exportCmd,
  network: networkCmd,
};

export function helpText(): string {
  return ['usage:', ...Object.values(COMMANDS).map((c) => '  ' + c.usage), '', 'Docs: README.md'].join('\n');
}

/** Runs the CLI; returns the exit code (0 ok, 1 findings/errors in files, 2 usage). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText() + '\n');
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`unknown command '${name}'\n${helpText()}\n`);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\nusage: ${cmd.usage}\n`);
      return 2;
    }
    io.err(`news-annotator ${name}: ${(e as Error).message}\n`);
    return 1;
  }
}

/** Runs the CLI with the process's arguments and streams (the `bin` entry). */
export function cliEntry(): void {
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(String(e) + '\n');
      process.exitCode = 1;
    },
  );
}

// In an engine worker (src/cli/engineWorker.ts) this same bundle is the worker's script: it must not run the CLI.
if (require.main === module && isMainThread) cliEntry();
