import * as assert from 'node:assert/strict';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { codeActionForDisplay, diagnosticForDisplay, isolatedForDisplay } from '../../server/src/service/features/rtlDisplay';

const RANGE = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };

describe('Arabic messages shown in the editor’s left-to-right rows', () => {
  it('puts Arabic text in a right-to-left isolate, and leaves English as it is', () => {
    assert.equal(isolatedForDisplay('لا يوجد في الترويسة مصدر باسم «nobody».', 'ar'), '\u2067لا يوجد في الترويسة مصدر باسم «nobody».\u2069');
    assert.equal(isolatedForDisplay('No source named “nobody”.', 'en'), 'No source named “nobody”.');
  });

  it('isolates a diagnostic’s message and a code action’s title, nothing else', () => {
    const diagnostic: Diagnostic = { range: RANGE, severity: DiagnosticSeverity.Warning, code: 'unknown-attribute', source: 'isnad', message: 'خاصية غير معروفة «colour».' };
    assert.deepEqual(diagnosticForDisplay(diagnostic, 'ar'), { ...diagnostic, message: '\u2067خاصية غير معروفة «colour».\u2069' });
    assert.equal(diagnosticForDisplay(diagnostic, 'en'), diagnostic);
    const action: CodeAction = { title: 'احذف «colour=red» من كتلة الخصائص', kind: CodeActionKind.QuickFix, isPreferred: true };
    assert.deepEqual(codeActionForDisplay(action, 'ar'), { ...action, title: '\u2067احذف «colour=red» من كتلة الخصائص\u2069' });
    assert.equal(codeActionForDisplay(action, 'en'), action);
  });
});
