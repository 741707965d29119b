import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fold } from '../../../src/core/text';
import { HEAD_WORDS, headWords, NOMINAL_NOUNS, PRONOUN_COUNT } from '../../../src/core/quotes/words';

/** The window scanners of the candidates find what the regexes they replaced find on the window's substring. */
describe('quotes: window scanners match their regexes', () => {
  const PRONOUN_RE = /\b(?:he|she|they|it)\b/g;
  const NOMINAL_HEAD = new RegExp(String.raw`\b(?:${NOMINAL_NOUNS.join('|')})\b`, 'g');
  const all = (re: RegExp, s: string, base: number): number[] => {
    const out: number[] = [];
    re.lastIndex = 0;
    for (let r = re.exec(s); r; r = re.exec(s)) out.push(base + r.index, base + r.index + r[0].length);
    return out;
  };
  const pieces = [
    ' ', '  ', '\t', '\u00a0', '\u2009', ',', '.', "'", '’', '-', '_', '9', 'x', 'é', 'É', 'Ł', '×', 'he', 'she', 'they', 'it',
    'the', 'then', 'minister', 'ministers', 'officials', 'Official', 'critics', 'He', 'It', 'Mark', 'Rutte', 'bin', 'van',
    'de', 'der', 'al', 'la', 'McDonald', 'iPhone', 'O’Brien', 'Jean-Luc', 'Ab', 'X',
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join(''));

  it('headWords: pronouns and nominal heads as the \\b regexes on the folded window', () => {
    fc.assert(
      fc.property(text, fc.nat(6), fc.nat(6), (t, cutA, cutB) => {
        const f = fold(t);
        const a = Math.min(cutA, f.length);
        const b = Math.max(a, f.length - cutB);
        const hits = headWords(f, a, b, true);
        const pron: number[] = [];
        const noun: number[] = [];
        for (let h = 0; h < hits.length; h += 3) {
          (hits[h + 2] < PRONOUN_COUNT ? pron : noun).push(hits[h], hits[h + 1]);
          assert.equal(f.slice(hits[h], hits[h + 1]), HEAD_WORDS[hits[h + 2]]);
        }
        assert.deepEqual(pron, all(PRONOUN_RE, f.slice(a, b), a));
        assert.deepEqual(noun, all(NOMINAL_HEAD, f.slice(a, b), a));
        const noPron = headWords(f, a, b, false);
        assert.equal(noPron.length, noun.length / 2 * 3);
      }),
      { numRuns: 5000 },
    );
  });
});
