import { displayPath } from '../files';
import { parseArgs, type CliIo } from '../io';
import { SidecarError } from '../../core/store';
import { namedArticles, openArticleStore, orphanLines, summaryLine } from './check';

export const usage = 'news-annotator reanchor FILE_OR_GLOB…';

/** `reanchor`: re-anchors each article's sidecar in the current text and saves it (orphans are kept). Exit 1 on errors. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional } = parseArgs(argv, { values: [], booleans: [] });
  const named = namedArticles(positional, io);
  const files = named.files;
  let bad = named.bad;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const opened = await openArticleStore(file, io);
    if (!opened) {
      bad = true;
      continue;
    }
    const { store } = opened;
    if (!opened.exists) {
      io.out(`${shown}: no sidecar\n`);
      continue;
    }
    try {
      const saved = await store.save();
      io.out(`${summaryLine(shown, store.report)}${saved.written ? '' : ' (unchanged)'}\n${orphanLines(store).map((l) => l + '\n').join('')}`);
      for (const c of saved.merged?.conflicts ?? []) io.err(`${displayPath(saved.path, io.cwd)}: ${c.message}`);
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      io.err(e.message);
      bad = true;
    }
  }
  return bad ? 1 : 0;
}
