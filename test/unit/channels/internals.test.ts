/** The speed-oriented internals of the channel stage agree with the plain versions they replace. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fastSentences } from '../../../src/core/channels/context';
import { WordSet } from '../../../src/core/channels/lexicon';
import { splitParagraphs, splitSentences } from '../../../src/core/text';

describe('channels: internals', () => {
  it('fastSentences gives the same spans as splitSentences (fixtures)', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'channels');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const p of splitParagraphs(text)) assert.deepEqual(fastSentences(text, p.start, p.end), splitSentences(text, p.start, p.end), f);
    }
  });

  it('fastSentences gives the same spans as splitSentences (generated text)', () => {
    const piece = fc.constantFrom('U.S. ', 'Mr. ', 'J. D. Vance ', 'talks. ', 'Really? ', 'Yes! ', '“Quote.” ', 'end… ', 'Über ', 'x.y ', '\n', ' ', 'A', 'e.g. ', '(1) ', "'s ", '. ', 'Rubio met Lavrov. ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(fastSentences(text, 0, text.length), splitSentences(text, 0, text.length));
      }),
      { numRuns: 300 },
    );
  });

  it('WordSet looks words up by offsets', () => {
    const set = new WordSet(['on', 'about', 'through']);
    const s = 'talks on Ukraine about nothing through Qatar';
    assert.ok(set.has(s, 6, 8));
    assert.ok(set.has(s, 17, 22));
    assert.ok(set.has(s, 31, 38));
    assert.ok(!set.has(s, 0, 5));
    assert.ok(!set.has(s, 6, 7));
  });
});
