/**
 * The surface forms of a registry compile: each form's folded key, case rule and owner, collected in the order
 * they are added (that order fixes the order of the outputs and of the lead prefixes, so it is kept stable).
 */
import { isWordCodeCached } from '../matcher/trie';
import { fold } from '../text/fold';
import type { FormKind, FormOutput } from './compile';

/** Forms by folded key, in insertion order. */
export class FormTable {
  readonly byKey = new Map<string, FormOutput[]>();

  /** Adds a form given as written (trimmed and folded here). */
  add(text: string, actorId: string, kind: FormKind): void {
    const t = text.trim();
    if (t) this.addFolded(t, fold(t), actorId, kind);
  }

  /** Adds a trimmed, non-empty form `t` whose folded key is `key`; a repeat of the same actor and case rule is skipped. */
  addFolded(t: string, key: string, actorId: string, kind: FormKind): void {
    if (!isWordCodeCached(key.charCodeAt(0))) return;
    const { mode, capAt } = caseMode(t);
    let list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, (list = []));
    else for (let k = 0; k < list.length; k++) if (list[k].actorId === actorId && list[k].mode === mode && list[k].form === t) return;
    list.push({ actorId, kind, mode, capAt, form: t, endsInWord: isWordCodeCached(key.charCodeAt(key.length - 1)) });
  }
}

const NON_ASCII_CHAR = /[\u0080-\uffff]/;
const LOWER = /[a-z]/;
const TWO_UPPER = /[A-Z][^A-Z]*[A-Z]/;
/** An uppercase letter at a word start (ASCII word characters are letters and digits). */
const UPPER_AT_WORD_START = /(?<![A-Za-z0-9])[A-Z]/;

/**
 * Case mode of a form: all-caps (≥2 letters) → exact; else the first uppercase letter at a word start must be
 * uppercase. ASCII forms (nearly all) are answered by native regular expressions, the rest by `caseModeGeneral`.
 */
export function caseMode(form: string): { mode: 0 | 1 | 2; capAt: number } {
  if (NON_ASCII_CHAR.test(form)) return caseModeGeneral(form);
  if (!LOWER.test(form) && TWO_UPPER.test(form)) return { mode: 2, capAt: 0 };
  const m = UPPER_AT_WORD_START.exec(form);
  return m !== null ? { mode: 1, capAt: m.index } : { mode: 0, capAt: 0 };
}

/** `caseMode` for any text: a cased letter is one whose lowercase and uppercase differ. */
export function caseModeGeneral(form: string): { mode: 0 | 1 | 2; capAt: number } {
  const lower = form.toLowerCase();
  const upper = form.toUpperCase();
  let letters = 0;
  let uppers = 0;
  let capAt = -1;
  for (let i = 0; i < form.length; i++) {
    if (lower[i] === upper[i]) continue; // not a cased letter
    letters++;
    if (form[i] === upper[i]) {
      uppers++;
      if (capAt < 0 && (i === 0 || !isWordCodeCached(form.charCodeAt(i - 1)))) capAt = i;
    }
  }
  return modeOf(letters, uppers, capAt);
}

function modeOf(letters: number, uppers: number, capAt: number): { mode: 0 | 1 | 2; capAt: number } {
  if (letters >= 2 && uppers === letters) return { mode: 2, capAt: 0 };
  return capAt >= 0 ? { mode: 1, capAt } : { mode: 0, capAt: 0 };
}

const OTHER_WHITE_SPACE = /[^\S ]| {2}|^ | $/;
const WHITE_SPACE_RUN = /[\s]+/;

/** The words of a name, split at white space. */
export function tokensOf(name: string): string[] {
  if (name === '') return [];
  // single spaces only (nearly every name): a plain split gives the same
  if (!OTHER_WHITE_SPACE.test(name)) return name.split(' ');
  return name.split(WHITE_SPACE_RUN).filter(Boolean);
}
