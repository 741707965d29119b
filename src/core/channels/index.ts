// PLACEHOLDER until channel detection lands.
import type { TextDoc } from '../text';
import type { ActorFindings, Channel, Quote } from '../types';

export function findChannels(_doc: TextDoc, _findings: ActorFindings, _quotes: readonly Quote[]): Channel[] {
  return [];
}
