import { strict as assert } from 'node:assert';
import { fittingSidecars, MemoryFilePort, rateSidecar, seededIds, SidecarStore, strandedSidecarNames, type SidecarCandidate } from '../../../src/core/store';

const TEXT =
  'Lavrov spoke to Rubio by telephone on Monday. Lavrov said the talks were "constructive".\n' +
  'Rubio declined to comment. A second call is planned for Friday, officials in Ankara said.\n';
const OTHER = 'An unrelated report about grain exports through the Black Sea corridor, without any of the same words.\n';

/** A sidecar written by the real store for `text` under `article`, with one annotation per phrase. */
async function sidecarFor(article: string, text: string, phrases: string[]): Promise<SidecarCandidate> {
  const port = new MemoryFilePort();
  const store = new SidecarStore(port, { ids: seededIds(7) });
  await store.load(article, text);
  for (const p of phrases) {
    const start = text.indexOf(p);
    assert.ok(start >= 0, p);
    store.upsert({ type: 'claim', status: 'confirmed', target: { start, end: start + p.length }, kind: 'fact', verification: 'unverified', claimant: null, note: '', links: [] });
  }
  await store.save();
  const path = `${article}.annotations.yaml`;
  return { path, bytes: port.files.get(path)! };
}

describe('stranded sidecars (article renamed outside VS Code)', () => {
  it('names the sidecars whose article is not in the folder', () => {
    const names = ['new.txt', 'old.txt.annotations.yaml', 'kept.txt', 'kept.txt.annotations.yaml', '.annotations.yaml', 'notes.md'];
    assert.deepEqual(strandedSidecarNames(names), ['old.txt.annotations.yaml']);
  });

  it('an identical text fits completely; an edited text fits by the annotations that still anchor', async () => {
    const old = await sidecarFor('/news/old.txt', TEXT, ['Lavrov spoke to Rubio', 'the talks were "constructive"', 'A second call is planned']);
    const same = rateSidecar(TEXT, old)!;
    assert.deepEqual({ ...same, path: undefined }, { path: undefined, article: 'old.txt', annotations: 3, fits: 3, sameText: true });

    const edited = TEXT.replace('Monday', 'Tuesday').replace('A second call is planned for Friday, officials in Ankara said.', 'Officials gave no date.');
    const fit = rateSidecar(edited, old)!;
    assert.equal(fit.sameText, false);
    assert.equal(fit.fits, 2, 'the two unchanged phrases anchor, the removed one does not');
  });

  it('offers only sidecars that fit, the identical text first, and never a broken or empty one', async () => {
    const exact = await sidecarFor('/news/a.txt', TEXT, ['Lavrov spoke to Rubio']);
    const edited = await sidecarFor('/news/b.txt', TEXT.replace('Monday', 'Sunday'), ['Lavrov spoke to Rubio', 'Rubio declined to comment']);
    const unrelated = await sidecarFor('/news/c.txt', OTHER, ['grain exports']);
    const empty = await sidecarFor('/news/d.txt', TEXT, []);
    const broken: SidecarCandidate = { path: '/news/e.txt.annotations.yaml', bytes: new TextEncoder().encode('version: 1\nannotations: [\n') };
    const binary: SidecarCandidate = { path: '/news/f.txt.annotations.yaml', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x80]) };
    const fits = fittingSidecars(TEXT, [unrelated, edited, empty, broken, binary, exact]);
    assert.deepEqual(
      fits.map((f) => [f.article, f.sameText, f.fits, f.annotations]),
      [
        ['a.txt', true, 1, 1],
        ['b.txt', false, 2, 2],
      ],
    );
  });

  it('adopting moves the sidecar to the new name and keeps every annotation', async () => {
    const port = new MemoryFilePort();
    const old = await sidecarFor('/news/old.txt', TEXT, ['Lavrov spoke to Rubio', 'Rubio declined to comment']);
    port.files.set(old.path, old.bytes);
    const [best] = fittingSidecars(TEXT, [old]);
    const store = new SidecarStore(port);
    await store.load('/news/new.txt', TEXT);
    assert.equal(await store.moveSidecar('/news/old.txt', '/news/new.txt'), true);
    assert.equal(port.files.has(best.path), false, 'nothing left under the old name');
    const reread = new SidecarStore(port);
    const loaded = await reread.load('/news/new.txt', TEXT);
    assert.equal(loaded.exists, true);
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.report.annotations, 2);
    assert.equal(loaded.report.orphaned, 0);
    assert.match(port.text('/news/new.txt.annotations.yaml')!, /^article: new.txt$/m);
  });
});
