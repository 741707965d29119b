import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isJsSpace } from '../../../src/core/quotes/chars';
import { ADJACENT, adjacentGap } from '../../../src/core/quotes/gaps';
import { shapeOf } from '../../../src/core/quotes/classify';

/** The char-code scans that replaced regexes in the hot paths answer as the regexes do. */
describe('quotes: char-code scans match their regexes', () => {
  const pieces = [' ', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\u2028', ':', ',', ';', '.', 'a', 'x', 't', 'that', 'said', '"', '\u201d', '-', 'é'];
  const gap = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((xs) => xs.join(''));

  it('isJsSpace is /\\s/', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isJsSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('adjacentGap is ADJACENT over the slice', () => {
    fc.assert(
      fc.property(gap, (s) => adjacentGap('zz' + s + 'qq', 2, 2 + s.length) === ADJACENT.test(s)),
      { numRuns: 20000 },
    );
  });

  it('shapeOf of eight words and more: direct, no name', () => {
    const words = fc.array(fc.constantFrom('a', 'B', 'of', 'The', 'U.S.', 'end.', 'why?', '3.5', '"x"'), { minLength: 8, maxLength: 20 });
    fc.assert(
      fc.property(words, fc.constantFrom(' ', '  ', '\t', '\u00a0'), (ws, sep) => {
        const t = ws.join(sep);
        assert.deepEqual(shapeOf(t, 0, t.length), { words: 8, sentence: true, name: false });
      }),
    );
  });
});
