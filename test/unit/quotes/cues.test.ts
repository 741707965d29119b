import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fold } from '../../../src/core/text';
import { scanCues } from '../../../src/core/quotes/cues';
import { scanParaCues, type CueHit } from '../../../src/core/quotes/cuehits';

/** The paragraph cue scan (one read of each word) finds what the reference word scan finds, and every terminator. */
describe('quotes: cue scan', () => {
  const pieces = ['said', 'says', 'according', 'to', 'pointed', 'out', 'was', 'quoted', 'as', 'saying', 'states', 'unsaid', 'sai', 'sa', 'told', ' ', ' ', '  ', '\n', ',', '.', '!', '?', '\u2026', "'", '-', '3', 'X', 'é', '\u201c'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join(''));

  it('scanParaCues: the forms of scanCues, and the offsets of . ! ? …', () => {
    fc.assert(
      fc.property(text, fc.nat(6), fc.nat(6), (t, cutA, cutB) => {
        const f = fold(t);
        const a = Math.min(cutA, f.length);
        const b = Math.max(a, f.length - cutB);
        const hits: CueHit[] = [];
        const terms: number[] = [];
        const n = scanParaCues(f, a, b, 0, hits, terms, 0);
        assert.deepEqual(
          hits.map((h) => [h.start, h.end, h.form.form]),
          scanCues(f, a, b).map(([s, e, form]) => [s, e, form.form]),
        );
        const want: number[] = [];
        for (let i = a; i < b; i++) if ('.!?\u2026'.includes(f[i])) want.push(i);
        assert.deepEqual(terms.slice(0, n), want);
      }),
      { numRuns: 10000 },
    );
  });
});
