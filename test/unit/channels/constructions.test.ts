/**
 * Channel constructions of wire copy, end to end (world registry → actors → quotes → channels): verb-led calls with
 * coordinated subjects, calls "held", letters exchanged through a third state, a state's demonym as mediator or as
 * the people of a working group, and places that are no parties.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../../src/core/analyze';
import { worldRegistry } from '../world';
import type { Channel } from '../../../src/core/types';

function channelsOf(text: string): Channel[] {
  return analyze(text, worldRegistry()).channels;
}

/** The one channel of a sentence, as [type, text, participants sorted, via sorted]. */
function only(text: string): [string, string, string[], string[]] {
  const list = channelsOf(text);
  assert.equal(list.length, 1, `one channel in "${text}", got ${JSON.stringify(list.map((c) => c.text))}`);
  const c = list[0];
  assert.equal(text.slice(c.start, c.end), c.text);
  return [c.type, c.text, [...c.participants].sort(), [...c.via].sort()];
}

describe('channels: constructions of wire copy (end to end)', () => {
  it('"Trump and Putin spoke by phone": both surnames are parties, the span is the verb phrase', () => {
    assert.deepEqual(only('Trump and Putin spoke by phone for more than two hours.'), ['call', 'spoke by phone', ['donald-trump', 'vladimir-putin'], []]);
  });

  it('one subject and a named partner: "Erdogan spoke by phone with Zelensky"', () => {
    const [type, , parties] = only('Erdogan spoke by phone with Zelensky on Sunday.');
    assert.equal(type, 'call');
    assert.deepEqual(parties, ['recep-tayyip-erdogan', 'volodymyr-zelensky']);
  });

  it('"held a call" and "had a phone call" are calls, not meetings', () => {
    assert.deepEqual(only('Umerov and Witkoff held a call on Sunday.'), ['call', 'Umerov and Witkoff held a call', ['rustem-umerov', 'steve-witkoff'], []]);
    assert.equal(only('Macron had a phone call with Starmer.')[0], 'call');
  });

  it('letters exchanged through an embassy: an intermediary channel via the embassy\'s state', () => {
    const [type, , parties, via] = only('Lavrov and Rubio exchanged letters through the Swiss embassy.');
    assert.equal(type, 'intermediary');
    assert.deepEqual(parties, ['marco-rubio', 'sergey-lavrov']);
    assert.deepEqual(via, ['switzerland']);
  });

  it('a demonym names the mediator: "under Turkish mediation", "through Qatari intermediaries"', () => {
    const [type, text, , via] = only('Officials from both sides met in Istanbul under Turkish mediation.');
    assert.deepEqual([type, text, via], ['intermediary', 'Turkish mediation', ['turkey']]);
    assert.deepEqual(only('The proposal reached Kyiv through Qatari intermediaries.')[3], ['qatar']);
  });

  it('mediators as speakers are no channel: "Egyptian mediators said …"', () => {
    assert.deepEqual(channelsOf('Egyptian mediators said the gaps were narrowing.'), []);
  });

  it('a working group of states\' people: "of Russian and American diplomats"; a venue is no party', () => {
    assert.deepEqual(only('A working group of Russian and American diplomats will convene in Riyadh.'), ['working-group', 'A working group', ['russia', 'united-states'], []]);
    const meet = channelsOf('Russia and the United States will meet in Riyadh.');
    assert.deepEqual(meet.map((c) => [...c.participants].sort()), [['russia', 'united-states']]);
  });

  it('"relaying messages between Moscow and Kyiv": the go-between is via, the two ends are the parties', () => {
    assert.deepEqual(only('Qatar has been relaying messages between Moscow and Kyiv on the return of children.'), [
      'intermediary',
      'messages between Moscow and Kyiv',
      ['russia', 'ukraine'],
      ['qatar'],
    ]);
  });

  it('"called X" is a call only when X is named and no predicate follows', () => {
    assert.deepEqual(only('Macron called Putin on Friday, the Elysee said.'), ['call', 'called Putin', ['emmanuel-macron', 'vladimir-putin'], []]);
    for (const t of ['Biden called Putin a killer.', "Zelensky called Putin's offer a trap.", 'Lavrov called on Washington to respond.', 'Erdogan called for a ceasefire.', 'Trump called Zelensky "a dictator".']) {
      assert.deepEqual(channelsOf(t), [], t);
    }
  });

  it('"Putin received Witkoff", "Zelensky hosted Kellogg": a person received is a meeting; things received are not', () => {
    assert.deepEqual(only('Putin received Witkoff at the Kremlin.'), ['meeting', 'received Witkoff', ['steve-witkoff', 'vladimir-putin'], []]);
    assert.deepEqual(only('Zelensky hosted Kellogg in Kyiv.').slice(0, 3), ['meeting', 'hosted Kellogg', ['keith-kellogg', 'volodymyr-zelensky']]);
    for (const t of ['Ukraine received weapons from Germany.', "Putin welcomed Trump's remarks.", "The Kremlin welcomed Witkoff's visit."]) assert.deepEqual(channelsOf(t), [], t);
    assert.deepEqual(only('Erdogan hosted talks between Russia and Ukraine.').slice(2), [['russia', 'ukraine'], ['recep-tayyip-erdogan']]);
  });

  it('"Putin told Reuters in an interview": the speaker and the outlet', () => {
    assert.deepEqual(only('Putin told Reuters in an interview that he was open to negotiations.'), ['media', 'an interview', ['reuters', 'vladimir-putin'], []]);
  });

  it('a place after "travel to" is not the subject of "to meet"', () => {
    assert.deepEqual(only('Witkoff will travel to Moscow next week to meet Putin.').slice(2), [['steve-witkoff', 'vladimir-putin'], []]);
  });

  it('"Kushner and Witkoff flew to Moscow for talks with Putin": every coordinated subject takes part', () => {
    assert.deepEqual(only('Kushner and Witkoff flew to Moscow for talks with Putin.').slice(1, 3), ['talks with Putin', ['jared-kushner', 'steve-witkoff', 'vladimir-putin']]);
  });

  it('states named by their people: "European and Ukrainian officials held talks", "European leaders met Zelensky"', () => {
    assert.deepEqual(only('European and Ukrainian officials held talks in Geneva.').slice(0, 3), ['meeting', 'held talks', ['europe', 'ukraine']]);
    assert.deepEqual(only('European leaders met Zelensky in London.').slice(2), [['europe', 'volodymyr-zelensky'], []]);
  });

  it('"held talks with his Indian counterpart, Subrahmanyam Jaishankar": the person in apposition, not the state', () => {
    const [, text, parties] = only('Wang Yi held talks with his Indian counterpart, Subrahmanyam Jaishankar, on Friday.');
    assert.equal(text, 'held talks with his Indian counterpart, Subrahmanyam Jaishankar');
    assert.deepEqual(parties, ['s-jaishankar', 'wang-yi']);
  });

  it('"In a letter to the ministers, UN Secretary-General Antonio Guterres warned": the author is the person, not the body in his title', () => {
    const list = channelsOf('In a letter to the ministers, UN Secretary-General Antonio Guterres warned of hunger.');
    assert.deepEqual(list.map((c) => [c.type, c.participants]), [['letter', ['antonio-guterres']]]);
  });

  it('"told the council", "told the agency\'s Board of Governors": a speech at a forum; "speaking on state television": media', () => {
    const [type, text, parties] = only("Britain's ambassador Barbara Woodward told the council that the vote mattered.");
    assert.deepEqual([type, text], ['forum', 'told the council']);
    assert.ok(parties.includes('barbara-woodward'));
    assert.deepEqual(only("Grossi told the agency's Board of Governors that access was limited.").slice(0, 2), ['forum', "told the agency's Board of Governors"]);
    assert.deepEqual(only('Araghchi, speaking on state television, said the talks were serious.').slice(0, 3), ['media', 'state television', ['abbas-araghchi']]);
  });

  it('a verb channel in a sentence that calls the contact secret is a back channel ("met secretly", "a back channel: … exchanged messages")', () => {
    assert.equal(only('Witkoff and Dmitriev met secretly in Miami.')[0], 'backchannel');
    assert.equal(only('Witkoff and Dmitriev met in Miami.')[0], 'meeting');
  });

  it('"…," Merz said after a meeting with Dick Schoof: the speaker the time phrase follows takes part', () => {
    const list = channelsOf('"We are ready," Merz said after a meeting with Dutch Prime Minister Dick Schoof.');
    assert.deepEqual(list.map((c) => [c.text, [...c.participants].sort()]), [['a meeting with Dutch Prime Minister Dick Schoof', ['dick-schoof', 'friedrich-merz']]]);
  });

  it('"In a speech carried live on state TV, he said": the person the pronoun stands for', () => {
    const t = 'The final word belongs to Ayatollah Ali Khamenei. In a speech carried live on state TV on Thursday, he said talks were unwise.';
    assert.deepEqual(only(t).slice(0, 3), ['media', 'state TV', ['ali-khamenei']]);
  });

  it('"Albusaidi walks between them, carrying messages": the one who carries them is the go-between', () => {
    const list = channelsOf('Omani Foreign Minister Badr Albusaidi walks between the delegations, carrying messages.');
    assert.deepEqual(list.map((c) => [c.type, c.via]), [['intermediary', ['badr-albusaidi']]]);
  });

  it('"In his nightly video address, President Volodymyr Zelensky …": a media channel of the speaker', () => {
    assert.deepEqual(only('In his nightly video address, President Volodymyr Zelensky thanked the Emirates.').slice(0, 3), ['media', 'his nightly video address', ['volodymyr-zelensky']]);
  });

  it('a pronoun subject stands for the person named before ("On Wednesday he spoke by phone with Macron", "“…,” he wrote on X")', () => {
    assert.deepEqual(only('Aoun said the talks were useful. On Wednesday he spoke by phone with French President Emmanuel Macron.').slice(0, 3), [
      'call',
      'spoke by phone with French President Emmanuel Macron',
      ['emmanuel-macron', 'joseph-aoun'],
    ]);
    assert.deepEqual(only('Katz was less diplomatic. "There will be no quiet," he wrote on X.').slice(2), [['israel-katz'], []]);
    // a sentence opening with "His …" goes on with the person named before it, not with the object it names
    const t = 'Aoun has tried to keep the door open. His office said he told Ortagus that Lebanon was committed. On Wednesday he spoke by phone with Macron.';
    const call = channelsOf(t).find((c) => c.type === 'call');
    assert.deepEqual([...(call?.participants ?? [])].sort(), ['emmanuel-macron', 'joseph-aoun']);
  });

  it('"European Union leaders ended a two-day summit": the subject of the event verb takes part, not the topic', () => {
    const t = 'BRUSSELS – European Union leaders ended a two-day summit in Brussels without agreeing to use Russian central bank assets for Ukraine.';
    assert.deepEqual(only(t).slice(0, 3), ['forum', 'a two-day summit in Brussels', ['european-union']]);
  });
});
