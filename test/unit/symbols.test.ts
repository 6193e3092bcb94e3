import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDocumentSymbols } from '../../server/src/service/features/symbols';
import { lines } from './fixture';

const range = (startLine: number, start: number, endLine: number, end: number): Range => ({
  start: { line: startLine, character: start },
  end: { line: endLine, character: end },
});

/** A symbol as the outline gives it: groups always carry `children`, leaves never do. */
function symbol(name: string, detail: string | undefined, kind: SymbolKind, full: Range, selection: Range, children?: DocumentSymbol[]): DocumentSymbol {
  return {
    name,
    ...(detail === undefined ? {} : { detail }),
    kind,
    range: full,
    selectionRange: selection,
    ...(children ? { children } : {}),
  };
}

const ARTICLE = lines(
  '---', // 0
  'sources:',
  '  mortazin: Andrei Mortazin',
  '  usa: {name: US government, kind: government}',
  'entities:',
  '  putin: {name: Vladimir Putin}', // 5
  '---',
  '[Before any heading]{claim}',
  '',
  '# Summit <!-- c -->',
  '', // 10
  '[[Putin]{@putin} wants shells from the north before the winter comes]{claim by=mortazin}',
  '',
  '## Details',
  '',
  '[“We are ready”]{quote by=usa} and [[nested]{claim} inside]{quote by=mortazin}', // 15
  '',
  '# Second [heading]{@putin}',
  '[]{claim}',
  '',
);

describe('document symbols', () => {
  it('outline: front matter, claims before the first heading, headings nested by level with their claims and quotes', () => {
    const { Module, Object, Key, Boolean, String, Namespace } = SymbolKind;
    assert.deepEqual(computeDocumentSymbols(parseIsnad(ARTICLE), 'en'), [
      symbol('Front matter', undefined, Module, range(0, 0, 6, 3), range(0, 0, 0, 3), [
        symbol('Sources', undefined, Object, range(2, 2, 3, 46), range(2, 2, 2, 10), [
          symbol('mortazin', 'Andrei Mortazin', Key, range(2, 2, 2, 27), range(2, 2, 2, 10)),
          symbol('usa', 'US government', Key, range(3, 2, 3, 46), range(3, 2, 3, 5)),
        ]),
        symbol('Entities', undefined, Object, range(5, 2, 5, 31), range(5, 2, 5, 7), [
          symbol('putin', 'Vladimir Putin', Key, range(5, 2, 5, 31), range(5, 2, 5, 7)),
        ]),
      ]),
      symbol('Before any heading', 'Unattributed', Boolean, range(7, 0, 7, 27), range(7, 1, 7, 19)),
      symbol('Summit', undefined, Namespace, range(9, 0, 15, 78), range(9, 0, 9, 19), [
        symbol('Putin wants shells from the north before the…', 'Andrei Mortazin', Boolean, range(11, 0, 11, 88), range(11, 1, 11, 68)),
        symbol('Details', undefined, Namespace, range(13, 0, 15, 78), range(13, 0, 13, 10), [
          symbol('“We are ready”', 'US government', String, range(15, 0, 15, 30), range(15, 1, 15, 15)),
          symbol('nested inside', 'Andrei Mortazin', String, range(15, 35, 15, 78), range(15, 36, 15, 58)),
          symbol('nested', 'Andrei Mortazin', Boolean, range(15, 36, 15, 51), range(15, 37, 15, 43)),
        ]),
      ]),
      symbol('Second heading', undefined, Namespace, range(17, 0, 18, 9), range(17, 0, 17, 26), [
        symbol('Claim', 'Unattributed', Boolean, range(18, 0, 18, 9), range(18, 1, 18, 1)),
      ]),
    ]);
  });

  it('localises the fixed names and the unattributed detail', () => {
    const names = (symbols: DocumentSymbol[]): unknown[] =>
      symbols.map((item) => (item.children ? [item.name, item.detail, names(item.children)] : [item.name, item.detail]));
    const outline = names(computeDocumentSymbols(parseIsnad(lines('---', 'sources:', '  م: مورتازين', '---', '[أ ب]{ادعاء}', '# ع', '[]{اقتباس قائل=م}')), 'ar'));
    assert.deepEqual(outline, [
      ['الترويسة', undefined, [['المصادر', undefined, [['م', 'مورتازين']]]]],
      ['أ ب', 'بلا مصدر'],
      ['ع', undefined, [['اقتباس', 'مورتازين']]],
    ]);
  });

  it('nests a heading under the nearest shallower one, even across skipped levels', () => {
    const outline = computeDocumentSymbols(parseIsnad(lines('### Deep first', '# A', '### A.c', '## A.b', '#### A.b.d', '# B')), 'en');
    const tree = (symbols: DocumentSymbol[]): unknown[] => symbols.map((item) => [item.name, tree(item.children ?? [])]);
    assert.deepEqual(tree(outline), [
      ['Deep first', []],
      [
        'A',
        [
          ['A.c', []],
          ['A.b', [['A.b.d', []]]],
        ],
      ],
      ['B', []],
    ]);
  });

  it('gives names the editor accepts: an empty heading by its # run, an empty or blank id quoted', () => {
    const outline = computeDocumentSymbols(parseIsnad(lines('---', 'entities:', '  "": E', '  " ": F', '---', '##', '[ ]{quote}')), 'en');
    assert.deepEqual(
      [outline[0].children![0].children!.map((item) => item.name), outline[1].name, outline[1].children![0].name],
      [['""', '" "'], '##', 'Quote'],
    );
  });

  it('names a statement by its first words however much markup comes before them: a long note, a long comment', () => {
    const note = 'a note that goes on for well over a hundred characters, longer than any title, about where the figure came from';
    const outline = computeDocumentSymbols(
      parseIsnad(
        lines(
          `[[Putin]{@p note="${note}"} said the ammunition would arrive]{claim by=p}`,
          '',
          `[<!-- ${note} --> The talks \\[failed\\]]{quote by=p}`,
          '',
          '[one two three four five six seven eight nine]{claim}',
        ),
      ),
      'en',
    );
    assert.deepEqual(
      outline.map((item) => item.name),
      ['Putin said the ammunition would arrive', 'The talks [failed]', 'one two three four five six seven eight…'],
    );
  });

  it('omits the front matter when there is none, and empty groups when it defines nothing', () => {
    assert.deepEqual(computeDocumentSymbols(parseIsnad('text'), 'en'), []);
    const [front] = computeDocumentSymbols(parseIsnad(lines('---', 'title: T', '---')), 'en');
    assert.deepEqual(front.children, []);
  });

  it('keeps every selection range inside its range and every child inside its parent, on the sample article', () => {
    const sample = fs.readFileSync(path.join(__dirname, '../../samples/north-korea-russia.isnad.md'), 'utf8');
    const contains = (outer: Range, inner: Range) =>
      (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    let count = 0;
    const check = (symbols: DocumentSymbol[], parent?: DocumentSymbol) => {
      for (const item of symbols) {
        count++;
        assert.ok(item.name.trim(), 'a name');
        assert.ok(contains(item.range, item.selectionRange), `${item.name}: selection inside range`);
        if (parent) assert.ok(contains(parent.range, item.range), `${item.name}: inside ${parent.name}`);
        check(item.children ?? [], item);
      }
    };
    check(computeDocumentSymbols(parseIsnad(sample), 'ar'));
    assert.ok(count > 50);
  });
});
