/**
 * The channel network webview. Receives the graph model from the extension (`{ type: 'model' }`), lays it out
 * (layout.ts), draws it as SVG (nodes = actors sized by mentions and coloured by kind; edges = channels, dashed
 * by type, thicker with more mentions, a `via` edge drawn as a path through its intermediaries), and posts back:
 * `ready`, `filter` (types, article, actor), `selectEdge` (its mentions are sent back as `{ type: 'mentions' }`)
 * and `open` (a mention to reveal in the editor). Colours are CSS variables of the VS Code theme (network.css).
 */
import { forceLayout } from './layout';

interface Node { id: string; name: string; kind: string; mentions: number; articles: number }
interface Edge { key: string; source: string; target: string; type: string; via: string[]; count: number }
interface Model {
  nodes: Node[];
  edges: Edge[];
  types: string[];
  articles: Array<{ id: string; label: string }>;
  actors: Array<{ id: string; name: string }>;
  filter: { types: string[]; article: string; actor: string };
  truncated?: number;
}
interface MentionRow { article: string; label: string; line: number; start: number; end: number; origin: string; text?: string }

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void; getState(): unknown; setState(s: unknown): void };
const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const DASH: Record<string, string> = {
  meeting: '',
  call: '7 4',
  letter: '2 4',
  intermediary: '10 3 2 3',
  track: '14 5',
  backchannel: '1 5',
  media: '5 2 1 2',
  social: '3 3',
  forum: '10 2 2 2 2 2',
  'working-group': '6 2 6 6',
  other: '1 3',
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let model: Model | undefined;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
}

function radius(n: Node, max: number): number {
  return 5 + 20 * Math.sqrt(n.mentions / Math.max(max, 1));
}

function currentFilter(): Model['filter'] {
  const types = [...document.querySelectorAll<HTMLInputElement>('#types input[type=checkbox]')].filter((c) => c.checked).map((c) => c.value);
  return { types, article: $<HTMLSelectElement>('article').value, actor: $<HTMLSelectElement>('actor').value };
}

function postFilter(): void {
  vscode.postMessage({ type: 'filter', filter: currentFilter() });
}

function renderControls(m: Model): void {
  const types = $('types');
  types.textContent = '';
  for (const t of m.types) {
    const label = document.createElement('label');
    label.className = 'type';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = t;
    box.checked = !m.filter.types.length || m.filter.types.includes(t);
    box.addEventListener('change', postFilter);
    const sample = document.createElementNS(SVG, 'svg');
    sample.setAttribute('width', '28');
    sample.setAttribute('height', '8');
    el('line', { x1: 0, y1: 4, x2: 28, y2: 4, class: 'edge-sample', 'stroke-dasharray': DASH[t] ?? '' }, sample);
    label.append(box, sample, document.createTextNode(' ' + t));
    types.appendChild(label);
  }
  const fill = (sel: HTMLSelectElement, all: string, items: Array<{ id: string; label: string }>, value: string) => {
    sel.textContent = '';
    for (const it of [{ id: '', label: all }, ...items]) {
      const o = document.createElement('option');
      o.value = it.id;
      o.textContent = it.label;
      sel.appendChild(o);
    }
    sel.value = value;
  };
  fill($<HTMLSelectElement>('article'), 'All articles', m.articles, m.filter.article);
  fill($<HTMLSelectElement>('actor'), 'All actors', m.actors.map((a) => ({ id: a.id, label: a.name })), m.filter.actor);
}

function render(m: Model): void {
  const svg = $('graph') as unknown as SVGSVGElement;
  svg.textContent = '';
  const box = svg.getBoundingClientRect();
  const W = Math.max(box.width, 400);
  const H = Math.max(box.height, 300);
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const index = new Map(m.nodes.map((n, i) => [n.id, i]));
  const maxMentions = m.nodes.reduce((a, n) => Math.max(a, n.mentions), 1);
  const lnodes = m.nodes.map((n) => ({ id: n.id, r: radius(n, maxMentions) }));
  const ledges: Array<{ source: number; target: number; weight: number }> = [];
  for (const e of m.edges) {
    const path = [e.source, ...e.via, e.target].map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    for (let i = 1; i < path.length; i++) ledges.push({ source: path[i - 1], target: path[i], weight: e.count });
  }
  const lay = forceLayout(lnodes, ledges, { width: W, height: H });
  $('status').textContent = `${m.nodes.length} actors · ${m.edges.length} links${m.truncated ? ` (the ${m.truncated} weakest links hidden)` : ''} · layout ${Math.round(lay.ms)} ms`;
  const maxCount = m.edges.reduce((a, e) => Math.max(a, e.count), 1);
  const edgesG = el('g', { class: 'edges' }, svg);
  const nodesG = el('g', { class: 'nodes' }, svg);
  for (const e of m.edges) {
    const pts = [e.source, ...e.via, e.target].map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    if (pts.length < 2) continue;
    let d = `M${lay.x[pts[0]].toFixed(1)},${lay.y[pts[0]].toFixed(1)}`;
    for (let i = 1; i < pts.length; i++) d += ` L${lay.x[pts[i]].toFixed(1)},${lay.y[pts[i]].toFixed(1)}`;
    const width = 1 + 5 * Math.sqrt(e.count / maxCount);
    const g = el('g', { class: `edge type-${e.type}${e.via.length ? ' via' : ''}`, 'data-key': e.key, tabindex: 0, role: 'button' }, edgesG);
    el('path', { d, class: 'hit' }, g);
    el('path', { d, class: 'line', 'stroke-width': width.toFixed(2), 'stroke-dasharray': DASH[e.type] ?? '' }, g);
    const title = el('title', {}, g);
    const name = (id: string) => m.nodes[index.get(id) ?? -1]?.name ?? id;
    title.textContent = `${name(e.source)} — ${name(e.target)}: ${e.type}${e.via.length ? ` via ${e.via.map(name).join(', ')}` : ''} (${e.count})`;
    const select = () => {
      document.querySelectorAll('.edge.selected').forEach((x) => x.classList.remove('selected'));
      g.classList.add('selected');
      $('mentions-title').textContent = title.textContent;
      $('mentions').textContent = 'Loading…';
      vscode.postMessage({ type: 'selectEdge', key: e.key });
    };
    g.addEventListener('click', select);
    g.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') select();
    });
  }
  m.nodes.forEach((n, i) => {
    const g = el('g', { class: `node kind-${n.kind}`, 'data-id': n.id, transform: `translate(${lay.x[i].toFixed(1)},${lay.y[i].toFixed(1)})` }, nodesG);
    el('circle', { r: lnodes[i].r.toFixed(1) }, g);
    const t = el('text', { y: (lnodes[i].r + 12).toFixed(1), 'text-anchor': 'middle' }, g);
    t.textContent = n.name;
    const title = el('title', {}, g);
    title.textContent = `${n.name} (${n.kind}): ${n.mentions} mentions in ${n.articles} articles`;
    g.addEventListener('click', () => {
      $<HTMLSelectElement>('actor').value = n.id;
      postFilter();
    });
  });
}

function showMentions(rows: MentionRow[]): void {
  const list = $('mentions');
  list.textContent = '';
  for (const r of rows) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#';
    a.textContent = `${r.label}:${r.line + 1}`;
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      vscode.postMessage({ type: 'open', article: r.article, start: r.start, end: r.end });
    });
    li.appendChild(a);
    if (r.text) li.appendChild(document.createTextNode(` — ${r.text}`));
    if (r.origin === 'suggested') li.classList.add('suggested');
    list.appendChild(li);
  }
}

window.addEventListener('message', (ev: MessageEvent) => {
  const msg = ev.data as { type: string; model?: Model; rows?: MentionRow[] };
  if (msg.type === 'model' && msg.model) {
    model = msg.model;
    renderControls(model);
    render(model);
  } else if (msg.type === 'mentions' && msg.rows) showMentions(msg.rows);
});
$('article').addEventListener('change', postFilter);
$('actor').addEventListener('change', postFilter);
$('reset').addEventListener('click', () => vscode.postMessage({ type: 'filter', filter: { types: [], article: '', actor: '' } }));
let resize: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resize);
  resize = setTimeout(() => model && render(model), 200);
});
vscode.postMessage({ type: 'ready' });
