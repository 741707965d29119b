/**
 * `npm run bench`: prints speed and memory figures. Each group compares against a baseline measured in the same
 * run where a ratio is the target (machines are noisy). A benchmark, not a test: it prints and exits 0.
 * usage: npm run bench [-- engine|store|edit|corpus …] [-- --articles N]   (default: all groups; corpus with 10,000 articles)
 */
import { benchCorpus } from './corpus';
import { benchEdit } from './edit';
import { benchEngine } from './engine';
import { benchStore } from './store';

type Bench = [name: string, title: string, run: () => Promise<Record<string, number>>];

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1));

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const n = argv.indexOf('--articles');
  const articles = n >= 0 ? Number(argv[n + 1]) : 10000;
  const benches: Bench[] = [
    ['engine', 'engine: 1 MB article, default registry (issue 2)', benchEngine],
    ['store', 'sidecar store: 1 MB article, 10,000 annotations (issue 3)', benchStore],
    ['edit', 'extension: edit → decorations on a 100 KB article (issue 4)', benchEdit],
    ['corpus', `workspace index: ${articles} generated articles (issue 5)`, () => benchCorpus(articles)],
  ];
  const chosen = argv.filter((a) => benches.some(([name]) => name === a));
  for (const [name, title, run] of benches) {
    if (chosen.length && !chosen.includes(name)) continue;
    console.log(`\n## ${title}`);
    const figures = await run();
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(34)} ${fmt(v)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
