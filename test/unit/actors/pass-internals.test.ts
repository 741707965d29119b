import { strict as assert } from 'node:assert';
import { Cands, Pass } from '../../../src/core/actors/pass';
import { joins } from '../../../src/core/actors/runs';
import { createDoc } from '../../../src/core/text';
import { devRegistry, view } from './helpers';

describe('actors: pass internals', () => {
  it('elEndingAt agrees with a linear search, in any order of lookups', () => {
    const text = 'Foreign Minister Sergei Lavrov met Ivan Petrov, the Baltic Institute head, in Geneva. Dr. Anna Keller said so.';
    const p = new Pass(createDoc(text), devRegistry());
    assert.ok(p.n > 3);
    const linear = (pos: number): number => {
      for (let k = 0; k < p.n; k++) if (p.ee[k] === pos) return k;
      return -1;
    };
    const positions = Array.from({ length: text.length + 2 }, (_, i) => i);
    // forwards, backwards, and a scrambled order (the finger must never give a wrong answer)
    const orders = [positions, [...positions].reverse(), positions.map((_, i) => (i * 37) % positions.length)];
    for (const order of orders) for (const pos of order) assert.equal(p.elEndingAt(pos), linear(pos), `pos ${pos}`);
  });

  it('candidates grow past their capacity and keep every column', () => {
    const c = new Cands(2);
    for (let k = 0; k < 100; k++) c.add(k, k + 1, [`id${k}`], k % 2 ? 'name' : 'alias', k / 100, k % 5, k % 3 ? undefined : 'r', k & 3);
    assert.equal(c.length, 100);
    for (let k = 0; k < 100; k++) {
      assert.equal(c.start[k], k);
      assert.equal(c.end[k], k + 1);
      assert.deepEqual(c.ids[k], [`id${k}`]);
      assert.equal(c.match[k], k % 2 ? 'name' : 'alias');
      assert.equal(c.conf[k], k / 100);
      assert.equal(c.prio[k], k % 5);
      assert.equal(c.role[k], k % 3 ? undefined : 'r');
      assert.equal(c.flags[k], k & 3);
      assert.equal(c.hint[k], undefined);
    }
  });

  it('a run joins over one space, a hyphen or a lowercase particle only', () => {
    const cases: Array<[string, boolean]> = [
      ['Hamad bin Jassim', true],
      ['Ursula von Leyen', true],
      ['Ursula Von Leyen', true], // "Von" is an element of the run itself
      ['Ursula  von Leyen', true], // extra blanks are trimmed
      ['Paris of France', false],
      ['Paris, Bin Laden', false],
      ['Anna-Maria Keller', true],
    ];
    for (const [text, joined] of cases) {
      const p = new Pass(createDoc(text), devRegistry());
      let all = true;
      for (let k = 0; k + 1 < p.n; k++) all &&= joins(p, k, k + 1);
      assert.equal(all, joined, text);
    }
  });

  it('leftovers: a repeated token gives the same answer at every occurrence', () => {
    const text = 'Dr. Anna Keller spoke. Keller said no. Later Keller left, and Keller returned.';
    assert.deepEqual(
      view(text).filter((m) => m.startsWith('Keller')),
      ['Keller→anna-keller', 'Keller→anna-keller', 'Keller→anna-keller'],
    );
  });
});
