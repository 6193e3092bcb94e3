import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { IsnadDocument } from '../../model';
import type { Locale } from '../../l10n';

/**
 * What each group of code actions is: the document, the range the editor asks about (the cursor
 * or the selection), the diagnostics the editor shows there, and the language of the titles.
 */
export type CodeActionProvider = (doc: IsnadDocument, range: Range, diagnostics: readonly Diagnostic[], locale: Locale) => CodeAction[];
