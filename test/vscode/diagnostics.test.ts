// The server's diagnostics as VS Code holds them: codes, severities and exact ranges (FORMAT.md §5).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, ERRORS_SAMPLE, closeAllEditors, isnadDiagnostics, openSample, rangeTuple } from './support';

const { Error, Warning, Information, Hint } = vscode.DiagnosticSeverity;

interface Expected {
  readonly code: string;
  readonly severity: vscode.DiagnosticSeverity;
  /** Zero-based `[line, character, line, character]`. */
  readonly range: readonly [number, number, number, number];
  /** The text the range covers, to make the table readable and to catch a range that drifted. */
  readonly text: string;
}

/** samples/errors.isnad.md triggers each code once; the comments in that file say why. */
const ERRORS_SAMPLE_DIAGNOSTICS: readonly Expected[] = [
  {
    code: 'invalid-character',
    severity: Warning,
    range: [1, 7, 1, 141],
    text: '"Diagnostics sample: each code of FORMAT.md section 5 and each hint, once (invalid-character: this escape is half a character \\uD800)"',
  },
  { code: 'front-matter', severity: Error, range: [8, 2, 8, 10], text: 'nameless' },
  { code: 'duplicate-id', severity: Error, range: [11, 2, 11, 10], text: 'reporter' },
  { code: 'unused-definition', severity: Hint, range: [18, 2, 18, 7], text: 'ghost' },
  { code: 'unattributed-claim', severity: Warning, range: [21, 0, 21, 45], text: '[The river rose two metres overnight.]{claim}' },
  { code: 'unattributed-quote', severity: Warning, range: [23, 1, 23, 22], text: '[We are ready]{quote}' },
  { code: 'unknown-source', severity: Error, range: [25, 33, 25, 39], text: 'nobody' },
  { code: 'unknown-entity', severity: Error, range: [27, 12, 27, 20], text: 'atlantis' },
  // Two kinds: like every span-syntax error inside a span, the range is the whole span.
  { code: 'span-syntax', severity: Error, range: [31, 0, 31, 40], text: '[The dam held.]{claim quote by=reporter}' },
  { code: 'unknown-attribute', severity: Warning, range: [33, 66, 33, 76], text: 'colour=red' },
  { code: 'empty-span', severity: Warning, range: [35, 18, 35, 28], text: '[ ]{@town}' },
  { code: 'bidi-control', severity: Warning, range: [37, 91, 37, 92], text: '\u202E' },
  { code: 'possible-attribution', severity: Information, range: [39, 0, 39, 33], text: 'The mayor said the bridge is safe' },
  { code: 'vague-source', severity: Information, range: [41, 0, 41, 41], text: 'Officials told reporters the dam is sound' },
];

const FIRST_ARABIC_CLAIM = '[في العقود الثلاثة الماضية، شهدنا تراجعا في العلاقة بين [موسكو]{@روسيا} و[بيونغ يانغ]{@كوريا_الشمالية}، علاقةٌ كانت قوية في السابق ولم تتعافَ منها تماما حتى الآن]{ادعاء}';

function actual(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Expected {
  return {
    code: String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code),
    severity: diagnostic.severity,
    range: rangeTuple(diagnostic.range),
    text: document.getText(diagnostic.range),
  };
}

const inDocumentOrder = (a: vscode.Diagnostic, b: vscode.Diagnostic) => a.range.start.compareTo(b.range.start);

export function diagnosticsTests(): void {
  describe('diagnostics', () => {
    after(closeAllEditors);

    it('reports each of the 13 codes once on errors.isnad.md, with its severity and exact range', async () => {
      const { editor } = await openSample(ERRORS_SAMPLE);
      const diagnostics = (await isnadDiagnostics(editor.document.uri)).sort(inDocumentOrder);
      assert.deepEqual(
        diagnostics.map((diagnostic) => actual(editor.document, diagnostic)),
        ERRORS_SAMPLE_DIAGNOSTICS,
      );
      const unused = diagnostics.find((diagnostic) => diagnostic.code === 'unused-definition');
      assert.deepEqual(unused?.tags, [vscode.DiagnosticTag.Unnecessary]);
      for (const diagnostic of diagnostics) assert.ok(diagnostic.message.trim().length > 0, `${String(diagnostic.code)} has a message`);
    });

    it('reports exactly 14 unattributed claims and one possible attribution on the Arabic sample, the first claim over its whole span', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const diagnostics = (await isnadDiagnostics(editor.document.uri)).sort(inDocumentOrder);
      const hint = diagnostics.find((diagnostic) => diagnostic.code === 'possible-attribution');
      assert.deepEqual(hint && [editor.document.getText(hint.range), hint.severity], ['وفقا للكاتب والمحلل السياسي الروسي', Information]);
      assert.deepEqual(
        diagnostics.filter((diagnostic) => diagnostic !== hint).map((diagnostic) => [diagnostic.code, diagnostic.severity]),
        Array.from({ length: 14 }, () => ['unattributed-claim', Warning]),
      );
      assert.deepEqual(actual(editor.document, diagnostics[0]), {
        code: 'unattributed-claim',
        severity: Warning,
        range: [169, 0, 169, 169],
        text: FIRST_ARABIC_CLAIM,
      });
    });
  });
}
