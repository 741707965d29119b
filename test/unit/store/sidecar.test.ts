import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar, serializeSidecar } from '../../../src/core/store/sidecar';
import { emitString } from '../../../src/core/store/emit';
import { fastParse } from '../../../src/core/store/fastparse';
import { makeTarget, type Annotation, type Sidecar } from '../../../src/core/store/model';
import { fingerprint } from '../../../src/core/store/hash';

const FIX = join(__dirname, '..', '..', 'fixtures', 'store');
const TEXT = 'Foreign Minister Sergey Lavrov said "we are ready" on Tuesday. Rubio said talks would go on.';

function sample(): Sidecar {
  const at = (s: string) => TEXT.indexOf(s);
  const annotations: Annotation[] = [
    { id: 'qqqqqqqq', type: 'quote', status: 'confirmed', target: makeTarget(TEXT, at('"we'), at('"we') + 14), speaker: 'sergey-lavrov', cue: 'said', kind: 'direct' },
    { id: 'aaaaaaaa', type: 'actor', status: 'confirmed', target: makeTarget(TEXT, at('Sergey'), at('Sergey') + 13), actor: 'sergey-lavrov', created: '2025-03-01T10:00:00.000Z' },
    { id: 'cccccccc', type: 'channel', status: 'rejected', target: makeTarget(TEXT, 0, 16), channelType: 'call', participants: ['russia', 'united states'], via: [] },
    { id: 'kkkkkkkk', type: 'claim', status: 'confirmed', target: makeTarget(TEXT, at('talks'), at('talks') + 19), kind: 'prediction', claimant: null, verification: 'disputed', note: 'see "Reuters": 2 sources\nsecond line', links: ['https://example.org/a?b=1#c'] },
  ];
  return { version: 1, article: 'a.txt', fingerprint: fingerprint(TEXT), annotations };
}

describe('sidecar format', () => {
  it('writes canonical text: fixed key order, sorted by position then id, LF, trailing newline', () => {
    const out = serializeSidecar(sample());
    assert.ok(out.startsWith('version: 1\narticle: a.txt\nfingerprint: "fnv1a64:'));
    assert.ok(!out.includes('\r'));
    assert.ok(out.endsWith('\n'));
    const ids = [...out.matchAll(/^ {2}- id: (\w+)$/gm)].map((m) => m[1]);
    assert.deepEqual(ids, ['cccccccc', 'aaaaaaaa', 'qqqqqqqq', 'kkkkkkkk']);
    const firstItem = out.slice(out.indexOf('  - id: aaaaaaaa'), out.indexOf('  - id: qqqqqqqq'));
    assert.deepEqual(
      [...firstItem.matchAll(/^ {2,6}(?:- )?(\w+):/gm)].map((m) => m[1]),
      ['id', 'type', 'status', 'target', 'exact', 'prefix', 'suffix', 'start', 'end', 'actor', 'created'],
    );
    assert.match(out, /participants: \[russia, united states\]/);
  });

  it('round-trips through the fast reader and the yaml reader to the same model', () => {
    const s = sample();
    const out = serializeSidecar(s);
    const p = parseSidecar(out, 'a.txt.annotations.yaml');
    assert.deepEqual(p.errors, []);
    assert.equal(p.doc, undefined, 'canonical text takes the fast path');
    const sorted = serializeSidecar(p.sidecar!);
    assert.equal(sorted, out, 'no churn');
    // same text through the yaml library (a comment forces that path)
    const p2 = parseSidecar('# x\n' + out, 'a.txt.annotations.yaml');
    assert.ok(p2.doc);
    assert.deepEqual(p2.sidecar, p.sidecar);
  });

  it('quotes every string that would read back differently', () => {
    for (const s of ['', ' x', 'x ', 'null', 'True', 'yes', '~', '123', '1e3', '0x1F', '.inf', '- x', 'a: b', 'a #b', '#x', '"q"', "it's", '\t', 'a\nb', '\r\n', '\u0085', '\u2028', '\ufeff', 'é', '😀', '\ud800', '[a]', '{a}', '!tag', '&a', '*a', '%x', '@x', '`x', '|', '>', '?', ',', 'x,y']) {
      const out = serializeSidecar({ version: 1, article: s, fingerprint: s, annotations: [] });
      const p = parseSidecar('# force yaml\n' + out, 'f');
      assert.deepEqual(p.errors, [], JSON.stringify(s));
      assert.equal(p.sidecar!.article, s, `article ${JSON.stringify(s)} via yaml: ${out}`);
      const f = fastParse(out);
      if (f) assert.equal(f.article, s, `article ${JSON.stringify(s)} via fast reader`);
    }
    assert.equal(emitString('Sergey Lavrov'), 'Sergey Lavrov');
    assert.equal(emitString('yes'), '"yes"');
  });

  it('keeps comments, unknown keys and their order when saving a hand-edited file', () => {
    const text = readFileSync(join(FIX, 'talks.txt.annotations.yaml'), 'utf8');
    const p = parseSidecar(text, 'talks.txt.annotations.yaml');
    assert.deepEqual(p.errors, []);
    assert.ok(p.doc);
    const s = p.sidecar!;
    const a = s.annotations.find((x) => x.id === 'aaaaaaaa')!;
    a.status = 'rejected';
    const out = serializeSidecar(s, p.doc);
    assert.ok(out.startsWith('# Hand-checked by the desk on Tuesday.\n'));
    assert.match(out, /status: rejected\n/);
    assert.match(out, /reviewer: anna # who checked it\n/);
    assert.equal(out.split('\n').length, text.split('\n').length);
    // reading what was written gives the same model back, and writing it again changes nothing
    const again = parseSidecar(out, 'f');
    assert.deepEqual(again.sidecar, s);
    assert.equal(serializeSidecar(again.sidecar!, again.doc), out);
  });

  it('names file, line and column of schema errors', () => {
    const out = serializeSidecar(sample()).replace('type: quote', 'type: person').replace(/start: 17\n/, 'start: -3\n');
    const p = parseSidecar(out, 'a.txt.annotations.yaml');
    assert.equal(p.sidecar, undefined);
    const lines = out.split('\n');
    const typeLine = lines.findIndex((l) => l.includes('type: person')) + 1;
    const e = p.errors.find((x) => x.message.includes('type'))!;
    assert.deepEqual([e.file, e.line, e.column], ['a.txt.annotations.yaml', typeLine, 11]);
    assert.match(e.message, /annotations\[2\]\.type: must be one of actor, quote, channel, claim \(found "person"\)/);
    const s = p.errors.find((x) => x.message.includes('start'))!;
    assert.equal(s.line, lines.findIndex((l) => l.includes('start: -3')) + 1);
  });

  const bad: Array<[string, string, RegExp, number?]> = [
    ['syntax', 'version: 1\nannotations: [\n', /Flow sequence|end with a \]/],
    ['missing version', 'annotations: []\n', /version: is required/],
    ['newer version', 'version: 2\nannotations: []\n', /format 2 comes from a newer News Annotator/],
    ['not a mapping', '- a\n- b\n', /must be a mapping/],
    ['empty file', '', /the file is empty/],
    ['duplicate key', 'version: 1\nversion: 1\nannotations: []\n', /[Mm]ap keys must be unique/, 2],
    ['duplicate id', 'version: 1\nannotations:\n  - {id: a1, type: actor, status: confirmed, actor: x, target: {exact: x, start: 0, end: 1}}\n  - {id: a1, type: actor, status: confirmed, actor: x, target: {exact: x, start: 0, end: 1}}\n', /duplicate id "a1"/, 4],
    ['missing target', 'version: 1\nannotations:\n  - id: a1\n    type: actor\n    status: confirmed\n    actor: x\n', /annotations\[0\]\.target: is required/, 3],
    ['end before start', 'version: 1\nannotations:\n  - {id: a1, type: actor, status: confirmed, actor: x, target: {exact: x, start: 5, end: 1}}\n', /must not be before start/],
    ['empty exact', 'version: 1\nannotations:\n  - {id: a1, type: actor, status: confirmed, actor: x, target: {exact: "", start: 0, end: 0}}\n', /exact: must not be empty/],
    ['bad claim', 'version: 1\nannotations:\n  - {id: a1, type: claim, status: confirmed, kind: rumour, target: {exact: x, start: 0, end: 1}}\n', /kind: must be one of fact, opinion/],
    ['custom tag', 'version: 1\nannotations: !!js/function "function(){}"\n', /custom tags are not allowed/, 2],
    ['local tag', 'version: 1\narticle: !evil x\nannotations: []\n', /custom tag|Unresolved tag/, 2],
    ['multiple documents', 'version: 1\nannotations: []\n---\nversion: 1\n', /multiple documents/i],
  ];
  for (const [name, text, re, line] of bad) {
    it(`refuses ${name} with a positioned message`, () => {
      const p = parseSidecar(text, 'x.annotations.yaml');
      assert.equal(p.sidecar, undefined);
      assert.ok(p.errors.length > 0);
      assert.ok(p.errors.some((e) => re.test(e.message)), p.errors.map((e) => e.message).join('; '));
      for (const e of p.errors) {
        assert.equal(e.file, 'x.annotations.yaml');
        assert.ok(e.line >= 1 && e.column >= 1);
      }
      if (line) assert.ok(p.errors.some((e) => e.line === line), JSON.stringify(p.errors));
    });
  }

  it('limits alias expansion (billion laughs) quickly', () => {
    let y = 'version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) y += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    y += 'annotations: []\n';
    const t0 = Date.now();
    const p = parseSidecar(y, 'x');
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(p.sidecar, undefined);
    assert.match(p.errors[0].message, /more than 100 aliases|more than \d+ values/);
  });

  it('treats __proto__ as an ordinary unknown key', () => {
    const p = parseSidecar('version: 1\n__proto__: {polluted: yes}\nconstructor: 1\nannotations: []\n', 'x');
    assert.deepEqual(p.errors, []);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(p.sidecar), Object.prototype);
    assert.match(serializeSidecar(p.sidecar!, p.doc), /__proto__:/);
  });

  it('refuses a sidecar over 20 MB without parsing it', () => {
    const p = parseSidecar('#'.repeat(20 * 1024 * 1024 + 1), 'big.annotations.yaml');
    assert.match(p.errors[0].message, /larger than the 20 MB limit/);
  });

  it('accepts a hand-written flow-style sidecar and fills defaults', () => {
    const p = parseSidecar('version: 1\narticle: x.txt\nannotations:\n  - {id: c1, type: claim, status: confirmed, kind: fact, target: {exact: abc, start: 0, end: 3}}\n', 'x');
    assert.deepEqual(p.errors, []);
    const c = p.sidecar!.annotations[0];
    assert.equal(c.type, 'claim');
    if (c.type === 'claim') {
      assert.equal(c.verification, 'unverified');
      assert.deepEqual(c.links, []);
      assert.equal(c.claimant, null);
    }
    assert.equal(c.target.prefix, '');
  });
});
