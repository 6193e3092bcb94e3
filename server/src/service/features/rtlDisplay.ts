// VS Code shows diagnostics (Problems panel) and code action titles (light bulb menu) in
// left-to-right rows. There an Arabic message is cut by each Latin id, key or file name it quotes
// into runs laid out left to right, so it reads out of order, and its closing punctuation lands
// on the wrong side (measured in code-server 4.100). Inside a right-to-left isolate (U+2067 …
// U+2069) it reads as written. Only for what goes to the editor: `isnad check` prints plain text.
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../l10n';

const RIGHT_TO_LEFT_ISOLATE = '\u2067';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

export function isolatedForDisplay(text: string, locale: Locale): string {
  return locale === 'ar' ? `${RIGHT_TO_LEFT_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}

export function diagnosticForDisplay(diagnostic: Diagnostic, locale: Locale): Diagnostic {
  return locale === 'ar' && typeof diagnostic.message === 'string' ? { ...diagnostic, message: isolatedForDisplay(diagnostic.message, locale) } : diagnostic;
}

export function codeActionForDisplay(action: CodeAction, locale: Locale): CodeAction {
  return locale === 'ar' ? { ...action, title: isolatedForDisplay(action.title, locale) } : action;
}
