import type { TextRange } from './model';
import type { MessageKey } from './l10n';

/** The stable diagnostic codes of FORMAT.md §5, then the attribution hints (features/attributionHints.ts). */
export const DIAGNOSTIC_CODES = [
  'unattributed-claim',
  'unattributed-quote',
  'unknown-source',
  'unknown-entity',
  'unused-definition',
  'duplicate-id',
  'front-matter',
  'span-syntax',
  'unknown-attribute',
  'empty-span',
  'bidi-control',
  'invalid-character',
  'possible-attribution',
  'vague-source',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const DEFAULT_SEVERITY: Readonly<Record<DiagnosticCode, Severity>> = {
  'unattributed-claim': 'warning',
  'unattributed-quote': 'warning',
  'unknown-source': 'error',
  'unknown-entity': 'error',
  'unused-definition': 'hint',
  'duplicate-id': 'error',
  'front-matter': 'error',
  'span-syntax': 'error',
  'unknown-attribute': 'warning',
  'empty-span': 'warning',
  'bidi-control': 'warning',
  'invalid-character': 'warning',
  'possible-attribution': 'information',
  'vague-source': 'information',
};

/** A problem in the document, with its message still to be localised. */
export interface Problem {
  readonly code: DiagnosticCode;
  readonly range: TextRange;
  readonly severity: Severity;
  readonly message: MessageKey;
  readonly args: readonly string[];
  readonly unnecessary?: boolean;
}

export function problem(
  code: DiagnosticCode,
  range: TextRange,
  message: MessageKey,
  args: readonly string[] = [],
  severity: Severity = DEFAULT_SEVERITY[code],
): Problem {
  return { code, range, severity, message, args };
}
