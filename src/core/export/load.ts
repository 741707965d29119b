/**
 * One article ready for export: its sidecar read and re-anchored against the current text, the engine run
 * (unless confirmed-only), both merged by `collectAnnotations`. Shared by the CLI (files from disk) and the
 * extension (files through `workspace.fs`, or an open document's text); both only read the texts.
 */
import { analyze } from '../analyze';
import type { CompiledRegistry } from '../registry';
import { parseSidecar, reanchor } from '../store';
import type { SourceError } from '../types';
import { collectAnnotations, type ArticleAnnotations } from './model';

export interface ExportInput {
  /** The article as the user names it (a relative, `/`-separated path). */
  article: string;
  text: string;
  /** The sidecar's text, when the article has one. */
  sidecarText?: string;
  /** The sidecar as named in error messages. */
  sidecarName?: string;
  registry: CompiledRegistry;
  confirmedOnly?: boolean;
}

export interface PreparedArticle {
  doc: ArticleAnnotations;
  /** Errors of an unreadable sidecar (the article is then exported without its confirmed annotations). */
  sidecarErrors: SourceError[];
  /** Sidecar annotations that no longer anchor in the text (left out). */
  orphaned: number;
}

export function prepareArticle(i: ExportInput): PreparedArticle {
  let annotations;
  let sidecarErrors: SourceError[] = [];
  let orphaned = 0;
  if (i.sidecarText !== undefined) {
    const parsed = parseSidecar(i.sidecarText, i.sidecarName ?? `${i.article}.annotations.yaml`);
    if (!parsed.sidecar) sidecarErrors = parsed.errors;
    else {
      const anchored = reanchor(parsed.sidecar.annotations, i.text);
      annotations = anchored.annotations;
      orphaned = anchored.report.orphaned;
    }
  }
  const analysis = i.confirmedOnly ? undefined : analyze(i.text, i.registry);
  const lookup = (id: string) => i.registry.entries.get(id);
  const doc = collectAnnotations({ article: i.article.split('\\').join('/'), text: i.text, analysis, annotations, confirmedOnly: i.confirmedOnly, lookup });
  return { doc, sidecarErrors, orphaned };
}
