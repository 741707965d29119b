/**
 * Sorting the trie keys. `buildTrie` sorts its keys with the default string sort, which is a sizeable part of a
 * compile; handed keys already in that order it only confirms them in one pass. This sorts them cheaper: a
 * numeric typed-array sort by the first two code units (native), then the default sort within each (small)
 * group of keys sharing them.
 */

/** `[...keys].sort()` for distinct keys (code-unit order). */
export function sortKeys(keys: readonly string[]): string[] {
  const n = keys.length;
  // code = (first two code units + 1, 0 when absent) · 2^bits + index; exact below 2^53
  let scale = 1;
  while (scale <= n) scale *= 2;
  if (scale > 2 ** 20) return [...keys].sort();
  const codes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    const c0 = k.length > 0 ? k.charCodeAt(0) + 1 : 0;
    const c1 = k.length > 1 ? k.charCodeAt(1) + 1 : 0;
    codes[i] = (c0 * 65537 + c1) * scale + i;
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
