import { strict as assert } from 'node:assert';
import { fixture, org, person, quote, quotesOf, state, type TestActor } from './helpers';

const VARGA = person('elena-varga', 'Elena Varga', 'Elena Varga', 'Varga');
const BRANDT = person('tomas-brandt', 'Tomas Brandt', 'Tomas Brandt', 'Brandt');
const KELLER = person('ruth-keller', 'Ruth Keller', 'Ruth Keller', 'Keller');
const NORLAND = state('norland', 'Norland', 'Norland');
const ALLIANCE = org('alliance', 'The Alliance', 'The Alliance');

const who = (text: string, actors: TestActor[]): Array<[string, string | null, string | null]> =>
  quotesOf(text, actors).filter((q) => q.kind === 'direct').map((q) => [q.text, q.speaker?.id ?? null, q.cue?.text ?? null]);

describe('quotes: attribution', () => {
  it('speaker before the quote: said:, stated that, told reporters, believes:, according to, wrote, X:', () => {
    const t = [
      'Elena Varga said: “We are ready.”',
      'Tomas Brandt stated that “the door remains open.”',
      'Varga told reporters, “Nothing is agreed until everything is agreed.”',
      'Ruth Keller, a senior fellow at the Institute, believes: “The talks will fail.”',
      'According to Brandt, “the next round is in May.”',
      'The Alliance wrote on its website: “Members stand united.”',
      'Keller: “We will not trade land for promises.”',
    ].join('\n');
    assert.deepEqual(who(t, [VARGA, BRANDT, KELLER, ALLIANCE]), [
      ['We are ready.', 'elena-varga', 'said'],
      ['the door remains open.', 'tomas-brandt', 'stated'],
      ['Nothing is agreed until everything is agreed.', 'elena-varga', 'told'],
      ['The talks will fail.', 'ruth-keller', 'believes'],
      ['the next round is in May.', 'tomas-brandt', 'According to'],
      ['Members stand united.', 'alliance', 'wrote'],
      ['We will not trade land for promises.', 'ruth-keller', ':'],
    ]);
  });

  it('speaker after the quote: X said, said X (inverted), with an appositive', () => {
    const t = [
      '“We are ready to continue,” Varga said on Tuesday.',
      '“The ball is in their court,” said Tomas Brandt, the spokesman.',
      '"It is too early," Keller, the chief negotiator, told reporters.',
      '“Maybe,” added Varga.',
    ].join('\n');
    assert.deepEqual(who(t, [VARGA, BRANDT, KELLER]), [
      ['We are ready to continue,', 'elena-varga', 'said'],
      ['The ball is in their court,', 'tomas-brandt', 'said'],
      ['It is too early,', 'ruth-keller', 'told'],
      ['Maybe,', 'elena-varga', 'added'],
    ]);
  });

  it('a cue with no subject next to it takes the sentence subject ("…, noting, “…”", "but added, “…”")', () => {
    const t = [
      'While details remain secret, Ruth Keller hinted at progress, noting, “It is a concept I will take home.”',
      'Tomas Brandt pushed back against the claim, stating, “I do not agree that the trend is fading.” He characterized the approach as “zigzag” but added, “We don’t dramatise over this.”',
    ].join('\n');
    assert.deepEqual(who(t, [KELLER, BRANDT]), [
      ['It is a concept I will take home.', 'ruth-keller', 'noting'],
      ['I do not agree that the trend is fading.', 'tomas-brandt', 'stating'],
      ['zigzag', 'tomas-brandt', 'characterized'],
      ['We don’t dramatise over this.', 'tomas-brandt', 'added'],
    ]);
  });

  it('an organisation or state speaks as the subject of the cue', () => {
    const mfa = org('norland-mfa', 'Norland Foreign Ministry', 'Ministry of Foreign Affairs');
    const t = [
      'Norland’s Ministry of Foreign Affairs described the exchange as “substantive and frank” on all issues.',
      'In a joint communique, The Alliance voiced concern. They underscored the need for a “predictable, transparent and rules-based trading system.”',
      'Norland frames this as an effort to “rebalance trade,” but critics caution against it.',
    ].join('\n');
    assert.deepEqual(who(t, [mfa, NORLAND, ALLIANCE]), [
      ['substantive and frank', 'norland-mfa', 'described'],
      ['predictable, transparent and rules-based trading system.', 'alliance', 'underscored'],
      ['rebalance trade,', 'norland', 'frames'],
    ]);
  });

  it('"the letter said": the author of the letter the text spoke of before; an unintroduced letter stays unattributed', () => {
    const varga = person('elena-varga', 'Elena Varga');
    const union = org('dockers-union', 'Dockers Union');
    const t = [
      'Elena Varga, the trade minister, sent the mayor a letter on Monday. "Half measures are no longer enough," the letter said.',
      'The Dockers Union released an open letter to the council. "We are not against new cranes," the letter reads.',
    ].join('\n');
    assert.deepEqual(who(t, [varga, union]).map(([q, id]) => [q, id]), [
      ['Half measures are no longer enough,', 'elena-varga'],
      ['We are not against new cranes,', 'dockers-union'],
    ]);
    const alone = who('"Nothing will change," the letter said.', [varga]);
    assert.equal(alone[0]?.[1] ?? null, null);
  });

  it('a state\'s or body\'s official named in apposition is the sentence subject, not the state', () => {
    const keller = person('ruth-keller', 'Ruth Keller');
    const t = 'Norland’s deputy trade minister, Ruth Keller, closed the session by asking delegates to "keep the door open".';
    assert.deepEqual(who(t, [NORLAND, keller]).map(([q, id]) => [q, id]), [['keep the door open', 'ruth-keller']]);
  });

  it('pronouns resolve to the last compatible actor, preferring the previous speaker', () => {
    const t = [
      '“We are ready,” Varga said after meeting Tomas Brandt. “But not at any price,” she added.',
      'Brandt was less sure. “We have seen this before,” he said.',
      'The Alliance issued a statement. “Members stand united,” it said.',
      'Varga met Brandt again. He told reporters: “Nothing has changed.”',
    ].join('\n');
    assert.deepEqual(who(t, [VARGA, BRANDT, ALLIANCE]), [
      ['We are ready,', 'elena-varga', 'said'],
      ['But not at any price,', 'elena-varga', 'added'],
      ['We have seen this before,', 'tomas-brandt', 'said'],
      ['Members stand united,', 'alliance', 'said'],
      ['Nothing has changed.', 'tomas-brandt', 'told'],
    ]);
  });

  it('a later quote of the same paragraph without a cue keeps the speaker; a fragment shares its sentence’s cue', () => {
    const t = 'Varga stated that Norland needs a “roadmap.” “We discussed its possible form. I will report tonight.”\nBrandt said the plan was “dead on arrival” and that Norland had “no intention” of complying.';
    assert.deepEqual(who(t, [VARGA, BRANDT, NORLAND]), [
      ['roadmap.', 'elena-varga', 'stated'],
      ['We discussed its possible form. I will report tonight.', 'elena-varga', null],
      ['dead on arrival', 'tomas-brandt', 'said'],
      ['no intention', 'tomas-brandt', 'said'],
    ]);
  });

  it('a noun cue: "X’s statements that … “…”", "the suggestion of “…” by X"', () => {
    const t = 'Varga’s statements that the vote was “stolen” drew fire. The suggestion of a “new and different approach” by Ruth Keller surprised everyone.';
    assert.deepEqual(who(t, [VARGA, KELLER]), [
      ['stolen', 'elena-varga', 'statements'],
      ['new and different approach', 'ruth-keller', 'suggestion'],
    ]);
  });

  it('a common-noun subject: the titled person mentioned before, or unknown (no carry-over)', () => {
    const lavrova = { ...person('irina-lavrova', 'Irina Lavrova', 'Irina Lavrova'), roles: ['Foreign Minister of Norland'] };
    const t = [
      'Irina Lavrova arrived in Vienna. “We came to listen,” the foreign minister said.',
      '“This is a trap,” critics said.',
    ].join('\n');
    assert.deepEqual(who(t, [lavrova]), [
      ['We came to listen,', 'irina-lavrova', 'said'],
      ['This is a trap,', null, 'said'],
    ]);
  });

  it('a name the actor stage missed is still a speaker (id from its kebab-case), and so is its surname later', () => {
    const t = 'Mark Jansen, an economist at Northfield University, disagrees: “The effect is slower, but real.”\n“It takes years,” Jansen said.';
    assert.deepEqual(
      quotesOf(t, []).map((q) => [q.text, q.speaker, q.cue?.text]),
      [
        ['The effect is slower, but real.', { id: 'mark-jansen', name: 'Mark Jansen' }, 'disagrees'],
        ['It takes years,', { id: 'mark-jansen', name: 'Mark Jansen' }, 'said'],
      ],
    );
  });

  it('a quote continued over paragraphs (newspaper convention) keeps its speaker and is marked continued', () => {
    const t = 'Varga continued: “We have always said that security is indivisible.\n“Nobody can be secure at the expense of others.”\nAfter that, the meeting ended.';
    const qs = quotesOf(t, [VARGA]);
    assert.deepEqual(qs.map((q) => [q.text, q.speaker?.id, !!q.continued]), [
      ['We have always said that security is indivisible.', 'elena-varga', false],
      ['Nobody can be secure at the expense of others.', 'elena-varga', true],
    ]);
  });

  it('a quote continued over paragraphs gets a speaker named only at its end', () => {
    const t = '“We have always said that security is indivisible.\n“Nobody can be secure at the expense of others,” Varga said.';
    const qs = quotesOf(t, [VARGA]);
    assert.deepEqual(qs.map((q) => q.speaker?.id), ['elena-varga', 'elena-varga']);
  });

  it('confidence: explicit adjacent cue with a named speaker > pronoun > continuation', () => {
    const t = '“We are ready,” Varga said. “Really ready,” she added.\n“And willing.”';
    const qs = quotesOf(t, [VARGA]);
    const [named, pronoun, cont] = qs.map((q) => q.confidence);
    assert.ok(named > pronoun && pronoun > cont, `${named} > ${pronoun} > ${cont}`);
    assert.equal(qs[2].speaker?.id, 'elena-varga');
    assert.equal(qs[2].continued, true);
  });

  it('wire story fixture: who said what', () => {
    const t = fixture('wire.txt');
    const qs = quotesOf(t, [VARGA, BRANDT, ALLIANCE, org('norland-mfa', 'Norland Foreign Ministry', 'Norland Foreign Ministry')]);
    const by = (s: string): string | null => quote(qs, s).speaker?.id ?? null;
    assert.equal(by('useful but difficult.'), 'elena-varga');
    assert.equal(by('But not at any price.'), 'elena-varga');
    assert.equal(by('The ball is in their court,'), 'tomas-brandt');
    assert.equal(by('We have seen this before,'), 'ruth-keller');
    assert.equal(by('nothing has changed on the ground.'), 'ruth-keller');
    assert.equal(by('Members stand united.'), 'alliance');
    assert.equal(by('unacceptable.'), 'norland-mfa');
    assert.equal(by("It's a 'wait and see' moment for everyone,"), 'tomas-brandt');
    assert.equal(by('We will not trade land for promises.'), 'ruth-keller');
    assert.equal(quote(qs, 'grain corridor').kind, 'scare');
    assert.equal(quote(qs, 'peace plan').kind, 'scare');
    assert.equal(quote(qs, 'Nobody can strengthen their own security at the expense of others.').continued, true);
    assert.ok(!qs.some((q) => /90s|envoys/.test(q.text)), 'apostrophes open no quote');
  });

  it('CRLF fixture: offsets exact, guillemets and German marks, pronoun object of "quoted him as saying"', () => {
    const t = fixture('crlf.txt');
    assert.ok(t.includes('\r\n'));
    const qs = quotesOf(t, [person('omar-haddad', 'Omar Haddad', 'Omar Haddad'), org('le-matin', 'Le Matin', 'Le Matin')]);
    for (const q of qs) assert.equal(t.slice(q.start, q.end), q.text);
    assert.deepEqual(qs.map((q) => [q.text, q.kind, q.speaker?.id ?? null, q.mark]), [
      ['We reject the ‘so-called’ compromise.', 'direct', 'omar-haddad', '“'],
      ['Our position is clear,', 'direct', 'omar-haddad', '“'],
      ['Le Matin', 'scare', null, '«'],
      ['nous restons ouverts', 'direct', 'omar-haddad', '«'],
      ['Wir bleiben dran', 'direct', null, '„'],
    ]);
  });
});
