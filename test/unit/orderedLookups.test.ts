// Lookups that start from their previous answer, for callers that ask in document order (the
// outline, the diagnostics): whatever the order of the questions, the answers equal a search's.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/service/lineIndex';
import { firstEndingAfter, nextEndingAfter } from '../../server/src/service/ranges';
import type { TextRange } from '../../server/src/service/model';
import { parseIsnad } from '../../server/src/service/parse/document';
import { CLAIM_KIND, QUOTE_KIND, computeDocumentSymbols, spanTitle } from '../../server/src/service/features/symbols';
import { localize } from '../../server/src/service/l10n';
import { isStatement } from '../../server/src/service/resolve';

const RUNS = Number(process.env.ISNAD_FUZZ_RUNS) || 300;

const lineTexts = fc.string({ unit: fc.constantFrom('a', 'ب', ' ', '\n', '\r', '\r\n', '\n\n'), maxLength: 200 });
const offsets = fc.array(fc.integer({ min: -3, max: 210 }), { maxLength: 40 });

/** Sorted ranges that do not overlap, as elisions are: gaps and lengths from 0 up. */
const sortedRanges = fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 30 }).map((steps) => {
  const ranges: TextRange[] = [];
  let at = 0;
  for (const [gap, length] of steps) {
    ranges.push({ start: at + gap, end: at + gap + length });
    at += gap + length;
  }
  return ranges;
});

const PIECES = ['[', ']{claim}', ']{quote by=x}', ']{@x}', '\\[', '<!-- c -->', 'word ', 'كلمة ', ' ', '\n', '\r\n', '\n\n', '\n\n# ', '😀', '\uD800', 'a\u00A0b'];
const articles = fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }).map((pieces) => pieces.join(''));

function statementNames(symbols: readonly DocumentSymbol[]): string[] {
  return symbols.flatMap((symbol) => [...(symbol.kind === CLAIM_KIND || symbol.kind === QUOTE_KIND ? [symbol.name] : []), ...statementNames(symbol.children ?? [])]);
}

describe('ordered lookups', () => {
  it('LineIndex answers positions asked in any order as a fresh index does', () => {
    fc.assert(
      fc.property(lineTexts, offsets, (text, asked) => {
        const reused = new LineIndex(text);
        const inOrder = [...asked].sort((a, b) => a - b);
        for (const offset of [...asked, ...inOrder, Number.NaN]) {
          const fresh = new LineIndex(text);
          assert.deepStrictEqual(reused.positionAt(offset), fresh.positionAt(offset), `offset ${offset}`);
          assert.equal(reused.lineAt(offset), new LineIndex(text).lineAt(offset), `line of ${offset}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('nextEndingAfter equals firstEndingAfter from any starting index', () => {
    fc.assert(
      fc.property(sortedRanges, fc.integer({ min: -2, max: 160 }), fc.nat(32), (ranges, offset, from) => {
        assert.equal(nextEndingAfter(ranges, offset, Math.min(from, ranges.length)), firstEndingAfter(ranges, offset));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('the outline titles its claims and quotes as spanTitle does alone', () => {
    fc.assert(
      fc.property(articles, (text) => {
        const doc = parseIsnad(text);
        const expected = doc.spans.filter(isStatement).map((span) => spanTitle(doc, span) || localize('en', span.kind === 'quote' ? 'quote' : 'claim'));
        assert.deepStrictEqual(statementNames(computeDocumentSymbols(doc, 'en')).sort(), expected.sort());
      }),
      { numRuns: RUNS },
    );
  });
});
