import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { displayPath, nodeFilePort, readArticle } from '../files';
import { parseArgs, type CliIo } from '../io';
import { articlePathFor, describeFit, fittingSidecars, SidecarError, SidecarStore, strandedSidecarNames, type SidecarCandidate } from '../../core/store';
import { namedArticles } from './check';

export const usage = 'news-annotator adopt [--dry-run] ARTICLE…';

/** The stranded sidecars (their article is gone) in the article's folder, read. */
function strandedBeside(article: string): SidecarCandidate[] {
  const dir = dirname(article);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: SidecarCandidate[] = [];
  for (const n of strandedSidecarNames(names)) {
    try {
      out.push({ path: join(dir, n), bytes: readFileSync(join(dir, n)) });
    } catch {
      // unreadable: not a candidate
    }
  }
  return out;
}

/**
 * `adopt`: an article renamed or moved outside VS Code (git mv, a file manager, a new scrape under another name)
 * left its sidecar behind under the old name. For each article without a sidecar, the sidecars in its folder whose
 * article is gone are tried against its text; the best one that fits is moved to the article's name (its `article`
 * field updated; nothing overwritten). `--dry-run` only reports. Exit 1 when an article is missing or unreadable.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseArgs(argv, { values: [], booleans: ['dry-run'] });
  const dryRun = flags.has('dry-run');
  const named = namedArticles(positional, io);
  const files = named.files;
  let bad = named.bad;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const read = await readArticle(file);
    if (!read.ok) {
      io.err(read.message);
      bad = true;
      continue;
    }
    const store = new SidecarStore(nodeFilePort);
    const loaded = await store.load(file, read.text);
    if (loaded.exists) {
      io.out(`${shown}: has a sidecar already; nothing to adopt\n`);
      continue;
    }
    const fits = fittingSidecars(read.text, strandedBeside(file));
    if (!fits.length) {
      io.out(`${shown}: no sidecar in its folder fits this text\n`);
      continue;
    }
    const best = fits[0];
    const from = displayPath(best.path, io.cwd);
    if (dryRun) {
      io.out(`${shown}: would adopt ${from} (written for ${best.article}; ${describeFit(best)})\n`);
      for (const other of fits.slice(1)) io.out(`  also fits: ${displayPath(other.path, io.cwd)} (${describeFit(other)})\n`);
      continue;
    }
    try {
      await store.moveSidecar(articlePathFor(best.path), file);
      io.out(`${shown}: adopted ${from} (written for ${best.article}; ${describeFit(best)})\n`);
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      io.err(e.message);
      bad = true;
    }
  }
  return bad ? 1 : 0;
}
