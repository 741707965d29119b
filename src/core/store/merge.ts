/**
 * Three-way merge of annotation lists by id, for a sidecar changed on disk while we held edits.
 * base = what we loaded, ours = what we hold now, theirs = what is on disk now. Nothing a user made is lost:
 *   - changed on one side only → that side's version; equal on both → that version;
 *   - deleted on one side and unchanged on the other → deleted; deleted on one side, changed on the other →
 *     the changed one is kept (reported);
 *   - changed differently on both sides → both kept: theirs under the id, ours under a new id (reported),
 *     so the user sees the two versions side by side and deletes one.
 */
import { annotationKey, type Annotation } from './model';

export interface MergeConflict {
  id: string;
  resolution: 'kept-both' | 'kept-ours' | 'kept-theirs';
  /** The id given to our version when both were kept. */
  newId?: string;
  message: string;
}

export function mergeById(
  base: readonly Annotation[],
  ours: readonly Annotation[],
  theirs: readonly Annotation[],
  newId: () => string,
): { annotations: Annotation[]; conflicts: MergeConflict[] } {
  const b = new Map(base.map((a) => [a.id, a]));
  const o = new Map(ours.map((a) => [a.id, a]));
  const t = new Map(theirs.map((a) => [a.id, a]));
  const used = new Set([...b.keys(), ...o.keys(), ...t.keys()]);
  const out: Annotation[] = [];
  const conflicts: MergeConflict[] = [];
  const key = (a: Annotation | undefined) => (a ? annotationKey(a) : undefined);
  for (const id of new Set([...t.keys(), ...o.keys(), ...b.keys()])) {
    const kb = key(b.get(id));
    const ko = key(o.get(id));
    const kt = key(t.get(id));
    if (ko === kt) {
      if (ko !== undefined) out.push(o.get(id)!);
    } else if (ko === kb) {
      if (kt !== undefined) out.push(t.get(id)!);
    } else if (kt === kb) {
      if (ko !== undefined) out.push(o.get(id)!);
    } else if (ko === undefined) {
      out.push(t.get(id)!);
      conflicts.push({ id, resolution: 'kept-theirs', message: `${id}: deleted here but changed on disk; the version on disk was kept` });
    } else if (kt === undefined) {
      out.push(o.get(id)!);
      conflicts.push({ id, resolution: 'kept-ours', message: `${id}: deleted on disk but changed here; this version was kept` });
    } else {
      let nid = newId();
      while (used.has(nid)) nid = newId();
      used.add(nid);
      out.push(t.get(id)!, { ...o.get(id)!, id: nid });
      conflicts.push({ id, resolution: 'kept-both', newId: nid, message: `${id}: changed both on disk and here; both kept (this version as ${nid})` });
    }
  }
  return { annotations: out, conflicts };
}
