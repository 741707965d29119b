/**
 * The article's two main parties, for channels the text names without saying between whom ("The military hotline
 * was restored", "the working groups"): in a story about two states, such a channel is theirs. The two states the
 * article mentions most, each at least three times and clearly ahead of the third; otherwise none (a story about
 * many states gives no such default, and a channel stays without participants rather than get wrong ones).
 */
import type { Channel, Mention } from '../types';

const MIN_MENTIONS = 3;

/** The two main states (by mentions, in order), or null when the article has no clear pair. */
export function mainParties(mentions: readonly Mention[], kindOf: (id: string) => string): [string, string] | null {
  const counts = new Map<string, number>();
  for (let i = 0; i < mentions.length; i++) {
    const id = mentions[i].actorId;
    if (kindOf(id) === 'state') counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (top.length < 2 || top[1][1] < MIN_MENTIONS) return null;
  let all = 0;
  for (const [, n] of top) all += n;
  if ((top[0][1] + top[1][1]) * 3 < all * 2) return null;
  return [top[0][0], top[1][0]];
}

/** Channels without participants or via get the article's main parties (a new object each; the rest as they are). */
export function withMainParties(channels: Channel[], parties: [string, string] | null): Channel[] {
  if (!parties) return channels;
  return channels.map((c) => (c.participants.length === 0 && c.via.length === 0 ? { ...c, participants: [...parties] } : c));
}
