/** The default registry, parsed and compiled once for the tests that run the whole engine on their own texts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRegistry, parseRegistry, type CompiledRegistry } from '../../src/core/registry';

let world: CompiledRegistry | undefined;

export function worldRegistry(): CompiledRegistry {
  if (!world) {
    const file = join(__dirname, '..', '..', 'registry', 'world.yaml');
    world = compileRegistry(parseRegistry(readFileSync(file, 'utf8'), file).entries);
  }
  return world;
}
