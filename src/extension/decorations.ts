/**
 * Editor decorations: one decoration type per layer (actor kinds, unknown actors, quotes, channels — each
 * confirmed and suggested — claims, and the speaker of the quote under the cursor), coloured with the theme
 * colours from `contributes.colors`, with overview-ruler marks. Rejected annotations never reach the view model.
 */
import * as vscode from 'vscode';
import { highlightSetting } from './config';
import type { DocumentSessions } from './documents';
import { Colors, ContextKeys, Settings, type ColorId } from './ids';
import { computeLayers, LAYER_IDS, speakerSpans, type Category, type LayerId, type Layers } from './layers';

const CATEGORY_COLORS: Record<Category, { confirmed: ColorId; suggested: ColorId; lane: vscode.OverviewRulerLane }> = {
  person: { confirmed: Colors.person, suggested: Colors.personSuggestion, lane: vscode.OverviewRulerLane.Left },
  organization: { confirmed: Colors.organization, suggested: Colors.organizationSuggestion, lane: vscode.OverviewRulerLane.Left },
  state: { confirmed: Colors.state, suggested: Colors.stateSuggestion, lane: vscode.OverviewRulerLane.Left },
  unknown: { confirmed: Colors.unknown, suggested: Colors.unknownSuggestion, lane: vscode.OverviewRulerLane.Left },
  quote: { confirmed: Colors.quote, suggested: Colors.quoteSuggestion, lane: vscode.OverviewRulerLane.Center },
  channel: { confirmed: Colors.channel, suggested: Colors.channelSuggestion, lane: vscode.OverviewRulerLane.Right },
};

function layerStyle(id: LayerId): vscode.DecorationRenderOptions {
  if (id === 'claim') {
    const c = new vscode.ThemeColor(Colors.claim);
    return { borderStyle: 'solid', borderWidth: '0 0 2px 0', borderColor: c, overviewRulerColor: c, overviewRulerLane: vscode.OverviewRulerLane.Full };
  }
  if (id === 'speaker') {
    const c = new vscode.ThemeColor(Colors.speaker);
    return { borderStyle: 'solid', borderWidth: '1px', borderRadius: '3px', borderColor: c, fontWeight: 'bold' };
  }
  const suggested = id.endsWith('.suggested');
  const cat = (suggested ? id.slice(0, -'.suggested'.length) : id) as Category;
  const colors = CATEGORY_COLORS[cat];
  if (suggested) {
    // Lighter: a faint background and a dotted underline in the confirmed colour.
    return {
      backgroundColor: new vscode.ThemeColor(colors.suggested),
      borderStyle: 'dotted',
      borderWidth: '0 0 1px 0',
      borderColor: new vscode.ThemeColor(colors.confirmed),
      overviewRulerColor: new vscode.ThemeColor(colors.suggested),
      overviewRulerLane: colors.lane,
    };
  }
  return {
    backgroundColor: new vscode.ThemeColor(colors.confirmed),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor(colors.confirmed),
    overviewRulerLane: colors.lane,
  };
}

/** On/off for all highlights (Toggle Highlights), remembered per workspace. */
export class HighlightToggle implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changed.event;
  private on: boolean;

  constructor(private readonly memento: vscode.Memento) {
    this.on = memento.get<boolean>(ContextKeys.highlightsOn, true);
    void vscode.commands.executeCommand('setContext', ContextKeys.highlightsOn, this.on);
  }

  get enabled(): boolean {
    return this.on;
  }

  async set(on: boolean): Promise<void> {
    if (on === this.on) return;
    this.on = on;
    await this.memento.update(ContextKeys.highlightsOn, on);
    await vscode.commands.executeCommand('setContext', ContextKeys.highlightsOn, on);
    this.changed.fire(on);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class Decorations implements vscode.Disposable {
  private readonly types = new Map<LayerId, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Time of the last full render of one editor (layers + ranges + setDecorations), for the test API. */
  lastRenderMs = 0;
  /** Last ranges set per document (layer → ranges), for the test API. */
  private readonly applied = new Map<string, Map<LayerId, vscode.Range[]>>();

  constructor(
    private readonly sessions: DocumentSessions,
    private readonly toggle: HighlightToggle,
  ) {
    for (const id of LAYER_IDS) this.types.set(id, vscode.window.createTextEditorDecorationType({ ...layerStyle(id), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }));
    this.disposables.push(
      sessions.onDidChange((e) => {
        if (!sessions.get(e.uri)) this.applied.delete(e.uri.toString());
        // A keystroke: the editor already moved every decoration with the text (they are tracked ranges), so
        // nothing is sent; the debounced re-analysis renders the corrected layers.
        if (e.shiftOnly) return;
        this.renderUri(e.uri);
      }),
      toggle.onDidChange(() => this.renderAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.renderAll()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.renderSpeaker(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.highlight)) this.renderAll();
      }),
    );
    this.renderAll();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const t of this.types.values()) t.dispose();
  }

  /** Ranges currently shown in an editor, by layer (for tests). */
  rangesFor(editor: vscode.TextEditor): Record<string, vscode.Range[]> {
    return Object.fromEntries(this.applied.get(editor.document.uri.toString()) ?? []);
  }

  renderAll(): void {
    for (const ed of vscode.window.visibleTextEditors) this.render(ed);
  }

  private renderUri(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === key) this.render(ed);
  }

  private render(editor: vscode.TextEditor): void {
    const t0 = performance.now();
    const entry = this.sessions.get(editor.document.uri);
    const highlight = highlightSetting(editor.document.uri);
    let layers: Layers | undefined;
    if (entry && this.toggle.enabled) layers = computeLayers(entry.session.vm, highlight, editor.document.offsetAt(editor.selection.active));
    const doc = editor.document;
    const shown = new Map<LayerId, vscode.Range[]>();
    for (const [id, type] of this.types) {
      const ranges = (layers?.[id] ?? []).map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
      editor.setDecorations(type, ranges);
      shown.set(id, ranges);
    }
    this.applied.set(doc.uri.toString(), shown);
    this.lastRenderMs = performance.now() - t0;
  }

  private renderSpeaker(editor: vscode.TextEditor): void {
    const type = this.types.get('speaker');
    const entry = this.sessions.get(editor.document.uri);
    if (!type || !entry) return;
    const on = this.toggle.enabled && highlightSetting(editor.document.uri).speaker;
    const doc = editor.document;
    const ranges = on ? speakerSpans(entry.session.vm, doc.offsetAt(editor.selection.active)).map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end))) : [];
    editor.setDecorations(type, ranges);
    this.applied.get(doc.uri.toString())?.set('speaker', ranges);
  }
}
