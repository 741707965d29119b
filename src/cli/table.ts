import type { Analysis } from '../core/types';

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');

/** A terminal-readable report of one analysis, grouped by actor. */
export function toTable(file: string, a: Analysis, width = 100): string {
  const lines: string[] = [];
  const rule = '─'.repeat(Math.min(width, 100));
  lines.push(rule, `${file}`, `${a.actors.length} actors · ${a.quotes.filter((q) => q.kind === 'direct').length} quotes · ${a.channels.length} channels`, rule);
  const quotesBy = new Map<string, number>();
  for (const q of a.quotes) if (q.speaker) quotesBy.set(q.speaker.id, (quotesBy.get(q.speaker.id) ?? 0) + 1);
  const channelsBy = new Map<string, number>();
  for (const c of a.channels) for (const id of new Set([...c.participants, ...c.via])) channelsBy.set(id, (channelsBy.get(id) ?? 0) + 1);
  lines.push('ACTOR'.padEnd(34) + 'KIND'.padEnd(14) + 'MENTIONS'.padStart(9) + 'QUOTES'.padStart(8) + 'CHANNELS'.padStart(10) + '  FORMS');
  const sorted = [...a.actors].sort((x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name));
  for (const act of sorted) {
    const forms = [...new Set(act.mentions.map((m) => m.text))].join(', ');
    const kind = act.kind + (act.known ? '' : '?');
    lines.push(
      clip(act.name, 33).padEnd(34) +
        kind.padEnd(14) +
        String(act.mentions.length).padStart(9) +
        String(quotesBy.get(act.id) ?? 0).padStart(8) +
        String(channelsBy.get(act.id) ?? 0).padStart(10) +
        '  ' +
        clip(forms, 40),
    );
  }
  const name = (id: string) => a.actors.find((x) => x.id === id)?.name ?? id;
  if (a.quotes.length) {
    lines.push('', 'QUOTES');
    for (const q of a.quotes) {
      const who = q.kind === 'scare' ? '(scare quote)' : q.speaker ? q.speaker.name : '(unattributed)';
      lines.push(`  ${clip(who, 24).padEnd(25)}${q.cue ? clip(q.cue.text, 14).padEnd(15) : ''.padEnd(15)}“${clip(q.text, 60)}”`);
    }
  }
  if (a.channels.length) {
    lines.push('', 'CHANNELS');
    for (const c of a.channels) {
      const who = c.participants.map(name).join(' ↔ ') + (c.via.length ? ` via ${c.via.map(name).join(', ')}` : '');
      lines.push(`  ${c.type.padEnd(14)}${clip(c.text, 44).padEnd(46)}${clip(who, 50)}`);
    }
  }
  return lines.join('\n');
}
