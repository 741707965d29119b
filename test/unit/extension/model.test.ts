/**
 * The extension's pure layers (no `vscode`): merging suggestions with stored annotations, decoration layers,
 * moving items with edits, and incremental (paragraph-window) re-analysis against a full run.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { compileRegistry, parseRegistry } from '../../../src/core/registry';
import { ArticleSession } from '../../../src/extension/articleSession';
import { paragraphWindow } from '../../../src/extension/incremental';
import { ALL_ON, computeLayers } from '../../../src/extension/layers';
import { buildViewModel, itemsAt, nextItem, type StoredAnnotation } from '../../../src/extension/viewModel';

const file = join(__dirname, '..', '..', '..', 'registry', 'world.yaml');
const registry = compileRegistry(parseRegistry(readFileSync(file, 'utf8'), file).entries);

const TEXT = [
  'Russian Foreign Minister Sergey Lavrov spoke with Marco Rubio by phone on Monday.',
  '"We are ready to continue the dialogue," Lavrov said.',
  'NATO Secretary General Mark Rutte said the alliance would keep supporting Ukraine.',
  'Officials in Turkey said a message was passed through President Erdogan.',
].join('\n');

const at = (t: string, s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });

describe('extension model (pure)', () => {
  it('confirmed annotations replace suggestions on the same span; rejected ones hide them', () => {
    const a = analyze(TEXT, registry);
    const nato = at(TEXT, 'NATO');
    const turkey = at(TEXT, 'Turkey');
    const stored: StoredAnnotation[] = [
      { id: 'c1', type: 'actor', status: 'confirmed', ...nato, text: 'NATO', actorId: 'nato' },
      { id: 'r1', type: 'actor', status: 'rejected', ...turkey, text: 'Turkey', actorId: 'turkey' },
      { id: 'o1', type: 'claim', status: 'confirmed', start: 5, end: 9, text: 'gone', orphan: true, claimKind: 'fact' },
    ];
    const vm = buildViewModel(TEXT, a, stored, registry);
    const natoItems = vm.items.filter((i) => i.start === nato.start && i.type === 'actor');
    assert.deepEqual(
      natoItems.map((i) => [i.state, i.storeId]),
      [['confirmed', 'c1']],
    );
    assert.ok(!vm.items.some((i) => i.start === turkey.start && i.type === 'actor'));
    assert.deepEqual(
      vm.orphans.map((o) => o.id),
      ['o1'],
    );
    assert.equal(vm.counts.orphans, 1);
    const layers = computeLayers(vm, ALL_ON);
    assert.ok(layers.organization.some((s) => s.start === nato.start), 'confirmed NATO in the organization layer');
    assert.ok(layers['person.suggested'].some((s) => TEXT.slice(s.start, s.end) === 'Sergey Lavrov'));
    const off = computeLayers(vm, { ...ALL_ON, suggestions: false });
    assert.equal(off['person.suggested'].length, 0);
    assert.equal(off.organization.length, 1);
  });

  it('itemsAt (innermost first) and nextItem (wrapping)', () => {
    const vm = buildViewModel(TEXT, analyze(TEXT, registry), [], registry);
    const q = vm.quotes[0];
    assert.ok(q);
    const inside = itemsAt(vm, q.start + 2);
    assert.equal(inside[0].type, 'quote');
    const last = vm.items[vm.items.length - 1];
    assert.equal(nextItem(vm, last.start), vm.items[0], 'wraps to the first');
    assert.equal(nextItem(vm, 0, true), last, 'wraps back to the last');
  });

  it('typing moves items at once; the window re-analysis agrees with a full run', () => {
    const session = new ArticleSession(TEXT, registry);
    session.reanalyze();
    const natoBefore = session.vm.items.find((i) => i.text === 'NATO')!.start;
    session.applyEdits([{ start: 0, end: 0, text: 'UPDATE: ' }]);
    assert.equal(session.vm.items.find((i) => i.text === 'NATO')!.start, natoBefore + 8);
    session.reanalyzeIncremental();
    // type a new name into the last paragraph
    const pos = session.text.indexOf('Erdogan.') + 'Erdogan'.length;
    const typed = ' and Emmanuel Macron';
    for (let i = 0; i < typed.length; i++) session.applyEdits([{ start: pos + i, end: pos + i, text: typed[i] }]);
    const win = session.reanalyzeIncremental();
    assert.ok(win && win.end - win.start < session.text.length, 'a window, not the whole text');
    assert.ok(session.vm.actors.has('emmanuel-macron'), 'the new name is found');
    const incremental = session.vm.items.map((i) => `${i.type}:${i.start}:${i.end}`);
    session.reanalyze();
    const full = session.vm.items.map((i) => `${i.type}:${i.start}:${i.end}`);
    assert.deepEqual(incremental, full);
  });

  it('stored annotations move with edits', () => {
    const nato = at(TEXT, 'NATO');
    const session = new ArticleSession(TEXT, registry, [{ id: 'c1', type: 'actor', status: 'confirmed', ...nato, text: 'NATO', actorId: 'nato' }]);
    session.reanalyze();
    session.applyEdits([{ start: 0, end: 0, text: 'xx' }]);
    session.reanalyzeIncremental();
    const it = session.vm.items.find((i) => i.storeId === 'c1');
    assert.equal(it?.start, nato.start + 2);
    assert.equal(session.text.slice(it.start, it.end), 'NATO');
  });

  it('paragraphWindow covers the edited lines plus one non-blank line either side', () => {
    const t = 'a\n\nb\nc\n\nd\ne';
    const w = paragraphWindow(t, { start: t.indexOf('c'), end: t.indexOf('c') + 1 });
    assert.equal(t.slice(w.start, w.end), 'b\nc\n\nd');
    assert.deepEqual(paragraphWindow(t, { start: 0, end: 0 }), { start: 0, end: t.indexOf('b') + 1 });
  });
});
