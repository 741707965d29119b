/**
 * Acceptance of a trie terminal at a match, by table: what the scan needs to know about a terminal's outputs
 * (word boundary after the form, the case rule) packed into one byte per output list, so the walk checks a
 * candidate match without touching the output objects. Only lists whose outputs disagree on the case rule
 * (rare: one key shared by an acronym and a name) fall back to `acceptGeneral` (walk.ts), which may build a
 * sub-list.
 */
import type { FormOutput } from '../registry/compile';
import { R_ANY, R_CAP, R_ENDS_WORD, R_EXACT, R_GENERAL } from './walk';


/** Acceptance rule per output list index (= trie terminal - 1). */
export interface AcceptTables {
  /** Rule kind | R_ENDS_WORD. */
  readonly rule: Uint8Array;
  /** Offset of the character that must be uppercase (R_CAP). */
  readonly capAt: Int32Array;
}

/** The acceptance tables of the registry's output lists. */
export function acceptTables(outputs: readonly FormOutput[][]): AcceptTables {
  const rule = new Uint8Array(outputs.length);
  const capAt = new Int32Array(outputs.length);
  for (let t = 0; t < outputs.length; t++) {
    const outs = outputs[t];
    if (outs === undefined || outs.length === 0) continue;
    const first = outs[0];
    let same = true;
    for (let k = 1; k < outs.length && same; k++) same = outs[k].mode === first.mode && (first.mode !== 1 || outs[k].capAt === first.capAt);
    let kind = R_GENERAL;
    if (same && first.mode === 0) kind = R_ANY;
    else if (same && first.mode === 1) kind = R_CAP;
    else if (first.mode === 2 && outs.length === 1) kind = R_EXACT;
    rule[t] = kind | (first.endsInWord ? R_ENDS_WORD : 0);
    capAt[t] = first.capAt;
  }
  return { rule, capAt };
}
