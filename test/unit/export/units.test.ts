import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  buildNetwork,
  channelLinks,
  csvCell,
  csvTable,
  dotString,
  lineFragments,
  normalizeNewlines,
  offsetMap,
  parseCsv,
  readCsv,
  toDot,
  toGraphml,
  unguard,
  xmlEscape,
  type ArticleAnnotations,
  type ChannelNetwork,
} from '../../../src/core/export';

describe('CSV cells', () => {
  it('quotes per RFC 4180 and guards formula-looking cells', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=1+2'), "'=1+2");
    assert.equal(csvCell('+7 900'), "'+7 900");
    assert.equal(csvCell('-- he said'), "'-- he said");
    assert.equal(csvCell('@user'), "'@user");
    assert.equal(csvCell("'=already"), "''=already");
    assert.equal(csvCell(-5), '-5', 'numbers are not guarded');
    assert.equal(csvCell(null), '');
    assert.equal(csvTable(['a', 'b'], [[1, 'x']]), 'a,b\r\n1,x\r\n');
  });

  it('parse(write(rows)) gives the rows back, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', "'", '-', '@', ' ', 'é') }), { minLength: 2, maxLength: 2 }), { minLength: 1 }), (rows) => {
        const text = csvTable(['x', 'y'], rows);
        const back = parseCsv(text).slice(1).map((r) => r.map(unguard));
        assert.deepEqual(back, rows);
      }),
      { numRuns: 500 },
    );
  });

  it('reads LF-only files and a missing final newline, and rejects an unterminated quote', () => {
    assert.deepEqual(readCsv('a,b\n1,"x\n"\n2,y'), [
      { a: '1', b: 'x\n' },
      { a: '2', b: 'y' },
    ]);
    assert.throws(() => parseCsv('a,"b\n'), /unterminated/);
  });
});

describe('offsets and line fragments', () => {
  it('maps UTF-16 offsets to code points and back around astral characters', () => {
    const text = 'a😀b😀😀c';
    const m = offsetMap(text);
    const cps = [...text];
    for (let cp = 0; cp <= cps.length; cp++) {
      const u = cps.slice(0, cp).join('').length;
      assert.equal(m.toUtf16(cp), u);
      assert.equal(m.toCodePoint(u), cp);
    }
  });

  it('splits a span at line breaks and drops empty fragments', () => {
    const t = 'ab\n\ncd\r\nef';
    assert.deepEqual(lineFragments(t, 0, t.length), [
      [0, 2],
      [4, 6],
      [8, 10],
    ]);
    const n = normalizeNewlines(t);
    assert.equal(n.text, 'ab\n\ncd\nef');
    assert.equal(n.text.slice(n.map(8), n.map(10)), 'ef');
  });
});

describe('channel links', () => {
  it('links every participant pair through the intermediaries', () => {
    assert.deepEqual(channelLinks({ participants: ['a', 'b', 'c'], via: ['v'] }), [
      { source: 'a', target: 'b', via: ['v'] },
      { source: 'a', target: 'c', via: ['v'] },
      { source: 'b', target: 'c', via: ['v'] },
    ]);
  });
  it('links a lone participant to each intermediary, and nothing for a single actor', () => {
    assert.deepEqual(channelLinks({ participants: ['a'], via: ['v', 'w'] }), [
      { source: 'a', target: 'v', via: [] },
      { source: 'a', target: 'w', via: [] },
    ]);
    assert.deepEqual(channelLinks({ participants: ['a', 'a'], via: ['a'] }), []);
  });
});

describe('channel network', () => {
  const doc = (article: string, channels: ArticleAnnotations['channels'], mentions: string[] = []): ArticleAnnotations => ({
    article,
    text: '',
    actors: new Map([
      ['a', { id: 'a', name: 'Ann', kind: 'person' }],
      ['b', { id: 'b', name: 'Bob', kind: 'organization' }],
      ['v', { id: 'v', name: 'Vic', kind: 'state' }],
    ]),
    mentions: mentions.map((id, i) => ({ id: `m${i}`, start: i, end: i + 1, text: id, actorId: id, origin: 'suggested' })),
    quotes: [],
    channels,
    claims: [],
  });
  const ch = (type: 'call' | 'meeting', participants: string[], via: string[] = [], start = 0, origin: 'suggested' | 'confirmed' = 'suggested') => ({ id: 'c' + start, start, end: start + 3, text: 'x', type, participants, via, origin });
  const docs = [doc('one', [ch('call', ['b', 'a']), ch('call', ['a', 'b'], [], 10), ch('meeting', ['a', 'b'], ['v'], 20, 'confirmed')], ['a', 'a', 'b']), doc('two', [ch('call', ['a', 'b'], [], 5)], ['a'])];

  it('aggregates channel mentions into undirected edges per type and intermediaries, with their locations', () => {
    const net = buildNetwork(docs);
    assert.deepEqual(
      net.edges.map((e) => [e.key, e.count, e.mentions.map((m) => `${m.article}@${m.start}`)]),
      [
        ['call|a|b|', 3, ['one@0', 'one@10', 'two@5']],
        ['meeting|a|b|v', 1, ['one@20']],
      ],
    );
    assert.deepEqual(
      net.nodes.map((n) => [n.id, n.mentions, n.articles]),
      [
        ['a', 3, 2],
        ['b', 1, 1],
        ['v', 0, 0],
      ],
    );
  });

  it('filters by type, article, actor and confirmation', () => {
    assert.deepEqual(buildNetwork(docs, { types: ['meeting'] }).edges.map((e) => e.key), ['meeting|a|b|v']);
    assert.deepEqual(buildNetwork(docs, { articles: ['two'] }).edges.map((e) => [e.key, e.count]), [['call|a|b|', 1]]);
    assert.deepEqual(buildNetwork(docs, { actors: ['v'] }).edges.map((e) => e.key), ['meeting|a|b|v']);
    assert.deepEqual(buildNetwork(docs, { confirmedOnly: true }).edges.map((e) => e.key), ['meeting|a|b|v']);
  });

  it('escapes ids and labels in GraphML and DOT', () => {
    const net: ChannelNetwork = {
      nodes: [
        { id: 'a&<"x">', name: 'Name "quoted" \\ back\nline', kind: 'person', mentions: 1, articles: 1 },
        { id: "b'", name: 'B\u0001', kind: 'state', mentions: 0, articles: 0 },
      ],
      edges: [{ key: 'k', source: 'a&<"x">', target: "b'", type: 'call', via: [], count: 2, mentions: [{ article: 'a&b.txt', start: 0, end: 1, origin: 'suggested' }] }],
    };
    const g = toGraphml(net);
    assert.ok(g.includes('<node id="a&amp;&lt;&quot;x&quot;&gt;">'));
    assert.ok(g.includes('source="a&amp;&lt;&quot;x&quot;&gt;" target="b&apos;"'));
    assert.ok(g.includes('<data key="label">B</data>'), 'control characters are dropped');
    assert.ok(g.includes('a&amp;b.txt'));
    const d = toDot(net);
    assert.ok(d.includes('"a&<\\"x\\">" [label="Name \\"quoted\\" \\\\ back\\nline"'), d);
    assert.ok(d.includes('"a&<\\"x\\">" -- "b\'" [label="call ×2"'));
    assert.equal(dotString('x"y'), '"x\\"y"');
    assert.equal(xmlEscape('<&>'), '&lt;&amp;&gt;');
  });
});
