import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { prepareArticle } from '../../../src/core/export';
import { compileRegistry, parseRegistry, type CompiledRegistry } from '../../../src/core/registry';
import type { ActorEntry } from '../../../src/core/types';
import { PARALLEL_MIN_FILES } from '../../../src/cli/commands/export';
import { decodeAnalysis, encodeAnalysis, EnginePool, mapOrdered } from '../../../src/cli/parallel';
import { runCli, tempDir } from '../../helpers/cli';

const ROOT = join(__dirname, '..', '..', '..');

const TEXTS = [
  'Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Marco Rubio in Geneva on Tuesday.\n"We had a frank conversation," Rubio told reporters after the talks between Lavrov and Rubio.\nMoscow and Washington agreed to keep talking.\n',
  '',
  'Nothing to see here: no actors, no quotes.',
  '«Это важно», — сказал Лавров. Kaja Kallas said the EU was "ready to listen" to Beijing.\n\n‘Continued quote,’ she added.',
  ...['geneva-talks.txt', 'energy-summit.txt', 'baltic-interview.md'].map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8')),
];

describe('CLI parallel engine (worker threads)', function () {
  this.timeout(60000);
  let entries: ActorEntry[];
  let registry: CompiledRegistry;
  before(() => {
    entries = parseRegistry(readFileSync(join(ROOT, 'registry', 'world.yaml'), 'utf8'), 'world.yaml').entries;
    registry = compileRegistry(entries);
  });

  it('the compact form decodes to the same analysis', () => {
    for (const t of TEXTS) {
      const a = analyze(t, registry);
      const enc = encodeAnalysis(a, t);
      if (enc) assert.deepStrictEqual(decodeAnalysis(enc, t), a);
    }
    // What it does not carry exactly is refused (and then sent as is).
    const a = analyze(TEXTS[0], registry);
    assert.ok(a.mentions.length);
    const odd = { ...a, mentions: [{ ...a.mentions[0], extra: 1 }, ...a.mentions.slice(1)] };
    assert.equal(encodeAnalysis(odd, TEXTS[0]), undefined);
    assert.equal(encodeAnalysis(a, TEXTS[0].toUpperCase()), undefined);
  });

  it('gives the results of single-thread analyze and prepareArticle, in order, and reports errors per text', async () => {
    const pool = new EnginePool({ registry: { entries }, size: 2 });
    try {
      assert.equal(pool.size, 2);
      const items = [...TEXTS, ...TEXTS].map((text, i) => ({ i, text }));
      const got: number[] = [];
      for await (const r of mapOrdered(items, (x) => pool.analyze(x.text), 3)) {
        got.push(r.item.i);
        assert.ifError(r.error);
        assert.deepStrictEqual(r.value, analyze(r.item.text, registry), `text ${r.item.i}`);
      }
      assert.deepStrictEqual(
        got,
        items.map((x) => x.i),
      );
      // A bad input fails that task only; the others (and the pool) carry on.
      const results = await Promise.allSettled([pool.analyze(TEXTS[0]), pool.analyze(undefined as unknown as string), pool.analyze(TEXTS[2])]);
      assert.equal(results[0].status, 'fulfilled');
      assert.equal(results[1].status, 'rejected');
      assert.ok((results[1] as PromiseRejectedResult).reason instanceof Error);
      assert.equal(results[2].status, 'fulfilled');
      const input = { article: 'a.txt', text: TEXTS[0], sidecarText: 'not: [a sidecar', sidecarName: 'a.txt.annotations.yaml' };
      assert.deepStrictEqual(await pool.prepare(input), prepareArticle({ ...input, registry }));
      assert.equal(pool.pending, 0);
    } finally {
      await pool.close();
    }
    await assert.rejects(pool.analyze('x'), /closed/);
  });

  it('mapOrdered keeps at most maxInFlight running and yields errors with their item', async () => {
    let running = 0;
    let most = 0;
    const work = async (n: number) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, (n * 7) % 5));
      running--;
      if (n === 3) throw new Error('three');
      return n * 2;
    };
    const out: Array<number | string> = [];
    for await (const r of mapOrdered([0, 1, 2, 3, 4, 5, 6, 7], work, 3)) out.push(r.error ? r.error.message : r.value);
    assert.deepStrictEqual(out, [0, 2, 4, 'three', 8, 10, 12, 14]);
    assert.ok(most <= 3, `at most 3 in flight, saw ${most}`);
  });

  it('a pool that is never closed does not keep the process alive while idle', async () => {
    const pool = new EnginePool({ registry: { entries }, size: 1 });
    assert.ok((await pool.analyze(TEXTS[0])).mentions.length);
    // No close(): the worker is unref'd when idle, so mocha still exits (this test is the check). Closed anyway
    // after a moment so the test leaves nothing behind in the watch mode.
    setTimeout(() => void pool.close(), 50).unref();
  });

  it(`export and network with ${PARALLEL_MIN_FILES}+ files give what they give file by file`, async () => {
    const dir = tempDir();
    const files: string[] = [];
    for (let i = 0; i < PARALLEL_MIN_FILES; i++) {
      const f = `a${String(i).padStart(2, '0')}.txt`;
      writeFileSync(join(dir, f), TEXTS[i % TEXTS.length]);
      files.push(f);
    }
    writeFileSync(join(dir, 'a03.txt.annotations.yaml'), 'not: [a sidecar');
    const many = await runCli(['export', '--format', 'w3c', ...files], dir);
    const few = await Promise.all(files.map((f) => runCli(['export', '--format', 'w3c', f], dir)));
    assert.equal(many.code, 1, 'the bad sidecar is reported');
    assert.match(many.stderr, /a03\.txt: its sidecar could not be read/);
    type Collection = { first: { items: unknown[] } };
    // One article: a collection; several: an array of them.
    const items = (s: string) => ([] as Collection[]).concat(JSON.parse(s) as Collection | Collection[]).flatMap((c) => c.first.items);
    assert.deepStrictEqual(
      items(many.stdout),
      few.flatMap((r) => items(r.stdout)),
    );
    const net = await runCli(['network', '--format', 'json', ...files], dir);
    assert.equal(net.code, 1);
    assert.ok((JSON.parse(net.stdout) as { edges: unknown[] }).edges.length > 0);
  });
});
