/**
 * FNV-1a 64-bit over the UTF-8 bytes of a string, in pure TypeScript (16-bit limbs, no BigInt, no Node crypto).
 * Used for the sidecar's `fingerprint` of the article text and for "did the file change on disk" checks.
 */
export function fnv1a64Bytes(bytes: Uint8Array): string {
  // h = h3:h2:h1:h0 (16 bits each); offset basis cbf29ce484222325, prime 00000100000001b3.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    // multiply by 0x100000001b3 = 2^40 + 0x1b3
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3;
    const t3 = h3 * 0x1b3;
    // 2^40 = limb 2 shifted by 8 bits
    const n1 = t1 + (t0 >>> 16);
    const n2 = t2 + (n1 >>> 16) + (h0 << 8);
    const n3 = t3 + (n2 >>> 16) + (h1 << 8);
    h0 = t0 & 0xffff;
    h1 = n1 & 0xffff;
    h2 = n2 & 0xffff;
    h3 = n3 & 0xffff;
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

const encoder = new TextEncoder();

/** `fnv1a64:<16 hex digits>` of a text (its UTF-8 bytes). */
export function fingerprint(text: string): string {
  return 'fnv1a64:' + fnv1a64Bytes(encoder.encode(text));
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
