// Every code action of the language service. Each group is a provider of one kind in a file of
// its own; a new group is one more line in PROVIDERS.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { IsnadDocument } from '../../model';
import type { Locale } from '../../l10n';
import type { CodeActionProvider } from './provider';
import { attributionFixes } from './attribution';
import { unknownIdFixes } from './unknownIds';
import { spanSyntaxFixes, unknownAttributeFixes } from './attributeBlockFixes';
import { missingNameFixes } from './missingName';
import { duplicateIdFixes } from './duplicateIds';
import { safeFixes } from './safeFixes';
import { markingRefactorings } from './marking';
import { FIX_ALL_KIND, fixAll } from './fixAll';
import { attributionHintFixes } from './attributionFixes';
import { annotateMentions } from './annotateMentions';

export type { CodeActionProvider };

const PROVIDERS: readonly { readonly kind: string; readonly provide: CodeActionProvider }[] = [
  { kind: CodeActionKind.QuickFix, provide: attributionFixes },
  { kind: CodeActionKind.QuickFix, provide: unknownIdFixes },
  { kind: CodeActionKind.QuickFix, provide: unknownAttributeFixes },
  { kind: CodeActionKind.QuickFix, provide: spanSyntaxFixes },
  { kind: CodeActionKind.QuickFix, provide: missingNameFixes },
  { kind: CodeActionKind.QuickFix, provide: duplicateIdFixes },
  { kind: CodeActionKind.QuickFix, provide: safeFixes },
  { kind: CodeActionKind.QuickFix, provide: attributionHintFixes },
  { kind: CodeActionKind.RefactorRewrite, provide: markingRefactorings },
  { kind: CodeActionKind.RefactorRewrite, provide: annotateMentions },
  { kind: FIX_ALL_KIND, provide: fixAll },
];

/** The kinds the server announces in its capabilities. */
export const CODE_ACTION_KINDS: readonly string[] = [...new Set(PROVIDERS.map(({ kind }) => kind))];

/**
 * The actions for `range`, of the kinds `only` asks for (a kind covers its sub-kinds). Without
 * `only`, source actions are left out: the editor asks for them by kind (on save, or from the
 * Source Action menu), and they cost a pass over the whole document.
 */
export function computeCodeActions(doc: IsnadDocument, range: Range, diagnostics: readonly Diagnostic[], locale: Locale, only?: readonly string[]): CodeAction[] {
  const wanted = (kind: string) =>
    only ? only.some((asked) => kind === asked || kind.startsWith(`${asked}.`)) : !kind.startsWith(`${CodeActionKind.Source}.`);
  return PROVIDERS.filter(({ kind }) => wanted(kind)).flatMap(({ provide }) => provide(doc, range, diagnostics, locale));
}
