import * as assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli';

interface Out {
  file: string;
  actors: Array<{ id: string; name: string; kind: string; known: boolean; mentions: Array<{ start: number; end: number; text: string }> }>;
  quotes: Array<{ start: number; end: number; text: string; kind: string; speaker: { id: string; name: string } | null; cue: { text: string } | null }>;
  channels: Array<{ start: number; end: number; text: string; type: string; participants: string[]; via: string[] }>;
}

const ARTICLE = [
  'Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Marco Rubio in Geneva on Tuesday.',
  '"We had a frank conversation," Rubio told reporters after the talks between Lavrov and Rubio.',
  'Moscow and Washington agreed to keep talking.',
].join('\n');

describe('CLI analyze', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
  });

  it('prints the documented JSON shape for one file, with offsets into the text', async () => {
    const r = await runCli(['analyze', '--format', 'json', 'a.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Out;
    assert.equal(out.file, 'a.txt');
    for (const a of out.actors) {
      assert.ok(['person', 'organization', 'state'].includes(a.kind));
      assert.equal(typeof a.known, 'boolean');
      for (const m of a.mentions) assert.equal(ARTICLE.slice(m.start, m.end), m.text);
    }
    for (const q of out.quotes) assert.equal(ARTICLE.slice(q.start, q.end), q.text);
    for (const c of out.channels) assert.equal(ARTICLE.slice(c.start, c.end), c.text);
    const lavrov = out.actors.find((a) => a.id === 'sergey-lavrov');
    assert.ok(lavrov, 'Lavrov found');
    assert.deepEqual(lavrov.mentions.map((m) => m.text), ['Sergei Lavrov', 'Lavrov']);
    const q = out.quotes.find((x) => x.text.startsWith('We had a frank'));
    assert.equal(q?.speaker?.id, 'marco-rubio');
    assert.equal(q?.kind, 'direct');
  });

  it('gives every quote, mention and channel exactly the documented fields (nothing internal leaks out)', async () => {
    const r = await runCli(['analyze', '--format', 'json', join(__dirname, '..', '..', '..', 'samples')], dir);
    assert.equal(r.code, 0, r.stderr);
    const files = JSON.parse(r.stdout) as Out[];
    const keys = (o: object) => Object.keys(o).sort().join(',');
    let cues = 0;
    for (const f of files) {
      for (const q of f.quotes) {
        const { continued: _c, ...rest } = q as typeof q & { continued?: boolean };
        assert.equal(keys(rest), 'confidence,cue,end,kind,mark,speaker,start,text');
        if (q.cue) {
          cues++;
          assert.equal(keys(q.cue), 'end,start,text', JSON.stringify(q.cue));
        }
        if (q.speaker) assert.equal(keys(q.speaker), 'id,name');
      }
      for (const c of f.channels) assert.equal(keys(c), 'confidence,end,participants,start,text,type,via');
      for (const a of f.actors) {
        assert.equal(keys(a), 'id,kind,known,mentions,name,roles');
        for (const m of a.mentions) {
          const { role: _r, ...rest } = m as typeof m & { role?: string };
          assert.equal(keys(rest), 'end,match,start,text');
        }
      }
    }
    assert.ok(cues > 10, `cues checked: ${cues}`);
  });

  it('gives an array for several files, from a glob', async () => {
    writeFileSync(join(dir, 'b.txt'), 'NATO said nothing.');
    const r = await runCli(['analyze', '--format', 'json', '*.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Out[];
    assert.ok(Array.isArray(out));
    assert.deepEqual(out.map((o) => o.file).sort(), ['a.txt', 'b.txt']);
  });

  it('prints YAML and a table grouped by actor', async () => {
    const y = await runCli(['analyze', '--format', 'yaml', 'a.txt'], dir);
    assert.equal(y.code, 0);
    assert.match(y.stdout, /^file: a\.txt$/m);
    const t = await runCli(['analyze', 'a.txt'], dir);
    assert.equal(t.code, 0);
    assert.match(t.stdout, /ACTOR\s+KIND\s+MENTIONS/);
    assert.match(t.stdout, /Sergey Lavrov\s+person\s+2/);
  });

  it('keeps offsets exact with CRLF line endings and a BOM', async () => {
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'crlf.txt'), '\ufeff' + crlf);
    const r = await runCli(['analyze', '--format', 'json', 'crlf.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Out;
    const mentions = out.actors.flatMap((a) => a.mentions);
    assert.ok(mentions.length > 0);
    for (const m of mentions) assert.equal(crlf.slice(m.start, m.end), m.text);
    for (const q of out.quotes) assert.equal(crlf.slice(q.start, q.end), q.text);
  });

  it('handles an empty file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = await runCli(['analyze', '--format', 'json', 'empty.txt'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), { file: 'empty.txt', actors: [], quotes: [], channels: [] });
  });

  it('refuses a binary file with a message naming it', async () => {
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00]));
    const r = await runCli(['analyze', '--format', 'json', 'bin.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bin\.txt: binary file/);
  });

  it('analyses invalid UTF-8 with a warning', async () => {
    writeFileSync(join(dir, 'bad.txt'), Buffer.concat([Buffer.from('NATO and '), Buffer.from([0xc3, 0x28]), Buffer.from(' Moscow.')]));
    const r = await runCli(['analyze', '--format', 'json', 'bad.txt'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /bad\.txt: invalid UTF-8/);
    const out = JSON.parse(r.stdout) as Out;
    assert.ok(out.actors.some((a) => a.id === 'nato'));
  });

  it('refuses a 50 MB file at once with the limit in the message', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const t = Date.now();
    const r = await runCli(['analyze', 'big.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /big\.txt: 50\.0 MB is larger than the 20 MB limit/);
    assert.ok(Date.now() - t < 5000);
  });

  it('names a missing file and exits 1', async () => {
    const r = await runCli(['analyze', 'nope.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /nope\.txt: no such file/);
  });

  it('reports a malformed registry with file, line and column, and still analyses', async () => {
    mkdirSync(join(dir, 'reg'), { recursive: true });
    writeFileSync(join(dir, 'reg', 'bad.yaml'), 'version: 1\nactors:\n  - id: x\n    name: [unclosed\n');
    const r = await runCli(['analyze', '--registry', 'reg/bad.yaml', '--format', 'json', 'a.txt'], dir);
    assert.match(r.stderr, /bad\.yaml:\d+:\d+: /);
    assert.doesNotThrow(() => JSON.parse(r.stdout));
  });

  it('uses a user registry that adds an actor', async () => {
    writeFileSync(join(dir, 'reg.yaml'), 'version: 1\nactors:\n  - id: jane-roe\n    name: Jane Roe\n    kind: person\n    aliases: []\n    roles: [Mayor of Springfield]\n');
    writeFileSync(join(dir, 'c.txt'), 'Mayor Jane Roe met NATO officials. Roe said little.');
    const r = await runCli(['analyze', '--registry', 'reg.yaml', '--format', 'json', 'c.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Out;
    const jane = out.actors.find((a) => a.id === 'jane-roe');
    assert.ok(jane);
    assert.equal(jane.known, true);
    assert.deepEqual(jane.mentions.map((m) => m.text), ['Jane Roe', 'Roe']);
  });

  it('uses the workspace registry (.news-annotator/actors.yaml) found from the working folder', async () => {
    const ws = tempDir();
    mkdirSync(join(ws, '.news-annotator'));
    mkdirSync(join(ws, 'articles'));
    writeFileSync(join(ws, '.news-annotator', 'actors.yaml'), 'version: 1\nactors:\n  - id: ada-quill\n    name: Ada Quill\n    kind: person\n    aliases: []\n    roles: [Harbour Commissioner]\n');
    writeFileSync(join(ws, 'articles', 'x.txt'), 'Commissioner Ada Quill spoke. Quill left.');
    const r = await runCli(['analyze', '--format', 'json', 'articles/x.txt'], ws);
    assert.equal(r.code, 0, r.stderr);
    const ada = (JSON.parse(r.stdout) as Out).actors.find((a) => a.id === 'ada-quill');
    assert.equal(ada?.known, true);
    assert.deepEqual(ada?.mentions.map((m) => m.text), ['Ada Quill', 'Quill']);
  });

  it('exits 2 with usage on bad arguments', async () => {
    const r = await runCli(['analyze', '--format', 'xml', 'a.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /usage: news-annotator analyze/);
  });
});
