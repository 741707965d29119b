/**
 * Channel-stage benchmark: ~1 MB built from the channel fixtures (repeated, with varied names and line endings),
 * actor findings computed once with the default registry, then the channel stage timed against a single global
 * regex pass over the same folded text in the same run.
 * usage: npx tsx scripts/bench-channels.ts [sizeMB]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMentions } from '../src/core/actors';
import { findChannels } from '../src/core/channels';
import { compileRegistry, parseRegistry } from '../src/core/registry';
import { createDoc } from '../src/core/text';

const sizeMB = Number(process.argv[2] ?? 1);
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
for (let i = 0; size < sizeMB * 1024 * 1024; i++) {
  let t = parts[i % parts.length];
  const [re, by] = variants[i % variants.length];
  t = t.replace(re, by);
  chunks.push(t);
  size += t.length + 1;
}
const text = chunks.join('\n');

const regFile = join(__dirname, '..', 'registry', 'world.yaml');
const reg = parseRegistry(readFileSync(regFile, 'utf8'), regFile);
const registry = compileRegistry(reg.entries);
const doc = createDoc(text);
const findings = findMentions(doc, registry);

function best(runs: number, f: () => number): { ms: number; n: number } {
  let ms = Infinity;
  let n = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    n = f();
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms, n };
}

const baselineRe = /(?<![a-z])(?:talks|meetings?|dialog(?:ue)?|diplomacy|channels?)(?![a-z])/g;
const baseline = best(7, () => {
  let n = 0;
  baselineRe.lastIndex = 0;
  while (baselineRe.exec(doc.folded)) n++;
  return n;
});
const stage = best(7, () => findChannels(doc, findings, []).length);

const mb = text.length / (1024 * 1024);
console.log(`text: ${mb.toFixed(2)} MB (${text.length} chars), ${findings.mentions.length} mentions`);
console.log(`baseline (one global regex over doc.folded): ${baseline.ms.toFixed(1)} ms, ${baseline.n} matches`);
console.log(`channel stage (findChannels): ${stage.ms.toFixed(1)} ms, ${stage.n} channels, ${(mb / (stage.ms / 1000)).toFixed(1)} MB/s`);
console.log(`ratio stage/baseline: ${(stage.ms / baseline.ms).toFixed(1)}x`);
