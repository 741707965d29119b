/**
 * Channel-stage benchmark. Two texts of ~1 MB each:
 *  - `samples`: the engine benchmark's article (test/bench/engine.ts, built from samples/*.txt: realistic news density);
 *  - `fixtures`: the channel fixtures repeated (test/fixtures/channels: a channel in nearly every sentence).
 * Actor findings and quotes are computed once with the default registry; then the channel stage and the engine's
 * bare baseline pass (one global regex for quotation marks + one char scan) run interleaved in the same process.
 * Figures are the best of N runs of CPU time (the machine is shared and noisy), and their ratio.
 * usage: npx tsx scripts/bench-channels.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMentions } from '../src/core/actors';
import { findChannels } from '../src/core/channels';
import { scanTriggers } from '../src/core/channels/lexicon';
import { findQuotes } from '../src/core/quotes';
import { compileRegistry, parseRegistry } from '../src/core/registry';
import { createDoc } from '../src/core/text';
import { baselinePass, buildArticle } from '../test/bench/engine';

const runs = Number(process.argv[2] ?? 15);

function fixturesText(bytes: number): string {
  const dir = join(__dirname, '..', 'test', 'fixtures', 'channels');
  const parts = ['briefing.txt', 'interview.txt'].map((f) => readFileSync(join(dir, f), 'utf8'));
  const variants: Array<[RegExp, string]> = [
    [/Istanbul/g, 'Geneva'],
    [/Qatar/g, 'Oman'],
    [/Tuesday/g, 'Sunday'],
    [/ninety/g, 'forty'],
  ];
  const chunks: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const [re, by] = variants[i % variants.length];
    const t = parts[i % parts.length].replace(re, by);
    chunks.push(t);
    size += t.length + 1;
  }
  return chunks.join('\n');
}

const regFile = join(__dirname, '..', 'registry', 'world.yaml');
const registry = compileRegistry(parseRegistry(readFileSync(regFile, 'utf8'), regFile).entries);

function cpuMs(f: () => number): { ms: number; n: number } {
  const t0 = process.cpuUsage();
  const n = f();
  const d = process.cpuUsage(t0);
  return { ms: (d.user + d.system) / 1000, n };
}

for (const [name, text] of [
  ['samples', buildArticle(1024 * 1024)],
  ['fixtures', fixturesText(1024 * 1024)],
] as const) {
  const doc = createDoc(text);
  const findings = findMentions(doc, registry);
  const quotes = findQuotes(doc, findings);
  const best = { base: Infinity, scan: Infinity, stage: Infinity };
  let channels = 0;
  let triggers = 0;
  for (let i = 0; i < runs; i++) {
    best.base = Math.min(best.base, cpuMs(() => baselinePass(text)).ms);
    const sc = cpuMs(() => {
      let n = 0;
      scanTriggers(doc.folded, () => n++);
      return n;
    });
    best.scan = Math.min(best.scan, sc.ms);
    triggers = sc.n;
    const st = cpuMs(() => findChannels(doc, findings, quotes).length);
    best.stage = Math.min(best.stage, st.ms);
    channels = st.n;
  }
  const mb = text.length / (1024 * 1024);
  console.log(`\n## ${name}: ${mb.toFixed(2)} MB, ${findings.mentions.length} mentions, ${triggers} triggers, ${channels} channels (best of ${runs}, CPU ms)`);
  console.log(`  baseline pass            ${best.base.toFixed(1).padStart(7)} ms`);
  console.log(`  trigger scan alone       ${best.scan.toFixed(1).padStart(7)} ms  (${(best.scan / best.base).toFixed(2)}x baseline)`);
  console.log(`  channel stage            ${best.stage.toFixed(1).padStart(7)} ms  (${(best.stage / best.base).toFixed(2)}x baseline, ${(mb / (best.stage / 1000)).toFixed(1)} MB/s)`);
}
