// The language status item of Isnad editors: how many claims, quotes and mentions the article
// holds and how many statements still lack a speaker; clicking it opens the Problems panel,
// where the unattributed ones are listed.
import * as vscode from 'vscode';
import type { DocumentCounts } from '../../server/src/protocol';
import type { Decorator } from './decorations/decorator';

export function registerStatus(context: vscode.ExtensionContext, decorator: Decorator): void {
  const item = vscode.languages.createLanguageStatusItem('isnad.counts', { language: 'isnad' });
  item.name = vscode.l10n.t('Isnad annotations');
  item.command = { title: vscode.l10n.t('Show Problems'), command: 'workbench.actions.view.problems' };
  item.text = vscode.l10n.t('Isnad');

  const showActive = () => {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && decorator.resultFor(document);
    if (result) show(item, result.counts);
  };
  showActive();
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(showActive),
    decorator.onDidUpdate(({ document, result }) => {
      if (document === vscode.window.activeTextEditor?.document) show(item, result.counts);
    }),
  );
}

function show(item: vscode.LanguageStatusItem, counts: DocumentCounts): void {
  item.text = vscode.l10n.t('$(comment-discussion) Claims {0} · Quotes {1}', counts.claims, counts.quotes);
  item.detail = vscode.l10n.t('Unattributed {0} · Mentions {1}', counts.unattributed, counts.mentions);
  item.severity = counts.unattributed > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
}
