import type { Analysis } from '../core/types';

/** The CLI's JSON shape for one file (see README "CLI output"). */
export function toJson(file: string, a: Analysis): object {
  return {
    file,
    actors: a.actors.map((x) => ({
      id: x.id,
      name: x.name,
      kind: x.kind,
      known: x.known,
      roles: x.roles,
      mentions: x.mentions,
    })),
    quotes: a.quotes,
    channels: a.channels,
  };
}
