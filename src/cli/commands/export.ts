import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXPORT_FORMATS, exportFiles, exportText, isExportFormat, MULTI_FILE_FORMATS, prepareArticle, type ArticleAnnotations, type ExportArticle } from '../../core/export';
import { sidecarPathFor } from '../../core/store';
import { displayPath, expandFiles, readArticle } from '../files';
import { parseArgs, UsageError, type CliIo } from '../io';
import { EnginePool, mapOrdered } from '../parallel';
import { registryForCommand } from '../registry';

/** From this many files on, the engine runs in worker threads. */
export const PARALLEL_MIN_FILES = 50;

export const usage = 'news-annotator export --format w3c|brat|csv|graphml|dot [--out DIR] [--confirmed-only] [--registry FILE]… FILE_OR_GLOB…';

export interface LoadedArticle {
  file: string;
  /** As shown to the user and written in the exports: relative to cwd when inside it. */
  shown: string;
  doc: ArticleAnnotations;
}

/**
 * Reads articles and their sidecars, runs the engine (unless confirmed-only) and merges: what every export and
 * the `network` command work from. Problems are printed; `failed` says whether any file had one.
 */
export async function loadArticles(argv: readonly string[], positional: readonly string[], io: CliIo, confirmedOnly: boolean): Promise<{ articles: LoadedArticle[]; failed: boolean }> {
  const registry = registryForCommand(argv, io);
  const { files, missing } = expandFiles(positional, io.cwd);
  let failed = missing.length > 0;
  for (const m of missing) io.err(`${m}: no such file`);
  // Many files: the engine runs in worker threads (src/cli/parallel.ts), results still taken in file order.
  const pool = files.length >= PARALLEL_MIN_FILES ? new EnginePool({ registry: { files: registry.files.slice(1) /* the workers add the default themselves */ }, expected: files.length }) : undefined;
  const load = async (file: string) => {
    const read = await readArticle(file);
    if (!read.ok) return { read };
    const shown = displayPath(file, io.cwd);
    const sidecarPath = sidecarPathFor(file);
    const input = {
      article: shown,
      text: read.text,
      sidecarText: existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : undefined,
      sidecarName: displayPath(sidecarPath, io.cwd),
      confirmedOnly,
    };
    return { read, shown, prepared: pool ? await pool.prepare(input) : prepareArticle({ ...input, registry: registry.compiled }) };
  };
  const articles: LoadedArticle[] = [];
  try {
    for await (const r of mapOrdered(files, load, pool ? pool.size * 4 : 1)) {
      const file = r.item;
      if (r.error) {
        io.err(`${displayPath(file, io.cwd)}: ${r.error.message}`);
        failed = true;
        continue;
      }
      const { read, shown, prepared } = r.value;
      if (!read.ok) {
        io.err(read.message);
        failed = true;
        continue;
      }
      for (const w of read.warnings) io.err(w);
      if (!shown || !prepared) continue;
      if (prepared.sidecarErrors.length) {
        for (const e of prepared.sidecarErrors) io.err(`${e.file}:${e.line}:${e.column}: ${e.message}`);
        io.err(`${shown}: its sidecar could not be read; exporting without the confirmed annotations`);
        failed = true;
      }
      if (prepared.orphaned) io.err(`${shown}: ${prepared.orphaned} orphaned annotation(s) left out (run \`news-annotator check ${shown}\`)`);
      articles.push({ file, shown, doc: prepared.doc });
    }
  } finally {
    await pool?.close();
  }
  return { articles, failed };
}

/** `export`: writes the annotations of the given articles in one of the export formats (docs/exports.md). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseArgs(argv, { values: ['format', 'out', 'registry'], booleans: ['confirmed-only'] });
  const format = flags.get('format');
  if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!positional.length) throw new UsageError('no files given');
  const outFlag = flags.get('out');
  const out = typeof outFlag === 'string' ? resolve(io.cwd, outFlag) : undefined;
  if (!out && MULTI_FILE_FORMATS.includes(format)) throw new UsageError(`--format ${format} writes several files: give --out DIR`);
  const { articles, failed } = await loadArticles(argv, positional, io, flags.has('confirmed-only'));
  if (!articles.length) return 1;

  // Output names mirror the article paths (relative to cwd; outside it, just the file name).
  const exported: ExportArticle[] = articles.map((a) => ({
    doc: a.doc,
    name: isAbsolute(a.shown) || a.shown.startsWith('..') ? basename(a.file) : a.shown,
    source: pathToFileURL(a.file).href,
  }));
  if (!out) {
    io.out(exportText(format, exported) ?? '');
    return failed ? 1 : 0;
  }
  const inputs = new Set(articles.map((a) => resolve(a.file)));
  const files = exportFiles(format, exported).map((f) => ({ path: join(out, f.path), text: f.text }));
  for (const f of files) {
    if (inputs.has(resolve(f.path))) throw new Error(`refusing to overwrite the article ${displayPath(f.path, io.cwd)}: choose another --out folder`);
  }
  // Written only once every output path is known to be safe.
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.text);
  }
  if (files.length) io.err(`wrote ${files.length} file(s) to ${displayPath(out, io.cwd) || '.'}`);
  return failed ? 1 : 0;
}
