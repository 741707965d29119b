import { strict as assert } from 'node:assert';
import { fold, foldCode } from '../../../src/core/text/fold';

/** The definition: every code unit folded on its own. */
function foldEach(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}

describe('text: fold equals the per-code-unit definition in any context', () => {
  it('final sigma, surrogate pairs, İ, and letters next to cut points', () => {
    for (const s of [
      'ΟΔΥΣΣΕΥΣ ΣΑΣ, Σ. ΑΣ’Β',
      'Deseret 𐐀𐐁 and 𐐨, Adlam 𞤀𞤢; lone \ud801 and \udc00 halves',
      'İstanbul İİ iİ, ß ẞ, ǅ ǈ',
      'Putin’s ÉLYSÉE – Zelenskyy‘s “Kyiv”\u00a0Łódź ʼA',
      'É’É’ÉΣ’Σ',
    ]) {
      assert.equal(fold(s), foldEach(s), s);
    }
  });
  it('every BMP code unit, shuffled between ASCII words', () => {
    const units: number[] = [];
    for (let c = 0; c < 65536; c++) units.push(c);
    let seed = 11;
    for (let i = units.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const j = seed % (i + 1);
      [units[i], units[j]] = [units[j], units[i]];
    }
    const parts: string[] = [];
    for (let i = 0; i < units.length; i += 7) parts.push('Ab', String.fromCharCode(...units.slice(i, i + 7)), 'Cd ');
    const s = parts.join('');
    assert.equal(fold(s), foldEach(s));
  });
});
