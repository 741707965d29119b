// PLACEHOLDER until quote detection lands.
import type { TextDoc } from '../text';
import type { ActorFindings, Quote } from '../types';

export function findQuotes(_doc: TextDoc, _findings: ActorFindings): Quote[] {
  return [];
}
