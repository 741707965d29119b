import { buildNetwork, type NetworkFilter } from '../../core/export';
import { CHANNEL_TYPES, type ChannelType } from '../../core/types';
import { parseArgs, UsageError, type CliIo } from '../io';
import { loadArticles } from './export';

export const usage = 'news-annotator network [--type TYPE]… [--actor ID]… [--confirmed-only] [--format table|json] [--registry FILE]… FILE_OR_GLOB…';

/** `network`: the channel network of the given articles as a table of edges (or JSON). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseArgs(argv, { values: ['format', 'registry', 'type', 'actor'], booleans: ['confirmed-only'] });
  const format = (flags.get('format') ?? 'table') as string;
  if (format !== 'table' && format !== 'json') throw new UsageError('--format must be table or json');
  if (!positional.length) throw new UsageError('no files given');
  const all = (name: string) => argv.flatMap((a, i) => (a === `--${name}` ? [argv[i + 1]] : a.startsWith(`--${name}=`) ? [a.slice(name.length + 3)] : []));
  const types = all('type');
  for (const t of types) if (!(CHANNEL_TYPES as readonly string[]).includes(t)) throw new UsageError(`--type must be one of ${CHANNEL_TYPES.join(', ')}`);
  const confirmedOnly = flags.has('confirmed-only');
  const { articles, failed } = await loadArticles(argv, positional, io, confirmedOnly);
  const filter: NetworkFilter = { types: types as ChannelType[], actors: all('actor'), confirmedOnly };
  const net = buildNetwork(
    articles.map((a) => a.doc),
    filter,
  );
  if (format === 'json') {
    io.out(JSON.stringify(net, null, 2) + '\n');
    return failed ? 1 : 0;
  }
  const name = new Map(net.nodes.map((n) => [n.id, n.name]));
  const rows = net.edges.map((e) => [name.get(e.source) ?? e.source, name.get(e.target) ?? e.target, e.type, e.via.map((v) => name.get(v) ?? v).join(', '), String(e.count), [...new Set(e.mentions.map((m) => m.article))].join(', ')]);
  const header = ['SOURCE', 'TARGET', 'TYPE', 'VIA', 'COUNT', 'ARTICLES'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : (c.length > widths[i] ? c.slice(0, widths[i] - 1) + '…' : c).padEnd(widths[i]))).join('  ').trimEnd();
  io.out([line(header), ...rows.map(line), '', `${net.nodes.length} actors, ${net.edges.length} links, ${net.edges.reduce((s, e) => s + e.count, 0)} channel mentions`].join('\n') + '\n');
  return failed ? 1 : 0;
}
