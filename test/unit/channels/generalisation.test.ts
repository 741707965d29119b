/**
 * Patterns beyond the dev corpus, on the four fixtures written for them (test/fixtures/channels/*.txt): subjects of
 * verb-led channels, venues and hosts, messages passed through a third party, unofficial tracks, public
 * appearances, posts, pronoun and relative-clause participants, and generic or hypothetical remarks.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel } from '../../../src/core/types';
import { channelAt, channels } from './helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, '..', '..', 'fixtures', 'channels', name), 'utf8');
const sorted = (xs: readonly string[]): string[] => [...xs].sort();

function check(list: readonly Channel[], phrase: string, type: Channel['type'], participants: string[], via: string[] = []): Channel {
  const c = channelAt(list, phrase);
  assert.equal(c.type, type, `type of "${c.text}"`);
  assert.deepEqual(sorted(c.participants), sorted(participants), `participants of "${c.text}"`);
  assert.deepEqual(sorted(c.via), sorted(via), `via of "${c.text}"`);
  return c;
}

function assertOffsets(text: string, list: readonly Channel[]): void {
  for (const c of list) assert.equal(text.slice(c.start, c.end), c.text, `offsets of "${c.text}"`);
}

describe('channels: generalisation fixtures', () => {
  it('calls-and-posts: subject of "spoke by phone with", "their call", letters with an addressee, posts, hotlines, generic remarks', () => {
    const text = fixture('calls-and-posts.txt');
    const list = channels(text);
    check(list, 'Erdogan spoke by phone with Putin', 'call', ['recep-erdogan', 'vladimir-putin']);
    check(list, 'Their phone call', 'call', ['recep-erdogan', 'vladimir-putin']);
    check(list, 'a letter', 'letter', ['volodymyr-zelensky', 'recep-erdogan']);
    check(list, 'wrote on Truth Social', 'social', ['donald-trump']);
    const post = channelAt(list, 'a post on Telegram');
    assert.equal(post.type, 'social');
    assert.ok(post.participants.includes('volodymyr-zelensky'));
    check(list, 'a hotline', 'call', ['turkey', 'russia']);
    assert.ok(!list.some((c) => c.text.includes('A phone call')), '"a phone call is cheap" is a generic remark');
    assertOffsets(text, list);
  });

  it('venues-and-hosts: the host is via, a city modifier is a venue, relative and gerund meetings, no hypothetical meetings', () => {
    const text = fixture('venues-and-hosts.txt');
    const list = channels(text);
    check(list, 'a meeting between Lavrov and Rubio', 'meeting', ['sergey-lavrov', 'marco-rubio'], ['recep-erdogan']);
    check(list, 'The Doha talks between Russia and Ukraine', 'meeting', ['russia', 'ukraine']);
    check(list, 'met Dmitriev', 'meeting', ['steve-witkoff', 'kirill-dmitriev']);
    check(list, 'meeting the Ukrainian delegation', 'meeting', ['marco-rubio', 'ukraine']);
    assert.ok(!list.some((c) => /could meet|\bmeet\b/.test(c.text) && c.participants.includes('donald-trump')), '"could meet" is a possibility');
    assertOffsets(text, list);
  });

  it('intermediaries: a message passed on by a third party, indirect talks, a secret channel through C, technical talks, press conferences', () => {
    const text = fixture('intermediaries.txt');
    const list = channels(text);
    check(list, 'a message to Kyiv', 'intermediary', ['ukraine', 'russia'], ['recep-erdogan']);
    check(list, 'held indirect talks', 'intermediary', ['russia', 'ukraine']);
    check(list, 'A secret channel between Moscow and Washington', 'backchannel', ['russia', 'united-states'], ['vatican']);
    check(list, 'technical talks', 'meeting', ['sergey-lavrov', 'marco-rubio']);
    check(list, 'told a press conference', 'media', ['volodymyr-zelensky']);
    assertOffsets(text, list);
  });

  it('tracks-and-media: Track Two is a named (unofficial) track, "its exchanges with" takes the possessor, state television, open letters, closed-door briefings', () => {
    const text = fixture('tracks-and-media.txt');
    const list = channels(text);
    check(list, 'Track Two dialogues between Chinese and American scholars', 'track', ['china', 'united-states']);
    check(list, 'its latest exchanges with Washington', 'meeting', ['china', 'united-states']);
    check(list, 'state television', 'media', ['vladimir-putin']);
    check(list, 'an open letter to Trump', 'letter', ['volodymyr-zelensky', 'donald-trump']);
    const briefings = check(list, 'closed-door briefings', 'meeting', ['sergey-lavrov', 'china']);
    assert.ok(briefings.confidence > 0.5);
    assertOffsets(text, list);
  });

  it('single sentences: "X, who met Y", "hosted talks", "sent her a letter" do not leak into other sentences', () => {
    const list = channels('Qatar hosted talks between Russia and Ukraine. Rubio, who met Lavrov, stayed silent.');
    check(list, 'talks between Russia and Ukraine', 'meeting', ['russia', 'ukraine'], ['qatar']);
    check(list, 'met Lavrov', 'meeting', ['marco-rubio', 'sergey-lavrov']);
  });

  it('appositions: "Dmitriev, the head of the fund, wrote on X", "asked Turkey\'s president, Erdogan, to pass a message", "sent her a letter"', () => {
    const a = channels('Kirill Dmitriev, the head of Russia\'s wealth fund, wrote on X that talks were going well.');
    check(a, 'wrote on X', 'social', ['kirill-dmitriev']);
    const b = channels('Putin asked Turkey\'s president, Erdogan, to pass a message to Kyiv.');
    const msg = channelAt(b, 'a message to Kyiv');
    assert.equal(msg.type, 'intermediary');
    assert.deepEqual(msg.via, ['recep-erdogan']);
    const c = channels('Zelensky met Erdogan in March. Lavrov, the foreign minister, sent him a letter on Monday.');
    const letter = channelAt(c, 'a letter');
    assert.equal(letter.type, 'letter');
    assert.ok(letter.participants.includes('sergey-lavrov'));
    assert.ok(letter.participants.includes('recep-erdogan'));
  });

  it('speakers of interviews and posts in an "in …" phrase, and of "he told … television"', () => {
    const a = channels('Zelensky dismissed the demands in a post on Telegram on Sunday.');
    check(a, 'a post on Telegram', 'social', ['volodymyr-zelensky']);
    const b = channels('Lavrov spoke in Moscow. “We are ready,” he told state television.');
    check(b, 'state television', 'media', ['sergey-lavrov']);
    const d = channels('Lavrov arrived on Monday. “Nobody should set dates,” he told Russian state television.');
    check(d, 'state television', 'media', ['sergey-lavrov']);
    const c = channels('Lavrov told a security forum in Moscow that the West must listen.');
    check(c, 'told a security forum', 'forum', ['sergey-lavrov']);
  });
});
