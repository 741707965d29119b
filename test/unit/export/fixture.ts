/**
 * The hand-made export fixture: test/fixtures/export/article.txt with engine suggestions (an `Analysis`) and a
 * sidecar (store `Annotation`s) written by hand. Spans are found by text so that they are easy to check by eye.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectAnnotations, type ArticleAnnotations } from '../../../src/core/export';
import type { Annotation } from '../../../src/core/store/model';
import { makeTarget } from '../../../src/core/store/model';
import type { ActorEntry, Analysis, Channel, Mention, Quote } from '../../../src/core/types';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'export');
export const ARTICLE = 'article.txt';
export const TEXT = readFileSync(join(FIXTURES, ARTICLE), 'utf8');

/** [start, end) of the n-th (1-based) occurrence of `s`. */
export function at(s: string, n = 1, text = TEXT): { start: number; end: number; text: string } {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = text.indexOf(s, i + 1);
    if (i < 0) throw new Error(`fixture: "${s}" #${n} not found`);
  }
  return { start: i, end: i + s.length, text: s };
}

export const REGISTRY: ActorEntry[] = [
  { id: 'sergey-lavrov', name: 'Sergey Lavrov', kind: 'person', aliases: ['Lavrov'], roles: ['Foreign Minister of Russia'], wikidata: 'Q52612' },
  { id: 'marco-rubio', name: 'Marco Rubio', kind: 'person', aliases: ['Rubio'], roles: ['US Secretary of State'], wikidata: 'Q324546' },
  { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], roles: [], wikidata: 'Q7747' },
  { id: 'umaro-embalo', name: 'Umaro Sissoco Embaló', kind: 'person', aliases: ['Embalo'], roles: [] },
  { id: 'united-states', name: 'United States', kind: 'state', aliases: ['Washington'], roles: [], wikidata: 'Q30' },
  { id: 'russia', name: 'Russia', kind: 'state', aliases: ['Moscow', 'the Kremlin'], roles: [], wikidata: 'Q159' },
  { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person', aliases: ['Peskov'], roles: [] },
];
export const lookup = (id: string) => REGISTRY.find((e) => e.id === id);

const mention = (s: string, n: number, actorId: string, role?: string): Mention => ({ ...at(s, n), actorId, match: role ? 'alias' : 'surname', confidence: 0.9, ...(role ? { role } : {}) });

export function fixtureAnalysis(): Analysis {
  const mentions: Mention[] = [
    mention('Lavrov', 1, 'sergey-lavrov'),
    mention('Rubio', 1, 'marco-rubio'),
    mention('Washington', 1, 'united-states'),
    mention('Lavrov', 2, 'sergey-lavrov'),
    mention('Moscow', 1, 'russia'),
    mention('Putin', 1, 'vladimir-putin'),
    mention('Washington', 2, 'united-states'),
    mention('Embalo', 1, 'umaro-embalo', 'President'),
    mention('Rubio', 2, 'marco-rubio'),
    mention('the Kremlin', 1, 'russia'),
    mention('Peskov', 1, 'dmitry-peskov'),
  ];
  const lavrov = { id: 'sergey-lavrov', name: 'Sergey Lavrov' };
  const quotes: Quote[] = [
    { ...at('"We discussed the truce,"'), kind: 'direct', speaker: lavrov, cue: at('told'), confidence: 0.9, mark: '"' },
    { ...at('"Nothing was agreed, but the\ntalks will continue,"'), kind: 'direct', speaker: lavrov, cue: at('added'), confidence: 0.8, mark: '"' },
    { ...at('"the Kremlin is stalling"'), kind: 'scare', speaker: null, cue: null, confidence: 0.5, mark: '"' },
  ];
  const channels: Channel[] = [
    { ...at('Lavrov and Rubio spoke by phone'), type: 'call', participants: ['sergey-lavrov', 'marco-rubio'], via: [], confidence: 0.9 },
    { ...at('Putin sent a message to Washington through President Embalo'), type: 'intermediary', participants: ['vladimir-putin', 'united-states'], via: ['umaro-embalo'], confidence: 0.8 },
  ];
  const actors = [...new Set(mentions.map((m) => m.actorId))].map((id) => {
    const e = lookup(id)!;
    return { id, name: e.name, kind: e.kind, known: true, roles: e.roles, mentions: mentions.filter((m) => m.actorId === id).map((m) => ({ start: m.start, end: m.end, text: m.text, match: m.match })) };
  });
  return { actors, quotes, channels, mentions };
}

const target = (s: string, n = 1) => {
  const a = at(s, n);
  return makeTarget(TEXT, a.start, a.end);
};

/** The sidecar: a confirmed mention, a rejected one, the multi-line quote and the via channel confirmed, a claim. */
export function fixtureSidecar(): Annotation[] {
  return [
    { id: 'aaaaaaaa', type: 'actor', status: 'confirmed', target: target('Peskov'), actor: 'dmitry-peskov' },
    { id: 'bbbbbbbb', type: 'actor', status: 'rejected', target: target('Moscow'), actor: 'russia' },
    { id: 'cccccccc', type: 'quote', status: 'confirmed', target: target('"Nothing was agreed, but the\ntalks will continue,"'), speaker: 'sergey-lavrov', cue: 'added', kind: 'direct' },
    {
      id: 'dddddddd',
      type: 'channel',
      status: 'confirmed',
      target: target('Putin sent a message to Washington through President Embalo'),
      channelType: 'intermediary',
      participants: ['vladimir-putin', 'united-states'],
      via: ['umaro-embalo'],
    },
    {
      id: 'eeeeeeee',
      type: 'claim',
      status: 'confirmed',
      target: target('Rubio\'s claim that "the Kremlin is stalling"'),
      kind: 'allegation',
      claimant: 'marco-rubio',
      verification: 'disputed',
      note: '=SUM(A1) is not a formula; Peskov says "no", twice',
      links: ['https://example.org/tass?a=1&b=2'],
    },
  ];
}

export function fixtureDoc(confirmedOnly = false): ArticleAnnotations {
  return collectAnnotations({ article: ARTICLE, text: TEXT, analysis: fixtureAnalysis(), annotations: fixtureSidecar(), lookup, confirmedOnly });
}
