/**
 * Hovers for actors, quotes, channels and claims. Every string taken from an article, a sidecar or a registry
 * goes through `esc` (all Markdown punctuation backslash-escaped, line breaks flattened); the MarkdownString
 * is trusted only for a fixed list of our own commands (`enabledCommands`), never `isTrusted: true`, and HTML
 * is off.
 */
import * as vscode from 'vscode';
import type { DocumentSessions } from './documents';
import { Commands } from './ids';
import { itemsAt, type ActorInfo, type ActorItem, type ChannelItem, type ClaimItem, type Item, type QuoteItem, type ViewModel } from './viewModel';

/** Escapes Markdown (and HTML) in untrusted text: every ASCII punctuation character gets a backslash. */
export function esc(text: string, max = 300): string {
  let t = text.replace(/\s+/g, ' ');
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  return t.replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:;,@$%^?/]/g, (c) => `\\${c}`);
}

const QID = /^Q[1-9][0-9]{0,11}$/;
const SAFE_URL = /^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]+)?(?:\/[A-Za-z0-9._~%!$&'*+,;=:@/-]*)?(?:\?[A-Za-z0-9._~%!$&'*+,;=:@/?-]*)?(?:#[A-Za-z0-9._~%!$&'*+,;=:@/?-]*)?$/;

/** The commands a hover may link to. */
export const HOVER_COMMANDS = [Commands.acceptSuggestion, Commands.rejectSuggestion, Commands.removeAnnotation, Commands.revealInSidebar] as const;

export interface AnnotationRef {
  uri: string;
  key: string;
}

function commandLink(label: string, command: (typeof HOVER_COMMANDS)[number], ref: AnnotationRef): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([ref]))})`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function actorName(vm: ViewModel, id: string): string {
  return vm.actors.get(id)?.name ?? id;
}

function names(vm: ViewModel, ids: readonly string[]): string {
  return ids.length ? ids.map((id) => esc(actorName(vm, id))).join(', ') : '—';
}

function actions(item: Item, uri: string): string {
  const ref = { uri, key: item.key };
  const links =
    item.state === 'suggested'
      ? [commandLink('Accept', Commands.acceptSuggestion, ref), commandLink('Reject', Commands.rejectSuggestion, ref)]
      : [commandLink('Remove', Commands.removeAnnotation, ref)];
  if (item.type !== 'claim') links.push(commandLink('Show in sidebar', Commands.revealInSidebar, ref));
  return links.join(' · ');
}

const MATCH_LABEL: Record<string, string> = {
  name: 'by name',
  alias: 'as an alias',
  surname: 'by surname',
  variant: 'as a spelling variant',
  unknown: 'not in the registry',
};

export function actorHover(vm: ViewModel, item: ActorItem, uri: string): string {
  const info: ActorInfo | undefined = vm.actors.get(item.actorId);
  const lines: string[] = [];
  const name = info?.name ?? item.text;
  lines.push(`**${esc(name)}** — ${esc(info?.kind ?? 'person')}${info && !info.known ? ' (unknown actor)' : ''}${item.state === 'suggested' ? ' · *suggestion*' : ' · confirmed'}`);
  if (info?.roles.length) lines.push(`Roles: ${info.roles.map((r) => esc(r)).join('; ')}`);
  if (item.role) lines.push(`Title here: ${esc(item.role)}`);
  if (info?.affiliation) lines.push(`Affiliation: ${esc(actorName(vm, info.affiliation))}`);
  if (info?.aliases.length) lines.push(`Aliases: ${info.aliases.slice(0, 12).map((a) => esc(a, 60)).join(', ')}${info.aliases.length > 12 ? ', …' : ''}`);
  if (info?.wikidata && QID.test(info.wikidata)) lines.push(`Wikidata: [${info.wikidata}](https://www.wikidata.org/wiki/${info.wikidata})`);
  if (item.match) lines.push(`Matched "${esc(item.text, 80)}" ${MATCH_LABEL[item.match] ?? esc(item.match)}${item.state === 'suggested' ? ` (${pct(item.confidence)})` : ''}`);
  const mentions = info?.mentions.length ?? 1;
  const quotes = vm.quotes.filter((q) => q.speaker?.id === item.actorId);
  const channels = vm.channels.filter((c) => c.participants.includes(item.actorId) || c.via.includes(item.actorId));
  lines.push(`${mentions} mention${mentions === 1 ? '' : 's'} here · ${quotes.length} quote${quotes.length === 1 ? '' : 's'} · ${channels.length} channel${channels.length === 1 ? '' : 's'}`);
  for (const q of quotes.slice(0, 3)) lines.push(`- “${esc(q.text, 120)}”`);
  for (const c of channels.slice(0, 3)) lines.push(`- ${esc(c.channelType)}: ${esc(c.text, 80)} (${names(vm, [...c.participants, ...c.via])})`);
  lines.push(actions(item, uri));
  return lines.join('\n\n');
}

export function quoteHover(vm: ViewModel, item: QuoteItem, uri: string): string {
  const lines: string[] = [];
  lines.push(`**Quote**${item.quoteKind === 'scare' ? ' (scare quote)' : ''}${item.state === 'suggested' ? ' · *suggestion*' : ' · confirmed'}`);
  lines.push(`Speaker: ${item.speaker ? `**${esc(item.speaker.name || actorName(vm, item.speaker.id))}**` : '*unattributed*'}${item.cue ? ` · cue “${esc(item.cue.text, 60)}”` : ''}`);
  if (item.state === 'suggested') lines.push(`Confidence: ${pct(item.confidence)}`);
  const claims = vm.claims.filter((c) => c.start < item.end && c.end > item.start);
  for (const c of claims) lines.push(`- Claim: ${esc(c.claimKind)}, ${esc(c.claimStatus)}${c.note ? ` — ${esc(c.note, 120)}` : ''}`);
  lines.push(actions(item, uri));
  return lines.join('\n\n');
}

export function channelHover(vm: ViewModel, item: ChannelItem, uri: string): string {
  const lines: string[] = [];
  lines.push(`**Channel** — ${esc(item.channelType)}${item.state === 'suggested' ? ` · *suggestion* (${pct(item.confidence)})` : ' · confirmed'}`);
  lines.push(`Participants: ${names(vm, item.participants)}`);
  if (item.via.length) lines.push(`Via: ${names(vm, item.via)}`);
  lines.push(actions(item, uri));
  return lines.join('\n\n');
}

export function claimHover(vm: ViewModel, item: ClaimItem, uri: string): string {
  const lines: string[] = [];
  lines.push(`**Claim** — ${esc(item.claimKind)} · status **${esc(item.claimStatus)}**`);
  lines.push(`Claimant: ${item.claimant ? esc(actorName(vm, item.claimant)) : '—'}`);
  if (item.note) lines.push(`Note: ${esc(item.note, 500)}`);
  for (const l of item.links) lines.push(SAFE_URL.test(l) ? `- [${esc(l, 80)}](${l})` : `- ${esc(l, 120)}`);
  lines.push(actions(item, uri));
  return lines.join('\n\n');
}

export function hoverMarkdown(vm: ViewModel, offset: number, uri: string): vscode.MarkdownString | undefined {
  const items = itemsAt(vm, offset).filter((i) => offset < i.end || i.start === i.end);
  if (!items.length) return undefined;
  const parts: string[] = [];
  for (const it of items.slice(0, 4)) {
    switch (it.type) {
      case 'actor':
        parts.push(actorHover(vm, it, uri));
        break;
      case 'quote':
        parts.push(quoteHover(vm, it, uri));
        break;
      case 'channel':
        parts.push(channelHover(vm, it, uri));
        break;
      case 'claim':
        parts.push(claimHover(vm, it, uri));
        break;
    }
  }
  const md = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly sessions: DocumentSessions) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const entry = this.sessions.get(doc.uri);
    if (!entry) return undefined;
    const offset = doc.offsetAt(pos);
    const md = hoverMarkdown(entry.session.vm, offset, doc.uri.toString());
    if (!md) return undefined;
    const inner = itemsAt(entry.session.vm, offset)[0];
    return new vscode.Hover(md, inner ? new vscode.Range(doc.positionAt(inner.start), doc.positionAt(inner.end)) : undefined);
  }
}
