import { strict as assert } from 'node:assert';
import { buildCorpusIndex, CorpusIndex, type CorpusSource } from '../../../src/core/corpus';
import { buildNetwork, collectAnnotations } from '../../../src/core/export';
import type { Analysis, Mention } from '../../../src/core/types';
import { fixtureAnalysis, fixtureSidecar, lookup, REGISTRY, TEXT } from '../export/fixture';

/** A hand-made analysis of a text: each [surface, actor id] is a mention at every place the surface occurs. */
function analysisOf(text: string, names: Array<[string, string]>, channels: Analysis['channels'] = []): Analysis {
  const mentions: Mention[] = [];
  for (const [s, actorId] of names) for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) mentions.push({ start: i, end: i + s.length, text: s, actorId, match: 'alias', confidence: 1 });
  mentions.sort((a, b) => a.start - b.start);
  const actors = [...new Set(mentions.map((m) => m.actorId))].map((id) => ({ id, name: lookup(id)?.name ?? id, kind: lookup(id)?.kind ?? ('person' as const), known: !!lookup(id), roles: [], mentions: [] }));
  return { actors, quotes: [], channels, mentions };
}

const B = 'Lavrov met Witkoff. Later Lavrov called Rubio.';
const C = 'Peskov said nothing. Lavrov did not comment.';

function analysisB(): Analysis {
  return analysisOf(
    B,
    [
      ['Lavrov', 'sergey-lavrov'],
      ['Witkoff', 'steve-witkoff'],
      ['Rubio', 'marco-rubio'],
    ],
    [
      { start: 0, end: 18, text: 'Lavrov met Witkoff', type: 'meeting', participants: ['sergey-lavrov', 'steve-witkoff'], via: [], confidence: 1 },
      { start: 26, end: 45, text: 'Lavrov called Rubio', type: 'call', participants: ['sergey-lavrov', 'marco-rubio'], via: [], confidence: 1 },
    ],
  );
}

function corpus(): CorpusIndex {
  const index = new CorpusIndex({ registry: REGISTRY });
  index.update('a.txt', fixtureAnalysis(), fixtureSidecar());
  index.update('b.txt', analysisB());
  index.update('c.txt', analysisOf(C, [['Peskov', 'dmitry-peskov'], ['Lavrov', 'sergey-lavrov']]));
  return index;
}

describe('CorpusIndex', () => {
  it('finds every mention of an actor across articles, by article then offset (Find All References)', () => {
    const index = corpus();
    assert.deepEqual(
      index.references('sergey-lavrov').map((r) => `${r.article}@${r.start}-${r.end}`),
      ['a.txt@0-6', `a.txt@${TEXT.indexOf('Lavrov', 1)}-${TEXT.indexOf('Lavrov', 1) + 6}`, 'b.txt@0-6', 'b.txt@26-32', 'c.txt@21-27'],
    );
    assert.deepEqual(index.references('nobody'), []);
  });

  it('merges the sidecar: rejected suggestions are gone, confirmed ones are marked', () => {
    const index = corpus();
    assert.deepEqual(index.references('russia').map((r) => r.start), [TEXT.indexOf('the Kremlin')], 'Moscow was rejected');
    assert.deepEqual(index.references('dmitry-peskov').map((r) => [r.article, r.origin]), [
      ['a.txt', 'confirmed'],
      ['c.txt', 'suggested'],
    ]);
    assert.deepEqual(index.references('dmitry-peskov', { confirmedOnly: true }).map((r) => r.article), ['a.txt']);
  });

  it('counts per article and per actor', () => {
    const index = corpus();
    assert.deepEqual(index.counts('b.txt'), {
      article: 'b.txt',
      actors: 3,
      mentions: 4,
      quotes: 0,
      channels: 2,
      claims: 0,
      byActor: [
        { id: 'sergey-lavrov', count: 2 },
        { id: 'marco-rubio', count: 1 },
        { id: 'steve-witkoff', count: 1 },
      ],
    });
    assert.equal(index.counts('a.txt')!.claims, 1);
    assert.equal(index.counts('a.txt')!.quotes, 3);
    assert.deepEqual(index.articlesOf('sergey-lavrov'), [
      { article: 'a.txt', count: 2 },
      { article: 'b.txt', count: 2 },
      { article: 'c.txt', count: 1 },
    ]);
    assert.deepEqual(index.actorTotals()[0], { actor: index.actor('sergey-lavrov'), mentions: 5, articles: 3 });
    assert.deepEqual(index.quotesBy('sergey-lavrov').map((q) => q.article), ['a.txt', 'a.txt']);
  });

  it('updates one article incrementally and removes it without touching the others', () => {
    const index = corpus();
    const before = index.references('dmitry-peskov');
    assert.ok(index.network().edges.some((e) => e.target === 'steve-witkoff'));
    index.update('b.txt', analysisOf('Rubio alone.', [['Rubio', 'marco-rubio']]));
    assert.ok(!index.network().edges.some((e) => e.target === 'steve-witkoff'), 'the cached network is dropped on update');
    assert.deepEqual(index.references('sergey-lavrov').map((r) => r.article), ['a.txt', 'a.txt', 'c.txt']);
    assert.deepEqual(index.references('steve-witkoff'), []);
    assert.deepEqual(index.findActors('witk'), [], 'an actor no article mentions any more is not listed');
    assert.deepEqual(index.references('dmitry-peskov'), before);
    assert.equal(index.remove('c.txt'), true);
    assert.equal(index.remove('c.txt'), false);
    assert.deepEqual(index.references('dmitry-peskov').map((r) => r.article), ['a.txt']);
    assert.deepEqual(index.articles().sort(), ['a.txt', 'b.txt']);
  });

  it('looks actors up by a prefix of any name, alias or word in them, ignoring case and diacritics', () => {
    const index = corpus();
    const ids = (q: string, o = {}) => index.findActors(q, o).map((h) => h.actor.id);
    assert.deepEqual(ids('lav'), ['sergey-lavrov']);
    assert.deepEqual(ids('SERG'), ['sergey-lavrov']);
    assert.deepEqual(ids('embalo'), ['umaro-embalo'], 'the registry name is "Embaló"');
    assert.deepEqual(ids('kreml'), ['russia'], 'a word inside the alias "the Kremlin"');
    assert.deepEqual(ids('remlin'), [], 'not the middle of a word');
    assert.deepEqual(ids('witkoff'), ['steve-witkoff'], 'an actor the registry lacks, by its surface form');
    assert.deepEqual(ids('united'), ['united-states']);
    assert.equal(index.findActors('').length, 8, 'an empty query lists every mentioned actor');
    const registryOnly = new CorpusIndex({ registry: REGISTRY });
    assert.deepEqual(registryOnly.findActors('lav').length, 0);
    assert.deepEqual(registryOnly.findActors('lav', { includeUnmentioned: true }).map((h) => [h.actor.id, h.mentions]), [['sergey-lavrov', 0]]);
  });

  it('gives the same channel network as the export path, with the same filters', () => {
    const index = corpus();
    const docs = [
      collectAnnotations({ article: 'a.txt', text: TEXT, analysis: fixtureAnalysis(), annotations: fixtureSidecar(), lookup }),
      collectAnnotations({ article: 'b.txt', analysis: analysisB(), lookup }),
      collectAnnotations({ article: 'c.txt', analysis: analysisOf(C, [['Peskov', 'dmitry-peskov'], ['Lavrov', 'sergey-lavrov']]), lookup }),
    ];
    for (const filter of [{}, { types: ['call' as const] }, { articles: ['b.txt'] }, { actors: ['umaro-embalo'] }, { confirmedOnly: true }]) {
      assert.deepEqual(index.network(filter), buildNetwork(docs, filter), JSON.stringify(filter));
    }
    const net = index.network();
    assert.deepEqual(
      net.edges.map((e) => [e.key, e.count]),
      [
        ['call|marco-rubio|sergey-lavrov|', 2],
        ['intermediary|united-states|vladimir-putin|umaro-embalo', 1],
        ['meeting|sergey-lavrov|steve-witkoff|', 1],
      ],
    );
    assert.equal(net.nodes[0].id, 'sergey-lavrov');
    assert.equal(net.nodes[0].mentions, 5);
  });

  it('indexes an analysis without a sidecar exactly as its merged annotations (the fast path)', () => {
    const fast = new CorpusIndex({ registry: REGISTRY });
    fast.update('a.txt', fixtureAnalysis());
    const merged = new CorpusIndex({ registry: REGISTRY });
    merged.update('a.txt', collectAnnotations({ article: 'a.txt', analysis: fixtureAnalysis(), lookup }));
    assert.deepEqual(fast.counts('a.txt'), merged.counts('a.txt'));
    assert.deepEqual(fast.network(), merged.network());
    for (const id of ['sergey-lavrov', 'russia', 'umaro-embalo']) {
      assert.deepEqual(fast.references(id), merged.references(id));
      assert.deepEqual(fast.quotesBy(id), merged.quotesBy(id));
    }
    assert.deepEqual(fast.findActors('e').map((h) => h.actor.id), merged.findActors('e').map((h) => h.actor.id));
  });

  it('analyses text itself when given the engine, and says so when not', () => {
    const index = new CorpusIndex({ analyze: (t) => analysisOf(t, [['Lavrov', 'sergey-lavrov']]) });
    index.update('x', 'Lavrov, Lavrov.');
    assert.equal(index.references('sergey-lavrov').length, 2);
    assert.throws(() => new CorpusIndex().update('x', 'text'), /needs the `analyze` option/);
  });
});

describe('buildCorpusIndex', () => {
  async function* slowSource(n: number): AsyncIterable<CorpusSource> {
    for (let i = 0; i < n; i++) yield { id: `n${i}.txt`, analysis: analysisOf('Lavrov.', [['Lavrov', 'sergey-lavrov']]) };
  }

  it('indexes an async iterable in slices, yielding to the event loop between them', async () => {
    const index = new CorpusIndex();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const progress: number[] = [];
    const r = await buildCorpusIndex(
      index,
      (function* () {
        for (let i = 0; i < 3000; i++) yield { id: `n${i}`, text: 'Lavrov '.repeat(50) };
      })(),
      undefined,
      { sliceMs: 1, onProgress: (k) => progress.push(k) },
    ).finally(() => clearInterval(timer));
    assert.equal(index.size, 0 + r.indexed);
    assert.equal(r.indexed, 0, 'no engine: each failed');
    assert.equal(r.failed, 3000);
    const idx2 = new CorpusIndex({ analyze: (t) => analysisOf(t, [['Lavrov', 'sergey-lavrov']]) });
    let ticks2 = 0;
    const timer2 = setInterval(() => ticks2++, 0);
    const r2 = await buildCorpusIndex(
      idx2,
      (function* () {
        for (let i = 0; i < 3000; i++) yield { id: `n${i}`, text: 'Lavrov '.repeat(50) };
      })(),
      undefined,
      { sliceMs: 1, onProgress: (k) => progress.push(k) },
    ).finally(() => clearInterval(timer2));
    assert.equal(r2.indexed, 3000);
    assert.equal(idx2.references('sergey-lavrov').length, 150000);
    assert.ok(ticks + ticks2 > 0, 'timers ran during the build');
    assert.ok(progress.length > 2);
  });

  it('stops when cancelled, keeping what was indexed', async () => {
    const index = new CorpusIndex();
    const token = { isCancellationRequested: false };
    const r = await buildCorpusIndex(index, slowSource(100), token, {
      sliceMs: 0,
      onProgress: (k) => {
        if (k >= 10) token.isCancellationRequested = true;
      },
    });
    assert.equal(r.cancelled, true);
    assert.equal(r.indexed, 10);
    assert.equal(index.size, 10);
    assert.equal(index.references('sergey-lavrov').length, 10);
  });
});
