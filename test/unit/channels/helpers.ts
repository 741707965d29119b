/** Hand-made actor findings for channel tests: every occurrence of an actor's names becomes a mention. */
import { createDoc } from '../../../src/core/text';
import { findChannels } from '../../../src/core/channels';
import type { ActorFindings, ActorKind, Channel, KnownActor, Mention, Quote } from '../../../src/core/types';

export interface TestActor {
  id: string;
  kind: ActorKind;
  /** Surface forms to find in the text (longest match wins, word-bounded). */
  names: string[];
  roles?: string[];
  affiliation?: string;
  demonyms?: string[];
}

/** A small cast used across the tests. */
export const CAST: TestActor[] = [
  { id: 'vladimir-putin', kind: 'person', names: ['Vladimir Putin', 'Putin'], roles: ['President of Russia'], affiliation: 'russia' },
  { id: 'donald-trump', kind: 'person', names: ['Donald Trump', 'Trump'], roles: ['President of the United States'], affiliation: 'united-states' },
  { id: 'sergey-lavrov', kind: 'person', names: ['Sergey Lavrov', 'Lavrov'], roles: ['Minister of Foreign Affairs of Russia'], affiliation: 'russia' },
  { id: 'marco-rubio', kind: 'person', names: ['Marco Rubio', 'Rubio'], roles: ['Secretary of State'], affiliation: 'united-states' },
  { id: 'steve-witkoff', kind: 'person', names: ['Steve Witkoff', 'Witkoff'], roles: ['Special Envoy'], affiliation: 'united-states' },
  { id: 'kirill-dmitriev', kind: 'person', names: ['Kirill Dmitriev', 'Dmitriev'], roles: ['Special Envoy'], affiliation: 'russia' },
  { id: 'volodymyr-zelensky', kind: 'person', names: ['Volodymyr Zelensky', 'Zelensky'], roles: ['President of Ukraine'], affiliation: 'ukraine' },
  { id: 'recep-erdogan', kind: 'person', names: ['Recep Tayyip Erdogan', 'Erdogan'], roles: ['President of Turkey'], affiliation: 'turkey' },
  { id: 'russia', kind: 'state', names: ['Russia', 'Moscow', 'the Kremlin'], demonyms: ['Russian'] },
  { id: 'united-states', kind: 'state', names: ['United States', 'U.S.', 'Washington', 'the White House'], demonyms: ['American'] },
  { id: 'ukraine', kind: 'state', names: ['Ukraine', 'Kyiv'], demonyms: ['Ukrainian'] },
  { id: 'turkey', kind: 'state', names: ['Turkey', 'Ankara'], demonyms: ['Turkish'] },
  { id: 'qatar', kind: 'state', names: ['Qatar', 'Doha'], demonyms: ['Qatari'] },
  { id: 'china', kind: 'state', names: ['China', 'Beijing'], demonyms: ['Chinese'] },
  { id: 'the-west', kind: 'state', names: ['the West'] },
  { id: 'asean', kind: 'organization', names: ['ASEAN'] },
  { id: 'g20', kind: 'organization', names: ['G20'] },
  { id: 'vatican', kind: 'state', names: ['the Vatican', 'Vatican'] },
  { id: 'russian-foreign-ministry', kind: 'organization', names: ['Russian Foreign Ministry', 'Foreign Ministry'], affiliation: 'russia' },
];

const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export function findingsFor(text: string, cast: readonly TestActor[] = CAST): ActorFindings {
  const spans: Mention[] = [];
  const actors = new Map<string, KnownActor>();
  for (const a of cast) {
    actors.set(a.id, { id: a.id, name: a.names[0], kind: a.kind, aliases: a.names.slice(1), roles: a.roles ?? [], affiliation: a.affiliation, demonyms: a.demonyms, known: true });
    for (const n of a.names) {
      for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
        if ((isWord(text[i - 1]) && isWord(n[0])) || (isWord(text[i + n.length]) && isWord(n[n.length - 1]))) continue;
        spans.push({ start: i, end: i + n.length, text: n, actorId: a.id, match: 'name', confidence: 1 });
      }
    }
  }
  spans.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const kept: Mention[] = [];
  for (const s of spans) if (!kept.some((k) => k.start < s.end && s.start < k.end)) kept.push(s);
  kept.sort((a, b) => a.start - b.start);
  return { mentions: kept, actors };
}

/** Runs the channel stage over `text` with the test cast. */
export function channels(text: string, quotes: Quote[] = [], cast: readonly TestActor[] = CAST): Channel[] {
  return findChannels(createDoc(text), findingsFor(text, cast), quotes);
}

/** The one channel whose text contains `phrase` (fails the test when there is none). */
export function channelAt(list: readonly Channel[], phrase: string): Channel {
  const hit = list.find((c) => c.text.includes(phrase) || phrase.includes(c.text));
  if (!hit) throw new Error(`no channel for "${phrase}" in ${JSON.stringify(list.map((c) => c.text))}`);
  return hit;
}
