/**
 * The actor registry: parse (YAML → entries + errors with line/column), merge (a workspace file over the
 * embedded default), compile (entries → one-pass matcher). See docs/registry.md for the schema.
 */
export { parseRegistry, MAX_REGISTRY_BYTES, type ParseResult, type ParseOptions } from './parse';
export { mergeRegistries } from './merge';
export { compileRegistry, RegistryCompiler, caseMode, type CompiledRegistry, type FormOutput, type FormKind, type FuzzyKey } from './compile';

/** The workspace registry file (relative to the workspace folder); same schema as the default registry. */
export const WORKSPACE_REGISTRY_FILE = '.news-annotator/actors.yaml';
