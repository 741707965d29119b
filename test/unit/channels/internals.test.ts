/** The speed-oriented internals the channel stage relies on agree with the plain versions they replace. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { WordSet } from '../../../src/core/channels/lexicon';
import { splitParagraphs, splitSentences } from '../../../src/core/text';


/**
 * The plain sentence splitter `splitSentences` replaced (a per-character loop, no regex jump), kept as the
 * reference the fast one must agree with.
 */
function referenceSentences(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const abbreviations = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'rep', 'sen', 'gov', 'pres', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'amb', 'hon', 'rev', 'fr', 'mt', 'ft']);
  const trim = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\u00a0' || c === '\ufeff';
  const out: Array<{ start: number; end: number }> = [];
  const push = (a: number, b: number) => {
    while (a < b && trim(text[a])) a++;
    while (b > a && trim(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  let s = from;
  while (s < to && trim(text[s])) s++;
  for (let i = s; i < to; i++) {
    const c = text[i];
    if (c === '\n') {
      push(s, i);
      s = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '\u2026') continue;
    let j = i + 1;
    while (j < to && /[.!?\u2026"\u201d\u2019\u00bb')\]]/.test(text[j])) j++;
    if (j >= to) break;
    if (!/\s/.test(text[j])) continue;
    let k = j;
    while (k < to && text[k] !== '\n' && /\s/.test(text[k])) k++;
    if (k >= to) break;
    if (!/[A-Z0-9"\u201c\u00ab\u2018'([]/.test(text[k]) && !/\p{Lu}/u.test(text[k])) continue;
    if (c === '.') {
      let w = i - 1;
      while (w >= s && /[A-Za-z.]/.test(text[w])) w--;
      const word = text.slice(w + 1, i).toLowerCase();
      if (abbreviations.has(word)) continue;
      if (word.length === 1 && /[A-Z]/.test(text[i - 1])) continue;
    }
    push(s, j);
    s = k;
    i = k - 1;
  }
  push(s, to);
  return out;
}

describe('channels: internals', () => {
  it('splitSentences gives the same spans as the plain reference splitter (fixtures)', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'channels');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const p of splitParagraphs(text)) assert.deepEqual(splitSentences(text, p.start, p.end), referenceSentences(text, p.start, p.end), f);
    }
  });

  it('splitSentences gives the same spans as the plain reference splitter (generated text)', () => {
    const piece = fc.constantFrom('U.S. ', 'Mr. ', 'J. D. Vance ', 'talks. ', 'Really? ', 'Yes! ', '“Quote.” ', 'end… ', 'Über ', 'x.y ', '\n', ' ', 'A', 'e.g. ', '(1) ', "'s ", '. ', 'Rubio met Lavrov. ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(splitSentences(text, 0, text.length), referenceSentences(text, 0, text.length));
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
