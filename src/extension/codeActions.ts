/** Code actions (light bulb) on a suggestion under the cursor: Accept / Reject; on a stored annotation: Remove. */
import * as vscode from 'vscode';
import type { DocumentSessions } from './documents';
import { Commands } from './ids';
import { itemsAt } from './viewModel';

const LABEL: Record<string, string> = { actor: 'actor mention', quote: 'quote', channel: 'channel', claim: 'claim' };

export class AnnotationCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly sessions: DocumentSessions) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const entry = this.sessions.get(doc.uri);
    if (!entry) return [];
    const uri = doc.uri.toString();
    const out: vscode.CodeAction[] = [];
    for (const it of itemsAt(entry.session.vm, doc.offsetAt(range.start)).slice(0, 3)) {
      const what = `${LABEL[it.type]} “${it.text.length > 30 ? `${it.text.slice(0, 29)}…` : it.text}”`;
      if (it.state === 'suggested') {
        const accept = new vscode.CodeAction(`Accept ${what}`, vscode.CodeActionKind.QuickFix);
        accept.command = { command: Commands.acceptSuggestion, title: 'Accept', arguments: [{ uri, key: it.key }] };
        accept.isPreferred = out.length === 0;
        const reject = new vscode.CodeAction(`Reject ${what}`, vscode.CodeActionKind.QuickFix);
        reject.command = { command: Commands.rejectSuggestion, title: 'Reject', arguments: [{ uri, key: it.key }] };
        out.push(accept, reject);
      } else {
        const remove = new vscode.CodeAction(`Remove ${what}`, vscode.CodeActionKind.QuickFix);
        remove.command = { command: Commands.removeAnnotation, title: 'Remove', arguments: [{ uri, key: it.key }] };
        out.push(remove);
      }
    }
    return out;
  }
}
