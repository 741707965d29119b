import { displayPath, expandFiles, nodeFilePort, readArticle } from '../files';
import { parseArgs, UsageError, type CliIo } from '../io';
import { articlePathFor, formatErrors, SidecarStore, type ReanchorReport } from '../../core/store';
import type { SourceError } from '../../core/types';

export const usage = 'news-annotator check [--format json|text] FILE_OR_GLOB…';

export interface CheckResult {
  file: string;
  annotations: number;
  anchored: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
  errors: SourceError[];
}

/** Articles named by the arguments (a sidecar argument names its article), without duplicates. */
export function articleArgs(positional: readonly string[], io: CliIo): { files: string[]; missing: string[] } {
  const { files, missing } = expandFiles(positional, io.cwd);
  return { files: [...new Set(files.map(articlePathFor))], missing };
}

/** The articles a write command works on; a missing one is reported on stderr and makes the run fail. */
export function namedArticles(positional: readonly string[], io: CliIo): { files: string[]; bad: boolean } {
  if (!positional.length) throw new UsageError('no files given');
  const { files, missing } = articleArgs(positional, io);
  for (const m of missing) io.err(`${m}: no such file`);
  return { files, bad: missing.length > 0 };
}

/**
 * Reads an article and loads its sidecar into a store (re-anchored in the current text). On a problem it prints it
 * (the article unreadable, or the sidecar's errors with "not changed") and returns undefined.
 */
export async function openArticleStore(
  file: string,
  io: CliIo,
): Promise<{ text: string; store: SidecarStore; exists: boolean } | undefined> {
  const read = await readArticle(file);
  if (!read.ok) {
    io.err(read.message);
    return undefined;
  }
  for (const w of read.warnings) io.err(w);
  const store = new SidecarStore(nodeFilePort);
  const loaded = await store.load(file, read.text);
  if (loaded.errors.length) {
    io.err(formatErrors(loaded.errors.map((e) => ({ ...e, file: displayPath(e.file, io.cwd) }))) + `\n${displayPath(loaded.sidecarPath, io.cwd)}: not changed`);
    return undefined;
  }
  return { text: read.text, store, exists: loaded.exists };
}

export function summaryLine(shown: string, r: ReanchorReport): string {
  return `${shown}: ${r.annotations} annotation${r.annotations === 1 ? '' : 's'} — ${r.anchored} anchored, ${r.moved} moved, ${r.fuzzy} fuzzy, ${r.orphaned} orphaned`;
}

export function orphanLines(store: SidecarStore): string[] {
  return store.report.outcomes
    .filter((o) => o.state === 'orphaned')
    .map((o) => {
      const a = store.get(o.id);
      const exact = a ? a.target.exact.replace(/\s+/g, ' ') : '';
      return `  orphaned ${o.id} ${a?.type ?? ''} “${exact.length > 60 ? exact.slice(0, 59) + '…' : exact}” (was at ${o.from.start}–${o.from.end})`;
    });
}

/** `check`: re-anchors each article's sidecar in memory and reports; writes nothing. Exit 1 on orphans or errors. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseArgs(argv, { values: ['format'], booleans: [] });
  const format = (flags.get('format') ?? 'text') as string;
  if (format !== 'json' && format !== 'text') throw new UsageError('--format must be json or text');
  if (!positional.length) throw new UsageError('no files given');
  const { files, missing } = articleArgs(positional, io);
  const results: CheckResult[] = [];
  for (const m of missing) results.push({ file: m, annotations: 0, anchored: 0, moved: 0, fuzzy: 0, orphaned: 0, errors: [{ file: m, line: 0, column: 0, message: 'no such file' }] });
  let bad = missing.length > 0;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const read = await readArticle(file);
    if (!read.ok) {
      results.push({ file: shown, annotations: 0, anchored: 0, moved: 0, fuzzy: 0, orphaned: 0, errors: [{ file: shown, line: 0, column: 0, message: read.message }] });
      bad = true;
      continue;
    }
    const store = new SidecarStore(nodeFilePort);
    const loaded = await store.load(file, read.text);
    const errors = loaded.errors.map((e) => ({ ...e, file: displayPath(e.file, io.cwd) }));
    const r = loaded.report;
    results.push({ file: shown, annotations: r.annotations, anchored: r.anchored, moved: r.moved, fuzzy: r.fuzzy, orphaned: r.orphaned, errors });
    if (errors.length || r.orphaned) bad = true;
    if (format === 'text') {
      if (errors.length) for (const e of errors) io.out(`${e.file}:${e.line}:${e.column}: ${e.message}\n`);
      else io.out(summaryLine(shown, r) + '\n' + orphanLines(store).map((l) => l + '\n').join(''));
    }
  }
  if (format === 'json') io.out(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
  else for (const m of missing) io.err(`${m}: no such file`);
  return bad ? 1 : 0;
}
