/**
 * The files an export writes, per format (docs/exports.md): shared by the CLI `export` command and the
 * extension's Export Annotations… command, which differ only in how they read articles and write files.
 * Pure: paths are relative, `/`-separated; the caller checks them (never over an input article) and writes.
 */
import { bratConf, toBrat } from './brat';
import { toCsvFiles } from './csv';
import { toDot, toGraphml } from './graph';
import type { ArticleAnnotations } from './model';
import { buildNetwork } from './network';
import { toW3c, w3cJson } from './w3c';

export const EXPORT_FORMATS = ['w3c', 'brat', 'csv', 'graphml', 'dot'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(s: unknown): s is ExportFormat {
  return typeof s === 'string' && (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** Formats that write several files and so need an output folder (the others can go to stdout). */
export const MULTI_FILE_FORMATS: readonly ExportFormat[] = ['brat', 'csv'];

export interface ExportArticle {
  doc: ArticleAnnotations;
  /** Relative path the output names mirror (e.g. `news/a.txt`; `/` or `\` separated). */
  name: string;
  /** The article's URL, for W3C ids and targets (`file:///…`). */
  source: string;
}

export interface ExportFile {
  /** Relative, `/`-separated. */
  path: string;
  text: string;
}

function extOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

/** Output names mirroring the article paths, without collisions (case-insensitive: `-2`, `-3`). */
function namer(): (name: string, ext: string, keepExt: boolean) => string {
  const used = new Set<string>();
  return (name, ext, keepExt) => {
    const rel = name.split('\\').join('/');
    const stem = keepExt ? rel : rel.slice(0, rel.length - extOf(rel).length);
    let out = stem + ext;
    for (let k = 2; used.has(out.toLowerCase()); k++) out = `${stem}-${k}${ext}`;
    used.add(out.toLowerCase());
    return out;
  };
}

/** Every file of an export into a folder. */
export function exportFiles(format: ExportFormat, articles: readonly ExportArticle[]): ExportFile[] {
  const files: ExportFile[] = [];
  const outName = namer();
  const docs = articles.map((a) => a.doc);
  switch (format) {
    case 'w3c':
      for (const a of articles) files.push({ path: outName(a.name, '.jsonld', true), text: w3cJson(toW3c(a.doc, { source: a.source })) });
      break;
    case 'brat':
      for (const a of articles) {
        const out = toBrat(a.doc);
        const stem = outName(a.name, '', false);
        files.push({ path: `${stem}.txt`, text: out.txt }, { path: `${stem}.ann`, text: out.ann });
      }
      files.push({ path: 'annotation.conf', text: bratConf(docs) });
      break;
    case 'csv':
      for (const [path, text] of Object.entries(toCsvFiles(docs))) files.push({ path, text });
      break;
    case 'graphml':
    case 'dot': {
      const net = buildNetwork(docs);
      files.push({ path: `channels.${format}`, text: format === 'graphml' ? toGraphml(net) : toDot(net) });
      break;
    }
  }
  return files;
}

/** The single-text form of an export (stdout): W3C (one collection, or an array) and the graph formats. */
export function exportText(format: ExportFormat, articles: readonly ExportArticle[]): string | undefined {
  switch (format) {
    case 'w3c': {
      const collections = articles.map((a) => toW3c(a.doc, { source: a.source }));
      return w3cJson(collections.length === 1 ? collections[0] : collections);
    }
    case 'graphml':
    case 'dot':
      return exportFiles(format, articles)[0].text;
    default:
      return undefined;
  }
}
