import { strict as assert } from 'node:assert';
import { applyEdits, reanchor } from '../../../src/core/store/anchor';
import { makeTarget, type Annotation } from '../../../src/core/store/model';

const TEXT =
  'Lavrov spoke to Rubio by telephone on Monday.\n' +
  'Lavrov said the talks were "constructive and businesslike" and would continue.\n' +
  'Rubio said nothing about the sanctions, according to his office.\n';

function actor(id: string, text: string, exact: string, nth = 0, extra: Partial<Annotation> = {}): Annotation {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(exact, i + 1);
  assert.ok(i >= 0, exact);
  return { id, type: 'actor', status: 'confirmed', target: makeTarget(text, i, i + exact.length), actor: id, ...extra } as Annotation;
}

describe('re-anchoring', () => {
  const anns = () => [actor('l1', TEXT, 'Lavrov'), actor('r1', TEXT, 'Rubio'), actor('l2', TEXT, 'Lavrov', 1), actor('q1', TEXT, '"constructive and businesslike"'), actor('r2', TEXT, 'Rubio', 1)];

  it('leaves everything in place on the same text, changing nothing', () => {
    const a = anns();
    const r = reanchor(a, TEXT);
    assert.equal(r.changed, false);
    assert.equal(r.report.anchored, 5);
    r.annotations.forEach((x, i) => assert.equal(x, a[i]));
  });

  it('follows text inserted before (anchored, positions shifted)', () => {
    const text = 'BREAKING. ' + TEXT;
    const r = reanchor(anns(), text);
    assert.equal(r.report.anchored + r.report.moved, 5);
    for (const x of r.annotations) assert.equal(text.slice(x.target.start, x.target.end), x.target.exact);
    assert.equal(r.annotations[2].target.start, TEXT.indexOf('Lavrov said') + 10);
  });

  it('tells repeated words apart by their context after a paragraph move', () => {
    const [p1, p2, p3] = TEXT.split('\n');
    const text = [p3, p1, p2, ''].join('\n');
    const r = reanchor(anns(), text);
    const byId = new Map(r.annotations.map((x) => [x.id, x]));
    assert.equal(byId.get('l2')!.target.start, text.indexOf('Lavrov said'));
    assert.equal(byId.get('r2')!.target.start, text.indexOf('Rubio said'));
    assert.equal(byId.get('r1')!.target.start, text.indexOf('Rubio by'));
    assert.equal(r.report.orphaned, 0);
  });

  it('finds a quote with a typo fixed inside as fuzzy and takes the new text', () => {
    const text = TEXT.replace('businesslike', 'business-like');
    const r = reanchor(anns(), text);
    const q = r.annotations.find((x) => x.id === 'q1')!;
    assert.equal(r.report.fuzzy, 1);
    assert.equal(q.target.exact, '"constructive and business-like"');
    assert.equal(r.report.outcomes.find((o) => o.id === 'q1')!.errors, 1);
  });

  it('orphans what is gone, keeps it with its last target, and re-attaches when the text returns', () => {
    const text = TEXT.replace('"constructive and businesslike" and would continue', 'would continue');
    const r = reanchor(anns(), text);
    const q = r.annotations.find((x) => x.id === 'q1')!;
    assert.equal(q.orphaned, true);
    assert.equal(q.target.exact, '"constructive and businesslike"');
    assert.equal(r.report.orphaned, 1);
    const back = reanchor(r.annotations, TEXT);
    const q2 = back.annotations.find((x) => x.id === 'q1')!;
    assert.equal(q2.orphaned, undefined);
    assert.equal(TEXT.slice(q2.target.start, q2.target.end), q2.target.exact);
  });

  it('re-anchors after a re-flow (line breaks become spaces) approximately', () => {
    const long = actor('s1', TEXT, 'talks were "constructive and businesslike" and would continue.\nRubio said nothing');
    const text = TEXT.replace(/\n/g, ' ');
    const r = reanchor([long], text);
    assert.equal(r.report.fuzzy, 1);
    assert.equal(r.annotations[0].target.exact, 'talks were "constructive and businesslike" and would continue. Rubio said nothing');
  });

  it('never matches short texts approximately', () => {
    const r = reanchor([actor('r1', TEXT, 'Rubio')], TEXT.replace(/Rubio/g, 'Rubia'));
    assert.equal(r.report.orphaned, 1);
  });

  it('does not split a surrogate pair in the context', () => {
    const text = '😀'.repeat(40) + 'Lavrov' + '😀'.repeat(40);
    const t = makeTarget(text, 80, 86);
    assert.equal(t.prefix.length, 32);
    assert.ok(!/^[\udc00-\udfff]/.test(t.prefix) && !/[\ud800-\udbff]$/.test(t.suffix));
  });
});

describe('applyEdits (editor changes, no search)', () => {
  const a = () => [actor('l1', TEXT, 'Lavrov'), actor('q1', TEXT, '"constructive and businesslike"')];
  const apply = (text: string, s: number, e: number, ins: string) => text.slice(0, s) + ins + text.slice(e);

  it('shifts annotations after an insertion, leaves those before alone', () => {
    const s = TEXT.indexOf('Monday');
    const text = apply(TEXT, s, s, 'early ');
    const r = applyEdits(a(), [{ start: s, end: s, text: 'early ' }], text);
    assert.equal(r.annotations[0].target.start, 0);
    assert.equal(r.annotations[1].target.start, TEXT.indexOf('"constructive') + 6);
    for (const x of r.annotations) assert.equal(text.slice(x.target.start, x.target.end), x.target.exact);
  });

  it('resizes an annotation edited inside, and does not grow when typing right after it', () => {
    const s = TEXT.indexOf('businesslike');
    let text = apply(TEXT, s + 8, s + 8, '-');
    let r = applyEdits(a(), [{ start: s + 8, end: s + 8, text: '-' }], text);
    assert.equal(r.annotations[1].target.exact, '"constructive and business-like"');
    assert.deepEqual(r.touched, ['q1']);
    const end = r.annotations[1].target.end;
    text = apply(text, end, end, '!!');
    r = applyEdits(r.annotations, [{ start: end, end, text: '!!' }], text);
    assert.equal(r.annotations[1].target.exact, '"constructive and business-like"');
  });

  it('orphans an annotation whose whole text was deleted, keeping its text', () => {
    const s = TEXT.indexOf('"constructive');
    const e = s + '"constructive and businesslike" '.length;
    const text = apply(TEXT, s, e, '');
    const r = applyEdits(a(), [{ start: s, end: e, text: '' }], text);
    assert.deepEqual(r.orphaned, ['q1']);
    assert.equal(r.annotations[1].orphaned, true);
    assert.equal(r.annotations[1].target.exact, '"constructive and businesslike"');
  });

  it('applies several changes of one event in sequence (descending offsets, as VS Code sends multi-cursor edits)', () => {
    const p = TEXT.indexOf('Rubio said');
    const q = TEXT.indexOf('Lavrov said');
    const text = apply(apply(TEXT, p, p, '>> '), q, q, '>> ');
    const r = applyEdits(a(), [{ start: p, end: p, text: '>> ' }, { start: q, end: q, text: '>> ' }], text);
    assert.equal(text.slice(r.annotations[1].target.start, r.annotations[1].target.end), '"constructive and businesslike"');
  });
});
