import { strict as assert } from 'node:assert';
import { buildTrie, childOf } from '../../../src/core/matcher/trie';
import { scanText, UPPER_CANDIDATE } from '../../../src/core/matcher/scan';
import { charClass, C_UPPER } from '../../../src/core/text/fold';
import { compileRegistry } from '../../../src/core/registry';
import { fold } from '../../../src/core/text';
import type { ActorEntry } from '../../../src/core/types';

const entries: ActorEntry[] = [
  { id: 'russia', name: 'Russia', kind: 'state', aliases: ['the Kremlin', 'Moscow'], roles: [], demonyms: ['Russian'] },
  { id: 'united-states', name: 'United States', kind: 'state', aliases: ['US', 'U.S.', 'Washington'], roles: [] },
  { id: 'turkey', name: 'Turkey', kind: 'state', aliases: [], roles: [] },
  { id: 'al-qaeda', name: 'al-Qaeda', kind: 'organization', aliases: [], roles: [] },
  { id: 'dpa', name: 'dpa', kind: 'organization', aliases: [], roles: [] },
  { id: 'sergey-lavrov', name: 'Sergey Lavrov', kind: 'person', aliases: ['Sergei Lavrov'], roles: [], affiliation: 'russia' },
];
const reg = compileRegistry(entries);

function scan(text: string): string[] {
  const r = scanText(text, fold(text), reg);
  const out = r.hits.map((h) => `${text.slice(h.start, h.end)}=${h.outs.map((o) => `${o.actorId}/${o.kind}`).join(',')}`);
  for (let i = 0; i < r.caps.length; i += 2) out.push(`cap:${text.slice(r.caps[i], r.caps[i + 1])}`);
  return out;
}

describe('matcher: trie', () => {
  it('finds every key along its path, and nothing else', () => {
    const keys = ['the kremlin', 'the hague', 'theresa', 'a', 'ab', 'abc', 'zz'];
    const { trie, terminalOf } = buildTrie(keys);
    for (const k of keys) {
      let node = 0;
      for (let i = 0; i < k.length; i++) node = childOf(trie, node, k.charCodeAt(i));
      assert.ok(node > 0, k);
      assert.equal(trie.terminal[node] - 1, terminalOf(k), k);
    }
    assert.equal(childOf(trie, 0, 'q'.charCodeAt(0)), 0);
    assert.equal(terminalOf('nope'), -1);
    // a node with many children gets a dense slab and answers the same
    const wideKeys = 'abcdefghij'.split('').map((c) => 'x' + c);
    const w = buildTrie(wideKeys);
    const x = childOf(w.trie, 0, 'x'.charCodeAt(0));
    assert.ok(w.trie.wideAt[x] > 0);
    for (const k of wideKeys) assert.ok(childOf(w.trie, x, k.charCodeAt(1)) > 0);
    assert.equal(childOf(w.trie, x, 'z'.charCodeAt(0)), 0);
  });
});

describe('matcher: scanText', () => {
  it('longest match at word starts, possessives, and capitalised tokens no form matched', () => {
    assert.deepEqual(scan('Sergei Lavrov’s visit to Moscow'), ['Sergei Lavrov=sergey-lavrov/alias', 'Moscow=russia/alias']);
    assert.deepEqual(scan('Then Lavrov spoke'), ['Lavrov=sergey-lavrov/surname', 'cap:Then']);
  });
  it('case rules: acronyms exact, names capitalised, lowercase lead prefixes ("the Kremlin", "al-Qaeda", "dpa")', () => {
    assert.deepEqual(scan('tell us about turkey'), []);
    assert.deepEqual(scan('US and Turkey'), ['US=united-states/alias', 'Turkey=turkey/name']);
    assert.deepEqual(scan('said the Kremlin and al-Qaeda, dpa reported'), ['the Kremlin=russia/alias', 'al-Qaeda=al-qaeda/name', 'dpa=dpa/name']);
    assert.deepEqual(scan('said the kremlin'), []);
  });
  it('word boundaries: no match inside a word; a form ending in "." may be followed by a letter', () => {
    assert.deepEqual(scan('Russians and Turkeys'), ['cap:Russians', 'cap:Turkeys']);
    assert.deepEqual(scan('the U.S.-led plan'), ['U.S.=united-states/alias']);
  });
  it('non-ASCII capitals and words: Łukasz is a capitalised token, “Moscow” in curly quotes matches', () => {
    assert.deepEqual(scan('Łukasz visited “Moscow”.'), ['Moscow=russia/alias', 'cap:Łukasz']);
  });
  it('same results as walking every word start (the candidate filter loses nothing)', () => {
    const text = 'The Kremlin, the Kremlin, THE KREMLIN, tHe Kremlin and the kremlin; Al-Qaeda, al-Qaeda, DPA, dpa. US us U.S. Sergei Lavrov';
    const got = scan(text);
    assert.ok(got.includes('the Kremlin=russia/alias'));
    assert.ok(got.includes('tHe Kremlin=russia/alias'));
    assert.ok(got.includes('dpa=dpa/name'));
    assert.ok(!got.some((g) => g.startsWith('the kremlin=')));
  });
});

describe('matcher: candidate filter', () => {
  it('the uppercase candidate class covers every uppercase code unit', () => {
    const re = new RegExp(UPPER_CANDIDATE.source);
    for (let c = 0; c < 65536; c++) if ((charClass(c) & C_UPPER) !== 0) assert.ok(re.test(String.fromCharCode(c)), c.toString(16));
  });
});
