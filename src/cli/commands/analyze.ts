import { stringify } from 'yaml';
import { analyze } from '../../core/analyze';
import { displayPath, expandFiles, readArticle } from '../files';
import { parseArgs, UsageError, type CliIo } from '../io';
import { toJson } from '../format';
import { registryForCommand } from '../registry';
import { toTable } from '../table';

export const usage = 'news-annotator analyze [--registry FILE]… [--format json|yaml|table] FILE_OR_GLOB…';

const FORMATS = ['json', 'yaml', 'table'] as const;

/** `analyze`: prints the engine's findings per file. Exit 1 when a file could not be analysed. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseArgs(argv, { values: ['format', 'registry'], booleans: [] });
  const format = (flags.get('format') ?? 'table') as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (!positional.length) throw new UsageError('no files given');
  const registry = registryForCommand(argv, io);
  const { files, missing } = expandFiles(positional, io.cwd);
  let failed = missing.length > 0;
  for (const m of missing) io.err(`${m}: no such file`);
  const results: object[] = [];
  for (const file of files) {
    const read = await readArticle(file);
    if (!read.ok) {
      io.err(read.message);
      failed = true;
      continue;
    }
    for (const w of read.warnings) io.err(w);
    const shown = displayPath(file, io.cwd);
    const analysis = analyze(read.text, registry.compiled);
    if (format === 'table') io.out(toTable(shown, analysis) + '\n');
    else results.push(toJson(shown, analysis));
  }
  if (format !== 'table' && results.length) {
    const payload = results.length === 1 ? results[0] : results;
    io.out(format === 'json' ? JSON.stringify(payload, null, 2) + '\n' : stringify(payload, { lineWidth: 0 }));
  }
  return failed ? 1 : 0;
}
