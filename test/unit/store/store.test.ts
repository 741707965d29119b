import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFilePort } from '../../../src/cli/files';
import { MemoryFilePort, parseSidecar, seededIds, serializeSidecar, SidecarError, SidecarStore, type Annotation } from '../../../src/core/store';
import type { Analysis } from '../../../src/core/types';

const ARTICLE = '/news/talks.txt';
const SIDE = '/news/talks.txt.annotations.yaml';
const TEXT = 'Lavrov spoke to Rubio by telephone on Monday. Lavrov said the talks were "constructive". Rubio declined to comment.\n';
const clock = () => '2025-03-01T10:00:00.000Z';

function span(s: string, nth = 0): { start: number; end: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(s, i + 1);
  return { start: i, end: i + s.length };
}

let seed = 1;
async function fresh(port = new MemoryFilePort(), text = TEXT): Promise<{ port: MemoryFilePort; store: SidecarStore }> {
  const store = new SidecarStore(port, { ids: seededIds(seed++), now: clock });
  await store.load(ARTICLE, text);
  return { port, store };
}

describe('SidecarStore', () => {
  it('creates the sidecar beside the article on first save, with ids, timestamps and the fingerprint', async () => {
    const { port, store } = await fresh();
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Lavrov'), actor: 'sergey-lavrov' });
    store.upsert({ type: 'claim', status: 'confirmed', target: span('the talks were "constructive"'), kind: 'allegation', claimant: 'sergey-lavrov', verification: 'disputed', note: 'no other source', links: ['https://example.org/x'] });
    const r = await store.save();
    assert.equal(r.written, true);
    const file = port.text(SIDE)!;
    assert.match(file, /^version: 1\narticle: talks.txt\nfingerprint: "fnv1a64:[0-9a-f]{16}"\nannotations:\n {2}- id: [a-z2-7]{8}\n/);
    assert.match(file, /exact: Lavrov\n/);
    assert.match(file, /exact: "the talks were \\"constructive\\""\n/);
    assert.match(file, /created: "2025-03-01T10:00:00.000Z"/);
    assert.match(file, /links: \["https:\/\/example.org\/x"\]/);
  });

  it('writes nothing when nothing changed (no churn), and nothing for an article without annotations', async () => {
    const { port, store } = await fresh();
    assert.equal((await store.save()).written, false);
    assert.equal(port.files.size, 0);
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio'), actor: 'marco-rubio' });
    await store.save();
    const writes = port.writes;
    const again = await fresh(port);
    assert.equal((await again.store.save()).written, false);
    again.store.upsert({ ...again.store.annotations[0] });
    assert.equal((await again.store.save()).written, false);
    assert.equal(port.writes, writes);
  });

  it('loads, re-anchors after the article changed, and keeps orphans in the file', async () => {
    const { port, store } = await fresh();
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio', 1), actor: 'marco-rubio' });
    store.upsert({ type: 'quote', status: 'rejected', target: span('"constructive"'), speaker: null, cue: null, kind: 'scare' });
    await store.save();
    const changed = 'UPDATE: ' + TEXT.replace('"constructive"', 'useful');
    const { store: s2 } = await fresh(port, changed);
    assert.equal(s2.report.orphaned, 1);
    assert.equal(s2.dirty, true);
    await s2.save();
    const p = parseSidecar(port.text(SIDE)!, SIDE);
    assert.equal(p.sidecar!.annotations.length, 2);
    const q = p.sidecar!.annotations.find((a) => a.type === 'quote')!;
    assert.equal(q.orphaned, true);
    assert.equal(q.target.exact, '"constructive"');
    const r = p.sidecar!.annotations.find((a) => a.type === 'actor')!;
    assert.equal(changed.slice(r.target.start, r.target.end), 'Rubio');
    assert.equal(r.target.start, changed.lastIndexOf('Rubio'));
  });

  it('never overwrites a sidecar that fails to parse, and says where', async () => {
    const port = new MemoryFilePort();
    const broken = 'version: 1\nannotations:\n  - id: a1\n    type: actor\n    status: maybe\n';
    port.setText(SIDE, broken);
    const { store } = await fresh(port);
    assert.equal(store.errors.length > 0, true);
    assert.throws(() => store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio'), actor: 'x' }), SidecarError);
    await assert.rejects(store.save(), (e: Error) => /talks\.txt\.annotations\.yaml:5:13: annotations\[0\]\.status: must be one of confirmed, rejected/.test(e.message));
    assert.equal(port.text(SIDE), broken);
  });

  it('keeps the old file intact when the process dies between the temp write and the rename', async () => {
    const { port, store } = await fresh();
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio'), actor: 'marco-rubio' });
    await store.save();
    const before = port.text(SIDE);
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Lavrov'), actor: 'sergey-lavrov' });
    port.failNextRename = true;
    await assert.rejects(store.save(), /simulated crash/);
    assert.equal(port.text(SIDE), before);
    const tmp = [...port.files.keys()].filter((k) => k.endsWith('.tmp'));
    assert.equal(tmp.length, 1);
    // the leftover temp file is not the sidecar: a fresh load sees the old content only
    const { store: reloaded } = await fresh(port);
    assert.equal(reloaded.annotations.length, 1);
    // and the unsaved change is still held: the next save writes it
    assert.equal((await store.save()).written, true);
    assert.equal(parseSidecar(port.text(SIDE)!, SIDE).sidecar!.annotations.length, 2);
  });

  it('merges by id when the file changed on disk meanwhile (e.g. git pull)', async () => {
    const { port, store } = await fresh();
    const a = store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio'), actor: 'marco-rubio' });
    const b = store.upsert({ type: 'actor', status: 'confirmed', target: span('Lavrov'), actor: 'sergey-lavrov' });
    await store.save();
    // a colleague's version: adds one, rejects a, adds a comment
    const other = await fresh(port);
    other.store.upsert({ ...(other.store.get(a.id) as Annotation), status: 'rejected' });
    const c = other.store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio', 1), actor: 'marco-rubio' });
    await other.store.save();
    port.setText(SIDE, '# reviewed by the desk\n' + port.text(SIDE)!);
    // ours: changes b, adds d
    store.upsert({ ...(store.get(b.id) as Annotation), status: 'rejected' });
    const d = store.upsert({ type: 'quote', status: 'confirmed', target: span('"constructive"'), speaker: 'sergey-lavrov', cue: 'said', kind: 'direct' });
    const r = await store.save();
    assert.equal(r.written, true);
    assert.deepEqual(r.merged, { conflicts: [] });
    const file = port.text(SIDE)!;
    assert.ok(file.startsWith('# reviewed by the desk\n'), 'their comment survives');
    const got = new Map(parseSidecar(file, SIDE).sidecar!.annotations.map((x) => [x.id, x]));
    assert.deepEqual([...got.keys()].sort(), [a.id, b.id, c.id, d.id].sort());
    assert.equal(got.get(a.id)!.status, 'rejected');
    assert.equal(got.get(b.id)!.status, 'rejected');
  });

  it('keeps both versions when the same annotation changed on disk and here', async () => {
    const { port, store } = await fresh();
    const a = store.upsert({ type: 'claim', status: 'confirmed', target: span('Rubio declined to comment'), kind: 'fact', claimant: null, verification: 'unverified', note: '', links: [] });
    await store.save();
    const other = await fresh(port);
    other.store.upsert({ ...(other.store.get(a.id) as Annotation), verification: 'supported' } as Annotation);
    await other.store.save();
    store.upsert({ ...(store.get(a.id) as Annotation), verification: 'false' } as Annotation);
    const r = await store.save();
    assert.equal(r.merged!.conflicts.length, 1);
    assert.equal(r.merged!.conflicts[0].resolution, 'kept-both');
    const anns = parseSidecar(port.text(SIDE)!, SIDE).sidecar!.annotations;
    assert.deepEqual(anns.map((x) => (x.type === 'claim' ? x.verification : '')).sort(), ['false', 'supported']);
  });

  it('refuses instead of merging when asked to, leaving the file as the other writer left it', async () => {
    const port = new MemoryFilePort();
    const store = new SidecarStore(port, { ids: seededIds(2), onExternalChange: 'refuse' });
    await store.load(ARTICLE, TEXT);
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio'), actor: 'marco-rubio' });
    await store.save();
    port.setText(SIDE, port.text(SIDE)! + '# edited elsewhere\n');
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Lavrov'), actor: 'sergey-lavrov' });
    await assert.rejects(store.save(), /was changed on disk since it was loaded.*not written/);
    assert.match(port.text(SIDE)!, /# edited elsewhere\n$/);
  });

  it('refuses to save over a file that was broken on disk meanwhile', async () => {
    const { port, store } = await fresh();
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio'), actor: 'marco-rubio' });
    await store.save();
    port.setText(SIDE, '<<<<<<< HEAD\nversion: 1\n');
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Lavrov'), actor: 'sergey-lavrov' });
    await assert.rejects(store.save(), /changed on disk and now has errors.*\n.*talks\.txt\.annotations\.yaml:\d+:\d+:/);
    assert.equal(port.text(SIDE), '<<<<<<< HEAD\nversion: 1\n');
  });

  it('accepts engine suggestions as confirmed, skipping places already decided', async () => {
    const { port, store } = await fresh();
    const l = span('Lavrov');
    store.upsert({ type: 'actor', status: 'rejected', target: l, actor: 'sergey-lavrov' });
    const analysis: Analysis = {
      actors: [],
      mentions: [
        { ...l, text: 'Lavrov', actorId: 'sergey-lavrov', match: 'surname', confidence: 0.9 },
        { ...span('Rubio'), text: 'Rubio', actorId: 'marco-rubio', match: 'surname', confidence: 0.9 },
      ],
      quotes: [{ ...span('"constructive"'), text: '"constructive"', kind: 'scare', speaker: null, cue: null, confidence: 0.5, mark: '"' }],
      channels: [{ ...span('by telephone'), text: 'by telephone', type: 'call', participants: ['sergey-lavrov', 'marco-rubio'], via: [], confidence: 0.8 }],
    };
    const r = store.acceptSuggestions(analysis);
    assert.equal(r.added.length, 3);
    assert.equal(r.skipped, 1);
    assert.equal(store.acceptSuggestions(analysis).added.length, 0);
    await store.save();
    const anns = parseSidecar(port.text(SIDE)!, SIDE).sidecar!.annotations;
    assert.equal(anns.find((a) => a.target.start === l.start && a.type === 'actor')!.status, 'rejected');
    assert.equal(anns.length, 4);
  });

  it('follows a renamed article (sidecar moved, article field updated) and refuses to overwrite', async () => {
    const { port, store } = await fresh();
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio'), actor: 'marco-rubio' });
    await store.save();
    assert.equal(await store.moveSidecar(ARTICLE, '/news/2025/talks-geneva.txt'), true);
    assert.equal(port.text(SIDE), undefined);
    assert.match(port.text('/news/2025/talks-geneva.txt.annotations.yaml')!, /^version: 1\narticle: talks-geneva.txt\n/);
    port.setText('/news/other.txt.annotations.yaml', 'version: 1\nannotations: []\n');
    await assert.rejects(store.moveSidecar('/news/2025/talks-geneva.txt', '/news/other.txt'), /already exists/);
  });

  it('moves positions with editor edits and saves the result', async () => {
    const { port, store } = await fresh();
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio', 1), actor: 'marco-rubio' });
    const text = 'Yesterday, ' + TEXT;
    store.applyEdits([{ start: 0, end: 0, text: 'Yesterday, ' }], text);
    await store.save();
    const a = parseSidecar(port.text(SIDE)!, SIDE).sidecar!.annotations[0];
    assert.equal(text.slice(a.target.start, a.target.end), 'Rubio');
    assert.equal(a.target.start, span('Rubio', 1).start + 11);
  });
});

describe('SidecarStore on the real file system', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'na-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('survives SIGKILL in the middle of saves: the sidecar is always a complete old or new version', async () => {
    const article = join(dir, 'big.txt');
    const para = 'Lavrov spoke to Rubio by telephone. The talks were "constructive", an official said.\n';
    const text = para.repeat(3000);
    writeFileSync(article, text);
    const store = new SidecarStore(nodeFilePort, { ids: seededIds(3) });
    await store.load(article, text);
    for (let i = 0; i < 3000; i++) store.upsert({ type: 'actor', status: 'confirmed', target: { start: i * para.length, end: i * para.length + 6 }, actor: 'sergey-lavrov' });
    await store.save();
    const sidecar = article + '.annotations.yaml';
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'helpers', 'saver.ts'), article], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`saver exited early (${code}): ${err}`)));
      });
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 150));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const p = parseSidecar(readFileSync(sidecar, 'utf8'), sidecar);
      assert.deepEqual(p.errors, [], `round ${round}: the sidecar is damaged`);
      assert.equal(p.sidecar!.annotations.length, 3000);
    }
    // leftover temp files (from a kill before the rename) are never read as the sidecar
    const names = readdirSync(dir);
    assert.ok(names.includes('big.txt.annotations.yaml'));
    for (const n of names.filter((x) => x.endsWith('.tmp'))) assert.match(n, /^\.big\.txt\.annotations\.yaml\..*\.tmp$/);
    const reloaded = new SidecarStore(nodeFilePort);
    const lr = await reloaded.load(article, text);
    assert.deepEqual(lr.errors, []);
    assert.equal(reloaded.annotations.length, 3000);
  });

  it('a port whose rename fails leaves the old file and reports the error', async () => {
    const article = join(dir, 'a.txt');
    writeFileSync(article, TEXT);
    const store = new SidecarStore(nodeFilePort, { ids: seededIds(4) });
    await store.load(article, TEXT);
    store.upsert({ type: 'actor', status: 'confirmed', target: span('Rubio'), actor: 'marco-rubio' });
    await store.save();
    const before = readFileSync(article + '.annotations.yaml', 'utf8');
    const failing = { ...nodeFilePort, writeAtomic: async (path: string, data: Uint8Array) => {
      writeFileSync(join(dir, '.a.txt.annotations.yaml.1.tmp'), data.subarray(0, 10));
      throw new Error(`EIO: rename of ${path} failed`);
    } };
    const s2 = new SidecarStore(failing, { ids: seededIds(5) });
    await s2.load(article, TEXT);
    s2.upsert({ type: 'actor', status: 'confirmed', target: span('Lavrov'), actor: 'sergey-lavrov' });
    await assert.rejects(s2.save(), /EIO/);
    assert.equal(readFileSync(article + '.annotations.yaml', 'utf8'), before);
    void serializeSidecar;
  });
});
