import { findMentions } from './actors';
import { findChannels } from './channels';
import { findQuotes } from './quotes';
import type { CompiledRegistry } from './registry';
import { createDoc } from './text';
import type { ActorResult, Analysis, ActorFindings } from './types';

export interface AnalyzeOptions {
  /** Leave out stages (for speed or focus). */
  quotes?: boolean;
  channels?: boolean;
}

/** The one entry of the engine: text + compiled registry → analysis (plain, JSON-serialisable data). */
export function analyze(text: string, registry: CompiledRegistry, options: AnalyzeOptions = {}): Analysis {
  const doc = createDoc(text);
  const findings = findMentions(doc, registry);
  const quotes = options.quotes === false ? [] : findQuotes(doc, findings);
  const channels = options.channels === false ? [] : findChannels(doc, findings, quotes);
  return { actors: groupActors(findings), quotes, channels, mentions: findings.mentions };
}

/** Groups mentions by actor, in order of first mention. */
export function groupActors(findings: ActorFindings): ActorResult[] {
  const byId = new Map<string, ActorResult>();
  for (const m of findings.mentions) {
    let a = byId.get(m.actorId);
    if (!a) {
      const entry = findings.actors.get(m.actorId);
      a = {
        id: m.actorId,
        name: entry?.name ?? m.text,
        kind: entry?.kind ?? 'person',
        known: entry?.known ?? false,
        roles: entry?.roles ?? [],
        mentions: [],
      };
      byId.set(m.actorId, a);
    }
    a.mentions.push(m.role ? { start: m.start, end: m.end, text: m.text, match: m.match, role: m.role } : { start: m.start, end: m.end, text: m.text, match: m.match });
  }
  return [...byId.values()];
}
