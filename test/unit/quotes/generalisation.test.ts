/**
 * Patterns beyond the dev articles, on fixtures of our own: titles between a quote and its speaker, interviews
 * introduced once, pronouns after a relative clause, anonymous sources.
 */
import { strict as assert } from 'node:assert';
import { fixture, org, person, quotesOf, state, type TestActor } from './helpers';

const VARGA = person('elena-varga', 'Elena Varga', 'Elena Varga', 'Varga');
const BRANDT = person('tomas-brandt', 'Tomas Brandt', 'Tomas Brandt', 'Brandt');
const KELLER = person('ruth-keller', 'Ruth Keller', 'Ruth Keller', 'Keller');
const WELLER = person('jonas-weller', 'Jonas Weller', 'Jonas Weller', 'Weller');
const MORELL = person('ana-morell', 'Ana Morell', 'Ana Morell', 'Morell');
const OSTERHOLM = person('lina-osterholm', 'Lina Osterholm', 'Lina Osterholm', 'Osterholm');
const NORLAND = state('norland', 'Norland', 'Norland');
const OSTMARK = state('ostmark', 'Ostmark', 'Ostmark');
const ALLIANCE = org('alliance', 'The Alliance', 'Alliance');

type Row = [text: string, speaker: string | null, cue: string | null];
const who = (text: string, actors: TestActor[]): Row[] =>
  quotesOf(text, actors).filter((q) => q.kind === 'direct').map((q) => [q.text.slice(0, 30), q.speaker?.id ?? null, q.cue?.text ?? null]);

describe('quotes: titles between the quote and the speaker', () => {
  const text = fixture('titles-after.txt');
  const actors = [VARGA, BRANDT, KELLER, WELLER, MORELL, NORLAND, OSTMARK, ALLIANCE];

  it('“…,” State/Org Title Name said — the person, not the state or organisation in the title', () => {
    assert.deepEqual(who(text, actors), [
      ['We came here to finish the tex', 'elena-varga', 'told'],
      ['Every clause has been read thr', 'tomas-brandt', 'said'],
      ['Now it is a question of will.', 'tomas-brandt', null],
      ['The water belongs to both bank', 'ruth-keller', 'said'],
      ['Nobody should expect miracles ', 'jonas-weller', 'told'],
      ['We will sign when the maps are', 'ana-morell', 'wrote'],
    ]);
  });

  it('a title alone is no speaker, and two names joined by "and" are not a title', () => {
    assert.deepEqual(who('“We will see,” Varga and Brandt said.', actors), [['We will see,', null, null]]);
    assert.deepEqual(who('“We will see,” the Alliance said.', actors), [['We will see,', 'alliance', 'said']]);
    assert.deepEqual(who('“We will see,” said Alliance Secretary General Tomas Brandt.', actors), [['We will see,', 'tomas-brandt', 'said']]);
  });
});

describe('quotes: interview introduced once', () => {
  const text = fixture('interview-intro.txt');
  const actors = [OSTERHOLM, NORLAND];

  it('every answer is the guest’s; question lines (with or without marks, or a bare question) keep the guest', () => {
    const qs = quotesOf(text, actors);
    assert.deepEqual(qs.map((q) => [q.text.slice(0, 24), q.kind, q.speaker?.id ?? null]), [
      ['Slowly. Both delegations', 'direct', 'lina-osterholm'],
      ['What surprised me is tha', 'direct', 'lina-osterholm'],
      ['Harbour Review', 'scare', null],
      ['Is the insurance questio', 'direct', 'harbour-review'],
      ['Not yet. The insurers wa', 'direct', 'lina-osterholm'],
      ['They have said that ever', 'direct', 'lina-osterholm'],
      ['The port fees. When they', 'direct', 'lina-osterholm'],
    ]);
  });

  const answers = (t: string, actors: TestActor[] = [OSTERHOLM]): Array<string | null> =>
    quotesOf(t, actors).filter((q) => q.kind === 'direct').map((q) => q.speaker?.id ?? null);

  it('introductions: "We spoke to X", "X told <Outlet>", "Interview with X", "X, …, believes:"', () => {
    const qa = '\nHarbour Review: Why now?\n"Because the ice is gone and the ships are back."';
    assert.deepEqual(answers(`We spoke to Lina Osterholm about the corridor.${qa}`), ['lina-osterholm']);
    assert.deepEqual(answers(`Lina Osterholm told Harbour Review that the talks matter.${qa}`), ['lina-osterholm']);
    assert.deepEqual(answers(`Interview with Lina Osterholm, shipping economist${qa}`), ['lina-osterholm']);
    assert.deepEqual(answers('Lina Osterholm, a shipping economist at the Marsh Institute, believes:\n"The corridor will survive the winter."\n"It always has."'), ['lina-osterholm', 'lina-osterholm']);
  });

  it('an introduction is not a reason to attribute a quote after ordinary narration', () => {
    assert.deepEqual(answers('We spoke to Lina Osterholm about the corridor.\nThe ships kept sailing all winter.\n"A corridor that nobody can close."'), [null]);
  });

  it('a later cued speaker replaces the interviewee', () => {
    const t = 'We spoke to Lina Osterholm.\nHarbour Review: Why?\n"Because it pays."\nElena Varga said: "It does not pay yet."\nHarbour Review: And then?\n"Then we wait."';
    assert.deepEqual(answers(t, [OSTERHOLM, VARGA]), ['lina-osterholm', 'elena-varga', 'elena-varga']);
  });
});

describe('quotes: pronouns after a relative clause', () => {
  it('"he/she said" is the main-clause subject, not a person inside ", who …," or a prepositional object', () => {
    assert.deepEqual(who(fixture('relative-clause.txt'), [VARGA, BRANDT, KELLER, WELLER, MORELL]), [
      ['The treaty is within reach,', 'elena-varga', 'said'],
      ['I expect a signature this spri', 'elena-varga', null],
      ['We are not there yet,', 'ruth-keller', 'said'],
      ['The annex needs one more round', 'ruth-keller', 'said'],
    ]);
  });
});

describe('quotes: pronouns after a quote with a sentence break inside', () => {
  it('the sentence before is the author’s, not the quote’s first sentence', () => {
    const t = 'Varga said: “We are ready.”\nVarga said she had called Tomas Brandt on Monday and pressed him. “He listened. Whether he moves is another matter,” she said.';
    assert.deepEqual(who(t, [VARGA, BRANDT]).map((r) => r[1]), ['elena-varga', 'elena-varga']);
  });
});

describe('quotes: anonymous sources', () => {
  it('"a senior official said", "one negotiator told", "diplomats said", "a source familiar with …": no speaker, and no carry-over', () => {
    assert.deepEqual(who(fixture('anonymous.txt'), [VARGA, BRANDT]), [
      ['The treaty is within reach,', 'elena-varga', 'said'],
      ['Nobody on our side believes th', null, 'said'],
      ['The annex is still open.', null, null],
      ['We are further apart than in M', null, 'told'],
      ['Much further,', null, 'added'],
      ['The maps are the problem,', null, 'said'],
      ['Two more rounds at least.', null, null],
      ['The deadline is political,', null, 'said'],
      ['We will sign in April,', 'tomas-brandt', 'said'],
      ['I am sure of it.', 'tomas-brandt', null],
    ]);
  });

  it('an indefinite title is not the minister named earlier', () => {
    const t = 'Foreign Minister Elena Varga arrived late. “It is over,” a minister said.\n“It is over,” the minister said.';
    assert.deepEqual(who(t, [{ ...VARGA, roles: ['Foreign Minister'] }]), [
      ['It is over,', null, 'said'],
      ['It is over,', 'elena-varga', 'said'],
    ]);
  });
});
