import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRegistry, mergeRegistries, parseRegistry, RegistryCompiler } from '../../../src/core/registry';
import { parseGeneral } from '../../../src/core/registry/parse';
import { fastParse } from '../../../src/core/registry/fastParse';

const FIX = join(__dirname, '..', '..', 'fixtures', 'actors');

function errs(text: string): string[] {
  return parseRegistry(text, 'r.yaml').errors.map((e) => `${e.line}:${e.column} ${e.message}`);
}

describe('registry: parseRegistry', () => {
  it('reads a list under actors: (flow and block lists, quotes, comments)', () => {
    const r = parseRegistry(
      [
        'version: 1',
        'actors:',
        '  - id: russia # the state',
        '    name: Russia',
        '    kind: state',
        "    aliases: [Moscow, 'the Kremlin', \"Russian Federation\"]",
        '    demonyms:',
        '      - Russian',
        '  - id: sergey-lavrov',
        '    name: Sergey Lavrov',
        '    kind: person',
        '    affiliation: russia',
        '    roles: [Foreign Minister of Russia]',
        '    wikidata: Q52612',
      ].join('\n'),
      'r.yaml',
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.entries[0], { id: 'russia', name: 'Russia', kind: 'state', aliases: ['Moscow', 'the Kremlin', 'Russian Federation'], roles: [], demonyms: ['Russian'] });
    assert.equal(r.entries[1].affiliation, 'russia');
    assert.equal(r.entries[1].wikidata, 'Q52612');
  });

  it('accepts a top-level list too, and the general YAML path (anchors, block maps) gives the same result', () => {
    const text = '- &p {id: nato, name: NATO, kind: organization, aliases: [North Atlantic Treaty Organization]}\n';
    const r = parseRegistry(text, 'r.yaml');
    assert.deepEqual(r.errors, []);
    assert.equal(r.entries[0].aliases[0], 'North Atlantic Treaty Organization');
  });

  it('fast line reader and the yaml package agree on the development registry', () => {
    const text = readFileSync(join(FIX, 'dev-registry.yaml'), 'utf8');
    const a = fastParse(text, false);
    assert.ok(a, 'fast path should accept the common layout');
    assert.deepEqual(a, parseGeneral(text, 'dev.yaml').entries);
  });

  it('reports every problem with 1-based line and column, never throws', () => {
    assert.deepEqual(errs('actors:\n  - id: x\n    kind: person\n'), ['2:5 missing required field "name"']);
    assert.deepEqual(errs('actors:\n  - id: x\n    name: X\n    kind: planet\n'), ['4:11 kind "planet" must be one of person, organization, state']);
    assert.deepEqual(errs('actors:\n  - id: Bad Id\n    name: X\n    kind: state\n'), ['2:9 id "Bad Id" must be lowercase kebab-case (a-z, 0-9, "-")']);
    assert.deepEqual(errs('actors:\n  - {id: a, name: A, kind: state}\n  - {id: a, name: B, kind: state}\n'), [
      '3:10 duplicate id "a" (first defined at line 2, column 10)',
    ]);
    assert.deepEqual(errs('actors:\n  - id: a\n    name: A\n    kind: person\n    affiliation: nowhere\n'), [
      '5:18 warning: affiliation "nowhere" of "a" is not defined in this file',
    ]);
    assert.deepEqual(errs('actors:\n  - id: a\n    name: A\n    kind: state\n    aliases: 5x\n    roles: {a: 1}\n'), [
      '6:12 "roles" must be a list of strings',
    ]);
    assert.deepEqual(errs('actors:\n  - id: a\n    name: [A]\n    kind: state\n'), ['3:11 "name" must be a non-empty string']);
    const syntax = errs('actors:\n  - id: a\n    name: "unclosed\n    kind: state\n');
    assert.ok(syntax.length >= 1 && /^\d+:\d+ YAML/.test(syntax[0]), syntax.join('|'));
    assert.deepEqual(errs(''), ['1:1 registry is empty (expected a list of actors or a map with `actors:`)']);
    assert.deepEqual(errs('hello: world\n'), ['1:1 expected a top-level `actors:` list']);
    assert.deepEqual(errs('actors:\n  - just a string\n'), ['2:5 actor entry must be a map (id, name, kind, …)']);
  });

  it('refuses custom tags, bounds aliases, ignores __proto__, caps the size', () => {
    assert.ok(errs('actors:\n  - !!js/function "x"\n').length > 0);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`);
    bomb.push('actors: [*i]');
    const t0 = Date.now();
    const r = parseRegistry(bomb.join('\n'), 'bomb.yaml');
    assert.ok(Date.now() - t0 < 2000);
    assert.ok(r.errors.length > 0);
    const p = parseRegistry('actors:\n  - id: a\n    name: A\n    kind: state\n    __proto__: {polluted: 1}\n', 'p.yaml');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(p.entries.length, 1);
    assert.match(p.errors[0].message, /unknown field "__proto__"/);
    const big = parseRegistry('#'.repeat(9 * 1024 * 1024), 'big.yaml');
    assert.match(big.errors[0].message, /too large/);
  });

  it('keeps columns after a BOM and with CRLF line ends', () => {
    assert.deepEqual(errs('\ufeffactors:\r\n  - id: x\r\n    kind: person\r\n'), ['2:5 missing required field "name"']);
    assert.deepEqual(errs('\ufeffactors: [{id: x, kind: person}]\n'), ['1:10 missing required field "name"'], 'line 1 columns as an editor shows them (no BOM)');
  });

  it('reads a file saved with a BOM like the same file without it (version and actors keys)', () => {
    const body = 'version: 1\nactors:\n  - id: x\n    name: X\n    kind: state\n';
    const withBom = parseRegistry('\ufeff' + body, 'bom.yaml');
    assert.deepEqual(withBom.errors, []);
    assert.deepEqual(withBom.entries, parseRegistry(body, 'plain.yaml').entries);
  });
});

describe('registry: mergeRegistries', () => {
  const base = parseRegistry(readFileSync(join(FIX, 'dev-registry.yaml'), 'utf8'), 'dev.yaml').entries;

  it('lets a user entry just add aliases (partial file), override fields, and add new actors', () => {
    const user = parseRegistry(
      'actors:\n  - id: sergey-lavrov\n    aliases: [Lavroff]\n  - id: jane-doe\n    name: Jane Doe\n    kind: person\n    affiliation: united-states\n',
      '.news-annotator/actors.yaml',
      { partial: true },
    );
    assert.deepEqual(user.errors, []);
    const merged = mergeRegistries(base, user.entries);
    const lav = merged.find((e) => e.id === 'sergey-lavrov');
    assert.equal(lav?.name, 'Sergey Lavrov');
    assert.deepEqual(lav?.aliases, ['Sergei Lavrov', 'Lavroff']);
    assert.equal(merged.find((e) => e.id === 'jane-doe')?.kind, 'person');
    assert.equal(merged.length, base.length + 1);
    // base untouched
    assert.deepEqual(base.find((e) => e.id === 'sergey-lavrov')?.aliases, ['Sergei Lavrov']);
  });

  it('compiles; a RegistryCompiler shares one compile per content', () => {
    const a = compileRegistry(base);
    assert.equal(a.entries.get('nato')?.name, 'NATO');
    assert.notEqual(compileRegistry(base), a, 'compileRegistry keeps no cache');
    const compiler = new RegistryCompiler();
    const b = compiler.compile(base);
    assert.equal(compiler.compile(base.map((e) => ({ ...e }))), b);
    assert.notEqual(new RegistryCompiler().compile(base), b, 'each compiler owns its cache');
  });
});
