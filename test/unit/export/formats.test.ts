/**
 * Every export format against a hand-checked expected file (test/fixtures/export/expected/), and the round trips
 * the formats allow. `UPDATE_EXPECTED=1 npx mocha test/unit/export` rewrites the expected files (then check the
 * diff by eye before committing).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  bratConf,
  buildNetwork,
  fromBrat,
  fromW3c,
  readCsv,
  toBrat,
  toCsvFiles,
  toDot,
  toGraphml,
  toW3c,
  w3cJson,
  type ArticleAnnotations,
} from '../../../src/core/export';
import { at, fixtureDoc, FIXTURES, TEXT } from './fixture';

const EXPECTED = join(FIXTURES, 'expected');
const SOURCE = 'file:///corpus/article.txt';

function expectFile(rel: string, actual: string): void {
  const path = join(EXPECTED, rel);
  if (process.env.UPDATE_EXPECTED) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${rel} differs from the expected file`);
}

/** What a format carries of an article, for round-trip comparisons. */
function essence(d: ArticleAnnotations, opts: { cue?: boolean } = {}) {
  return {
    mentions: d.mentions.map((m) => [m.start, m.end, m.text, m.actorId, m.origin]),
    quotes: d.quotes.map((q) => [q.start, q.end, q.text, q.kind, q.speaker, opts.cue ? q.cue : null, q.origin]),
    channels: d.channels.map((c) => [c.start, c.end, c.type, c.participants, c.via, c.origin]),
    claims: d.claims.map((k) => [k.start, k.end, k.kind, k.claimant, k.status, k.note, k.links, k.origin]),
    actors: [...d.actors.values()]
      .filter((a) => d.mentions.some((m) => m.actorId === a.id))
      .map((a) => [a.id, a.name, a.kind, a.wikidata ?? null])
      .sort(),
  };
}

describe('export formats against the expected files', () => {
  const doc = fixtureDoc();

  it('merges suggestions with the sidecar: rejected hidden, confirmed kept with their ids, orphans left out', () => {
    assert.ok(!doc.mentions.some((m) => m.text === 'Moscow'), 'the rejected mention is not exported');
    const peskov = doc.mentions.filter((m) => m.text === 'Peskov');
    assert.deepEqual(peskov.map((m) => [m.id, m.origin]), [['aaaaaaaa', 'confirmed']]);
    assert.deepEqual(doc.quotes.map((q) => q.origin), ['suggested', 'confirmed', 'suggested']);
    assert.deepEqual(doc.channels.map((c) => [c.type, c.origin]), [['call', 'suggested'], ['intermediary', 'confirmed']]);
    const only = fixtureDoc(true);
    assert.deepEqual(only.mentions.map((m) => m.text), ['Peskov']);
    assert.equal(only.quotes.length, 1);
    assert.equal(only.claims.length, 1);
  });

  it('W3C Web Annotation JSON-LD', () => {
    expectFile('article.jsonld', w3cJson(toW3c(doc, { source: SOURCE })));
  });

  it('brat standoff: .txt copy, .ann and annotation.conf', () => {
    const b = toBrat(doc);
    expectFile('brat/article.txt', b.txt);
    expectFile('brat/article.ann', b.ann);
    expectFile('brat/annotation.conf', bratConf([doc]));
  });

  it('CSV tables', () => {
    for (const [name, text] of Object.entries(toCsvFiles([doc]))) expectFile(`csv/${name}`, text);
  });

  it('GraphML and DOT of the channel network', () => {
    const net = buildNetwork([doc]);
    expectFile('channels.graphml', toGraphml(net));
    expectFile('channels.dot', toDot(net));
  });
});

describe('W3C round trip', () => {
  const doc = fixtureDoc();
  const json = JSON.parse(w3cJson(toW3c(doc, { source: SOURCE })));

  it('reads back every span, type, actor and claim field it wrote', () => {
    const back = fromW3c(json, TEXT);
    assert.deepEqual(back.orphans, []);
    assert.deepEqual(back.skipped, []);
    assert.equal(back.doc.article, 'article.txt');
    assert.deepEqual(essence(back.doc), essence(doc));
  });

  it('counts positions in code points, so the flag emoji shifts Washington by two', () => {
    const item = json.first.items.find((a: { target: { selector: Array<{ exact?: string }> } }) => a.target.selector[0].exact === 'Washington');
    assert.deepEqual(item.target.selector[1], { type: 'TextPositionSelector', start: at('Washington').start - 2, end: at('Washington').end - 2 });
  });

  it('re-anchors by quote and context when the text moved, and reports what it cannot place', () => {
    const edited = 'BREAKING. ' + TEXT.replace('Putin sent a message', 'Putin sent a letter');
    const back = fromW3c(json, edited);
    assert.equal(back.doc.mentions.length, doc.mentions.length);
    for (const m of back.doc.mentions) assert.equal(edited.slice(m.start, m.end), m.text);
    assert.equal(back.doc.mentions[0].start, 10);
    assert.deepEqual(back.orphans, ['dddddddd'], 'the edited channel cannot be placed');
  });

  it('skips annotations that are not ours instead of guessing', () => {
    const foreign = { type: 'Annotation', id: 'x', body: { type: 'TextualBody', value: 'hello' }, target: { source: 'y', selector: { type: 'TextQuoteSelector', exact: 'Lavrov' } } };
    const back = fromW3c([foreign], TEXT);
    assert.deepEqual(back.skipped, [{ id: 'x', reason: 'no News Annotator type tag' }]);
  });
});

describe('brat round trip', () => {
  const doc = fixtureDoc();
  const files = toBrat(doc);

  it('reads back every span, actor, speaker, channel participant and claim field', () => {
    const back = fromBrat(files.ann, files.txt);
    assert.deepEqual(back.issues, []);
    assert.deepEqual(essence(back.doc), essence(doc));
  });

  it('writes every text-bound span as brat checks it: fragments joined by a space, no newline in a line', () => {
    const cpText = [...files.txt];
    for (const line of files.ann.split('\n').filter((l) => l.startsWith('T'))) {
      const [, data, text] = line.split('\t');
      const frags = data.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
      assert.equal(text, frags.map(([s, e]) => cpText.slice(s, e).join('')).join(' '), line);
      assert.ok(!/[\r\n]/.test(text));
    }
    assert.match(files.ann, /^T12\tQuote 160 188;189 210\t"Nothing was agreed, but the talks will continue,"$/m);
  });

  it('writes the text copy with LF line ends and maps CR LF offsets onto it', () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    const spans = { ...at('Peskov', 1, crlf), id: 'p', actorId: 'dmitry-peskov', origin: 'confirmed' as const };
    const d: ArticleAnnotations = { article: 'a', text: crlf, actors: new Map([['dmitry-peskov', { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person' }]]), mentions: [spans], quotes: [], channels: [], claims: [] };
    const b = toBrat(d);
    assert.equal(b.txt, TEXT);
    const back = fromBrat(b.ann, b.txt);
    assert.deepEqual(back.issues, []);
    assert.equal(b.txt.slice(back.doc.mentions[0].start, back.doc.mentions[0].end), 'Peskov');
  });

  it('reports a .ann whose text no longer matches the document, with the line', () => {
    const back = fromBrat('T1\tPerson 0 6\tLavrof\nX\n', files.txt);
    assert.deepEqual(
      back.issues.map((i) => i.line),
      [1, 2],
    );
    assert.match(back.issues[0].message, /does not match/);
  });

  it('keeps actors a relation names who have no mention in the text, as notes', () => {
    const d: ArticleAnnotations = {
      article: 'a',
      text: 'They met in Geneva.',
      actors: new Map(),
      mentions: [],
      quotes: [{ id: 'q', start: 0, end: 4, text: 'They', kind: 'direct', speaker: 'x-y', cue: null, origin: 'confirmed' }],
      channels: [{ id: 'c', start: 5, end: 8, text: 'met', type: 'meeting', participants: ['a-b', 'c-d'], via: ['e'], origin: 'confirmed' }],
      claims: [],
    };
    const back = fromBrat(toBrat(d).ann, d.text);
    assert.deepEqual(back.issues, []);
    assert.equal(back.doc.quotes[0].speaker, 'x-y');
    assert.deepEqual([back.doc.channels[0].participants, back.doc.channels[0].via], [['a-b', 'c-d'], ['e']]);
  });
});

describe('CSV read back', () => {
  it('parses each table back to the same cells, formula guards removed', () => {
    const doc = fixtureDoc();
    const files = toCsvFiles([doc]);
    const claims = readCsv(files['claims.csv']);
    assert.equal(claims.length, 1);
    assert.equal(claims[0].note, doc.claims[0].note);
    assert.equal(claims[0].text, 'Rubio\'s claim that "the Kremlin is stalling"');
    const quotes = readCsv(files['quotes.csv']);
    assert.deepEqual(
      quotes.map((q) => [Number(q.start), Number(q.end), q.speaker_name, q.text]),
      doc.quotes.map((q) => [q.start, q.end, q.speaker ? 'Sergey Lavrov' : '', q.text]),
    );
    const edges = readCsv(files['channels.csv']);
    assert.deepEqual(
      edges.map((e) => [e.source, e.target, e.type, e.via, e.article, e.offset]),
      [
        ['sergey-lavrov', 'marco-rubio', 'call', '', 'article.txt', '0'],
        ['vladimir-putin', 'united-states', 'intermediary', 'umaro-embalo', 'article.txt', String(at('Putin').start)],
      ],
    );
    assert.equal(readCsv(files['mentions.csv']).length, doc.mentions.length);
  });
});
