/** CorpusIndex.mentionAt: the mention under the cursor for References / Rename (pure, no editor). */
import assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/corpus';
import type { ArticleAnnotations, MentionItem } from '../../../src/core/export';

const TEXT = 'Sergey Lavrov met Rubio. Lavrov said so.';

function doc(article: string, mentions: Array<Omit<MentionItem, 'id' | 'text'>>): ArticleAnnotations {
  return {
    article,
    text: '',
    actors: new Map([
      ['sergey-lavrov', { id: 'sergey-lavrov', name: 'Sergey Lavrov', kind: 'person' }],
      ['marco-rubio', { id: 'marco-rubio', name: 'Marco Rubio', kind: 'person' }],
      ['lavrov-family', { id: 'lavrov-family', name: 'Lavrov', kind: 'organization' }],
    ]),
    mentions: mentions.map((m, i) => ({ ...m, id: `m${i + 1}`, text: TEXT.slice(m.start, m.end) })),
    quotes: [],
    channels: [],
    claims: [],
  };
}

describe('CorpusIndex.mentionAt', () => {
  const index = new CorpusIndex();
  index.update(
    'a',
    doc('a', [
      { start: 0, end: 13, actorId: 'sergey-lavrov', origin: 'suggested' },
      { start: 7, end: 13, actorId: 'lavrov-family', origin: 'confirmed' }, // nested, shorter
      { start: 18, end: 23, actorId: 'marco-rubio', origin: 'confirmed' },
      { start: 25, end: 31, actorId: 'sergey-lavrov', origin: 'suggested' },
    ]),
  );

  it('finds the mention covering an offset, with article, span and origin', () => {
    assert.deepEqual(index.mentionAt('a', 20), { actorId: 'marco-rubio', article: 'a', start: 18, end: 23, origin: 'confirmed' });
    assert.deepEqual(index.mentionAt('a', 27), { actorId: 'sergey-lavrov', article: 'a', start: 25, end: 31, origin: 'suggested' });
  });

  it('takes both ends as inside (a cursor just before or after the name)', () => {
    assert.equal(index.mentionAt('a', 18)?.actorId, 'marco-rubio');
    assert.equal(index.mentionAt('a', 23)?.actorId, 'marco-rubio');
    assert.equal(index.mentionAt('a', 0)?.actorId, 'sergey-lavrov');
  });

  it('prefers the shortest of nested mentions', () => {
    assert.equal(index.mentionAt('a', 3)?.actorId, 'sergey-lavrov');
    assert.equal(index.mentionAt('a', 9)?.actorId, 'lavrov-family');
  });

  it('nothing between mentions, past the end, or in an unknown article', () => {
    assert.equal(index.mentionAt('a', 15), undefined);
    assert.equal(index.mentionAt('a', 1000), undefined);
    assert.equal(index.mentionAt('b', 3), undefined);
  });

  it('follows updates and removals of the article', () => {
    const ix = new CorpusIndex();
    ix.update('a', doc('a', [{ start: 18, end: 23, actorId: 'marco-rubio', origin: 'suggested' }]));
    assert.equal(ix.mentionAt('a', 20)?.actorId, 'marco-rubio');
    ix.update('a', doc('a', [{ start: 25, end: 31, actorId: 'sergey-lavrov', origin: 'confirmed' }]));
    assert.equal(ix.mentionAt('a', 20), undefined);
    assert.equal(ix.mentionAt('a', 26)?.origin, 'confirmed');
    ix.remove('a');
    assert.equal(ix.mentionAt('a', 26), undefined);
  });
});
