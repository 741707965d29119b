/**
 * The channel network panel (issue 5): a webview drawing `CorpusIndex.network(filter)` — the same model as the
 * GraphML/DOT exports. The webview script (media/network/src, bundled to media/network/network.js by
 * scripts/build-webview.mjs) lays the graph out and draws it; this side owns the data and the filters.
 *
 * Security: a strict Content-Security-Policy (`default-src 'none'`, the script and the stylesheet allowed by
 * nonce / webview source only), `localResourceRoots` = media/network, no remote content: it works offline.
 * Messages from the webview are checked before use (an `open` must name an indexed article).
 */
import * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/corpus';
import type { ChannelNetwork, NetworkFilter } from '../../core/export/network';
import type { ChannelType } from '../../core/types';
import { Commands } from '../ids';

export const SHOW_CHANNEL_NETWORK = Commands.showChannelNetwork;
export const VIEW_TYPE = 'newsAnnotator.channelNetwork';
/** Links drawn at most (the strongest); the rest are counted in the status line. */
export const MAX_EDGES = 1500;

const CHANNEL_TYPES: readonly ChannelType[] = ['meeting', 'call', 'letter', 'intermediary', 'track', 'backchannel', 'media', 'social', 'forum', 'working-group', 'other'];

/** What the panel needs from the workspace index (WorkspaceIndexService has it). */
export interface NetworkSource {
  readonly index: CorpusIndex;
  label(article: string): string;
  location(article: string, start: number, end: number): vscode.Location;
  readonly onDidChange: vscode.Event<void>;
  ready(): Promise<unknown>;
}

export type OpenLocation = (article: string, start: number, end: number) => Thenable<unknown> | void;

export interface PanelFilter {
  types: string[];
  article: string;
  actor: string;
}

/** The model posted to the webview (also what the test hook returns). */
export interface PanelModel {
  nodes: ChannelNetwork['nodes'];
  edges: Array<Omit<ChannelNetwork['edges'][number], 'mentions'>>;
  types: string[];
  articles: Array<{ id: string; label: string }>;
  actors: Array<{ id: string; name: string }>;
  filter: PanelFilter;
  truncated?: number;
}

export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

export function panelHtml(webview: Pick<vscode.Webview, 'cspSource' | 'asWebviewUri'>, mediaRoot: vscode.Uri, n: string): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'network.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'network.css'));
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource} 'nonce-${n}'`, `script-src 'nonce-${n}'`, `font-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}" nonce="${n}">
<title>Channel Network</title>
</head>
<body>
<div id="app">
  <div id="toolbar">
    <div id="types" aria-label="Channel types"></div>
    <label>Article <select id="article"></select></label>
    <label>Actor <select id="actor"></select></label>
    <button id="reset" type="button">Show all</button>
    <span id="status"></span>
  </div>
  <svg id="graph" role="img" aria-label="Channel network"></svg>
  <div id="side"><h3 id="mentions-title">Click a link to list its mentions</h3><ol id="mentions"></ol></div>
</div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}

export class NetworkPanelController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private filter: PanelFilter = { types: [], article: '', actor: '' };
  private last: PanelModel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private panelDisposables: vscode.Disposable[] = [];
  private readonly mediaRoot: vscode.Uri;
  private readonly posted = new vscode.EventEmitter<PanelModel>();
  /** Fires after a model was posted to the webview (tests wait on it). */
  readonly onDidPostModel = this.posted.event;

  constructor(
    context: vscode.ExtensionContext,
    private readonly getIndex: () => NetworkSource | undefined,
    private readonly openLocation: OpenLocation,
  ) {
    this.mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media', 'network');
    this.disposables.push(this.posted);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of [...this.panelDisposables, ...this.disposables]) d.dispose();
  }

  /** The command: opens (or reveals) the panel, filtered to one actor when given. */
  async show(actorId?: unknown): Promise<void> {
    const id = typeof actorId === 'string' ? actorId : actorIdOf(actorId);
    if (id !== undefined) this.filter = { ...this.filter, actor: id };
    if (!this.panel) this.create();
    else this.panel.reveal(undefined, false);
    const source = this.getIndex();
    if (source) await source.ready();
    this.post();
  }

  /** Test hook: the last model sent to the webview, and the panel's HTML. */
  get model(): PanelModel | undefined {
    return this.last;
  }

  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  get webviewOptions(): vscode.WebviewOptions | undefined {
    return this.panel?.webview.options;
  }

  private create(): void {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Channel Network', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [this.mediaRoot],
      retainContextWhenHidden: false,
    });
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.mediaRoot, '..', 'icon.svg');
    panel.webview.html = panelHtml(panel.webview, this.mediaRoot, nonce());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const source = this.getIndex();
    this.panelDisposables.push(
      panel.onDidDispose(() => {
        clearTimeout(timer);
        this.panel = undefined;
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
      }),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
    );
    if (source) {
      this.panelDisposables.push(
        source.onDidChange(() => {
          clearTimeout(timer);
          timer = setTimeout(() => this.post(), 300);
        }),
      );
    }
  }

  /** The network for the current filter, as posted to the webview. */
  buildModel(): PanelModel | undefined {
    const source = this.getIndex();
    if (!source) return undefined;
    const f: NetworkFilter = {};
    if (this.filter.types.length && this.filter.types.length < CHANNEL_TYPES.length) f.types = this.filter.types.filter((t): t is ChannelType => (CHANNEL_TYPES as readonly string[]).includes(t));
    if (this.filter.article) f.articles = [this.filter.article];
    if (this.filter.actor) f.actors = [this.filter.actor];
    const net = source.index.network(f);
    let edges = net.edges;
    let truncated: number | undefined;
    if (edges.length > MAX_EDGES) {
      edges = [...edges].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)).slice(0, MAX_EDGES);
      truncated = net.edges.length - MAX_EDGES;
    }
    const used = new Set<string>();
    for (const e of edges) [e.source, e.target, ...e.via].forEach((id) => used.add(id));
    const all = source.index.network(this.filter.article ? { articles: [this.filter.article] } : {});
    return {
      nodes: net.nodes.filter((n) => used.has(n.id)),
      edges: edges.map(({ mentions: _m, ...e }) => e),
      types: [...CHANNEL_TYPES],
      articles: source.index
        .articles()
        .map((id) => ({ id, label: source.label(id) }))
        .sort((a, b) => (a.label < b.label ? -1 : 1)),
      actors: all.nodes.map((n) => ({ id: n.id, name: n.name })).sort((a, b) => (a.name < b.name ? -1 : 1)),
      filter: { ...this.filter },
      ...(truncated ? { truncated } : {}),
    };
  }

  private post(): void {
    if (!this.panel) return;
    const model = this.buildModel();
    if (!model) return;
    this.last = model;
    void this.panel.webview.postMessage({ type: 'model', model });
    this.posted.fire(model);
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (!raw || typeof raw !== 'object') return;
    const m = raw as Record<string, unknown>;
    const source = this.getIndex();
    switch (m.type) {
      case 'ready':
        this.post();
        return;
      case 'filter': {
        const f = (m.filter ?? {}) as Partial<Record<keyof PanelFilter, unknown>>;
        const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
        this.filter = { types: strings(f.types), article: typeof f.article === 'string' ? f.article : '', actor: typeof f.actor === 'string' ? f.actor : '' };
        this.post();
        return;
      }
      case 'selectEdge': {
        if (!source || typeof m.key !== 'string') return;
        await this.panel?.webview.postMessage({ type: 'mentions', rows: this.mentionRows(m.key) });
        return;
      }
      case 'open': {
        if (!source || typeof m.article !== 'string' || typeof m.start !== 'number' || typeof m.end !== 'number') return;
        if (!source.index.has(m.article)) return;
        await this.openLocation(m.article, m.start, m.end);
        return;
      }
    }
  }

  /** The mentions behind one edge (for the side list). */
  mentionRows(key: string): Array<{ article: string; label: string; line: number; start: number; end: number; origin: string }> {
    const source = this.getIndex();
    if (!source) return [];
    const f: NetworkFilter = this.filter.article ? { articles: [this.filter.article] } : {};
    const edge = source.index.network(f).edges.find((e) => e.key === key);
    return (edge?.mentions ?? []).slice(0, 500).map((x) => ({ article: x.article, label: source.label(x.article), line: source.location(x.article, x.start, x.end).range.start.line, start: x.start, end: x.end, origin: x.origin }));
  }
}

/** An actor id from a command argument: a tree node of the Actors view (`{ actorId }` / `{ actor: { id } }`) or a string. */
function actorIdOf(arg: unknown): string | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as { actorId?: unknown; id?: unknown; actor?: { id?: unknown }; item?: { actorId?: unknown } };
  if (typeof a.actorId === 'string') return a.actorId;
  if (a.actor && typeof a.actor.id === 'string') return a.actor.id;
  if (a.item && typeof a.item.actorId === 'string') return a.item.actorId;
  // an Actors view row: id `actor:<actor id>`
  if (typeof a.id === 'string' && a.id.startsWith('actor:')) return a.id.slice('actor:'.length);
  return undefined;
}

/**
 * Registers the panel and its command (`newsAnnotator.showChannelNetwork`, optional actor id argument).
 * Returns the controller (a Disposable; `show`, `model`, `html` for tests).
 */
export function registerNetworkPanel(context: vscode.ExtensionContext, getIndex: () => NetworkSource | undefined, openLocation: OpenLocation): NetworkPanelController {
  const controller = new NetworkPanelController(context, getIndex, openLocation);
  const command = vscode.commands.registerCommand(SHOW_CHANNEL_NETWORK, (actorId?: unknown) => controller.show(actorId));
  const dispose = controller.dispose.bind(controller);
  controller.dispose = () => {
    command.dispose();
    dispose();
  };
  return controller;
}
