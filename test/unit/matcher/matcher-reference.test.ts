import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanArrays, hashRange } from '../../../src/core/matcher/scan';
import { lowerStarts } from '../../../src/core/matcher/starts';
import { childOf } from '../../../src/core/matcher/trie';
import { compileRegistry, parseRegistry, type CompiledRegistry, type FormOutput } from '../../../src/core/registry';
import { fold, isUpperCode, isWordCode } from '../../../src/core/text';

/**
 * The scan's definition, walked naively: every word start outside earlier matches, in order; the longest
 * trie match there whose outputs pass the word-boundary and case rules, unless the match starts with the word
 * "the" and the longest match from the next word start ends later ("The UN Security Council": not "The UN");
 * else a capitalised token.
 */
function reference(text: string, folded: string, reg: CompiledRegistry): string[] {
  const out: string[] = [];
  const n = folded.length;
  const passes = (o: FormOutput, i: number): boolean =>
    o.mode === 0 ? true : o.mode === 1 ? isUpperCode(text.charCodeAt(i + o.capAt)) : text.startsWith(o.form, i);
  const longest = (i: number): { best: FormOutput[] | null; bestEnd: number } => {
    let best: FormOutput[] | null = null;
    let bestEnd = -1;
    for (let node = 0, j = i; j < n; j++) {
      node = childOf(reg.trie, node, folded.charCodeAt(j));
      if (node === 0) break;
      const t = reg.trie.terminal[node] - 1;
      if (t < 0 || reg.outputs[t].length === 0) continue;
      const outs = reg.outputs[t];
      if (outs[0].endsInWord && j + 1 < n && isWordCode(folded.charCodeAt(j + 1))) continue;
      const ok = outs.filter((o) => passes(o, i));
      if (ok.length) {
        best = ok;
        bestEnd = j + 1;
      }
    }
    return { best, bestEnd };
  };
  let pos = 0;
  for (let i = 0; i < n; i++) {
    if (i < pos || !isWordCode(folded.charCodeAt(i)) || (i > 0 && isWordCode(folded.charCodeAt(i - 1)))) continue;
    let { best, bestEnd } = longest(i);
    let k = i + 1;
    while (k < n && isWordCode(folded.charCodeAt(k))) k++;
    if (best && k - i === 3 && folded.startsWith('the', i)) {
      let j = k;
      while (j < bestEnd && !isWordCode(folded.charCodeAt(j))) j++;
      if (j < bestEnd && longest(j).bestEnd > bestEnd) {
        best = null;
        bestEnd = -1;
        if (!isUpperCode(text.charCodeAt(i))) {
          pos = k;
          continue;
        }
      }
    }
    if (best) {
      out.push(`${i}-${bestEnd}:${best.map((o) => `${o.actorId}/${o.kind}/${o.form}`).join(',')}`);
      pos = bestEnd;
    } else {
      if (isUpperCode(text.charCodeAt(i))) out.push(`${i}-${k}#${hashRange(folded, i, k)}`);
      pos = k;
    }
  }
  return out;
}

function scanned(text: string, folded: string, reg: CompiledRegistry): string[] {
  const s = scanArrays(text, folded, reg);
  const out: string[] = [];
  for (let k = 0; k < s.count; k++) {
    const outs = s.outs[k];
    if (outs) out.push(`${s.start[k]}-${s.end[k]}:${outs.map((o) => `${o.actorId}/${o.kind}/${o.form}`).join(',')}`);
    else out.push(`${s.start[k]}-${s.end[k]}#${s.hash[k]}`);
  }
  return out;
}

const ROOT = join(__dirname, '../../..');
const world = compileRegistry(parseRegistry(readFileSync(join(ROOT, 'registry/world.yaml'), 'utf8'), 'world.yaml').entries);

/** Case mutations that put lowercase prefixes before capitals ("tHe Kremlin") and capitals inside prefixes. */
function variants(text: string): string[] {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const mixed = text.replace(/[a-z]/gi, (c) => (rnd() < 0.15 ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c));
  return [text, text.toLowerCase(), text.toUpperCase(), mixed, text.replace(/ /g, '\u00a0')];
}

describe('matcher: scan equals the naive definition', () => {
  it('on the samples and their case variants, with the world registry', () => {
    const dir = join(ROOT, 'samples');
    for (const f of readdirSync(dir).sort()) {
      for (const text of variants(readFileSync(join(dir, f), 'utf8'))) {
        const folded = fold(text);
        assert.deepEqual(scanned(text, folded, world), reference(text, folded, world), f);
      }
    }
  });
  it('on lowercase prefixes found backward and forward ("the Kremlin", "al-Qaeda", "dpa"), at text edges', () => {
    const texts = [
      'the Kremlin',
      'tHe Kremlin said; THE Kremlin; the kremlin; theKremlin; bathe Kremlin; the  Kremlin',
      'al-Qaeda and Al-Qaeda and al-qaeda; dpa, DPA, Dpa. The White House, the White House, thE White House',
      'mainland China and Mainland China; the Kremlin’s view',
      'Kremlin the Kremlin the',
    ];
    for (const text of texts) {
      const folded = fold(text);
      assert.deepEqual(scanned(text, folded, world), reference(text, folded, world), text);
    }
  });

  it('a form starting with "the" yields to a longer name from its next word: "The UN Security Council", "the UN Security Council"', () => {
    for (const text of ['The UN Security Council met.', 'Later the UN Security Council met.', 'The Kremlin said.', 'the UN said']) {
      const folded = fold(text);
      assert.deepEqual(scanned(text, folded, world), reference(text, folded, world), text);
    }
    const t = 'The UN Security Council met.';
    const hits = scanned(t, fold(t), world).filter((x) => x.includes(':'));
    assert.deepEqual(hits.map((x) => x.split(':')[0]), ['4-23']);
  });
});

describe('matcher: lowercase starts', () => {
  const forms = (list: Array<[string, FormOutput['mode'], number]>): Map<string, FormOutput[]> =>
    new Map(list.map(([form, mode, capAt]) => [fold(form), [{ actorId: 'x', kind: 'alias', mode, capAt, form, endsInWord: true }]]));
  it('prefixes before a capital at a word start are found backward; the rest forward, shortest only', () => {
    const s = lowerStarts(
      forms([
        ['the Kremlin', 1, 4],
        ['al-Qaeda', 1, 3],
        ['dpa', 0, 0],
        ['dpa news', 0, 0],
        ['de la Rue', 1, 6], // an inner word start ("la"): forward
        ['iPhone', 0, 0],
        ['US', 2, 0],
      ]),
    );
    assert.deepEqual([...s.back].sort(), ['al-', 'the ']);
    assert.deepEqual([...s.forward].sort(), ['de la ', 'dpa', 'iphone']);
    assert.deepEqual(s.backGroups[s.backPair[('e'.charCodeAt(0) << 7) | 32] - 1], ['the ']);
    assert.deepEqual(s.backGroups[s.backPair[('l'.charCodeAt(0) << 7) | 45] - 1], ['al-']);
    assert.equal(s.backPair[('x'.charCodeAt(0) << 7) | 32], 0);
  });
});
