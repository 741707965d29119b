/**
 * Corpus benchmark (issue 5): 10,000 generated articles (~50 MB) from a handful of news templates filled with
 * actors of the default registry, analysed by the engine and indexed by CorpusIndex. Prints and returns:
 * total index time (engine + index on one thread, the engine in worker threads + index, and the index alone), resident memory after the build, an incremental
 * update after one article changes, Find All References, actor look-up and the channel network over the corpus.
 *
 * Articles are generated on the fly from a seed (never all held at once), as the extension reads them from disk.
 * Run alone: `npx tsx test/bench/corpus.ts [articles]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './root';
import { analyze } from '../../src/core/analyze';
import { EnginePool, mapOrdered } from '../../src/cli/parallel';
import { buildCorpusIndex, CorpusIndex } from '../../src/core/corpus';
import { compileRegistry, parseRegistry } from '../../src/core/registry';
import type { ActorEntry, Analysis } from '../../src/core/types';

const ROOT = repoRoot();

interface Pools {
  persons: ActorEntry[];
  states: ActorEntry[];
  orgs: ActorEntry[];
}

const PLACES = ['Geneva', 'Vienna', 'Doha', 'Istanbul', 'Riyadh', 'Oslo', 'Abu Dhabi', 'Helsinki'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TOPICS = ['the ceasefire', 'grain exports', 'the prisoner exchange', 'sanctions relief', 'the nuclear talks', 'energy prices', 'the border dispute', 'humanitarian corridors'];

/** Paragraph templates: {P}, {P2}, {P3} persons; {S}, {S2} states; {O} an organisation; {X} place; {D} day; {T} topic. */
const TEMPLATES = [
  '{P} held a telephone conversation with {P2} on {D}, discussing {T}, the press service of {O} said. "We agreed to keep in touch," {P} told reporters afterwards.',
  '{P} met {P2} in {X} on {D}. According to officials in {S}, the talks focused on {T} and lasted more than three hours, longer than planned.',
  '"There is no alternative to dialogue on {T}," {P3} said in an interview, adding that {S} was "ready to listen" if {S2} made the first step.',
  '{P} sent a message to {P2} through {P3}, who visited {X} on {D}. Neither side disclosed its content, but diplomats said it concerned {T}.',
  'Analysts at {O} said the statement by {P} about {T} turned out to be empty words. {S2} has not responded, and {P2} declined to comment on {D}.',
  'Delegations from {S} and {S2} met in {X} under the auspices of {O}. {P3}, who chaired the session, called it "constructive but difficult".',
  'Speaking at a briefing on {D}, {P2} accused {S} of stalling on {T}. "They promise one thing and do another," {P2} said, according to a transcript.',
  'The working group on {T} will meet again in {X}, {O} announced. {P} and {P2} are expected to attend, while {P3} may join by video link.',
  'In a post on social media, {P3} wrote that {S2} would "never accept" the proposal. Officials in {S} dismissed the remark as posturing before the vote.',
  'Background: the previous round of talks on {T}, held in {X} with {O} as mediator, ended without a joint statement, and both sides blamed each other.',
];

/** Paragraphs without actors (context, figures, colour), as most of an article is. */
const FILLERS = [
  'The talks come after months of stalemate on {T}. Prices on regional markets rose by four percent over the week, and traders expect further volatility until a framework is agreed and published.',
  'Diplomats familiar with the preparations said the venue was chosen at short notice. Security around the conference hall in {X} was tightened, and journalists were kept behind barriers for most of {D}.',
  'Observers note that the positions of the two sides on {T} remain far apart. A draft circulated last month ran to eleven pages and left the most sensitive questions for a later stage of the negotiations.',
  'The meeting room was prepared for thirty delegates, but only twelve attended in person. Several officials joined remotely, citing scheduling conflicts, and the session started forty minutes late.',
  'Economists warn that any agreement on {T} will take months to implement. Shipping insurers have raised premiums, and several companies have suspended operations in the region until the situation is clearer.',
];

function pools(entries: readonly ActorEntry[]): Pools {
  const by = (k: string) => entries.filter((e) => e.kind === k && !/\s-\s/.test(e.name));
  return { persons: by('person').slice(0, 120), states: by('state').slice(0, 60), orgs: by('organization').slice(0, 40) };
}

/** A deterministic article of about `bytes` characters. Same i → same text. */
export function generateArticle(i: number, p: Pools, bytes = 5000, variant = 0): string {
  let seed = (i * 2654435761 + variant * 97 + 1) >>> 0;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  // Each article follows one story: a small cast, reused across its paragraphs (as news does).
  const cast = { P: pick(p.persons), P2: pick(p.persons), P3: pick(p.persons), S: pick(p.states), S2: pick(p.states), O: pick(p.orgs) };
  const paras: string[] = [`${cast.P.name} and ${cast.P2.name} on ${pick(TOPICS)}`];
  let size = paras[0].length;
  let first = true;
  while (size < bytes) {
    const t = rnd() < 0.55 ? pick(FILLERS) : pick(TEMPLATES);
    const text = t.replace(/\{(P3|P2|P|S2|S|O|X|D|T)\}/g, (_m, k: string) => {
      switch (k) {
        case 'X':
          return pick(PLACES);
        case 'D':
          return pick(DAYS);
        case 'T':
          return pick(TOPICS);
        default: {
          const a = cast[k as keyof typeof cast];
          // full name the first time, then the surname or an alias, as news does
          if (first || a.kind !== 'person') return a.kind === 'person' ? a.name : (a.aliases.length && rnd() < 0.3 ? a.aliases[0] : a.name);
          return rnd() < 0.7 ? a.name.split(' ').slice(-1)[0] : a.name;
        }
      }
    });
    first = false;
    paras.push(text);
    size += text.length + 2;
  }
  return paras.join('\n\n') + '\n';
}

const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
const now = () => performance.now();

export async function benchCorpus(articles = 10000): Promise<Record<string, number>> {
  const entries = parseRegistry(readFileSync(join(ROOT, 'registry', 'world.yaml'), 'utf8'), 'world.yaml').entries;
  const registry = compileRegistry(entries);
  const p = pools(entries);
  const figures: Record<string, number> = {};

  // Corpus size (generated, then dropped).
  let bytes = 0;
  const tg = now();
  for (let i = 0; i < articles; i++) bytes += generateArticle(i, p).length;
  figures['corpus articles'] = articles;
  figures['corpus MB'] = mb(bytes);
  figures['generate ms (not counted)'] = Math.round(now() - tg);

  // 1. The engine alone over the corpus, and the index fed with ready analyses (what a worker would post back).
  const analyses: Analysis[] = [];
  const sample = Math.min(articles, 1000);
  const ta = now();
  for (let i = 0; i < sample; i++) analyses.push(analyze(generateArticle(i, p), registry));
  const engineMsPerArticle = (now() - ta) / sample;
  const ti = now();
  const probe = new CorpusIndex({ registry: entries });
  for (let i = 0; i < sample; i++) probe.update(`a${i}.txt`, analyses[i]);
  const indexMsPerArticle = (now() - ti) / sample;
  analyses.length = 0;

  function* source() {
    for (let i = 0; i < articles; i++) yield { id: `articles/a${i}.txt`, text: generateArticle(i, p) };
  }

  // 2. Full build with the engine in worker threads (src/cli/parallel.ts): the main thread generates the texts,
  // receives the analyses (compact form) and indexes them. Pool start-up (registry compiled per worker) counted.
  {
    globalThis.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const t0 = now();
    // Workers run the built bundle when there is one (as the CLI does); else this module through tsx.
    const bundle = join(ROOT, 'dist', 'cli.js');
    const pool = new EnginePool({ registry: { entries }, expected: articles, ...(existsSync(bundle) ? { workerFile: bundle } : {}) });
    const pindex = new CorpusIndex({ registry: entries });
    let failed = 0;
    async function* analysed() {
      for await (const r of mapOrdered(source(), (a) => pool.analyze(a.text), pool.size * 4)) {
        if (r.error) failed++;
        else yield { id: r.item.id, analysis: r.value };
      }
    }
    const r = await buildCorpusIndex(pindex, analysed(), undefined, { sliceMs: 50 });
    const buildMs = now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    clearInterval(sampler);
    await pool.close();
    figures[`index build ms (engine in ${pool.size} workers + index)`] = Math.round(buildMs);
    figures['  indexed articles (workers)'] = r.indexed;
    figures['  failed articles (workers)'] = failed + r.failed;
    figures['  rss MB peak during build (workers)'] = mb(peak);
    figures['  rss MB growth during build (workers)'] = mb(peak - rss0);
    figures['  mentions indexed (workers)'] = pindex.actorTotals().reduce((s, h) => s + h.mentions, 0);
  }

  // 3. Full build on this thread: engine + index, in slices with yields (as the extension does).
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  const index = new CorpusIndex({ registry: entries, analyze: (t) => analyze(t, registry) });
  const t0 = now();
  const r = await buildCorpusIndex(index, source(), undefined, { sliceMs: 50 });
  const buildMs = now() - t0;
  globalThis.gc?.();
  const mem = process.memoryUsage();
  figures['index build ms (engine + index)'] = Math.round(buildMs);
  figures['  engine ms/article'] = Math.round(engineMsPerArticle * 1000) / 1000;
  figures['  index ms/article'] = Math.round(indexMsPerArticle * 1000) / 1000;
  figures['  engine share %'] = Math.round((engineMsPerArticle / (engineMsPerArticle + indexMsPerArticle)) * 100);
  figures['indexed articles'] = r.indexed;
  figures['rss MB after build'] = mb(mem.rss);
  figures['rss MB growth during build'] = mb(mem.rss - rss0);
  figures['heap used MB'] = mb(mem.heapUsed);

  // 4. One article changes: re-analyse and re-index it.
  const changed = generateArticle(42, p, 5000, 1);
  const tu = now();
  index.update('articles/a42.txt', changed);
  figures['incremental update ms (analyse + index one article)'] = Math.round((now() - tu) * 100) / 100;

  // 5. Queries over the corpus: the first call (cold: lazy look-up table, JIT) and the median of 5 more.
  const timed = <T>(f: () => T): { first: number; median: number; value: T } => {
    let t = now();
    const value = f();
    const first = now() - t;
    const runs: number[] = [];
    for (let k = 0; k < 5; k++) {
      t = now();
      f();
      runs.push(now() - t);
    }
    runs.sort((a, b) => a - b);
    return { first: Math.round(first * 100) / 100, median: Math.round(runs[2] * 100) / 100, value };
  };
  const top = index.actorTotals()[0];
  const refs = timed(() => index.references(top.actor.id));
  figures['references ms (most mentioned actor, first)'] = refs.first;
  figures['references ms (median)'] = refs.median;
  figures['  references found'] = refs.value.length;
  const found = timed(() => index.findActors(top.actor.name.slice(0, 3)));
  figures['actor look-up ms (3-letter prefix, first)'] = found.first;
  figures['actor look-up ms (median)'] = found.median;
  figures['  actors found'] = found.value.length;
  const network = timed(() => index.network());
  const net = network.value;
  figures['network ms (whole corpus, first)'] = network.first;
  figures['network ms (median)'] = network.median;
  figures['network ms (one actor)'] = timed(() => index.network({ actors: [top.actor.id] })).median;
  figures['  network nodes'] = net.nodes.length;
  figures['  network edges'] = net.edges.length;
  figures['  mentions indexed'] = index.actorTotals().reduce((s, h) => s + h.mentions, 0);
  return figures;
}

// Run alone only (inside the bundled main bench, `require.main === module` would also hold).
if (require.main === module && /corpus\.[cjt]s$/.test(process.argv[1] ?? '')) {
  const n = Number(process.argv[2] ?? 10000);
  benchCorpus(n).then(
    (f) => {
      for (const [k, v] of Object.entries(f)) console.log(`  ${k.padEnd(54)} ${v}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
