/**
 * Step 6: resolution. Overlapping candidates are settled (longer wins, then priority), ambiguous ones resolved
 * in document order (surnames by persons fully named before; generic names by the state hint, the latest
 * mentioned candidate, or the one whose state the article mentions), then generic back-references ("the
 * council") are added. Returns the mentions and the actors they name (with their affiliations).
 */
import type { ActorFindings, DemonymHit, KnownActor, Mention } from '../types';
import { appositiveDescriptions, roleDescriptions } from './descriptions';
import { BLOC_NOUNS } from './lexicon';
import { headNoun, maxBy, overlapsAny } from './names';
import { C_SURNAME, K_DEM, type Pass } from './pass';

export function finish(p: Pass): ActorFindings {
  const c = p.cands;
  const st = c.start;
  const en = c.end;
  const pr = c.prio;
  const order: number[] = [];
  for (let k = 0; k < c.length; k++) order.push(k);
  // stable: equal keys keep the order the candidates were found in
  order.sort((a, b) => st[a] - st[b] || en[b] - st[b] - (en[a] - st[a]) || pr[b] - pr[a]);
  // non-overlapping: longer wins, then priority
  const chosen: number[] = [];
  for (const k of order) {
    if (!c.ids[k].length) continue;
    if (chosen.length) {
      const prev = chosen[chosen.length - 1];
      if (st[k] < en[prev]) {
        const lp = en[prev] - st[prev];
        const lc = en[k] - st[k];
        if (pr[k] > pr[prev] + 2 || (lc > lp && pr[k] >= pr[prev])) chosen[chosen.length - 1] = k;
        continue;
      }
    }
    chosen.push(k);
  }
  // resolve ids in document order
  const fullyNamed = new Set<string>();
  const lastSeen = new Map<string, number>();
  const mentions: Mention[] = [];
  const actors = new Map<string, KnownActor>();
  const lastOf = (x: string): number => lastSeen.get(x) ?? -1;
  for (const k of chosen) {
    const ids = c.ids[k];
    let id: string | undefined;
    if (ids.length === 1) id = ids[0];
    else if ((c.flags[k] & C_SURNAME) !== 0) {
      const named = ids.filter((x) => fullyNamed.has(x));
      id = named.length === 1 ? named[0] : named.length > 1 ? maxBy(named, lastOf) : undefined;
    } else id = resolveGeneric(p, ids, c.hint[k], lastSeen);
    if (!id) continue;
    const e = p.entry(id);
    if (!e) continue;
    if (c.match[k] !== 'surname') fullyNamed.add(id);
    lastSeen.set(id, st[k]);
    const m: Mention = { start: st[k], end: en[k], text: p.text.slice(st[k], en[k]), actorId: id, match: c.match[k], confidence: c.conf[k] };
    const role = c.role[k];
    if (role) m.role = role;
    mentions.push(m);
    addActor(p, actors, id);
  }
  const all = backReferences(p, mentions, actors);
  return { mentions: all, actors, demonyms: demonymHits(p, all, actors) };
}

/** Demonym elements of a single state outside every mention; their states join `actors`. */
function demonymHits(p: Pass, mentions: readonly Mention[], actors: Map<string, KnownActor>): DemonymHit[] {
  const out: DemonymHit[] = [];
  for (let k = 0; k < p.n; k++) {
    if (p.kind[k] !== K_DEM) continue;
    const outs = p.outs[k];
    if (!outs) continue;
    let state: string | undefined;
    for (const o of outs) {
      if (o.kind !== 'demonym') continue;
      if (state !== undefined && state !== o.actorId) {
        state = undefined;
        break;
      }
      state = o.actorId;
    }
    if (!state || overlapsAny(mentions, p.es[k], p.ee[k])) continue;
    out.push({ start: p.es[k], end: p.ee[k], stateId: state });
    addActor(p, actors, state);
  }
  return out;
}

/** A generic or ambiguous name: the state hint, else the latest mentioned, else the one whose state was mentioned. */
function resolveGeneric(p: Pass, ids: readonly string[], hint: string | undefined, lastSeen: ReadonlyMap<string, number>): string | undefined {
  const hinted = hint ? ids.filter((x) => p.entry(x)?.affiliation === hint) : [];
  if (hinted.length === 1) return hinted[0];
  const seen = ids.filter((x) => lastSeen.has(x));
  if (seen.length) return maxBy(seen, (x) => lastSeen.get(x) ?? -1);
  // the candidate whose state the article mentions most so far
  let id: string | undefined;
  let best = -1;
  for (const x of ids) {
    const aff = p.entry(x)?.affiliation;
    const n = aff ? (lastSeen.has(aff) ? 1 : 0) : 0;
    if (n > best) {
      best = n;
      id = best > 0 ? x : undefined;
    }
  }
  return id;
}

/**
 * "the council"/"this council" after "Port Ellery City Council": a definite noun phrase whose noun is the head
 * (last word) of exactly one organisation named earlier is that organisation; "the alliance"/"the bloc" stand
 * for NATO/the EU once named. Capitalised heads count too ("the Commission"). The nouns an article teaches for its
 * own actors count the same way: a person's title ("Mayor Dana Whitcombe" … "the mayor") and a description in
 * apposition ("The developer, Harborline Properties, …" … "the developer"); see descriptions.ts.
 */
function backReferences(p: Pass, mentions: Mention[], actors: Map<string, KnownActor>): Mention[] {
  const f = p.folded;
  const heads = new Map<string, Array<{ id: string; at: number }>>();
  const add = (noun: string, id: string, at: number): void => {
    const list = heads.get(noun) ?? [];
    const known = list.find((x) => x.id === id);
    if (!known) list.push({ id, at });
    else if (at < known.at) known.at = at;
    heads.set(noun, list);
  };
  const seen = new Set<string>();
  const headMemo = new Map<string, string>();
  for (const m of mentions) {
    if (seen.has(m.actorId) || m.match === 'surname') continue;
    seen.add(m.actorId); // the first mention is the one that counts
    const e = p.entry(m.actorId);
    if (!e || e.kind !== 'organization') continue;
    let noun = headMemo.get(e.name);
    if (noun === undefined) headMemo.set(e.name, (noun = headNoun(e.name)));
    if (noun) add(noun, e.id, m.start);
  }
  for (const [noun, ids] of BLOC_NOUNS) {
    for (const id of ids) {
      const first = mentions.find((m) => m.actorId === id);
      if (first) add(noun, id, first.start);
    }
  }
  for (const d of roleDescriptions(mentions, (id) => p.entry(id)?.kind)) add(d.noun, d.id, d.at);
  // an apposition never re-assigns a noun the text already gave someone: in "a spokesman for the mayor, Devin
  // Castro," the name belongs to the spokesman, and "the mayor" is still the one introduced as Mayor
  for (const d of appositiveDescriptions(p.text, f, mentions)) if (!heads.get(d.noun)?.some((x) => x.at < d.at)) add(d.noun, d.id, d.at);
  if (!heads.size) return mentions;
  const extra: Mention[] = [];
  // one native pass for all the nouns
  const re = new RegExp(`\\b(?:the|this) (${[...heads.keys()].join('|')})\\b`, 'g');
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const q = m.index;
    const end = q + m[0].length;
    if (/^ of\b/.test(f.slice(end, end + 4)) || isUpperAsciiAt(p.text, end + 1)) continue;
    const before = (heads.get(m[1]) ?? []).filter((o) => o.at <= q);
    if (before.length !== 1) continue;
    if (overlapsAny(mentions, q, end)) continue;
    extra.push({ start: q, end, text: p.text.slice(q, end), actorId: before[0].id, match: 'alias', confidence: 0.55 });
    addActor(p, actors, before[0].id);
  }
  if (!extra.length) return mentions;
  extra.sort((a, b) => a.start - b.start);
  const out: Mention[] = [];
  let k = 0;
  for (const m of mentions) {
    while (k < extra.length && extra[k].start < m.start) out.push(extra[k++]);
    out.push(m);
  }
  while (k < extra.length) out.push(extra[k++]);
  return out;
}

function isUpperAsciiAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** Adds an actor and its affiliation chain (up to 4 levels) to `actors`. */
function addActor(p: Pass, actors: Map<string, KnownActor>, id: string): void {
  for (let k = 0; k < 4 && id && !actors.has(id); k++) {
    const u = p.unknown.get(id);
    const e = u ?? p.reg.entries.get(id);
    if (!e) return;
    actors.set(id, u ? u : { ...e, known: true });
    if (!e.affiliation) return;
    id = e.affiliation;
  }
}
