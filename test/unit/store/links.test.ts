import { strict as assert } from 'node:assert';
import { linksIn, mergeLinks } from '../../../src/core/store';

describe('claim evidence links from a note', () => {
  it('finds http(s) addresses in order, once, without the sentence punctuation around them', () => {
    const note = 'Contradicted by https://example.org/report.pdf, and (see http://archive.example/x?id=3). Also https://example.org/report.pdf again.';
    assert.deepEqual(linksIn(note), ['https://example.org/report.pdf', 'http://archive.example/x?id=3']);
  });

  it('keeps brackets that belong to the address and stops at quotes', () => {
    assert.deepEqual(linksIn('see https://en.wikipedia.org/wiki/Kyiv_(city).'), ['https://en.wikipedia.org/wiki/Kyiv_(city)']);
    assert.deepEqual(linksIn('“https://example.org/a”'), ['https://example.org/a']);
    assert.deepEqual(linksIn('[source](https://example.org/b)'), ['https://example.org/b']);
  });

  it('finds nothing in a note without addresses, and ignores other schemes', () => {
    assert.deepEqual(linksIn('call the ministry; ftp://old.example is down; javascript:alert(1)'), []);
  });

  it('merges new links after the existing ones, without duplicates', () => {
    assert.deepEqual(mergeLinks(['https://a.example'], ['https://b.example', 'https://a.example']), ['https://a.example', 'https://b.example']);
  });
});
