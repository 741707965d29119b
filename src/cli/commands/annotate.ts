import { analyze } from '../../core/analyze';
import { SidecarError } from '../../core/store';
import { displayPath } from '../files';
import { parseArgs, type CliIo } from '../io';
import { registryForCommand } from '../registry';
import { namedArticles, openArticleStore } from './check';

export const usage = 'news-annotator annotate [--accept-all] [--registry FILE]… FILE_OR_GLOB…';

/**
 * `annotate`: runs the engine on each article. With --accept-all every suggestion (actor mentions, quotes,
 * channels) is stored as confirmed in the sidecar, merged with what is there: annotations already in the file,
 * confirmed or rejected, are kept as they are and suggestions at their place are skipped. Without it, reports
 * what would be added. Exit 1 when a file could not be read or its sidecar has errors.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseArgs(argv, { values: ['registry'], booleans: ['accept-all'] });
  const named = namedArticles(positional, io);
  const acceptAll = flags.get('accept-all') === true;
  const registry = registryForCommand(argv, io);
  let bad = named.bad;
  for (const file of named.files) {
    const shown = displayPath(file, io.cwd);
    const opened = await openArticleStore(file, io);
    if (!opened) {
      bad = true;
      continue;
    }
    const { store } = opened;
    const analysis = analyze(opened.text, registry.compiled);
    const suggestions = analysis.mentions.length + analysis.quotes.length + analysis.channels.length;
    if (!acceptAll) {
      io.out(`${shown}: ${suggestions} suggestion${suggestions === 1 ? '' : 's'} (${analysis.mentions.length} mentions, ${analysis.quotes.length} quotes, ${analysis.channels.length} channels); ${store.annotations.length} in the sidecar — use --accept-all to store them\n`);
      continue;
    }
    const before = store.annotations.length;
    const r = store.acceptSuggestions(analysis);
    try {
      const saved = await store.save();
      const orphans = store.report.orphaned ? `, ${store.report.orphaned} orphaned kept` : '';
      io.out(`${shown}: ${r.added.length} added, ${r.skipped} already there, ${before} kept${orphans} → ${displayPath(saved.path, io.cwd)}${saved.written ? '' : ' (unchanged)'}\n`);
      for (const c of saved.merged?.conflicts ?? []) io.err(`${displayPath(saved.path, io.cwd)}: ${c.message}`);
    } catch (e) {
      if (!(e instanceof SidecarError)) throw e;
      io.err(e.message);
      bad = true;
    }
  }
  return bad ? 1 : 0;
}
