import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { scanQuotes } from '../../../src/core/quotes';
import { createDoc } from '../../../src/core/text';
import { quotesOf } from './helpers';
import { scanQuotes as referenceScanQuotes } from './reference/spans';

const spans = (text: string): string[] => scanQuotes(createDoc(text)).map((q) => text.slice(q.start, q.end));
const marks = (text: string): string[] => scanQuotes(createDoc(text)).map((q) => q.mark);

describe('quotes: spans', () => {
  it('finds every mark style, content without the marks', () => {
    const t = 'A said "one two" and “three four” and ‘five six’ and «sept huit» and „neun zehn“ and ‹onze›.';
    assert.deepEqual(spans(t), ['one two', 'three four', 'five six', 'sept huit', 'neun zehn', 'onze']);
    assert.deepEqual(marks(t), ['"', '“', '‘', '«', '„', '‹']);
  });

  it('opens a straight single quote only in quoting context', () => {
    assert.deepEqual(spans("He called it 'a farce' on Monday."), ['a farce']);
  });

  it('never opens a quote at an apostrophe', () => {
    const t = "Russia's envoy didn't come; the '90s are over, the ministers' meeting and Norland’s envoys’ talks, ’90s rock 'n' roll, O‘Brien's view.";
    assert.deepEqual(spans(t), []);
  });

  it('keeps apostrophes inside a quote', () => {
    assert.deepEqual(spans('“Russia’s position hasn’t changed,” he said.'), ['Russia’s position hasn’t changed,']);
    assert.deepEqual(spans(`"It's the ministers' call," she said.`), ["It's the ministers' call,"]);
  });

  it('reports the outer quote when quotes nest', () => {
    assert.deepEqual(spans("She said: “The so-called ‘deal’ is dead, and the word 'truce' too.”"), ["The so-called ‘deal’ is dead, and the word 'truce' too."]);
    assert.deepEqual(spans(`He said: "the 'reset' failed" and left.`), ["the 'reset' failed"]);
    assert.deepEqual(spans('‘We heard “nothing new”,’ he said.'), ['We heard “nothing new”,']);
  });

  it('marks a quote re-opened in the next paragraph as continued', () => {
    const t = 'Varga said: “We have always said this.\n“Nobody can be secure alone,” she added.\nNext.';
    const qs = scanQuotes(createDoc(t));
    assert.deepEqual(qs.map((q) => [t.slice(q.start, q.end), q.continued, q.close >= 0]), [
      ['We have always said this.', false, false],
      ['Nobody can be secure alone,', true, true],
    ]);
  });

  it('bounds an unclosed mark to its paragraph (garbled text)', () => {
    const t = 'He called it “absurd and left the room.\nThe talks resumed. “We will see,” Lavrov said.\nLast line "unclosed';
    assert.deepEqual(spans(t), ['absurd and left the room.', 'We will see,', 'unclosed']);
  });

  it('reads an odd number of straight marks from context', () => {
    // a stray closing mark at the end of a line
    const t = '"Outlet": Is there a way out?"\nA "stray opener and a "real quote" here.';
    assert.deepEqual(spans(t), ['Outlet', 'real quote']);
  });

  it('pairs straight marks left to right when even', () => {
    assert.deepEqual(spans('"A," he said, "B."'), ['A,', 'B.']);
  });

  it('keeps offsets exact with CRLF line endings and a curly quote at the line end', () => {
    const t = 'Line one “first”.\r\n“Second one”\r\n\r\nThird «troisième».\r\n';
    const qs = quotesOf(t);
    assert.deepEqual(qs.map((q) => q.text), ['first', 'Second one', 'troisième']);
    for (const q of qs) assert.equal(t.slice(q.start, q.end), q.text);
  });

  it('never throws, never crosses a paragraph, never overlaps (random text)', () => {
    const piece = fc.constantFrom('"', "'", '“', '”', '‘', '’', '«', '»', '„', ' ', 'word', 'don’t', "it's", '\n', '\r\n', '.', ',', ':', 'X');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const doc = createDoc(text);
        const qs = scanQuotes(doc);
        let lastEnd = -1;
        for (const q of qs) {
          assert.ok(q.start < q.end);
          assert.ok(q.start >= lastEnd, 'sorted, non-overlapping');
          lastEnd = q.end;
          assert.ok(!text.slice(q.start, q.end).includes('\n'), 'inside one paragraph');
        }
        quotesOf(text); // attribution never throws and offsets match
      }),
      { numRuns: 400 },
    );
  });
});

describe('quotes: spans match the reference scanner', () => {
  it('gives what the per-paragraph scanner of objects gave (random text)', () => {
    const piece = fc.constantFrom('"', "'", '“', '”', '‘', '’', '«', '»', '„', '‟', '‹', '›', ' ', 'word', 'don’t', "it's", '\n', '\r\n', '\n\n', '.', ',', ':', 'X', '9', '(', '-', ' \u00a0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), (parts) => {
        const doc = createDoc(parts.join(''));
        assert.deepEqual(scanQuotes(doc), referenceScanQuotes(doc));
      }),
      { numRuns: 3000 },
    );
  });
});
