// PLACEHOLDER until the actor matcher lands.
import type { CompiledRegistry } from '../registry';
import type { TextDoc } from '../text';
import type { ActorFindings } from '../types';

export function findMentions(_doc: TextDoc, _registry: CompiledRegistry): ActorFindings {
  return { mentions: [], actors: new Map() };
}
