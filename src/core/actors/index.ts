/**
 * Actor mentions in one article: registry matches (one pass), title/role attachment, surname coreference,
 * spelling variants, actors the registry lacks ("unknown"), and a few phrase rules (state governments, a
 * state's leader). See docs/registry.md for the conventions.
 *
 * Conventions (what a user sees):
 * - A mention's span is the NAME only; a title in front goes into `role` ("Deputy Foreign Minister").
 * - A demonym ("Russian") is never a mention, also not inside a title. A state NAME or acronym in front of a
 *   title ("U.S. Secretary of State …") is a name, so it is a mention of the state.
 * - "the Russian side" is not a mention (a delegation, not a name); "the Russian government", "the new American
 *   government", "the Trump administration" are mentions of the state; "the American leader"/"this Russian
 *   president" are mentions of that state's president (or head of government) when the registry knows one.
 * - Pronouns are never mentions.
 *
 * Steps (one module each, sharing the state in pass.ts): the scan into elements (pass.ts, matcher/scan.ts),
 * registry names (registry-mentions.ts), interview speaker labels (labels.ts), runs of capitalised tokens with titles (runs.ts, orgs.ts, roles.ts),
 * phrase rules (phrases.ts), leftovers and spelling variants (variants.ts), resolution (resolve.ts).
 */
import type { CompiledRegistry } from '../registry/compile';
import type { TextDoc } from '../text';
import type { ActorFindings } from '../types';
import { Pass } from './pass';
import { phraseRules } from './phrases';
import { registryMentions } from './registry-mentions';
import { speakerLabels } from './labels';
import { finish } from './resolve';
import { runs } from './runs';
import { leftovers } from './variants';

export { editDistance, sameFirstName, translitKey } from './lexicon';
export { kebab } from './names';
export { fuzzyBudget, surnameVariantDistance } from './variants';

export function findMentions(doc: TextDoc, registry: CompiledRegistry): ActorFindings {
  const p = new Pass(doc, registry);
  registryMentions(p);
  speakerLabels(p);
  runs(p);
  phraseRules(p);
  leftovers(p);
  return finish(p);
}
