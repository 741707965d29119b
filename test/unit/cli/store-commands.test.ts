import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli';
import { makeTarget, parseSidecar, serializeSidecar, type Annotation } from '../../../src/core/store';

const ARTICLE =
  'Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Marco Rubio in Geneva on Tuesday.\n' +
  '"We had a frank conversation," Rubio told reporters after the talks.\n' +
  'Lavrov said Moscow was "ready to listen" but would not accept conditions.\n';

function at(text: string, s: string): [number, number] {
  const i = text.indexOf(s);
  assert.ok(i >= 0, s);
  return [i, i + s.length];
}

function writeSidecar(dir: string, name: string, text: string, anns: Array<[string, string]>): string {
  const annotations: Annotation[] = anns.map(([id, exact]) => ({ id, type: 'actor', status: 'confirmed', target: makeTarget(text, ...at(text, exact)), actor: 'x' }));
  const path = join(dir, name + '.annotations.yaml');
  writeFileSync(path, serializeSidecar({ version: 1, article: name, fingerprint: '', annotations }));
  return path;
}

describe('CLI annotate / check / reanchor', function () {
  this.timeout(30000);

  it('check reports per file in JSON and exits 0 when everything is placed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    writeSidecar(dir, 'a.txt', ARTICLE, [['lavrov01', 'Sergei Lavrov'], ['quote001', '"ready to listen"']]);
    const r = await runCli(['check', '--format', 'json', 'a.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { file: 'a.txt', annotations: 2, anchored: 2, moved: 0, fuzzy: 0, orphaned: 0, errors: [] });
  });

  it('check finds moved, fuzzy and orphaned annotations after the article changed, writes nothing, exits 1', async () => {
    const dir = tempDir();
    const side = writeSidecar(dir, 'a.txt', ARTICLE, [['lavrov01', 'Sergei Lavrov'], ['quote001', '"We had a frank conversation,"'], ['gone0001', 'Geneva'], ['lavrov02', 'Lavrov said']]);
    const before = readFileSync(side, 'utf8');
    const changed = ARTICLE.replace(' in Geneva', '').replace('frank conversation', 'frank  conversation').replace('Lavrov said', 'Later, Lavrov said');
    writeFileSync(join(dir, 'a.txt'), changed);
    const r = await runCli(['check', '--format', 'json', 'a.txt'], dir);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.deepEqual({ ...out, anchored: undefined, moved: undefined }, { file: 'a.txt', annotations: 4, anchored: undefined, moved: undefined, fuzzy: 1, orphaned: 1, errors: [] });
    assert.equal(out.anchored + out.moved, 2);
    assert.equal(readFileSync(side, 'utf8'), before, 'check never writes');
    const text = await runCli(['check', 'a.txt'], dir);
    assert.match(text.stdout, /a\.txt: 4 annotations — \d anchored, \d moved, 1 fuzzy, 1 orphaned/);
    assert.match(text.stdout, /orphaned gone0001 actor “Geneva” \(was at \d+–\d+\)/);
  });

  it('check names the sidecar, line and column of an error, and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    writeFileSync(join(dir, 'a.txt.annotations.yaml'), 'version: 1\nannotations:\n  - id: x1\n    type: actor\n    status: confirmed\n    target: {exact: Lavrov, start: 0, end: "six"}\n    actor: x\n');
    const r = await runCli(['check', '--format', 'json', 'a.txt'], dir);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.errors, [{ file: 'a.txt.annotations.yaml', line: 6, column: 44, message: 'annotations[0].target.end: must be a whole number ≥ 0 (found "six")' }]);
    const t = await runCli(['check', 'a.txt.annotations.yaml'], dir);
    assert.match(t.stdout, /^a\.txt\.annotations\.yaml:6:44: annotations\[0\]\.target\.end: must be a whole number/m);
  });

  it('reanchor saves the new positions, keeps orphans in the file, and a second run changes nothing', async () => {
    const dir = tempDir();
    const side = writeSidecar(dir, 'a.txt', ARTICLE, [['lavrov01', 'Sergei Lavrov'], ['gone0001', 'Geneva']]);
    const changed = 'UPDATED\n' + ARTICLE.replace(' in Geneva', '');
    writeFileSync(join(dir, 'a.txt'), changed);
    const r = await runCli(['reanchor', 'a.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /a\.txt: 2 annotations — .*1 orphaned/);
    const file = readFileSync(side, 'utf8');
    const p = parseSidecar(file, side);
    assert.equal(p.sidecar!.annotations.length, 2);
    const lavrov = p.sidecar!.annotations.find((a) => a.id === 'lavrov01')!;
    assert.equal(changed.slice(lavrov.target.start, lavrov.target.end), 'Sergei Lavrov');
    assert.equal(p.sidecar!.annotations.find((a) => a.id === 'gone0001')!.orphaned, true);
    const again = await runCli(['reanchor', 'a.txt'], dir);
    assert.match(again.stdout, /\(unchanged\)/);
    assert.equal(readFileSync(side, 'utf8'), file);
  });

  it('annotate --accept-all stores suggestions as confirmed and keeps existing decisions', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    const side = join(dir, 'a.txt.annotations.yaml');
    const [s, e] = at(ARTICLE, 'Sergei Lavrov');
    writeFileSync(
      side,
      `# my decisions\nversion: 1\narticle: a.txt\nfingerprint: ""\nannotations:\n  - id: mine0001\n    type: actor\n    status: rejected\n    target: {exact: Sergei Lavrov, start: ${s}, end: ${e}}\n    actor: sergey-lavrov\n`,
    );
    const dry = await runCli(['annotate', 'a.txt'], dir);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /a\.txt: \d+ suggestions? .*1 in the sidecar — use --accept-all/);
    const r = await runCli(['annotate', '--accept-all', 'a.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /a\.txt: \d+ added, \d+ already there, 1 kept/);
    const file = readFileSync(side, 'utf8');
    assert.ok(file.startsWith('# my decisions\n'));
    const anns = parseSidecar(file, side).sidecar!.annotations;
    const mine = anns.find((a) => a.id === 'mine0001')!;
    assert.equal(mine.status, 'rejected');
    assert.ok(!anns.some((a) => a.id !== 'mine0001' && a.type === 'actor' && a.target.start === s && a.target.end === e), 'no duplicate at a decided place');
    for (const a of anns) assert.equal(ARTICLE.slice(a.target.start, a.target.end), a.target.exact);
    const again = await runCli(['annotate', '--accept-all', 'a.txt'], dir);
    assert.match(again.stdout, /0 added/);
    assert.equal(readFileSync(side, 'utf8'), file);
  });

  it('refuses to touch a broken sidecar (annotate, reanchor) and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    const broken = 'version: 1\nannotations: [\n';
    writeFileSync(join(dir, 'a.txt.annotations.yaml'), broken);
    for (const cmd of [['annotate', '--accept-all'], ['reanchor']]) {
      const r = await runCli([...cmd, 'a.txt'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /a\.txt\.annotations\.yaml:\d+:\d+: .*\n.*not changed/);
      assert.equal(readFileSync(join(dir, 'a.txt.annotations.yaml'), 'utf8'), broken);
    }
  });

  it('exits 2 with usage on bad arguments', async () => {
    const r = await runCli(['check', '--format', 'xml', 'a.txt'], tempDir());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /usage: news-annotator check/);
    assert.equal((await runCli(['reanchor'], tempDir())).code, 2);
  });

  it('adopt: an article renamed outside VS Code takes over the sidecar its old name left behind', async () => {
    const dir = tempDir();
    writeSidecar(dir, 'old.txt', ARTICLE, [['lavrov01', 'Sergei Lavrov'], ['quote001', '"ready to listen"']]);
    writeSidecar(dir, 'other.txt', 'Unrelated text about grain exports.\n', [['grain001', 'grain exports']]);
    writeFileSync(join(dir, 'other.txt'), 'Unrelated text about grain exports.\n');
    writeFileSync(join(dir, 'new.txt'), ARTICLE.replace('Tuesday', 'Wednesday')); // renamed (git mv) and then edited
    const dry = await runCli(['adopt', '--dry-run', 'new.txt'], dir);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(dry.stdout, 'new.txt: would adopt old.txt.annotations.yaml (written for old.txt; 2 of 2 annotations anchor)\n');
    assert.ok(existsSync(join(dir, 'old.txt.annotations.yaml')), 'a dry run moves nothing');

    const r = await runCli(['adopt', 'new.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^new\.txt: adopted old\.txt\.annotations\.yaml/);
    assert.ok(!existsSync(join(dir, 'old.txt.annotations.yaml')));
    const moved = parseSidecar(readFileSync(join(dir, 'new.txt.annotations.yaml'), 'utf8'), 'new.txt.annotations.yaml').sidecar!;
    assert.equal(moved.article, 'new.txt');
    assert.deepEqual(moved.annotations.map((a) => a.id).sort(), ['lavrov01', 'quote001']);
    assert.ok(existsSync(join(dir, 'other.txt.annotations.yaml')), 'a sidecar whose article exists is never taken');
    const check = await runCli(['check', 'new.txt'], dir);
    assert.match(check.stdout, /new\.txt: 2 annotations — .*0 orphaned/);

    const again = await runCli(['adopt', 'new.txt'], dir);
    assert.equal(again.stdout, 'new.txt: has a sidecar already; nothing to adopt\n');
    writeFileSync(join(dir, 'fresh.txt'), 'A text that no sidecar was written for.\n');
    assert.equal((await runCli(['adopt', 'fresh.txt'], dir)).stdout, 'fresh.txt: no sidecar in its folder fits this text\n');
  });
});
