/**
 * Which spans go into which decoration layer. Pure (no `vscode`): decorations.ts turns the spans into ranges
 * and the benchmark measures this step on its own.
 */
import type { HighlightKey } from './ids';
import type { Span } from '../core/types';
import { itemsAt, type QuoteItem, type ViewModel } from './viewModel';

export const CATEGORIES = ['person', 'organization', 'state', 'unknown', 'quote', 'channel'] as const;
export type Category = (typeof CATEGORIES)[number];

/** `person` (confirmed), `person.suggested`, …, `claim`, `speaker`. */
export type LayerId = Category | `${Category}.suggested` | 'claim' | 'speaker';

export const LAYER_IDS: readonly LayerId[] = [...CATEGORIES.flatMap((c) => [c, `${c}.suggested`] as LayerId[]), 'claim', 'speaker'];

export type Highlight = Record<HighlightKey, boolean>;

export const ALL_ON: Highlight = { actors: true, unknownActors: true, quotes: true, speaker: true, channels: true, claims: true, suggestions: true };

export type Layers = Record<LayerId, Span[]>;

export function emptyLayers(): Layers {
  const out = {} as Layers;
  for (const id of LAYER_IDS) out[id] = [];
  return out;
}

/** Spans per layer for the view model, filtered by the highlight setting. Rejected annotations are never in `vm`. */
export function computeLayers(vm: ViewModel, highlight: Highlight, cursor?: number): Layers {
  const out = emptyLayers();
  for (const it of vm.items) {
    const suggested = it.state === 'suggested';
    if (suggested && !highlight.suggestions) continue;
    let cat: Category | 'claim';
    switch (it.type) {
      case 'actor': {
        const info = vm.actors.get(it.actorId);
        if (!info || !info.known || it.match === 'unknown') {
          if (!highlight.unknownActors) continue;
          cat = 'unknown';
        } else {
          if (!highlight.actors) continue;
          cat = info.kind;
        }
        break;
      }
      case 'quote':
        if (!highlight.quotes) continue;
        cat = 'quote';
        break;
      case 'channel':
        if (!highlight.channels) continue;
        cat = 'channel';
        break;
      case 'claim':
        if (!highlight.claims) continue;
        cat = 'claim';
        break;
    }
    const layer: LayerId = cat === 'claim' ? 'claim' : suggested ? `${cat}.suggested` : cat;
    out[layer].push({ start: it.start, end: it.end });
  }
  if (cursor !== undefined && highlight.speaker) out.speaker = speakerSpans(vm, cursor);
  return out;
}

/** Mentions of the speaker of the quote under the cursor (and the cue), nearest first. */
export function speakerSpans(vm: ViewModel, cursor: number): Span[] {
  const quote = itemsAt(vm, cursor).find((i): i is QuoteItem => i.type === 'quote');
  if (!quote?.speaker) return [];
  const out: Span[] = [];
  const info = vm.actors.get(quote.speaker.id);
  if (info) {
    // The nearest mention before the quote, and any inside the following sentence: the nearest one each side.
    let before: Span | undefined;
    let after: Span | undefined;
    for (const m of info.mentions) {
      if (m.end <= quote.start) before = m;
      else if (m.start >= quote.end && !after) after = m;
    }
    const near = [before, after].filter((s): s is NonNullable<typeof s> => !!s);
    near.sort((a, b) => distance(a, quote) - distance(b, quote));
    if (near[0]) out.push({ start: near[0].start, end: near[0].end });
  }
  if (quote.cue) out.push({ start: quote.cue.start, end: quote.cue.end });
  return out;
}

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}
