/**
 * The canonical sidecar text: fixed key order, LF, two-space indentation, one annotation per list item,
 * strings plain when that is unambiguous and double-quoted (JSON-compatible escapes) otherwise.
 * Used whenever the file has nothing a user added by hand (comments, unknown keys); otherwise the
 * `yaml` Document API updates the user's file in place (see yamldoc.ts). `fastparse.ts` reads exactly this form.
 */
import { annotationKeys, TARGET_KEYS, TOP_KEYS, type Annotation, type Sidecar } from './model';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.\-/]*(?: [A-Za-z0-9_.\-/]+)*$/;
const RESERVED = /^(?:null|true|false|yes|no|on|off|y|n|nan|inf)$/i;

/** True when `s` may be written as a plain YAML scalar with the same meaning in YAML 1.1 and 1.2. */
export function isPlainSafe(s: string): boolean {
  return PLAIN.test(s) && !RESERVED.test(s);
}

/** A string scalar: plain when safe, else double-quoted with only \" \\ \n \r \t \uXXXX escapes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

export function emitString(s: string): string {
  if (isPlainSafe(s)) return s;
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let out = '"';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) {
      esc = c === 10 ? '\\n' : c === 13 ? '\\r' : c === 9 ? '\\t' : '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        i++;
        continue;
      }
      esc = '\\u' + c.toString(16).padStart(4, '0');
    }
    if (esc !== undefined) {
      out += s.slice(last, i) + esc;
      last = i + 1;
    }
  }
  return out + s.slice(last) + '"';
}

function emitValue(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return emitString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map(emitValue).join(', ') + ']';
  throw new Error(`cannot write ${typeof v} in a sidecar`);
}

function emitAnnotation(a: Annotation, lines: string[]): void {
  const rec = a as unknown as Record<string, unknown>;
  let first = true;
  for (const k of annotationKeys(a.type)) {
    const lead = first ? '  - ' : '    ';
    if (k === 'target') {
      lines.push(lead + 'target:');
      for (const t of TARGET_KEYS) lines.push('      ' + t + ': ' + emitValue(a.target[t]));
    } else {
      const v = rec[k];
      if (v === undefined) continue;
      lines.push(lead + k + ': ' + emitValue(v));
    }
    first = false;
  }
}

/** The canonical text of a sidecar (annotations in the order given; callers sort them). */
export function emitSidecar(s: Sidecar): string {
  const lines: string[] = [];
  for (const k of TOP_KEYS) {
    if (k === 'annotations') {
      if (!s.annotations.length) lines.push('annotations: []');
      else {
        lines.push('annotations:');
        for (const a of s.annotations) emitAnnotation(a, lines);
      }
    } else lines.push(k + ': ' + emitValue(s[k]));
  }
  return lines.join('\n') + '\n';
}
