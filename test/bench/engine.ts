/**
 * Engine benchmark: full analysis of a ~1 MB article built from the sample articles (repeated and varied),
 * against a bare baseline pass over the same text in the same process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './root';
import { findMentions } from '../../src/core/actors';
import { analyze } from '../../src/core/analyze';
import { findChannels } from '../../src/core/channels';
import { scanArrays } from '../../src/core/matcher/scan';
import { findQuotes } from '../../src/core/quotes';
import { compileRegistry, parseRegistry, RegistryCompiler } from '../../src/core/registry';
import { createDoc } from '../../src/core/text';

const ROOT = repoRoot();

/** A text of about `bytes` characters: the samples' paragraphs, shuffled and lightly varied per copy. */
export function buildArticle(bytes: number): string {
  const dir = join(ROOT, 'samples');
  const paras = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()));
  const out: string[] = [];
  let size = 0;
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let copy = 0; size < bytes; copy++) {
    for (const p of paras) {
      const para = rnd() < 0.3 ? p.replace(/\b(Tuesday|Monday|Thursday|Friday)\b/g, ['Sunday', 'Wednesday', 'Saturday'][copy % 3]) : p;
      out.push(para);
      size += para.length + 1;
      if (size >= bytes) break;
    }
  }
  return out.join('\n');
}

/** The baseline: one global regex for quotation marks plus one pass counting capitalised words. */
export function baselinePass(text: string): number {
  let n = 0;
  const re = /["“”«»]/g;
  while (re.exec(text)) n++;
  let caps = 0;
  let prevWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (word && !prevWord && c <= 90) caps++;
    prevWord = word;
  }
  return n + caps;
}

function time(fn: () => void, runs: number): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
}

export async function benchEngine(): Promise<Record<string, number>> {
  const regText = readFileSync(join(ROOT, 'registry', 'world.yaml'), 'utf8');
  const tParse = time(() => parseRegistry(regText, 'world.yaml'), 5);
  const entries = parseRegistry(regText, 'world.yaml').entries;
  // A new entry each run, so the compiled-registry cache (keyed by content) misses: this is a cold compile.
  let run = 0;
  const tCompile = time(() => compileRegistry([...entries, { id: `bench-${run}`, name: `Bench Person ${run++}`, kind: 'person', aliases: [], roles: [] }]), 5);
  // A caller that compiles the same entries again holds a RegistryCompiler: the second compile is a cache hit.
  const compiler = new RegistryCompiler();
  compiler.compile(entries);
  const tCompileCached = time(() => compiler.compile(entries), 5);
  const registry = compileRegistry(entries);
  const text = buildArticle(1024 * 1024);
  const mb = text.length / (1024 * 1024);
  analyze(text, registry); // warm-up
  baselinePass(text);
  const rssBefore = process.memoryUsage().rss;
  // The analysis and the baseline alternate, so both see the same machine load; medians of 9 runs.
  const runs = { analyze: [] as number[], base: [] as number[], doc: [] as number[], scan: [] as number[], actors: [] as number[], quotes: [] as number[], channels: [] as number[] };
  for (let i = 0; i < 9; i++) {
    runs.analyze.push(time(() => analyze(text, registry), 1));
    runs.base.push(time(() => baselinePass(text), 1));
    // The stages one by one, as analyze() runs them.
    let doc = createDoc(text);
    runs.doc.push(time(() => (doc = createDoc(text)), 1));
    // the registry scan alone (inside the actor stage): with the folding, the least any analysis has to do
    runs.scan.push(time(() => scanArrays(doc.text, doc.folded, registry), 1));
    let findings = findMentions(doc, registry);
    runs.actors.push(time(() => (findings = findMentions(doc, registry)), 1));
    let quotes = findQuotes(doc, findings);
    runs.quotes.push(time(() => (quotes = findQuotes(doc, findings)), 1));
    runs.channels.push(time(() => findChannels(doc, findings, quotes), 1));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const tAnalyze = median(runs.analyze);
  const tBase = median(runs.base);
  const result = analyze(text, registry);
  return {
    registryEntries: entries.length,
    registryParseMs: tParse,
    registryCompileMs: tCompile,
    registryCompileCachedMs: tCompileCached,
    articleMB: mb,
    analyzeMs: tAnalyze,
    analyzeMBps: mb / (tAnalyze / 1000),
    baselineMs: tBase,
    ratioToBaseline: tAnalyze / tBase,
    docMs: median(runs.doc),
    registryScanMs: median(runs.scan),
    floorRatioToBaseline: (median(runs.doc) + median(runs.scan)) / tBase,
    actorsMs: median(runs.actors),
    quotesMs: median(runs.quotes),
    channelsMs: median(runs.channels),
    mentions: result.mentions.length,
    quotes: result.quotes.length,
    channels: result.channels.length,
    rssMB: process.memoryUsage().rss / 1048576,
    rssGrowthMB: (process.memoryUsage().rss - rssBefore) / 1048576,
  };
}
