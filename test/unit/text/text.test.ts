import { strict as assert } from 'node:assert';
import { createDoc, decodeText, fold, isUpperCode, isWordCode, LineMap, paragraphAt, splitParagraphs, splitSentences } from '../../../src/core/text';

const spans = (text: string, ss: Array<{ start: number; end: number }>): string[] => ss.map((s) => text.slice(s.start, s.end));

describe('text: fold', () => {
  it('keeps the length and lowercases, strips diacritics, unifies apostrophes, dashes and odd spaces', () => {
    const s = 'Erdoğan’s ÉLYSÉE – Zelenskyy‘s “Kyiv”\u00a0Łódź ʼA';
    const f = fold(s);
    assert.equal(f.length, s.length);
    // Ł has no decomposition: it is lowercased, not stripped
    assert.equal(f, "erdogan's elysee - zelenskyy's “kyiv” łodz 'a");
  });
  it('returns plain lowercase ASCII unchanged (same string) and handles the empty string', () => {
    const s = 'already lowercase, 123.';
    assert.equal(fold(s), s);
    assert.equal(fold(''), '');
  });
  it('a mostly-ASCII megabyte folds like the per-character definition', () => {
    const s = 'Putin’s Ünal Ärger İstanbul ß '.repeat(20000);
    const f = fold(s);
    assert.equal(f.length, s.length);
    for (let i = 0; i < 200; i++) assert.equal(f[i], fold(s[i]), `at ${i}`);
  });
  it('character classes: word characters of any script, uppercase', () => {
    assert.ok(isWordCode('Ж'.charCodeAt(0)) && isWordCode('7'.charCodeAt(0)) && isWordCode('é'.charCodeAt(0)));
    assert.ok(!isWordCode('’'.charCodeAt(0)) && !isWordCode(0xa0) && !isWordCode('-'.charCodeAt(0)));
    assert.ok(isUpperCode('Ж'.charCodeAt(0)) && isUpperCode('É'.charCodeAt(0)) && !isUpperCode('ж'.charCodeAt(0)) && !isUpperCode('1'.charCodeAt(0)));
  });
});

describe('text: paragraphs and documents', () => {
  it('splits on lines, leaves out blank lines, \\r and surrounding blanks', () => {
    const t = 'First line.\r\n\r\n  Second line  \r\nThird\n\n';
    assert.deepEqual(spans(t, splitParagraphs(t)), ['First line.', 'Second line', 'Third']);
    assert.deepEqual(splitParagraphs(''), []);
    assert.deepEqual(splitParagraphs('\n\n \n'), []);
  });
  it('createDoc: folded text and lazily split paragraphs; paragraphAt by binary search', () => {
    const t = 'One.\nTwo two.\n\nThree.';
    const d = createDoc(t);
    assert.equal(d.folded, 'one.\ntwo two.\n\nthree.');
    assert.equal(d.paragraphs.length, 3);
    assert.equal(d.paragraphs, d.paragraphs); // computed once
    assert.equal(paragraphAt(d, t.indexOf('two')), 1);
    assert.equal(paragraphAt(d, t.indexOf('Three')), 2);
    assert.equal(paragraphAt(d, t.indexOf('\n\n') + 1), -1);
  });
});

describe('text: splitSentences', () => {
  const sentences = (t: string): string[] => spans(t, splitSentences(t));
  it('splits after . ! ? … and closing quotes before a capital, digit or opening quote', () => {
    assert.deepEqual(sentences('He came. She left! Why? "Yes," he said. 2025 was long… Next.'), ['He came.', 'She left!', 'Why?', '"Yes," he said.', '2025 was long…', 'Next.']);
    assert.deepEqual(sentences('He said: "Enough." Then he left.'), ['He said: "Enough."', 'Then he left.']);
  });
  it('knows abbreviations, titles and initials', () => {
    assert.deepEqual(sentences('Mr. Smith met Dr. Jones in the U.S. Senate. J. D. Vance spoke.'), ['Mr. Smith met Dr. Jones in the U.S. Senate.', 'J. D. Vance spoke.']);
    assert.deepEqual(sentences('Gen. Petrov and Sen. Cole agreed, e.g. on Feb. 3 talks.'), ['Gen. Petrov and Sen. Cole agreed, e.g. on Feb. 3 talks.']);
  });
  it('does not split before a lowercase word; splits at line ends; respects [from, to)', () => {
    assert.deepEqual(sentences('It rose 3.5 per cent. then fell.'), ['It rose 3.5 per cent. then fell.']);
    assert.deepEqual(sentences('Line one\nLine two. Three.'), ['Line one', 'Line two.', 'Three.']);
    const t = 'Skip. Take this. And this. Skip.';
    const from = t.indexOf('Take');
    const to = t.lastIndexOf(' Skip');
    assert.deepEqual(spans(t, splitSentences(t, from, to)), ['Take this.', 'And this.']);
  });
  it('a non-ASCII capital starts a sentence (Ł, É)', () => {
    assert.deepEqual(sentences('Talks ended. Łukasz left. Émile stayed.'), ['Talks ended.', 'Łukasz left.', 'Émile stayed.']);
  });
});

describe('text: LineMap', () => {
  it('maps offsets to 0-based lines/characters and back (LF and CRLF)', () => {
    const t = 'ab\ncd\r\nef';
    const m = new LineMap(t);
    assert.equal(m.lineCount, 3);
    assert.deepEqual(m.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(m.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(m.positionAt(t.indexOf('f')), { line: 2, character: 1 });
    assert.equal(m.offsetAt(2, 1), t.indexOf('f'));
    assert.equal(m.offsetAt(99, 0), t.indexOf('e')); // clamped to the last line
    assert.equal(m.offsetAt(-1, -5), 0);
    assert.equal(new LineMap('').lineCount, 1);
  });
});

describe('text: decodeText', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('removes a BOM without shifting offsets of the rest', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Héllo')]));
    assert.ok(r.ok);
    assert.equal(r.text, 'Héllo');
    assert.equal(r.bom, true);
    assert.equal(r.invalidUtf8, false);
  });
  it('invalid UTF-8 decodes with replacement characters and says so', () => {
    const r = decodeText(new Uint8Array([...enc('ok '), 0xc3, 0x28, ...enc(' end')]));
    assert.ok(r.ok);
    assert.equal(r.invalidUtf8, true);
    assert.ok(r.text.includes('\ufffd'));
    assert.ok(r.text.startsWith('ok ') && r.text.endsWith(' end'));
  });
  it('binary: NUL bytes or mostly control bytes are refused with a message', () => {
    const nul = decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    assert.equal(nul.ok, false);
    if (!nul.ok) assert.match(nul.message, /binary/);
    const ctl = decodeText(new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 2 ? 1 : 65))));
    assert.equal(ctl.ok, false);
  });
  it('empty input and CRLF text decode as they are', () => {
    const e = decodeText(new Uint8Array(0));
    assert.ok(e.ok && e.text === '');
    const c = decodeText(enc('a\r\nb'));
    assert.ok(c.ok && c.text === 'a\r\nb');
  });
});
