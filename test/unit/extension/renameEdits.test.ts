/** The pure part of Rename (src/extension/workspace/renameEdits.ts): registry and sidecar text edits. */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { newRegistryText, NEW_REGISTRY_HEADER, registryEdits, sidecarIdEdits, yamlString, type OffsetEdit, type RegistryRename } from '../../../src/extension/workspace/renameEdits';

function apply(text: string, edits: OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const rename = (o: Partial<RegistryRename> = {}): RegistryRename => ({ id: 'jane-roe', newId: 'jane-q-roe', oldName: 'Jane Roe', newName: 'Jane Q. Roe', kind: 'person', ...o });

interface Entry {
  id: string;
  name?: string;
  kind?: string;
  aliases?: string[];
}
const entries = (text: string): Entry[] => {
  const d = parse(text) as Entry[] | { actors: Entry[] };
  return Array.isArray(d) ? d : d.actors;
};

describe('renameEdits: yamlString', () => {
  it('plain when it reads back the same, quoted otherwise', () => {
    assert.equal(yamlString('Jane Roe'), 'Jane Roe');
    assert.equal(yamlString('Jane Q. Roe'), 'Jane Q. Roe');
    for (const s of ['yes', 'No', 'null', 'a: b', 'x #y', 'trailing ', 'ends.', '123', '-dash', '"q"', "O'Neil: x", '']) {
      const y = yamlString(s);
      assert.equal(parse(`k: ${y}`).k, s, `${s} → ${y}`);
    }
  });
});

describe('renameEdits: registryEdits', () => {
  it('renames an entry: new id and name, the old name as an alias; comments kept', () => {
    const text = '# my actors\nactors:\n  - id: jane-roe # the mayor\n    name: Jane Roe\n    kind: person\n  - id: acme\n    name: Acme\n    kind: organization\n';
    const out = apply(text, registryEdits(text, rename()));
    assert.ok(out.includes('# my actors') && out.includes('# the mayor'), out);
    assert.deepEqual(entries(out)[0], { id: 'jane-q-roe', name: 'Jane Q. Roe', kind: 'person', aliases: ['Jane Roe'] });
    assert.deepEqual(entries(out)[1], { id: 'acme', name: 'Acme', kind: 'organization' });
  });

  it('adds to existing aliases (block and flow), never twice', () => {
    const block = 'actors:\n  - id: jane-roe\n    name: Jane Roe\n    aliases:\n      - Roe\n';
    assert.deepEqual(entries(apply(block, registryEdits(block, rename())))[0].aliases, ['Roe', 'Jane Roe']);
    const flow = 'actors:\n  - id: jane-roe\n    name: Jane Roe\n    aliases: [Roe]\n';
    assert.deepEqual(entries(apply(flow, registryEdits(flow, rename())))[0].aliases, ['Roe', 'Jane Roe']);
    const already = 'actors:\n  - id: jane-roe\n    name: Jane Roe\n    aliases: [Jane Roe]\n';
    assert.deepEqual(entries(apply(already, registryEdits(already, rename())))[0].aliases, ['Jane Roe']);
  });

  it('keeps the id when it does not follow the name (newId = id)', () => {
    const text = 'actors:\n  - id: jane-roe\n    name: Jane Roe\n';
    const out = apply(text, registryEdits(text, rename({ newId: 'jane-roe' })));
    assert.equal(entries(out)[0].id, 'jane-roe');
    assert.equal(entries(out)[0].name, 'Jane Q. Roe');
  });

  it('appends an override entry when the actor has none (block list and top-level list)', () => {
    const text = 'actors:\n  - id: acme\n    name: Acme\n    kind: organization';
    const out = apply(text, registryEdits(text, rename({ id: 'sergey-lavrov', newId: 'sergey-lavrov', oldName: 'Sergey Lavrov', newName: 'Sergei Lavrov' })));
    assert.deepEqual(entries(out)[1], { id: 'sergey-lavrov', name: 'Sergei Lavrov', kind: 'person', aliases: ['Sergey Lavrov'] });
    const top = '- id: acme\n  name: Acme\n';
    assert.deepEqual(entries(apply(top, registryEdits(top, rename())))[1], { id: 'jane-q-roe', name: 'Jane Q. Roe', kind: 'person', aliases: ['Jane Roe'] });
  });

  it('fills an empty file, and a flow list', () => {
    const empty = '# nothing yet\n';
    assert.deepEqual(entries(apply(empty, registryEdits(empty, rename())))[0].name, 'Jane Q. Roe');
    const flow = 'actors: [{ id: acme, name: Acme, kind: organization }]\n';
    const out = apply(flow, registryEdits(flow, rename()));
    assert.deepEqual(entries(out).map((e) => e.id), ['acme', 'jane-q-roe']);
  });

  it('refuses a registry that does not parse or is not a list of actors', () => {
    assert.throws(() => registryEdits('actors: [unclosed\n', rename()), /does not parse/);
    assert.throws(() => registryEdits('just: a map\n', rename()), /not a list of actors/);
  });

  it('a new registry file holds the header and the one entry', () => {
    const text = newRegistryText(rename());
    assert.ok(text.startsWith(NEW_REGISTRY_HEADER));
    assert.deepEqual(entries(text), [{ id: 'jane-q-roe', name: 'Jane Q. Roe', kind: 'person', aliases: ['Jane Roe'] }]);
  });
});

describe('renameEdits: sidecarIdEdits', () => {
  const sidecar = `version: 1
article: a.txt
annotations:
  - id: a1
    type: actor
    actor: jane-roe
  - id: q1
    type: quote
    speaker: jane-roe
    note: jane-roe is not an id here
  - id: c1
    type: channel
    participants: [jane-roe, acme]
    via:
      - jane-roe
  - id: k1
    type: claim
    claimant: jane-roe-2
`;

  it('changes actor, speaker, claimant, participants and via values only', () => {
    const edits = sidecarIdEdits(sidecar, 'jane-roe', 'jane-q-roe');
    assert.equal(edits.length, 4);
    assert.deepEqual(
      edits.map((e) => e.start),
      [...edits.map((e) => e.start)].sort((a, b) => a - b),
      'sorted by offset',
    );
    const out = parse(apply(sidecar, edits)) as { annotations: Array<Record<string, unknown>> };
    assert.equal(out.annotations[0].actor, 'jane-q-roe');
    assert.equal(out.annotations[1].speaker, 'jane-q-roe');
    assert.equal(out.annotations[1].note, 'jane-roe is not an id here');
    assert.deepEqual(out.annotations[2].participants, ['jane-q-roe', 'acme']);
    assert.deepEqual(out.annotations[2].via, ['jane-q-roe']);
    assert.equal(out.annotations[3].claimant, 'jane-roe-2', 'another id that starts the same is left alone');
  });

  it('nothing for a sidecar without the id, or one that does not parse', () => {
    assert.deepEqual(sidecarIdEdits(sidecar, 'nobody', 'x'), []);
    assert.deepEqual(sidecarIdEdits('annotations: [ { actor: jane-roe\n', 'jane-roe', 'x'), []);
  });
});
