/**
 * Scores the engine on the dev corpus (../shared/corpus) with ../shared/eval/score.mjs and prints a table.
 * usage: npx tsx scripts/eval.ts [--samples|--holdout] [--verbose] [--json]   (--samples: our own samples/ with test/fixtures/gold;
 *   --holdout: test/fixtures/holdout/*.txt with their *.gold.json)   (exit 0; prints "corpus not found" when ../shared is absent)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { analyze } from '../src/core/analyze';
import { compileRegistry, parseRegistry } from '../src/core/registry';
import { toJson } from '../src/cli/format';

export interface EvalRow {
  article: string;
  metrics: Record<string, Record<string, number>>;
}

export function corpusDir(): string | undefined {
  const dir = resolve(__dirname, '..', '..', 'shared', 'corpus');
  return existsSync(dir) ? dir : undefined;
}

/** Article/gold pairs: the dev corpus, the project's own samples with gold written for them, or the held-out set. */
function pairs(set: EvalSet): Array<[string, string]> {
  const dir = corpusDir();
  if (!dir) return [];
  if (set === 'dev') {
    return readdirSync(dir).filter((x) => x.endsWith('.txt')).sort().map((f) => [join(dir, f), join(dir, f.replace(/\.txt$/, '.gold.json'))]);
  }
  if (set === 'holdout') {
    const hold = resolve(__dirname, '..', 'test', 'fixtures', 'holdout');
    if (!existsSync(hold)) return [];
    return readdirSync(hold).filter((x) => x.endsWith('.txt')).sort().map((f) => [join(hold, f), join(hold, f.replace(/\.txt$/, '.gold.json'))] as [string, string]).filter(([, g]) => existsSync(g));
  }
  const golds = resolve(__dirname, '..', 'test', 'fixtures', 'gold');
  return readdirSync(golds).sort().map((g) => [resolve(__dirname, '..', 'samples', g.replace(/\.gold\.json$/, '.txt')), join(golds, g)]);
}

export type EvalSet = 'dev' | 'samples' | 'holdout';

export function runEval(verbose = false, set: EvalSet = 'dev'): EvalRow[] {
  const dir = corpusDir();
  if (!dir) return [];
  const scorer = resolve(dir, '..', 'eval', 'score.mjs');
  const regFile = resolve(__dirname, '..', 'registry', 'world.yaml');
  const reg = parseRegistry(readFileSync(regFile, 'utf8'), regFile);
  const compiled = compileRegistry(reg.entries);
  const tmp = mkdtempSync(join(tmpdir(), 'na-eval-'));
  const rows: EvalRow[] = [];
  for (const [article, gold] of pairs(set)) {
    const f = basename(article);
    let text = readFileSync(article, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const out = join(tmp, f + '.json');
    writeFileSync(out, JSON.stringify(toJson(article, analyze(text, compiled))));
    const args = [scorer, article, gold, out];
    if (verbose) args.push('--verbose');
    const res = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', verbose ? 'inherit' : 'ignore'] });
    rows.push({ article: f, metrics: JSON.parse(res.trim().split('\n')[0]) });
  }
  return rows;
}

function main(): void {
  const set: EvalSet = process.argv.includes('--holdout') ? 'holdout' : process.argv.includes('--samples') ? 'samples' : 'dev';
  const rows = runEval(process.argv.includes('--verbose'), set);
  if (!rows.length) {
    console.log('corpus not found (../shared/corpus)');
    return;
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 1));
    return;
  }
  const cols: Array<[string, (m: EvalRow['metrics']) => number]> = [
    ['mention F1', (m) => m.mention.f1],
    ['mention P', (m) => m.mention.p],
    ['mention R', (m) => m.mention.r],
    ['quote F1', (m) => m.quote.f1],
    ['attr e2e', (m) => m.attribution.endToEnd],
    ['chan F1', (m) => m.channel.f1],
    ['chan P', (m) => m.channel.p],
    ['chan R', (m) => m.channel.r],
    ['type acc', (m) => m.channel.typeAcc],
    ['part F1', (m) => m.channel.participantsF1],
  ];
  console.log(['article'.padEnd(28), ...cols.map(([c]) => c.padStart(10))].join(''));
  const sums = cols.map(() => 0);
  for (const r of rows) {
    console.log([r.article.padEnd(28), ...cols.map(([, f], i) => { const v = f(r.metrics); sums[i] += v; return v.toFixed(3).padStart(10); })].join(''));
  }
  console.log(['mean'.padEnd(28), ...sums.map((s) => (s / rows.length).toFixed(3).padStart(10))].join(''));
}

if (require.main === module) main();
