import { strict as assert } from 'node:assert';
import { fixture, person, quote, quotesOf, state, org } from './helpers';

const kinds = (text: string, actors = [person('lena-varga', 'Lena Varga', 'Lena Varga', 'Varga')]): Record<string, string> =>
  Object.fromEntries(quotesOf(text, actors).map((q) => [q.text, q.kind]));

describe('quotes: direct or scare', () => {
  it('a short term held at a distance in the author’s sentence is scare', () => {
    const t = 'The envoy wants to conclude the notorious “deal” soon. The “deal” itself is the answer. Nobody believes in a so-called “peace agreement” or a new “crusade” either.';
    assert.deepEqual(kinds(t), { deal: 'scare', 'peace agreement': 'scare', crusade: 'scare' });
    assert.equal(quotesOf(t).filter((q) => q.kind === 'scare').length, 4);
  });

  it('names and titles in quotes are scare', () => {
    const t = 'Lena Varga, chair of the civic group “Centre for Open Dialogue,” spoke to the weekly “Morning Ledger” about “Operation Spring Storm”.';
    assert.deepEqual(kinds(t), { 'Centre for Open Dialogue,': 'scare', 'Morning Ledger': 'scare', 'Operation Spring Storm': 'scare' });
  });

  it('a headline word in quotes followed by a colon is a name (scare)', () => {
    assert.equal(quote(quotesOf('Consultations "Roadmap": Why the Summit Waits\nBody.'), 'Roadmap').kind, 'scare');
  });

  it('a full sentence is direct', () => {
    const t = 'Yesterday. "We will not accept these terms. Never." The talks ended.';
    assert.equal(quote(quotesOf(t), 'We will not accept these terms. Never.').kind, 'direct');
  });

  it('a short fragment with a speech cue is direct', () => {
    const actors = [person('lena-varga', 'Lena Varga', 'Lena Varga', 'Varga'), org('norland-mfa', 'Norland Foreign Ministry', 'Norland Foreign Ministry'), state('norland', 'Norland', 'Norland')];
    const t = [
      'Lena Varga described the talks as “substantive and frank”.',
      'Varga called it “zigzag” diplomacy.',
      'Norland frames this as an effort to “rebalance trade,” but critics disagree.',
      'Varga said the election was “stolen” from her party.',
      'The Norland Foreign Ministry characterized the proposal as “unacceptable.”',
    ].join('\n');
    const qs = quotesOf(t, actors);
    assert.deepEqual(qs.map((q) => [q.text, q.kind, q.speaker?.id]), [
      ['substantive and frank', 'direct', 'lena-varga'],
      ['zigzag', 'direct', 'lena-varga'],
      ['rebalance trade,', 'direct', 'norland'],
      ['stolen', 'direct', 'lena-varga'],
      ['unacceptable.', 'direct', 'norland-mfa'],
    ]);
  });

  it('an adjective in -ing is no cue ("more promising")', () => {
    assert.equal(quote(quotesOf('The plan looks more promising for those who want quick “success” now.'), 'success').kind, 'scare');
  });

  it('a verb in the sentence without speech meaning does not make a term direct', () => {
    const t = 'It allows Moscow to “play” the talks and to refer to the need for “additional work” while the “Easter truce” was approved by Kyiv.';
    assert.deepEqual(kinds(t), { play: 'scare', 'additional work': 'scare', 'Easter truce': 'scare' });
  });

  it('a term right after a named speaker’s cue is direct; one after "as advocated by" is not', () => {
    const t = 'Varga’s statements that the vote was “rigged” drew criticism.\nCapitulation to her “legitimate demands,” as advocated by Lena Varga, is out of question.';
    const qs = quotesOf(t, [person('lena-varga', 'Lena Varga', 'Lena Varga', 'Varga')]);
    assert.deepEqual(qs.map((q) => [q.text, q.kind, q.speaker?.id ?? null, q.cue?.text ?? null]), [
      ['rigged', 'direct', 'lena-varga', 'statements'],
      ['legitimate demands,', 'scare', null, null],
    ]);
  });

  it('a whole quoted paragraph is direct even when short', () => {
    assert.equal(quote(quotesOf('Intro line.\n“Absolutely.”\n'), 'Absolutely.').kind, 'direct');
  });
});

describe('quotes: analysis fixture (mostly scare quotes)', () => {
  it('keeps author terms scare and finds the two direct quotes with their speakers', () => {
    const t = fixture('analysis.txt');
    const qs = quotesOf(t, [person('elena-varga', 'Elena Varga', 'Elena Varga', 'Varga'), person('ruth-keller', 'Ruth Keller', 'Ruth Keller')]);
    const direct = qs.filter((q) => q.kind === 'direct').map((q) => [q.text, q.speaker?.id ?? null, q.cue?.text ?? null]);
    assert.deepEqual(direct, [
      ['a freeze that rewards aggression,', 'elena-varga', 'told'],
      ['The small things work when nobody calls them a victory,', 'ruth-keller', 'said'],
    ]);
    for (const s of ['format', 'technical', 'back door', 'breakthrough', 'humanitarian basket', 'bargaining chip', 'compromise']) {
      assert.equal(quote(qs, s).kind, 'scare', s);
    }
  });
});
