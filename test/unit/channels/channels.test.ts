import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRIGGER_RE, RULES, ruleOf, scanTriggers } from '../../../src/core/channels/lexicon';
import { fold } from '../../../src/core/text';
import type { Channel, Quote } from '../../../src/core/types';
import { mainParties } from '../../../src/core/channels/parties';
import { CAST, channelAt, channels, findingsFor } from './helpers';

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

function assertOffsets(text: string, list: readonly Channel[]): void {
  for (const c of list) assert.equal(text.slice(c.start, c.end), c.text, `offsets of "${c.text}"`);
}

describe('channels: types, participants and via', () => {
  it('call: "A and B spoke by phone" and "a telephone conversation between the presidents"', () => {
    const text =
      'Russian President Vladimir Putin and U.S. President Donald Trump spoke by phone on Tuesday. The telephone conversation between the presidents lasted ninety minutes.';
    const list = channels(text);
    const a = channelAt(list, 'spoke by phone');
    assert.equal(a.type, 'call');
    assert.deepEqual(sorted(a.participants), ['donald-trump', 'vladimir-putin']);
    const b = channelAt(list, 'telephone conversation between the presidents');
    assert.equal(b.type, 'call');
    assert.equal(b.text, 'The telephone conversation between the presidents');
    assert.deepEqual(sorted(b.participants), ['donald-trump', 'vladimir-putin']);
    assertOffsets(text, list);
  });

  it('call: "his conversation with B" resolves "his" to the nearest person', () => {
    const text = 'Lavrov said the position matched the one Putin set out in his recent conversation with Trump.';
    const c = channelAt(channels(text), 'conversation');
    assert.equal(c.type, 'call');
    assert.equal(c.text, 'his recent conversation with Trump');
    assert.deepEqual(sorted(c.participants), ['donald-trump', 'vladimir-putin']);
  });

  it('meeting: "A met with B", "talks between A and B", "A and B held talks", "a meeting in <place>"', () => {
    const text =
      'Lavrov met with Rubio in Istanbul on Thursday. The talks between Lavrov and Rubio focused on embassies. ' +
      'Witkoff and Dmitriev held lengthy talks on Friday. It followed a meeting in Riyadh between Rubio and Lavrov.';
    const list = channels(text);
    const met = channelAt(list, 'met with Rubio');
    assert.equal(met.type, 'meeting');
    assert.deepEqual(sorted(met.participants), ['marco-rubio', 'sergey-lavrov']);
    const talks = channelAt(list, 'talks between Lavrov and Rubio');
    assert.equal(talks.text, 'The talks between Lavrov and Rubio');
    assert.deepEqual(sorted(talks.participants), ['marco-rubio', 'sergey-lavrov']);
    const held = channelAt(list, 'held lengthy talks');
    assert.equal(held.type, 'meeting');
    assert.deepEqual(sorted(held.participants), ['kirill-dmitriev', 'steve-witkoff']);
    const riyadh = channelAt(list, 'a meeting in Riyadh');
    assert.equal(riyadh.text, 'a meeting in Riyadh');
    assert.deepEqual(sorted(riyadh.participants), ['marco-rubio', 'sergey-lavrov']);
    assertOffsets(text, list);
  });

  it('meeting: "the two presidents" resolves to the two most recent heads of state', () => {
    const text = 'Putin and Trump have not met since the spring. Rubio and Lavrov prepare the ground. Perhaps only a meeting between the two presidents can help.';
    const c = channelAt(channels(text), 'a meeting between the two presidents');
    assert.deepEqual(sorted(c.participants), ['donald-trump', 'vladimir-putin']);
  });

  it('letter: "a letter from A to B", "A wrote to B"', () => {
    const text = 'Zelensky wrote to Erdogan last week. A letter from Trump to Putin was delivered on Monday.';
    const list = channels(text);
    const w = channelAt(list, 'wrote to');
    assert.equal(w.type, 'letter');
    assert.deepEqual(sorted(w.participants), ['recep-erdogan', 'volodymyr-zelensky']);
    const l = channelAt(list, 'letter');
    assert.equal(l.type, 'letter');
    assert.deepEqual(sorted(l.participants), ['donald-trump', 'vladimir-putin']);
  });

  it('intermediary: "sent a message through C" gives via C', () => {
    const text = 'Kyiv sent a message to Moscow through Qatar, officials said.';
    const c = channelAt(channels(text), 'message');
    assert.equal(c.type, 'intermediary');
    assert.deepEqual(sorted(c.participants), ['russia', 'ukraine']);
    assert.deepEqual(c.via, ['qatar']);
  });

  it('intermediary: "an offer by Turkey to mediate between Russia and the West"', () => {
    const text = 'The Kremlin welcomed an offer by Turkey to mediate between Russia and the West.';
    const c = channelAt(channels(text), 'mediate');
    assert.equal(c.type, 'intermediary');
    assert.deepEqual(c.via, ['turkey']);
    assert.deepEqual(sorted(c.participants), ['russia', 'the-west']);
  });

  it('track: "the Witkoff–Dmitriev track" (en dash) once, "along the lines of A - B", "a separate track"', () => {
    const text =
      'Progress is fastest on the Witkoff–Dmitriev track. There is also an economic dialogue along the lines of Witkoff - Dmitriev. A separate track deals with security.';
    const list = channels(text);
    const t = list.filter((c) => c.text.includes('track') && c.text.includes('Witkoff'));
    assert.equal(t.length, 1, 'nested pair and track report once');
    assert.equal(t[0].text, 'the Witkoff–Dmitriev track');
    assert.equal(t[0].type, 'track');
    assert.deepEqual(sorted(t[0].participants), ['kirill-dmitriev', 'steve-witkoff']);
    const lines = channelAt(list, 'along the lines of');
    assert.equal(lines.type, 'track');
    assert.deepEqual(sorted(lines.participants), ['kirill-dmitriev', 'steve-witkoff']);
    assert.equal(channelAt(list, 'A separate track').type, 'track');
  });

  it('backchannel: "secret diplomacy" alone; "unofficial channels through C" with via', () => {
    const text = 'Both capitals rely on secret diplomacy. Moscow and Washington also keep unofficial channels, for example through the Vatican.';
    const list = channels(text);
    assert.equal(channelAt(list, 'secret diplomacy').type, 'backchannel');
    const u = channelAt(list, 'unofficial channels');
    assert.equal(u.type, 'backchannel');
    assert.deepEqual(u.via, ['vatican']);
    assert.deepEqual(sorted(u.participants), ['russia', 'united-states']);
  });

  it('media: a statement directed at another actor is a channel; reporting to journalists is not', () => {
    const text = "Trump's repeated statements to Moscow were noted. Rubio told reporters he was hopeful. In other words, nothing changed.";
    const list = channels(text);
    const m = channelAt(list, 'statements to Moscow');
    assert.equal(m.type, 'media');
    assert.deepEqual(sorted(m.participants), ['donald-trump', 'russia']);
    assert.equal(list.length, 1);
  });

  it('social: posts need an author', () => {
    const text = 'The tweets of Kirill Dmitriev praising Trump drew attention. Subscribe to get the latest posts.';
    const list = channels(text);
    assert.equal(list.length, 1);
    assert.equal(list[0].type, 'social');
    assert.deepEqual(sorted(list[0].participants), ['donald-trump', 'kirill-dmitriev']);
  });

  it('forum: "on the sidelines of the G20 summit", "the ASEAN foreign ministers\' meeting"', () => {
    const text = "Lavrov and Rubio talked on the sidelines of the G20 summit in Rio. Rubio later attended the ASEAN foreign ministers' meeting.";
    const list = channels(text);
    const s = channelAt(list, 'sidelines of the G20 summit');
    assert.equal(s.type, 'forum');
    assert.ok(s.participants.includes('g20'));
    const a = channelAt(list, "ASEAN foreign ministers' meeting");
    assert.equal(a.type, 'forum');
    assert.ok(a.participants.includes('asean'));
  });

  it('working-group and other: "creating working groups", "dialogue between Moscow and Washington", "restoring diplomatic relations"', () => {
    const text =
      'The dialogue between Moscow and Washington resumed in February. The two sides agreed to begin restoring diplomatic relations and creating working groups.';
    const list = channels(text);
    const d = channelAt(list, 'dialogue between Moscow and Washington');
    assert.equal(d.type, 'other');
    assert.deepEqual(sorted(d.participants), ['russia', 'united-states']);
    const r = channelAt(list, 'restoring diplomatic relations');
    assert.equal(r.type, 'other');
    assert.deepEqual(sorted(r.participants), ['russia', 'united-states'], '"the two sides" = the parties of the recent channel');
    const w = channelAt(list, 'working groups');
    assert.equal(w.type, 'working-group');
  });

  it('working-group: long keywords start triggers too ("the intergovernmental commission")', () => {
    const list = channels('Russia and Turkey agreed to revive the intergovernmental commission on trade, officials in Ankara said.');
    const c = channelAt(list, 'intergovernmental commission');
    assert.equal(c.type, 'working-group');
    assert.deepEqual(sorted(c.participants), ['russia', 'turkey']);
  });

  it('an interview\'s speaker label takes part in nothing its question names', () => {
    const cast = [...CAST, { id: 'harbour-courier', kind: 'organization' as const, names: ['Harbour Courier'] }];
    const text = 'Harbour Courier: Was the hotline used during the crisis?\nHarbour Courier: Who else was on the call?';
    for (const c of channels(text, [], cast)) assert.ok(!c.participants.includes('harbour-courier'), `${c.text}: ${c.participants.join(', ')}`);
  });

  it('a channel named without participants is between the two states the story is about, when there is a clear pair', () => {
    const bilateral = [
      'Relations between Russia and Ukraine thawed this spring. Moscow reopened a border crossing, and Kyiv freed fishermen.',
      'Officials in Russia and Ukraine say more steps may follow. The military hotline was used twice in May.',
    ].join('\n');
    assert.deepEqual(sorted(channelAt(channels(bilateral), 'military hotline').participants), ['russia', 'ukraine']);
    const many = [
      'Ministers from Russia, Ukraine, Turkey, Qatar and the United States met in Geneva. Russia, Ukraine, Turkey and Qatar spoke first.',
      'The United States and Qatar asked for more time; Turkey and Ukraine agreed. The military hotline was mentioned once.',
    ].join('\n');
    assert.equal(mainParties(findingsFor(many).mentions, (id) => (CAST.find((a) => a.id === id)?.kind ?? 'person')), null, 'no clear pair: no guess');
  });

  it('compound adjectives: "U.S.-Russian dialogue" with or without a mention inside the compound', () => {
    const text = 'The nascent U.S.-Russian dialogue is fragile.';
    const withMention = channelAt(channels(text), 'U.S.-Russian dialogue');
    assert.deepEqual(sorted(withMention.participants), ['russia', 'united-states']);
    // an actor stage that does not report "U.S." inside the compound
    const cast = [
      { id: 'russia', kind: 'state' as const, names: ['Russia'], demonyms: ['Russian'] },
      { id: 'united-states', kind: 'state' as const, names: ['Washington', 'U.S.X'], demonyms: ['American'] },
    ];
    const noMention = channels('Washington and Russia: the nascent U.S.-Russian dialogue is fragile.', [], cast);
    const c = channelAt(noMention, 'U.S.-Russian dialogue');
    assert.ok(c.participants.includes('russia'));
  });
});

describe('channels: precision guards', () => {
  it('generic words without participants or a specific modifier are not channels', () => {
    const text = 'Progress in negotiations is slow. The talks were long. The conversation is being held on several tracks. One of the tracks stalled.';
    assert.deepEqual(channels(text), []);
  });

  it('"the talks" with two sides in the sentence is a channel; with one side it is not', () => {
    assert.equal(channels('The talks went well for Moscow and Washington.').length, 1);
    assert.equal(channels('The talks went well for Moscow.').length, 0);
  });

  it('prisoner exchanges, a visit to a region and "a vital channel" are not channels', () => {
    const text = 'Discussions on prisoner exchanges continued. Rubio\'s visit to Asia is his first. It offers a vital channel for de-escalation.';
    assert.deepEqual(channels(text).map((c) => c.text), []);
  });

  it('topic countries are not parties: "described the exchange as frank on issues like Iran and Syria"', () => {
    const cast = [
      { id: 'russian-foreign-ministry', kind: 'organization' as const, names: ['Foreign Ministry'], affiliation: 'russia' },
      { id: 'russia', kind: 'state' as const, names: ['Russia'] },
      { id: 'iran', kind: 'state' as const, names: ['Iran'] },
      { id: 'syria', kind: 'state' as const, names: ['Syria'] },
    ];
    assert.deepEqual(channels("Russia's Foreign Ministry described the exchange as frank, as well as on issues like Iran and Syria.", [], cast), []);
  });

  it('a channel word inside scare quotes only is not reported; inside a direct quote it is', () => {
    const scareText = 'Moscow and Washington call it “talks” at best.';
    const q: Quote = { start: scareText.indexOf('talks'), end: scareText.indexOf('talks') + 5, text: 'talks', kind: 'scare', speaker: null, cue: null, confidence: 0.8, mark: '“' };
    assert.deepEqual(channels(scareText, [q]), []);
    assert.deepEqual(channels(scareText), [], 'even when the quote stage did not report it');
    const direct = '“The talks between Lavrov and Rubio were useful,” an aide said.';
    const dq: Quote = { start: 1, end: direct.indexOf('”'), text: direct.slice(1, direct.indexOf('”')), kind: 'direct', speaker: null, cue: null, confidence: 0.9, mark: '“' };
    assert.equal(channels(direct, [dq]).length, 1);
  });

  it('a bare "between A and B" of two people is a line of dialogue, but not "the difference between A and B"', () => {
    assert.equal(channelAt(channels('Many issues are settled directly between Witkoff and Dmitriev.'), 'between Witkoff and Dmitriev').type, 'track');
    assert.deepEqual(channels('The difference between Witkoff and Dmitriev is style.'), []);
  });
});

describe('channels: de-duplication, offsets, line endings', () => {
  it('a nested channel phrase reports once (the longer)', () => {
    const text = 'Secret diplomacy matters. Informal secret diplomacy is older than that.';
    const list = channels(text);
    for (let i = 1; i < list.length; i++) assert.ok(list[i].start >= list[i - 1].end, 'no overlapping channels');
  });

  it('offsets are exact over the fixtures, and CRLF line endings give the same channels', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'channels');
    for (const name of ['briefing.txt', 'interview.txt']) {
      const lf = readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = channels(lf);
      const b = channels(crlf);
      assert.ok(a.length >= 8, `${name}: found ${a.length}`);
      assertOffsets(lf, a);
      assertOffsets(crlf, b);
      assert.deepEqual(b.map((c) => [c.text, c.type, c.participants, c.via]), a.map((c) => [c.text, c.type, c.participants, c.via]));
    }
  });

  it('empty text and text without actors', () => {
    assert.deepEqual(channels(''), []);
    assert.equal(channels('Secret diplomacy is an old art.')[0].type, 'backchannel');
  });

  it('the keyword-gated scanner finds exactly what the global trigger regex finds', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'channels');
    const extra =
      'Re-establishing embassies, back-room deals, a go-between, op-eds, restoring ties, re-establish diplomatic relations, ' +
      'upgrading embassies, track-one diplomacy, behind-the-scenes talks, off-the-record contacts, peace talks, phoned. ' +
      'Official diplomacy, formal channels, a new track, track two, track 1.5 talks, track-ii, along the lines of, peace process, ' +
      'talks on the truce, negotiations about peace, phone calls, video-link, telephone link, joint commission, task forces, ' +
      "expert groups, on the margins of, foreign ministers' meeting, general assembly, ministerial councils, posted on Telegram, " +
      'told a news conference, televised address, public radio, exchange of views, exchanged opinions, rounds of talks, ' +
      'restored full diplomatic relations, reopening of the embassy, normal work of embassies, closed-door briefings, ' +
      'behind closed doors briefing, contacts between the security services, secret diplomacy, back-room diplomacy.';
    const files = readdirSync(dir).map((f) => join(dir, f));
    const samples = join(__dirname, '..', '..', '..', 'samples');
    for (const f of readdirSync(samples)) files.push(join(samples, f));
    const text = fold(files.map((f) => readFileSync(f, 'utf8')).join('\n') + '\n' + extra + '\n' + extra.toLowerCase().replace(/ /g, '\u00a0'));
    const global: string[] = [];
    const re = new RegExp(TRIGGER_RE.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) global.push(`${m.index}:${m[0].length}:${ruleOf(m).name}`);
    const gated: string[] = [];
    scanTriggers(text, (m) => gated.push(`${m.start}:${m.end - m.start}:${m.rule.name}`));
    assert.ok(global.length > 50);
    assert.deepEqual(gated, global);
  });

  it('the trigger scanner is one compiled regex with one group per rule', () => {
    assert.ok(TRIGGER_RE.global);
    const groups = new RegExp(TRIGGER_RE.source + '|').exec('')!.length - 1;
    assert.equal(groups, RULES.length);
  });
});
