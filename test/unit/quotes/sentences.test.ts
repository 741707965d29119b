import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createDoc, fold } from '../../../src/core/text';
import { Ctx } from '../../../src/core/quotes/context';
import { scanQuotes } from '../../../src/core/quotes';
import { referenceSentenceStart } from './reference/sentences';

/** Sentence starts read from the cue scan's terminators and a frontier answer as a plain backward scan does. */
describe('quotes: sentence starts', () => {
  it('folding keeps the terminators . ! ? … and makes no other character one', () => {
    const term = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      // alone and in mostly-ASCII text (the two ways fold reads a character)
      assert.equal(term(fold(ch).charCodeAt(0)), term(c), `U+${c.toString(16)}`);
      assert.equal(term(fold('Ab' + ch).charCodeAt(2)), term(c), `U+${c.toString(16)}`);
    }
  });

  const pieces = ['word', 'Word', ' ', ' ', '  ', '. ', '! ', '? ', '\u2026 ', '.', 'Mr. ', 'U.S. ', 'A. ', '"', '\u201c', '\u201d', "'", ')', '(', '3', '\n', ' said', ' He'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join(''));

  it('every position, in text order and back, as the reference scan', () => {
    fc.assert(
      fc.property(text, fc.nat(40), (t, seed) => {
        const doc = createDoc(t);
        const ctx = new Ctx(doc, { mentions: [], actors: new Map() });
        const raws = scanQuotes(doc);
        for (let p = 0; p < doc.paragraphs.length; p++) {
          const { start, end } = doc.paragraphs[p];
          const spans = raws.filter((q) => q.para === p).map((q) => ({ start: q.open, end: q.close < 0 ? q.end : q.close + 1 }));
          ctx.setQuoteSpans(p, spans);
          if (seed % 2 === 0) ctx.paraCues(start);
          // ascending (the frontier), then from the end back (the full scan)
          const order: number[] = [];
          for (let pos = start; pos <= end; pos += 1 + (seed % 3)) order.push(pos);
          for (let pos = end; pos >= start; pos -= 2 + (seed % 4)) order.push(pos);
          for (const pos of order) assert.equal(ctx.sentenceStart(p, pos), referenceSentenceStart(doc.text, doc.folded, start, pos), `p${p} pos ${pos} in ${JSON.stringify(t)}`);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
