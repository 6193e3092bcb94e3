// Documents over `isnad.maxDocumentSize`: the server does not parse them, and says so once, as an
// information diagnostic at the top of the document (the TextMate grammar still colours them).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { localize, type Locale } from '../l10n';

export const TOO_LARGE_CODE = 'document-too-large';

export const BYTES_PER_MEGABYTE = 1024 * 1024;

export function tooLargeDiagnostic(bytes: number, maxMegabytes: number, locale: Locale): Diagnostic {
  const megabytes = (bytes / BYTES_PER_MEGABYTE).toFixed(1);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: TOO_LARGE_CODE,
    source: 'isnad',
    message: localize(locale, 'documentTooLarge', [megabytes, maxMegabytes]),
  };
}
