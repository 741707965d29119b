/**
 * The channel network as GraphML (Gephi, yEd, Cytoscape, NetworkX) and as DOT (Graphviz).
 * GraphML keeps the data (one edge per actor pair, channel type and intermediaries, `via` as an attribute);
 * DOT is for looking at it: a channel through intermediaries is drawn as a path A — V — B.
 */
import type { ActorKind, ChannelType } from '../types';
import type { ChannelNetwork } from './network';

/** XML text/attribute escaping; characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  let clean = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff || (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)) continue;
    clean += ch;
  }
  return clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function toGraphml(net: ChannelNetwork): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
    '  <key id="articles" for="node" attr.name="articles" attr.type="int"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="via" for="edge" attr.name="via" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="in" for="edge" attr.name="articles" attr.type="string"/>',
    '  <graph id="channels" edgedefault="undirected">',
  ];
  const data = (key: string, v: string | number) => `<data key="${key}">${xmlEscape(String(v))}</data>`;
  for (const n of net.nodes) {
    out.push(`    <node id="${xmlEscape(n.id)}">${data('label', n.name)}${data('kind', n.kind)}${data('mentions', n.mentions)}${data('articles', n.articles)}</node>`);
  }
  net.edges.forEach((e, i) => {
    const articles = [...new Set(e.mentions.map((m) => m.article))].join(';');
    out.push(
      `    <edge id="e${i + 1}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data('type', e.type)}${data('via', e.via.join(';'))}${data('weight', e.count)}${data('in', articles)}</edge>`,
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** A DOT quoted string: `"` and `\` escaped, line breaks as `\n`. */
export function dotString(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n') + '"';
}

export const KIND_STYLE: Record<ActorKind, { shape: string; color: string }> = {
  person: { shape: 'ellipse', color: '#4e79a7' },
  organization: { shape: 'box', color: '#59a14f' },
  state: { shape: 'hexagon', color: '#e15759' },
};

export const CHANNEL_STYLE: Record<ChannelType, { style: string; color: string }> = {
  meeting: { style: 'solid', color: '#1f77b4' },
  call: { style: 'dashed', color: '#ff7f0e' },
  letter: { style: 'dotted', color: '#2ca02c' },
  intermediary: { style: 'dashed', color: '#9467bd' },
  track: { style: 'bold', color: '#8c564b' },
  backchannel: { style: 'dotted', color: '#e377c2' },
  media: { style: 'solid', color: '#7f7f7f' },
  social: { style: 'dashed', color: '#17becf' },
  forum: { style: 'solid', color: '#bcbd22' },
  'working-group': { style: 'bold', color: '#d62728' },
  other: { style: 'solid', color: '#999999' },
};

export function toDot(net: ChannelNetwork): string {
  const out: string[] = ['graph channels {', '  graph [overlap=false, splines=true];', '  node [style=filled, fontcolor="#ffffff"];'];
  const maxMentions = Math.max(1, ...net.nodes.map((n) => n.mentions));
  const names = new Map(net.nodes.map((n) => [n.id, n.name]));
  for (const n of net.nodes) {
    const k = KIND_STYLE[n.kind] ?? KIND_STYLE.person;
    const width = (0.75 + (1.25 * Math.sqrt(n.mentions)) / Math.sqrt(maxMentions)).toFixed(2);
    out.push(`  ${dotString(n.id)} [label=${dotString(n.name)}, shape=${k.shape}, fillcolor="${k.color}", width=${width}, tooltip=${dotString(`${n.kind}, ${n.mentions} mention${n.mentions === 1 ? "" : "s"}`)}];`);
  }
  for (const e of net.edges) {
    const s = CHANNEL_STYLE[e.type] ?? CHANNEL_STYLE.other;
    const pen = (1 + Math.log2(e.count)).toFixed(2);
    const label = `${e.type} ×${e.count}`;
    const path = [e.source, ...e.via, e.target];
    const attrs = (lbl: string) => `[label=${dotString(lbl)}, style=${s.style}, color="${s.color}", penwidth=${pen}]`;
    if (path.length === 2) out.push(`  ${dotString(e.source)} -- ${dotString(e.target)} ${attrs(label)};`);
    else {
      const via = e.via.map((v) => names.get(v) ?? v).join(', ');
      for (let i = 0; i + 1 < path.length; i++) {
        out.push(`  ${dotString(path[i])} -- ${dotString(path[i + 1])} ${attrs(i === 0 ? `${label} (${names.get(e.source) ?? e.source} – ${names.get(e.target) ?? e.target} via ${via})` : '')};`);
      }
    }
  }
  out.push('}', '');
  return out.join('\n');
}
