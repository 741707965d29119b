/**
 * Sorting the trie keys. `buildTrie` sorts its keys with the default string sort, a sizeable part of a cold
 * compile; handed keys already in that order it only confirms them in one pass. This sorts them cheaper: each
 * key gets a number made of its first code units (8 bits each: 0 = past the end, 1–127 = ASCII + 1, 128 = any
 * other code unit, after which the rest counts as 0) and its index; one native typed-array sort orders those,
 * and only keys whose numbers tie are compared as strings (the mapping keeps the order, ties are what is left).
 */

/** `[...keys].sort()` for distinct keys (code-unit order). */
export function sortKeys(keys: readonly string[]): string[] {
  const n = keys.length;
  let bits = 1;
  while (2 ** bits <= n) bits++;
  const units = Math.floor((53 - bits) / 8); // code units in the number, exact below 2^53
  if (units < 2) return [...keys].sort();
  const scale = 2 ** bits;
  const codes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    let prefix = 0;
    let open = true; // false after the end or after a non-ASCII code unit: the rest is left to the tie sort
    for (let u = 0; u < units; u++) {
      const c = open && u < k.length ? k.charCodeAt(u) : -1;
      if (c >= 127) open = false;
      prefix = prefix * 256 + (c < 0 ? 0 : c < 127 ? c + 1 : 128);
    }
    codes[i] = prefix * scale + i;
  }
  codes.sort();
  const out: string[] = new Array(n);
  for (let i = 0; i < n; ) {
    const prefix = Math.floor(codes[i] / scale);
    let j = i + 1;
    while (j < n && Math.floor(codes[j] / scale) === prefix) j++;
    if (j === i + 1) out[i] = keys[codes[i] % scale];
    else {
      const group: string[] = [];
      for (let k = i; k < j; k++) group.push(keys[codes[k] % scale]);
      group.sort();
      for (let k = 0; k < group.length; k++) out[i + k] = group[k];
    }
    i = j;
  }
  return out;
}
