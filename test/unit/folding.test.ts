import * as assert from 'node:assert/strict';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeFoldingRanges } from '../../server/src/service/features/folding';
import { lines } from './fixture';

describe('folding ranges', () => {
  it('folds the front matter, sections, comments over lines and spans over lines, in order', () => {
    const text = lines(
      '---', // 0
      'title: T',
      '---',
      '# One',
      'text <!-- a',
      'b --> more <!-- one line -->', // 5
      '',
      '## One.1',
      '[a claim',
      'over two lines]{claim}',
      '', // 10
      '[x]{@e} [a span',
      'over',
      'three]{@e}',
      '',
      '', // 15
      '# Two',
      'last',
    );
    assert.deepEqual(computeFoldingRanges(parseIsnad(text)), [
      { startLine: 0, endLine: 2 },
      { startLine: 3, endLine: 13 },
      { startLine: 4, endLine: 5, kind: FoldingRangeKind.Comment },
      { startLine: 7, endLine: 13 },
      { startLine: 8, endLine: 9 },
      { startLine: 11, endLine: 13 },
      { startLine: 16, endLine: 17 },
    ]);
  });

  it('keeps ranges nested or apart: a comment starting on the line where a span ends is left out', () => {
    const text = lines('# A', '[a', 'b]{claim} <!-- c', 'd -->', '<!-- e', 'f --> [g', 'h]{claim}');
    assert.deepEqual(computeFoldingRanges(parseIsnad(text)), [
      { startLine: 0, endLine: 6 },
      { startLine: 1, endLine: 2 },
      { startLine: 4, endLine: 5, kind: FoldingRangeKind.Comment },
    ]);
  });

  it('leaves out what fits on one line: a heading alone, a one-line comment or span, an unclosed front matter', () => {
    assert.deepEqual(computeFoldingRanges(parseIsnad(lines('---', 'title: x', '# H', '<!-- c --> [a]{@e}', '# I'))), [{ startLine: 2, endLine: 3 }]);
  });

  it('counts lines the editor’s way with CRLF and CR line ends', () => {
    assert.deepEqual(computeFoldingRanges(parseIsnad('# H\r\n<!-- a\rb -->\r\n[c\r\nd]{@e}\r\n')), [
      { startLine: 0, endLine: 4 },
      { startLine: 1, endLine: 2, kind: FoldingRangeKind.Comment },
      { startLine: 3, endLine: 4 },
    ]);
  });

  it('ends a span left open at the end of its paragraph on the paragraph’s last line', () => {
    assert.deepEqual(computeFoldingRanges(parseIsnad(lines('[a]{claim', 'more', '', 'next'))), [{ startLine: 0, endLine: 1 }]);
  });
});
