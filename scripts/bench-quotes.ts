/**
 * Quote-stage benchmark: ~1 MB of news-style text built from the quote fixtures (repeated, names varied), the
 * quote stage alone (spans, classification, attribution) vs a bare global quotation-mark regex over the same text.
 * Times are CPU times (median of 15 runs). The fixtures are quote-dense (a quote every ~100 characters, 3–6× a
 * typical article), so this is a worst case for the per-quote work.
 * A second figure runs the stage on the engine bench's samples-like article against the engine bench's baseline (quote-mark
 * regex + one-pass char scan), the budget that counts: quote stage ≤ 0.8× that baseline.
 * usage: npx tsx scripts/bench-quotes.ts [sizeMB]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findMentions } from '../src/core/actors';
import { findQuotes } from '../src/core/quotes';
import { compileRegistry, parseRegistry } from '../src/core/registry';
import { createDoc } from '../src/core/text';
import { baselinePass, buildArticle } from '../test/bench/engine';

const sizeMb = Number(process.argv[2] ?? 1);
const dir = join(__dirname, '..', 'test', 'fixtures', 'quotes');
const pieces = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n'));
const names = ['Varga', 'Brandt', 'Keller', 'Petrova', 'Jansen', 'Haddad'];
const parts: string[] = [];
let size = 0;
for (let k = 0; size < sizeMb * 1024 * 1024; k++) {
  let p = pieces[k % pieces.length];
  // vary: rotate surnames and numbers so the text is not one block repeated
  const a = names[k % names.length];
  const b = names[(k + 2) % names.length];
  p = p.replace(/Varga/g, a).replace(/Keller/g, b).replace(/\b(19|20)\d\d\b/g, String(1990 + (k % 30)));
  parts.push(p);
  size += p.length;
}
const text = parts.join('\n');

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[s.length >> 1];
}

/** Median CPU time (user + system, ms) of `runs` calls: steadier than wall time on a shared machine. */
function time(fn: () => unknown, runs: number): number {
  fn(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    ts.push((c.user + c.system) / 1000);
  }
  return median(ts);
}

const doc = createDoc(text);
const regFile = join(__dirname, '..', 'registry', 'world.yaml');
const findings = findMentions(doc, compileRegistry(parseRegistry(readFileSync(regFile, 'utf8'), regFile).entries));

let n = 0;
const baseline = time(() => {
  const re = /["'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]/g;
  n = 0;
  while (re.exec(text)) n++;
  return n;
}, 15);
let quotes = 0;
const stage = time(() => (quotes = findQuotes(doc, findings).length), 15);
const mb = text.length / (1024 * 1024);
console.log(`text: ${mb.toFixed(2)} MB (${text.length} chars), ${doc.paragraphs.length} paragraphs, ${findings.mentions.length} mentions, ${n} marks`);
console.log(`baseline (global quote-mark regex): ${baseline.toFixed(2)} ms cpu (median of 15)`);
console.log(`quote stage (findQuotes): ${stage.toFixed(2)} ms cpu  → ${quotes} quotes (${Math.round(text.length / Math.max(1, quotes))} chars/quote), ${(mb / (stage / 1000)).toFixed(1)} MB/s, ${(stage / baseline).toFixed(2)}× baseline`);

// samples-like text (the engine bench's article) against the engine bench's baseline
const text2 = buildArticle(sizeMb * 1024 * 1024);
const doc2 = createDoc(text2);
const findings2 = findMentions(doc2, compileRegistry(parseRegistry(readFileSync(regFile, 'utf8'), regFile).entries));
const base2 = time(() => baselinePass(text2), 15);
let quotes2 = 0;
const stage2 = time(() => (quotes2 = findQuotes(doc2, findings2).length), 15);
console.log(`samples-like text: ${(text2.length / 1048576).toFixed(2)} MB, ${quotes2} quotes (${Math.round(text2.length / Math.max(1, quotes2))} chars/quote)`);
console.log(`engine baseline (quote-mark regex + char scan): ${base2.toFixed(2)} ms cpu; quote stage ${stage2.toFixed(2)} ms cpu → ${(stage2 / base2).toFixed(2)}× baseline (budget 0.8×)`);
