// Quick fix for a source or entity defined twice (`duplicate-id` on the repeat's key): remove the
// repeat, which is ignored already. Not a safe fix: the author may have meant the repeat and not
// the first definition, so it is offered one at a time and never preferred.
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { localize } from '../../l10n';
import type { CodeActionProvider } from './provider';
import { codeAction, isnadDiagnostics, offsetRange } from './edits';
import { anchorsAliasedOutside, entryWithKeyAt, removeEntry } from './frontMatterEdits';

export const duplicateIdFixes: CodeActionProvider = (doc, _range, diagnostics, locale) => {
  const actions: CodeAction[] = [];
  for (const diagnostic of isnadDiagnostics(diagnostics, ['duplicate-id'])) {
    const repeat = entryWithKeyAt(doc, offsetRange(doc, diagnostic.range));
    if (!repeat) continue;
    const edit = removeEntry(doc, repeat);
    // An anchor (`&x`) in the repeat that an alias (`*x`) elsewhere reads: removing it would break the front matter.
    if (anchorsAliasedOutside(doc, edit.range)) continue;
    actions.push(codeAction(doc, localize(locale, 'actionRemoveRepeatedDefinition', [repeat.id]), CodeActionKind.QuickFix, [edit], { diagnostics: [diagnostic] }));
  }
  return actions;
};
