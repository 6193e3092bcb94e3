// How `isnad check` writes diagnostics: one piece per diagnostic as it is found, so the output of
// a large corpus streams instead of waiting in memory.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { sarifEnd, sarifResult, sarifStart } from './sarif';

/** LSP's numeric severities (1–4), by name. */
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
type SeverityName = (typeof SEVERITY_NAMES)[number];

export interface FileDiagnostic {
  readonly file: string;
  readonly range: Range;
  readonly severity: SeverityName;
  readonly code: string;
  readonly message: string;
}

export function toFileDiagnostic(file: string, diagnostic: Diagnostic): FileDiagnostic {
  return {
    file,
    range: diagnostic.range,
    severity: SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1],
    code: String(diagnostic.code),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  };
}

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface DiagnosticsWriter {
  start(): string;
  /** `first`: whether it is the first diagnostic written. */
  diagnostic(diagnostic: FileDiagnostic, first: boolean): string;
  end(wroteAny: boolean): string;
}

/** `baseFolder`: what SARIF's paths are relative to. */
export function diagnosticsWriter(format: CheckFormat, toolVersion: string, baseFolder: string): DiagnosticsWriter {
  switch (format) {
    case 'text':
      return { start: () => '', diagnostic: toTextLine, end: () => '' };
    case 'json':
      // The layout of JSON.stringify(array, null, 2), one element at a time.
      return {
        start: () => '[',
        diagnostic: (diagnostic, first) => `${first ? '' : ','}\n${JSON.stringify(diagnostic, null, 2).replace(/^/gm, '  ')}`,
        end: (wroteAny) => (wroteAny ? '\n]\n' : ']\n'),
      };
    case 'sarif':
      return { start: () => sarifStart(toolVersion, baseFolder), diagnostic: (diagnostic, first) => sarifResult(diagnostic, first, baseFolder), end: sarifEnd };
  }
}

/**
 * The compiler-style line that editors and terminals turn into links: 1-based, UTF-16 columns
 * like the editor, and always one line (a message can quote an id written with a line break).
 */
function toTextLine({ file, range, severity, code, message }: FileDiagnostic): string {
  return `${file}:${range.start.line + 1}:${range.start.character + 1}: ${severity} ${code}: ${message.replace(LINE_BREAKS, ' ')}\n`;
}

const LINE_BREAKS = /\r\n?|[\n\u2028\u2029]/g;
