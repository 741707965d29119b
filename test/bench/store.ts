/**
 * Sidecar store benchmark: a 1 MB article with 10,000 annotations.
 *   load+reanchor — read the sidecar, parse, fingerprint, re-anchor after a small edit (target ≤ 200 ms)
 *   save          — serialize and write atomically (target ≤ 100 ms); in memory and on disk (temp + fsync + rename)
 * Medians of several runs after warm-up. `npx tsx test/bench/store.ts` prints the figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFilePort } from '../../src/cli/files';
import { fingerprint, makeTarget, MemoryFilePort, reanchor, seededIds, serializeSidecar, SidecarStore, type Annotation } from '../../src/core/store';
import type { FilePort } from '../../src/core/ports';

const WORDS = ('the minister said talks would continue in Geneva after a telephone conversation between presidents envoy ' +
  'sanctions ceasefire delegation officials reported progress on technical questions while Moscow Washington Kyiv Ankara ' +
  'statement agreement meeting summit spokesman according to sources familiar with negotiations').split(' ');

function article(bytes: number): string {
  let seed = 12345;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const paras: string[] = [];
  let size = 0;
  let p = 0;
  while (size < bytes) {
    const words: string[] = [];
    const n = 40 + rnd(60);
    for (let i = 0; i < n; i++) words.push(i % 17 === 5 ? `${WORDS[rnd(WORDS.length)]}-${p}-${i}` : WORDS[rnd(WORDS.length)]);
    const para = words.join(' ') + '.';
    paras.push(para);
    size += para.length + 2;
    p++;
  }
  return paras.join('\n\n') + '\n';
}

function annotations(text: string, count: number): Annotation[] {
  const starts: number[] = [];
  for (const m of text.matchAll(/\S+/g)) starts.push(m.index);
  const out: Annotation[] = [];
  const step = Math.floor(starts.length / count);
  for (let k = 0; k < count; k++) {
    const i = k * step;
    const j = Math.min(starts.length - 1, i + (k % 5));
    const end = starts[j] + /^\S+/.exec(text.slice(starts[j], starts[j] + 200))![0].length;
    const target = makeTarget(text, starts[i], end);
    const id = 'b' + k.toString(32).padStart(7, '0');
    const base = { id, status: 'confirmed' as const, target };
    if (k % 4 === 0) out.push({ ...base, type: 'actor', actor: 'sergey-lavrov' });
    else if (k % 4 === 1) out.push({ ...base, type: 'quote', speaker: 'marco-rubio', cue: 'said', kind: 'direct' });
    else if (k % 4 === 2) out.push({ ...base, type: 'channel', channelType: 'call', participants: ['russia', 'united-states'], via: [] });
    else out.push({ ...base, type: 'claim', kind: 'allegation', claimant: null, verification: 'unverified', note: '', links: [] });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function timeIt(runs: number, setup: () => Promise<void>, fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    await setup();
    const t0 = performance.now();
    await fn();
    if (i >= 2) times.push(performance.now() - t0);
  }
  return median(times);
}

/** A fixed CPU workload (sorting 200,000 numbers), to tell a slow or busy machine from a slow store. */
function calibrationMs(): number {
  const xs = Array.from({ length: 200000 }, (_, i) => (i * 2654435761) % 1000003);
  const t0 = performance.now();
  xs.sort((a, b) => a - b);
  return performance.now() - t0;
}

export async function benchStore(): Promise<Record<string, number>> {
  const text = article(1024 * 1024);
  const anns = annotations(text, 10000);
  const mid = text.indexOf('\n\n', text.length >> 1) + 2;
  const edited = text.slice(0, mid) + 'A new paragraph was added by the re-scrape, with a correction.\n\n' + text.slice(mid);
  const sidecarText = serializeSidecar({ version: 1, article: 'big.txt', fingerprint: fingerprint(text), annotations: anns });
  const figures: Record<string, number> = { 'store.articleBytes': text.length, 'store.annotations': anns.length, 'store.sidecarBytes': sidecarText.length };

  const mem = new MemoryFilePort();
  const articlePath = '/bench/big.txt';
  let store = new SidecarStore(mem, { ids: seededIds(1) });
  const reset = async () => mem.setText(articlePath + '.annotations.yaml', sidecarText);
  figures['store.loadReanchorMs'] = await timeIt(7, reset, async () => {
    store = new SidecarStore(mem, { ids: seededIds(1) });
    await store.load(articlePath, edited);
  });
  const report = store.report;
  figures['store.anchored'] = report.anchored;
  figures['store.moved'] = report.moved;
  figures['store.fuzzy'] = report.fuzzy;
  figures['store.orphaned'] = report.orphaned;
  figures['store.reanchorOnlyMs'] = await timeIt(7, async () => undefined, async () => void reanchor(anns, edited));

  const saveWith = async (port: FilePort, path: string, prepare: () => Promise<void>) => {
    let s = new SidecarStore(port, { ids: seededIds(2) });
    return timeIt(
      7,
      async () => {
        await prepare();
        s = new SidecarStore(port, { ids: seededIds(2) });
        await s.load(path, edited); // re-anchored, so there is something to save
      },
      async () => {
        const r = await s.save();
        if (!r.written) throw new Error('bench: nothing was written');
      },
    );
  };
  figures['store.saveMemoryMs'] = await saveWith(mem, articlePath, reset);
  const dir = mkdtempSync(join(tmpdir(), 'na-bench-'));
  try {
    const diskArticle = join(dir, 'big.txt');
    writeFileSync(diskArticle, text);
    figures['store.saveDiskMs'] = await saveWith(nodeFilePort, diskArticle, async () => writeFileSync(diskArticle + '.annotations.yaml', sidecarText));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  figures['store.calibrationSortMs'] = median([calibrationMs(), calibrationMs(), calibrationMs()]);
  return figures;
}

// Run alone only (inside the bundled main bench, `require.main === module` would also hold).
if (require.main === module && /store\.[cjt]s$/.test(process.argv[1] ?? '')) {
  benchStore().then(
    (f) => {
      console.log(`sidecar store: ${(f['store.articleBytes'] / 1048576).toFixed(2)} MB article, ${f['store.annotations']} annotations, sidecar ${(f['store.sidecarBytes'] / 1048576).toFixed(2)} MB`);
      console.log(`  load + re-anchor after a small edit: ${f['store.loadReanchorMs'].toFixed(1)} ms (target ≤ 200)  [${f['store.anchored']} anchored, ${f['store.moved']} moved, ${f['store.fuzzy']} fuzzy, ${f['store.orphaned']} orphaned]`);
      console.log(`  re-anchor alone: ${f['store.reanchorOnlyMs'].toFixed(1)} ms`);
      console.log(`  save (in memory): ${f['store.saveMemoryMs'].toFixed(1)} ms (target ≤ 100)`);
      console.log(`  save (disk, temp + fsync + rename): ${f['store.saveDiskMs'].toFixed(1)} ms`);
      console.log(`  machine: sorting 200,000 numbers took ${f['store.calibrationSortMs'].toFixed(1)} ms (≈ 15–25 ms on an idle laptop core)`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
