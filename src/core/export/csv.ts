/**
 * CSV tables (RFC 4180: CR LF record ends, fields with `"` `,` CR or LF quoted, quotes doubled) for a
 * spreadsheet: mentions, quotes with speakers, channels as an edge list, claims. A cell that a spreadsheet would
 * run as a formula (starting with = + - @, tab or CR) gets a leading `'`; `readCsv` takes it off again.
 * Offsets are UTF-16 code units, like the editor's.
 */
import type { ArticleAnnotations } from './model';
import { channelLinks } from './model';

export type Cell = string | number | null | undefined;

const FORMULA = /^'*[=+\-@\t\r]/;

/** A cell as text: formula-looking text guarded with a leading `'`, then RFC 4180 quoting. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvTable(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

export const MENTION_COLUMNS = ['article', 'start', 'end', 'text', 'actor_id', 'actor_name', 'kind', 'wikidata', 'match', 'origin'] as const;
export const QUOTE_COLUMNS = ['article', 'start', 'end', 'kind', 'speaker_id', 'speaker_name', 'cue', 'text', 'origin'] as const;
export const CHANNEL_COLUMNS = ['source', 'target', 'type', 'via', 'article', 'offset', 'end', 'source_name', 'target_name', 'text', 'origin'] as const;
export const CLAIM_COLUMNS = ['article', 'start', 'end', 'kind', 'claimant_id', 'claimant_name', 'status', 'note', 'links', 'text', 'origin'] as const;

const name = (d: ArticleAnnotations, id: string | null) => (id ? (d.actors.get(id)?.name ?? id) : '');

export function mentionsCsv(docs: readonly ArticleAnnotations[]): string {
  return csvTable(
    MENTION_COLUMNS,
    docs.flatMap((d) =>
      d.mentions.map((m) => {
        const a = d.actors.get(m.actorId);
        return [d.article, m.start, m.end, m.text, m.actorId, a?.name ?? m.actorId, a?.kind ?? '', a?.wikidata ?? '', m.match ?? '', m.origin];
      }),
    ),
  );
}

export function quotesCsv(docs: readonly ArticleAnnotations[]): string {
  return csvTable(
    QUOTE_COLUMNS,
    docs.flatMap((d) => d.quotes.map((q) => [d.article, q.start, q.end, q.kind, q.speaker ?? '', name(d, q.speaker), q.cue ?? '', q.text, q.origin])),
  );
}

/** One row per actor pair of each channel (see `channelLinks`); `via` lists intermediaries separated by `;`. */
export function channelsCsv(docs: readonly ArticleAnnotations[]): string {
  return csvTable(
    CHANNEL_COLUMNS,
    docs.flatMap((d) =>
      d.channels.flatMap((c) =>
        channelLinks(c).map((l) => [l.source, l.target, c.type, l.via.join(';'), d.article, c.start, c.end, name(d, l.source), name(d, l.target), c.text, c.origin]),
      ),
    ),
  );
}

export function claimsCsv(docs: readonly ArticleAnnotations[]): string {
  return csvTable(
    CLAIM_COLUMNS,
    docs.flatMap((d) => d.claims.map((k) => [d.article, k.start, k.end, k.kind, k.claimant ?? '', name(d, k.claimant), k.status, k.note, k.links.join(' '), k.text, k.origin])),
  );
}

/** The four tables by file name. */
export function toCsvFiles(docs: readonly ArticleAnnotations[]): Record<string, string> {
  return { 'mentions.csv': mentionsCsv(docs), 'quotes.csv': quotesCsv(docs), 'channels.csv': channelsCsv(docs), 'claims.csv': claimsCsv(docs) };
}

/** Parses RFC 4180 CSV (CR LF or LF record ends) into rows of raw cells. Throws on an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // record end
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

/** Removes the formula guard `csvCell` added. */
export function unguard(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A table as records keyed by the header row, guards removed. */
export function readCsv(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, unguard(r[k] ?? '')])));
}
