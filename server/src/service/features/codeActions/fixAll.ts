// `source.fixAll.isnad`: every safe fix in the document as one edit (on save, with
// `"editor.codeActionsOnSave": { "source.fixAll.isnad": "explicit" }`, or from Source Action…).
import { CodeActionKind } from 'vscode-languageserver-types';
import { localize } from '../../l10n';
import type { CodeActionProvider } from './provider';
import { codeAction } from './edits';
import { SAFE_CODES, fixAllEdits } from './safeFixes';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.isnad`;

export const fixAll: CodeActionProvider = (doc, _range, _diagnostics, locale) => {
  const edits = fixAllEdits(doc, SAFE_CODES, locale);
  return edits.length > 0 ? [codeAction(doc, localize(locale, 'actionFixAll'), FIX_ALL_KIND, edits)] : [];
};
