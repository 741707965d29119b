/** Test helpers: hand-made actor findings (offsets computed from the text) and quote lookup. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findQuotes } from '../../../src/core/quotes';
import { createDoc } from '../../../src/core/text';
import type { ActorFindings, ActorKind, KnownActor, Mention, Quote } from '../../../src/core/types';

export interface TestActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** Surface forms to mark as mentions (whole words, longest first). */
  forms: string[];
  roles?: string[];
}

const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export function findingsFor(text: string, actors: TestActor[]): ActorFindings {
  const spans: Mention[] = [];
  for (const a of actors) {
    for (const f of a.forms) {
      for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
        if (isWord(text[i - 1]) || isWord(text[i + f.length])) continue;
        spans.push({ start: i, end: i + f.length, text: f, actorId: a.id, match: 'name', confidence: 1 });
      }
    }
  }
  spans.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
  const mentions: Mention[] = [];
  for (const s of spans) if (!mentions.length || s.start >= mentions[mentions.length - 1].end) mentions.push(s);
  const map = new Map<string, KnownActor>();
  for (const a of actors) map.set(a.id, { id: a.id, name: a.name, kind: a.kind, aliases: [], roles: a.roles ?? [], known: true });
  return { mentions, actors: map };
}

export function quotesOf(text: string, actors: TestActor[] = []): Quote[] {
  const qs = findQuotes(createDoc(text), findingsFor(text, actors));
  for (const q of qs) {
    if (text.slice(q.start, q.end) !== q.text) throw new Error(`offsets do not give the text: ${JSON.stringify(q)}`);
    if (q.cue && text.slice(q.cue.start, q.cue.end) !== q.cue.text) throw new Error(`cue offsets do not give the cue: ${JSON.stringify(q.cue)}`);
  }
  return qs;
}

/** The quote whose text is exactly `t` (fails when absent). */
export function quote(qs: Quote[], t: string): Quote {
  const q = qs.find((x) => x.text === t);
  if (!q) throw new Error(`no quote ${JSON.stringify(t)} in ${JSON.stringify(qs.map((x) => x.text))}`);
  return q;
}

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'fixtures', 'quotes', name), 'utf8');
}

export const person = (id: string, name: string, ...forms: string[]): TestActor => ({ id, name, kind: 'person', forms: forms.length ? forms : [name] });
export const org = (id: string, name: string, ...forms: string[]): TestActor => ({ id, name, kind: 'organization', forms: forms.length ? forms : [name] });
export const state = (id: string, name: string, ...forms: string[]): TestActor => ({ id, name, kind: 'state', forms: forms.length ? forms : [name] });
