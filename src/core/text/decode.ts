/**
 * Bytes → text for articles: UTF-8 with BOM removal, binary detection and a clear verdict on invalid UTF-8.
 * Pure (takes a Uint8Array); the CLI and the extension read the bytes.
 */
export type DecodedText =
  | { ok: true; text: string; bom: boolean; invalidUtf8: boolean }
  | { ok: false; reason: 'binary'; message: string };

export function decodeText(bytes: Uint8Array): DecodedText {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) return { ok: false, reason: 'binary', message: 'binary file (contains NUL bytes)' };
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.1) {
    return { ok: false, reason: 'binary', message: 'binary file (mostly control bytes)' };
  }
  let invalidUtf8 = false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    invalidUtf8 = true;
    text = new TextDecoder('utf-8').decode(bytes);
  }
  // TextDecoder drops a leading BOM itself: look at the bytes (and at the text, for a BOM it kept)
  let bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (text.charCodeAt(0) === 0xfeff) {
    bom = true;
    text = text.slice(1);
  }
  return { ok: true, text, bom, invalidUtf8 };
}
