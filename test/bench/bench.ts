/**
 * `npm run bench`: prints the engine's speed and memory figures (ratios against a baseline measured in the
 * same run, since machines are noisy). A benchmark, not a test: it prints and exits 0.
 */
import { benchEngine } from './engine';

type Bench = [string, () => Promise<Record<string, number>>];

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1));

async function main(): Promise<void> {
  const benches: Bench[] = [['engine (1 MB article, default registry)', benchEngine]];
  for (const [title, fn] of benches) {
    console.log(`\n## ${title}`);
    const figures = await fn();
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(28)} ${fmt(v)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
