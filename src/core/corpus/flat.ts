/**
 * `flat`: the one string helper every part of the index needs (actor ids and names, article ids, link keys).
 * The index keeps strings that come from article text for as long as it lives, so each one it keeps is a copy
 * that cannot hold the article alive.
 */

/**
 * A copy of a short string that does not keep a larger one alive: V8 may represent `text.slice(...)` as a view
 * into the whole article, and the index must not retain 50 MB of articles through a few names.
 */
export function flat(s: string): string {
  return s.length < 13 ? s : s.split('').join('');
}
