/**
 * Evidence links of a claim, taken from what the user typed: a fact-checker writes "contradicted by
 * https://… and https://…" in the note, and those addresses become the claim's `links` (kept in the note as typed).
 */

/** http(s) addresses in a text, in order, without duplicates; trailing sentence punctuation and brackets are left out. */
export function linksIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s<>"“”«»]+/gi)) {
    let url = m[0];
    // A closing bracket belongs to the address only when the address opened one ("…/Kyiv_(city)").
    for (;;) {
      const last = url[url.length - 1];
      if (/[.,;:!?'’]/.test(last)) url = url.slice(0, -1);
      else if (last === ')' && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
      else if (last === ']' && count(url, '[') < count(url, ']')) url = url.slice(0, -1);
      else break;
    }
    if (!out.includes(url)) out.push(url);
  }
  return out;
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/** `existing` followed by the new links not already there. */
export function mergeLinks(existing: readonly string[], added: readonly string[]): string[] {
  const out = [...existing];
  for (const l of added) if (!out.includes(l)) out.push(l);
  return out;
}
