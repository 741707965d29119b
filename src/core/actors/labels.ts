/**
 * Step 1b: speaker labels of an interview or transcript. A paragraph that starts with a name and a colon
 * ("Global Ledger: How would you describe …", "Anna Keller: We never …") gives the floor to that speaker; when the
 * same label opens two or more paragraphs, it is a speaker the text introduces, even without a title or an
 * apposition. Each label, and the same name elsewhere in the text ("Global Ledger spoke with …"), is a mention of it:
 * a person when the label has a first name, else an organisation (an outlet asking the questions).
 *
 * Only names the registry lacks (registry names are mentions already) and labels of two to four capitalised words
 * with no title among them and not only common words: "Q:" / "A:", "Update:", "Read More:" and a one-word surname
 * (left to the surname rules) are not taken.
 */
import { atLineStart } from '../text';
import { K_CAP } from './pass';
import type { Pass } from './pass';
import { W_ANY_FIRST, W_COMMON, W_TITLE } from './tokens';


const MAX_WORDS = 4;

/** Elements k and k+1 are adjacent words of one name: one space between them. */
function adjacent(p: Pass, k: number): boolean {
  return k + 1 < p.n && p.es[k + 1] - p.ee[k] === 1 && p.text.charCodeAt(p.ee[k]) === 32;
}

/** A label at element k: the index of its last element (a colon and a space follow it), or -1. */
function labelAt(p: Pass, k: number): number {
  if (p.kind[k] !== K_CAP || p.used[k] !== 0 || !atLineStart(p.text, p.es[k])) return -1;
  for (let j = k; j < k + MAX_WORDS && j < p.n; j++) {
    if (p.kind[j] !== K_CAP || p.used[j] !== 0 || (p.wf(j) & W_TITLE) !== 0) return -1;
    if (p.text.charCodeAt(p.ee[j]) === 58) {
      const after = p.text.charCodeAt(p.ee[j] + 1);
      return j > k && (after === 32 || after === 9) ? j : -1;
    }
    if (!adjacent(p, j)) return -1;
  }
  return -1;
}

/** The folded words of elements a..b joined by spaces. */
function key(p: Pass, a: number, b: number): string {
  let s = p.f(a);
  for (let k = a + 1; k <= b; k++) s += ' ' + p.f(k);
  return s;
}

export function speakerLabels(p: Pass): void {
  const labels = new Map<string, { words: number; person: boolean; count: number }>();
  for (let k = 0; k < p.n; k++) {
    const j = labelAt(p, k);
    if (j < 0) continue;
    const name = key(p, k, j);
    let person = false;
    let common = 0;
    for (let t = k; t <= j; t++) {
      if ((p.wf(t) & W_ANY_FIRST) !== 0) person = true;
      if ((p.wf(t) & W_COMMON) !== 0) common++;
    }
    // "Read More:", "Related Coverage:": boilerplate, not a speaker
    if (common === j - k + 1) {
      k = j;
      continue;
    }
    const l = labels.get(name);
    if (l) l.count++;
    else labels.set(name, { words: j - k + 1, person, count: 1 });
    k = j;
  }
  if (![...labels.values()].some((l) => l.count >= 2)) return;
  // Every occurrence of a recurring label's name, at a paragraph start or in running text.
  for (let k = 0; k < p.n; k++) {
    if (p.kind[k] !== K_CAP || p.used[k] !== 0) continue;
    for (const [name, l] of labels) {
      if (l.count < 2) continue;
      const b = k + l.words - 1;
      if (b >= p.n) continue;
      let ok = true;
      for (let t = k; t <= b && ok; t++) ok = p.kind[t] === K_CAP && p.used[t] === 0 && (t === b || adjacent(p, t));
      if (!ok || key(p, k, b) !== name) continue;
      // "Global Ledger Group": a longer name is another actor
      if (adjacent(p, b) && p.kind[b + 1] === K_CAP) continue;
      p.addUnknown(k, b, l.person ? 'person' : 'organization', undefined, 0.6);
      k = b;
      break;
    }
  }
}
