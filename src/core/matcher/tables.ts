/**
 * The scan's tables, built once per registry compile (`CompiledRegistry.scan`): the trie's nodes packed for the
 * walk, the acceptance rule of each output list, the first-word filter and the lowercase starts.
 *
 * Packed nodes: one Int32Array with NODE_STRIDE entries per trie node (accept byte and output index, children,
 * edge code, next sibling), so a step of the walk reads one record instead of six arrays, and a chain of only
 * children (a name spelled out) reads consecutive memory: the trie numbers nodes in depth-first preorder.
 */
import type { FormOutput } from '../registry/compile';
import { acceptTables, type AcceptTables } from './accept';
import { firstWordFilter } from './filter';
import { lowerStarts, type LowerStarts } from './starts';
import type { Trie } from './trie';
import { N_CODE, N_KIDS, N_SIBLING, N_TERM, NODE_STRIDE, R_KIND, R_NONE } from './walk';


export interface ScanTables {
  /** Packed trie nodes (see the fields N_TERM, N_KIDS, N_CODE, N_SIBLING in walk.ts). */
  readonly nodes: Int32Array;
  readonly accept: AcceptTables;
  /** First-word filter (see filter.ts). */
  readonly firstWords: Uint8Array;
  readonly lower: LowerStarts;
}

/** Packs the trie's nodes with the acceptance byte of their outputs. */
function packNodes(trie: Trie, accept: AcceptTables): Int32Array {
  const { code, hasKids, sibling, terminal, wideAt, nodeCount } = trie;
  const nodes = new Int32Array(nodeCount * NODE_STRIDE);
  for (let v = 1; v < nodeCount; v++) {
    const b = v * NODE_STRIDE;
    const t = terminal[v] - 1;
    if (t >= 0 && (accept.rule[t] & R_KIND) !== R_NONE) nodes[b + N_TERM] = (accept.rule[t] << 24) | (t + 1);
    // children: 0 none, 1 a sibling list from v + 1, else the dense ASCII slab's offset + 2
    nodes[b + N_KIDS] = hasKids[v] === 0 ? 0 : wideAt[v] !== 0 ? wideAt[v] + 1 : 1;
    nodes[b + N_CODE] = code[v];
    nodes[b + N_SIBLING] = sibling[v];
  }
  return nodes;
}

/** The scan tables of a compiled trie, its output lists and its forms (folded key → outputs). */
export function scanTables(trie: Trie, outputs: readonly FormOutput[][], forms: ReadonlyMap<string, readonly FormOutput[]>): ScanTables {
  const accept = acceptTables(outputs);
  return { nodes: packNodes(trie, accept), accept, firstWords: firstWordFilter(trie), lower: lowerStarts(forms) };
}
