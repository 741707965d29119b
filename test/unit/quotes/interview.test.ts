import { strict as assert } from 'node:assert';
import { fixture, org, person, quotesOf } from './helpers';

describe('quotes: interview layout', () => {
  const text = fixture('interview.txt');
  const actors = [
    person('anna-petrova', 'Anna Petrova', 'Anna Petrova'),
    person('mark-jansen', 'Mark Jansen', 'Mark Jansen'),
    org('baltic-policy-institute', 'Baltic Policy Institute', 'Baltic Policy Institute'),
  ];

  it('answers belong to the interviewee last introduced; questions to the outlet', () => {
    const qs = quotesOf(text, actors);
    assert.deepEqual(qs.map((q) => [q.text.slice(0, 30), q.kind, q.speaker?.id ?? null, !!q.continued]), [
      ['The sanctions have not worked ', 'direct', 'anna-petrova', false],
      ['The economy adapted faster tha', 'direct', 'anna-petrova', true],
      ['Daily Ledger', 'scare', null, false],
      ['Does that mean the policy fail', 'direct', 'daily-ledger', false],
      ['Not entirely. It raised costs,', 'direct', 'anna-petrova', true],
      ['Daily Ledger', 'scare', null, false],
      ['What happens next?', 'direct', 'daily-ledger', false],
      ['More of the same, I suspect.', 'direct', 'anna-petrova', true],
      ['The effect is slower, but it i', 'direct', 'mark-jansen', false],
      ['You have to look at the invest', 'direct', 'mark-jansen', true],
    ]);
  });

  it('the question line: unquoted text after “Outlet”: is the outlet’s quote, cue is the colon', () => {
    const qs = quotesOf(text, actors);
    const q = qs.find((x) => x.text === 'Does that mean the policy failed?');
    assert.ok(q);
    assert.deepEqual(q.speaker, { id: 'daily-ledger', name: 'Daily Ledger' });
    assert.equal(q.cue?.text, ':');
    assert.equal(q.mark, '');
  });

  it('the outlet is the actor stage’s actor when it found one', () => {
    const qs = quotesOf(text, [...actors, org('ledger', 'The Daily Ledger', 'Daily Ledger')]);
    assert.equal(qs.find((x) => x.text === 'What happens next?')?.speaker?.id, 'ledger');
  });

  it('a stray closing mark after the question is left out', () => {
    const t = 'Anna Petrova believes: "Yes."\n"Daily Ledger": And then?"\n"Then we wait."';
    const qs = quotesOf(t, actors);
    assert.deepEqual(qs.map((q) => [q.text, q.speaker?.id ?? null]), [
      ['Yes.', 'anna-petrova'],
      ['Daily Ledger', null],
      ['And then?', 'daily-ledger'],
      ['Then we wait.', 'anna-petrova'],
    ]);
  });

  it('an unquoted paragraph ends the chain', () => {
    const t = 'Anna Petrova believes: "Yes, it will work."\nThe author thinks otherwise.\n"It will not work at all, believe me."';
    assert.equal(quotesOf(t, actors)[1].speaker, null);
  });
});
