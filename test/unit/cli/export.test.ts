import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBrat, fromW3c, readCsv } from '../../../src/core/export';
import { serializeSidecar } from '../../../src/core/store';
import { runCli, tempDir } from '../../helpers/cli';
import { FIXTURES, fixtureSidecar, TEXT } from '../export/fixture';

function workspace(withSidecar = true): string {
  const dir = tempDir('na-export-');
  copyFileSync(join(FIXTURES, 'article.txt'), join(dir, 'article.txt'));
  if (withSidecar) writeFileSync(join(dir, 'article.txt.annotations.yaml'), serializeSidecar({ version: 1, article: 'article.txt', fingerprint: '', annotations: fixtureSidecar() }));
  return dir;
}

describe('CLI export', () => {
  it('prints one W3C collection for one article, with the confirmed sidecar annotations in it', async () => {
    const dir = workspace();
    const r = await runCli(['export', '--format', 'w3c', 'article.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.type, 'AnnotationCollection');
    assert.equal(json.label, 'article.txt');
    assert.ok(json.first.items[0].target.source.startsWith('file://'));
    const back = fromW3c(json, TEXT);
    assert.deepEqual(back.orphans, []);
    const claim = back.doc.claims[0];
    assert.deepEqual([claim.kind, claim.claimant, claim.status], ['allegation', 'marco-rubio', 'disputed']);
    assert.ok(back.doc.channels.some((c) => c.via.includes('umaro-embalo') && c.origin === 'confirmed'));
  });

  it('--confirmed-only exports what the user confirmed and nothing the engine suggested', async () => {
    const dir = workspace();
    const r = await runCli(['export', '--format', 'csv', '--confirmed-only', '--out', 'out', 'article.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote 4 file\(s\) to out/);
    const mentions = readCsv(readFileSync(join(dir, 'out', 'mentions.csv'), 'utf8'));
    assert.deepEqual(mentions.map((m) => [m.text, m.actor_id, m.origin]), [['Peskov', 'dmitry-peskov', 'confirmed']]);
    const edges = readCsv(readFileSync(join(dir, 'out', 'channels.csv'), 'utf8'));
    assert.deepEqual(edges.map((e) => [e.source, e.target, e.type, e.via]), [['vladimir-putin', 'united-states', 'intermediary', 'umaro-embalo']]);
    const claims = readCsv(readFileSync(join(dir, 'out', 'claims.csv'), 'utf8'));
    assert.equal(claims[0].note, '=SUM(A1) is not a formula; Peskov says "no", twice');
    assert.ok(readFileSync(join(dir, 'out', 'claims.csv'), 'utf8').includes(`"'=SUM(A1)`), 'the formula is guarded in the file');
  });

  it('writes brat files that read back against their text copy, and annotation.conf', async () => {
    const dir = workspace();
    const r = await runCli(['export', '--format', 'brat', '--out', 'brat', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    const txt = readFileSync(join(dir, 'brat', 'article.txt'), 'utf8');
    const back = fromBrat(readFileSync(join(dir, 'brat', 'article.ann'), 'utf8'), txt);
    assert.deepEqual(back.issues, []);
    assert.ok(back.doc.mentions.length > 0);
    assert.ok(back.doc.quotes.some((q) => q.speaker === 'sergey-lavrov' && q.text.includes('\n')), 'the two-line quote');
    assert.match(readFileSync(join(dir, 'brat', 'annotation.conf'), 'utf8'), /^\[entities\]$/m);
  });

  it('prints GraphML and DOT of the channel network', async () => {
    const dir = workspace();
    const g = await runCli(['export', '--format', 'graphml', '--confirmed-only', 'article.txt'], dir);
    assert.equal(g.code, 0, g.stderr);
    assert.match(g.stdout, /<edge id="e1" source="united-states" target="vladimir-putin"><data key="type">intermediary<\/data><data key="via">umaro-embalo<\/data>/);
    const d = await runCli(['export', '--format', 'dot', '--confirmed-only', 'article.txt'], dir);
    assert.match(d.stdout, /^graph channels \{/);
    assert.match(d.stdout, /"united-states" -- "umaro-embalo"/);
  });

  it('refuses to write over an article, before writing anything', async () => {
    const dir = workspace(false);
    const r = await runCli(['export', '--format', 'brat', '--out', '.', 'article.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /refusing to overwrite the article article\.txt/);
    assert.equal(readFileSync(join(dir, 'article.txt'), 'utf8'), TEXT);
    assert.ok(!existsSync(join(dir, 'article.ann')));
  });

  it('names a broken sidecar by file, line and column, exports the rest and exits 1', async () => {
    const dir = workspace(false);
    writeFileSync(join(dir, 'article.txt.annotations.yaml'), 'version: 1\nannotations: [\n');
    const r = await runCli(['export', '--format', 'w3c', 'article.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /article\.txt\.annotations\.yaml:\d+:\d+: /);
    assert.match(r.stderr, /exporting without the confirmed annotations/);
    assert.equal(JSON.parse(r.stdout).type, 'AnnotationCollection');
  });

  it('explains usage errors with exit code 2', async () => {
    const dir = workspace(false);
    assert.equal((await runCli(['export', 'article.txt'], dir)).code, 2);
    assert.equal((await runCli(['export', '--format', 'xml', 'article.txt'], dir)).code, 2);
    const csv = await runCli(['export', '--format', 'csv', 'article.txt'], dir);
    assert.equal(csv.code, 2);
    assert.match(csv.stderr, /give --out DIR/);
    assert.equal((await runCli(['export', '--format', 'w3c', 'missing.txt'], dir)).code, 1);
  });
});

describe('CLI network', () => {
  it('prints the channel network as a table, filtered by type', async () => {
    const dir = workspace();
    const r = await runCli(['network', '--confirmed-only', 'article.txt'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^SOURCE\s+TARGET\s+TYPE\s+VIA\s+COUNT\s+ARTICLES$/m);
    assert.match(r.stdout, /United States\s+Vladimir Putin\s+intermediary\s+(Umaro Sissoco Embaló|umaro-embalo)\s+1\s+article\.txt/);
    const none = await runCli(['network', '--confirmed-only', '--type', 'call', '--format', 'json', 'article.txt'], dir);
    assert.deepEqual(JSON.parse(none.stdout).edges, []);
    assert.equal((await runCli(['network', '--type', 'pigeon', 'article.txt'], dir)).code, 2);
  });
});
