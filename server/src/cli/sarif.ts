// SARIF 2.1.0 (OASIS) for `isnad check --format sarif`: what code-scanning services and CI
// dashboards read. Written piece by piece, so a corpus of any size streams through.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEVERITY, DIAGNOSTIC_CODES, type DiagnosticCode } from '../service/problems';
import type { FileDiagnostic } from './diagnosticsOutput';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** One line per rule, as FORMAT.md §5 describes each code. */
const RULE_DESCRIPTIONS: Readonly<Record<DiagnosticCode, string>> = {
  'unattributed-claim': 'A claim with no attribution: who said it?',
  'unattributed-quote': 'A quote with no speaker.',
  'unknown-source': 'by= names no source and no entity.',
  'unknown-entity': 'An @ID, about= or entity: names no entity.',
  'unused-definition': 'A source or entity nothing refers to.',
  'duplicate-id': 'An id repeated under sources or entities.',
  'front-matter': 'Invalid YAML, a missing name, or a value of the wrong type or form.',
  'span-syntax': 'Span markup that is not well formed or annotates nothing.',
  'unknown-attribute': 'An unknown attribute or status value.',
  'empty-span': 'A span around no text.',
  'bidi-control': 'A hidden bidirectional control character (Trojan Source).',
  'invalid-character': 'An unpaired surrogate: half of a character, which no file can store.',
  'possible-attribution': 'A sentence outside every claim and quote that reads like someone\'s statement.',
  'vague-source': 'A statement attributed to an unnamed source (officials, sources…).',
};

/** SARIF has no hint: information and hints are notes. */
const LEVELS = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** Where result paths are relative to: the folder isnad runs in, as SRCROOT. */
export function sarifStart(version: string, baseFolder: string): string {
  const baseUri = pathToFileURL(`${path.resolve(baseFolder)}${path.sep}`).href;
  const run = {
    tool: {
      driver: {
        name: 'isnad',
        version,
        informationUri: 'https://www.w3.org/TR/annotation-model/',
        // Without defaultConfiguration, SARIF reads every rule as a warning.
        rules: DIAGNOSTIC_CODES.map((id) => ({ id, shortDescription: { text: RULE_DESCRIPTIONS[id] }, defaultConfiguration: { level: LEVELS[DEFAULT_SEVERITY[id]] } })),
      },
    },
    originalUriBaseIds: { SRCROOT: { uri: baseUri } },
    columnKind: 'utf16CodeUnits',
  };
  const head = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] });
  // Reopen the run to stream its results into it: everything up to the run's closing `}]}`.
  return `${head.slice(0, -3)},"results":[\n`;
}

/**
 * A file inside the base folder as a normalised path relative to SRCROOT, which code-scanning
 * services map onto the checked-out repository; any other (`../x`, `/elsewhere`) as an absolute
 * file URI without a base, since a relative path there would climb out of SRCROOT.
 */
export function artifactLocation(file: string, baseFolder: string): { uri: string; uriBaseId?: 'SRCROOT' } {
  const absolute = path.resolve(baseFolder, file);
  const relative = path.relative(path.resolve(baseFolder), absolute);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

export function sarifResult(diagnostic: FileDiagnostic, first: boolean, baseFolder: string): string {
  const { start, end } = diagnostic.range;
  const result = {
    ruleId: diagnostic.code,
    ruleIndex: DIAGNOSTIC_CODES.indexOf(diagnostic.code as DiagnosticCode),
    level: LEVELS[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(diagnostic.file, baseFolder),
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
  };
  return `${first ? '' : ',\n'}${JSON.stringify(result)}`;
}

export function sarifEnd(): string {
  return '\n]}]}\n';
}
