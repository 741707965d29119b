/**
 * Stranded sidecars: a sidecar whose article is gone, typically because the article was renamed or moved outside
 * VS Code (`git mv`, a file manager, a new scrape saved under another name). Its annotations are not lost: when an
 * article without a sidecar turns up in the same folder, each stranded sidecar is tried against the new text, and
 * one that fits can be adopted (moved to the new name with `SidecarStore.moveSidecar`).
 *
 * Pure: the caller lists the folder and reads the candidates; nothing here touches files.
 */
import { reanchor } from './anchor';
import { fingerprint } from './hash';
import { articlePathFor, baseName, SIDECAR_SUFFIX } from './model';
import { parseSidecar } from './sidecar';

/** A sidecar file read by the caller: its path and bytes. */
export interface SidecarCandidate {
  path: string;
  bytes: Uint8Array;
}

/** How well a stranded sidecar fits an article's text. */
export interface StrandedFit {
  /** Path of the sidecar. */
  path: string;
  /** The article it was written for (its `article` field, else the name the sidecar's file name implies). */
  article: string;
  annotations: number;
  /** Annotations that anchor in the new text (in place, moved or approximately). */
  fits: number;
  /** The text is exactly the one the annotations were last anchored against. */
  sameText: boolean;
}

/** How a fit reads in a message: "the same text, 3 annotations" or "5 of 6 annotations anchor". */
export function describeFit(fit: StrandedFit): string {
  const n = fit.annotations;
  return fit.sameText ? `the same text, ${n} annotation${n === 1 ? '' : 's'}` : `${fit.fits} of ${n} annotations anchor`;
}

/** Share of annotations that must anchor before a sidecar is offered for an article (besides an identical text). */
export const ADOPT_MIN_SHARE = 0.6;

/**
 * Sidecar paths among `names` (file names in one folder) whose article is not in that folder. `names` are bare
 * file names; the result is too.
 */
export function strandedSidecarNames(names: readonly string[]): string[] {
  const present = new Set(names);
  return names.filter((n) => n.endsWith(SIDECAR_SUFFIX) && n.length > SIDECAR_SUFFIX.length && !present.has(articlePathFor(n))).sort();
}

/** How well one sidecar fits `text`; undefined when it does not parse or validate (it is never offered then). */
export function rateSidecar(text: string, candidate: SidecarCandidate): StrandedFit | undefined {
  let yamlText: string;
  try {
    yamlText = new TextDecoder('utf-8', { fatal: true }).decode(candidate.bytes);
  } catch {
    return undefined;
  }
  const parsed = parseSidecar(yamlText, candidate.path);
  const sidecar = parsed.sidecar;
  if (!sidecar) return undefined;
  const article = sidecar.article || baseName(articlePathFor(candidate.path));
  const sameText = sidecar.fingerprint !== '' && sidecar.fingerprint === fingerprint(text);
  const annotations = sidecar.annotations.length;
  if (sameText) return { path: candidate.path, article, annotations, fits: annotations, sameText };
  const { report } = reanchor(sidecar.annotations, text);
  return { path: candidate.path, article, annotations, fits: report.anchored + report.moved + report.fuzzy, sameText };
}

/**
 * The stranded sidecars that fit `text`, best first: an identical text first, then by the share of annotations that
 * anchor (at least `ADOPT_MIN_SHARE`), then by the number that anchor. Sidecars without annotations are left out.
 */
export function fittingSidecars(text: string, candidates: readonly SidecarCandidate[]): StrandedFit[] {
  const out: StrandedFit[] = [];
  for (const c of candidates) {
    const fit = rateSidecar(text, c);
    if (!fit || fit.annotations === 0) continue;
    if (fit.sameText || fit.fits / fit.annotations >= ADOPT_MIN_SHARE) out.push(fit);
  }
  const share = (f: StrandedFit) => f.fits / f.annotations;
  return out.sort((a, b) => Number(b.sameText) - Number(a.sameText) || share(b) - share(a) || b.fits - a.fits || (a.path < b.path ? -1 : 1));
}
