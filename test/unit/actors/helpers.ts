import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMentions } from '../../../src/core/actors';
import { compileRegistry, parseRegistry, type CompiledRegistry } from '../../../src/core/registry';
import { createDoc } from '../../../src/core/text';
import type { ActorFindings, Mention } from '../../../src/core/types';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'actors');

let dev: CompiledRegistry | undefined;
/** The small development registry written for these tests. */
export function devRegistry(): CompiledRegistry {
  if (!dev) {
    const r = parseRegistry(readFileSync(join(FIXTURES, 'dev-registry.yaml'), 'utf8'), 'dev-registry.yaml');
    if (r.errors.length) throw new Error(JSON.stringify(r.errors));
    dev = compileRegistry(r.entries);
  }
  return dev;
}

export function run(text: string, reg = devRegistry()): ActorFindings {
  return findMentions(createDoc(text), reg);
}

/** Compact view of the mentions: "text→id". */
export function view(text: string, reg = devRegistry()): string[] {
  return run(text, reg).mentions.map((m) => `${m.text}→${m.actorId}`);
}

export function find(f: ActorFindings, text: string): Mention | undefined {
  return f.mentions.find((m) => m.text === text);
}
