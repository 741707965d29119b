import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegistry } from '../../../src/core/registry';
import { fastParse } from '../../../src/core/registry/fastParse';
import { parseGeneral } from '../../../src/core/registry/parse';
import { sortKeys } from '../../../src/core/registry/sortKeys';
import { caseMode, caseModeGeneral } from '../../../src/core/registry/forms';

const ROOT = join(__dirname, '..', '..', '..');
const WORLD = readFileSync(join(ROOT, 'registry', 'world.yaml'), 'utf8');
const DEV = readFileSync(join(ROOT, 'test', 'fixtures', 'actors', 'dev-registry.yaml'), 'utf8');

/** The fast reader either declines or gives exactly what the `yaml` path gives, with no problem reported there. */
function agrees(text: string, partial = false): 'fast' | 'declined' {
  const fast = fastParse(text, partial);
  const general = parseGeneral(text, 'r.yaml', { partial });
  if (fast === null) {
    assert.deepEqual(parseRegistry(text, 'r.yaml', { partial }), general);
    return 'declined';
  }
  assert.deepEqual(general.errors, [], `fast path accepted a file with problems:\n${text}`);
  assert.deepEqual(fast, general.entries);
  return 'fast';
}

const entry = (...fields: string[]): string => ['actors:', '  - id: x', '    name: X', '    kind: state', ...fields].join('\n') + '\n';

describe('registry: fast reader against the yaml package', () => {
  it('reads the default and the development registry the same way', () => {
    assert.equal(agrees(WORLD), 'fast');
    assert.equal(agrees(DEV), 'fast');
    assert.equal(agrees(WORLD.replace(/\n/g, '\r\n')), 'fast', 'CRLF line ends');
  });

  it('agrees on tricky values it accepts', () => {
    const accepted = [
      entry('    aliases: [a, b, c] # comment: with, [brackets]', '    roles: []   '),
      entry("    aliases: ['the Kremlin', \"Moscow: the city\", 'it''s', People's Republic]"),
      entry('    aliases: ["a, b", c]', '    wikidata: Q1 # trailing'),
      entry('    aliases:', '      - One', "      - 'Two: 2'", '      # a comment between items', '      - Three # note'),
      entry('    aliases:', '    - Compact', '    - Block'),
      entry('    aliases: Single', '    demonyms: [Xian, Xians, Xian]'),
      entry('    roles: Head of C#', '    aliases: http://example.org'),
      entry('    aliases: [1, 2]', '    roles: [a, b, ]'),
      entry('    aliases:', '    roles: ~'),
      'version: 1\n# comment\n\nactors:\n  - id: a\n    name: A\n    kind: person\n  -   id: b\n      name: B\n      kind: person\n',
      '\n\nactors: []\n',
      'actors:\n',
    ];
    for (const text of accepted) assert.equal(agrees(text), 'fast', text);
    assert.equal(agrees('actors:\n  - id: a\n    aliases: [Lavroff]\n', true), 'fast', 'partial entry');
  });

  it('declines anything unusual (same result through the yaml package)', () => {
    const declined = [
      '\ufeffactors:\n  - id: x\n    name: X\n    kind: state\n', // BOM
      entry('    aliases: [a,\tb]'), // tab
      entry('    aliases: [a,', '      b]'), // multi-line flow
      entry('    aliases: &a [a]', '    roles: *a'), // anchor, alias
      entry('    roles: !!str x'), // tag
      entry('    aliases: |', '      literal'), // block scalar
      entry('    aliases: [a: b]'), // a map in a flow list
      entry('    roles: Foo:'), // a nested map
      entry('    roles: [x]', '    roles: [y]'), // duplicate key
      entry('    wikidata: 0x1F'), // a number that does not print as written
      entry('    wikidata: Q12', '    colour: red'), // unknown field
      entry('    aliases: [a]', '      continued'), // continuation line
      entry('    aliases:', '   - misaligned'),
      entry('    aliases: "escaped \\" quote"'),
      entry('    aliases: [true, null]'),
      'actors:\n  - id: Bad Id\n    name: X\n    kind: state\n',
      'actors:\n  - id: a\n    name: A\n    kind: planet\n',
      'actors:\n  - id: a\n    name: A\n    kind: person\n    affiliation: nowhere\n',
      'actors:\n  - id: a\n    name: A\n    kind: state\n  - id: a\n    name: B\n    kind: state\n',
      'actors:\n  - id: a\n    kind: state\n',
      'actors:\n  - {id: a, name: A, kind: state}\n',
      '- id: a\n  name: A\n  kind: state\n',
      'version: 1\nversion: 2\nactors: []\n',
      'true: 1\nactors: []\n',
      '---\nactors: []\n',
      'hello: world\n',
      '',
    ];
    for (const text of declined) assert.equal(agrees(text), 'declined', text);
  });

  it('agrees on mutated copies of the registries', () => {
    const lines = (WORLD + DEV).split('\n');
    const bits = [':', ': ', '#', ' #', "'", '"', '[', ']', '{', ',', '&', '*', '!', '|', '-', '- ', '?', '~', ' ', '  ', '\t', '\r', '0', '1e3', 'null', 'true', '\n', '\n    ', '\n      - ', 'é', '\u00a0'];
    let seed = 20251122;
    const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    let fast = 0;
    for (let n = 0; n < 400; n++) {
      const at = Math.floor(rnd() * (lines.length - 30));
      const start = lines.findIndex((l, i) => i >= at && /^ +- id:/.test(l));
      let text = 'version: 1\nactors:\n' + lines.slice(start, start + 6 + Math.floor(rnd() * 20)).join('\n') + '\n';
      if (rnd() < 0.6) text = text.replace(/^ +affiliation: .*\n/gm, '');
      for (let k = Math.floor(rnd() * 3); k > 0; k--) {
        const p = Math.floor(rnd() * text.length);
        text = rnd() < 0.7 ? text.slice(0, p) + bits[Math.floor(rnd() * bits.length)] + text.slice(p) : text.slice(0, p) + text.slice(p + 1);
      }
      if (agrees(text, rnd() < 0.2) === 'fast') fast++;
    }
    assert.ok(fast > 40, `the fast reader took only ${fast} of 400`);
  });
});

describe('registry: sortKeys', () => {
  it('orders keys as the default string sort does', () => {
    let seed = 7;
    const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = ['a', 'b', 'z', ' ', "'", '-', 'é', 'ü', 'я', '\u4e2d', '\ud83d\ude00', 'A'];
    const keys = new Set<string>(['', 'a', 'ab', 'b']);
    while (keys.size < 3000) {
      let k = '';
      for (let n = Math.floor(rnd() * 6); n >= 0; n--) k += alphabet[Math.floor(rnd() * alphabet.length)];
      keys.add(k);
    }
    // long shared ASCII prefixes (ties broken further on), some ending in non-ASCII
    for (const stem of ['the minister', 'the ministry of ', 'presi', 'president of the ']) {
      for (let n = 0; n < 40; n++) keys.add(stem + alphabet[n % alphabet.length] + String(n));
    }
    const list = [...keys];
    assert.deepEqual(sortKeys(list), [...list].sort());
  });
});

describe('registry: caseMode', () => {
  it('answers ASCII forms as the general per-letter rule does', () => {
    let seed = 11;
    const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = ['a', 'B', 'c', 'D', 'x', 'Z', '1', ' ', '-', "'", '.', '_', 'é', 'É', 'ß', 'İ'];
    for (let n = 0; n < 3000; n++) {
      let form = '';
      for (let k = Math.floor(rnd() * 8); k >= 0; k--) form += alphabet[Math.floor(rnd() * (rnd() < 0.8 ? 12 : alphabet.length))];
      assert.deepEqual(caseMode(form), caseModeGeneral(form), form);
    }
    assert.deepEqual(caseMode('NATO'), { mode: 2, capAt: 0 });
    assert.deepEqual(caseMode('the Kremlin'), { mode: 1, capAt: 4 });
    assert.deepEqual(caseMode('dpa'), { mode: 0, capAt: 0 });
  });
});
