import * as assert from 'node:assert/strict';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDefinition, computeDocumentHighlights, computeReferences } from '../../server/src/service/features/navigation';
import { fixture, lines } from './fixture';

const URI = 'file:///a.isnad.md';

/**
 * `مورتازين` names both a source and an entity (FORMAT.md §2): `by=` names the source, `@` and
 * `entity:` the entity. `ali` is a source and `town` an entity.
 */
const DOCUMENT = [
  '---',
  'sources:',
  '  {S}مورتازين{/S}:',
  '    name: أندريه مورتازين',
  '    entity: {E}مورتازين{/E}',
  '  {A}ali{/A}: Ali Hassan',
  'entities:',
  '  {E}مورتازين{/E}: أندريه مورتازين',
  '  {T}town{/T}: {name: Example Town, type: place}',
  '---',
  '[تسعى [روسيا]{@{E}مورتازين{/E}}]{ادعاء قائل={S}مورتازين{/S}} [x]{claim by={A}ali{/A} about={T}town{/T},{E}مورتازين{/E}}',
  '[y]{quote by="{A}ali{/A}"} [Example Town]{@{T}town{/T}}',
];

/** The document with `⟦…⟧` around the occurrences of `group` and `$0` at `cursor` (an index into the marked occurrences). */
function marked(group: string, cursor: number, within = 1): ReturnType<typeof fixture> {
  let seen = 0;
  const text = lines(...DOCUMENT)
    .replace(/\{(\w)\}(.*?)\{\/\1\}/g, (_, name: string, id: string) => {
      if (name !== group) return id;
      const mark = seen++ === cursor ? `${id.slice(0, within)}$0${id.slice(within)}` : id;
      return `⟦${mark}⟧`;
    });
  return fixture(text);
}

describe('definition, references and highlights', () => {
  it('goes from a by= use to the source’s key, not to the entity of the same id', () => {
    const f = marked('S', 1);
    assert.deepEqual(computeDefinition(parseIsnad(f.text, URI, 1), f.position), [{ uri: URI, range: f.ranges[0] }]);
  });

  it('goes from @id, entity: and about= to the entity’s key', () => {
    for (const cursor of [0, 2, 3]) {
      const f = marked('E', cursor);
      assert.deepEqual(computeDefinition(parseIsnad(f.text, URI, 1), f.position), [{ uri: URI, range: f.ranges[1] }], `from occurrence ${cursor}`);
    }
  });

  it('goes from the key to the key itself (the editor then offers the references)', () => {
    const f = marked('T', 0);
    assert.deepEqual(computeDefinition(parseIsnad(f.text, URI, 1), f.position), [{ uri: URI, range: f.ranges[0] }]);
  });

  it('finds every use of an id from the key and back, with or without the declaration', () => {
    const f = marked('E', 1);
    const doc = parseIsnad(f.text, URI, 1);
    assert.deepEqual(computeReferences(doc, f.position, true), f.ranges.map((range) => ({ uri: URI, range })));
    const fromUse = marked('E', 3);
    assert.deepEqual(computeReferences(parseIsnad(fromUse.text, URI, 1), fromUse.position, false), [f.ranges[0], f.ranges[2], f.ranges[3]].map((range) => ({ uri: URI, range })));
  });

  it('finds a quoted by= value, the cursor just after the id counting as on it', () => {
    const f = marked('A', 2, 3);
    assert.deepEqual(computeReferences(parseIsnad(f.text, URI, 1), f.position, true), f.ranges.map((range) => ({ uri: URI, range })));
  });

  it('highlights the key as written and the uses as read', () => {
    const f = marked('S', 0);
    assert.deepEqual(computeDocumentHighlights(parseIsnad(f.text, URI, 1), f.position), [
      { range: f.ranges[0], kind: DocumentHighlightKind.Write },
      { range: f.ranges[1], kind: DocumentHighlightKind.Read },
    ]);
  });

  it('answers nothing away from ids, and only the uses for an undefined id', () => {
    const f = fixture(lines('---', 'sources:', '  a: A', '---', '[Th$0e port]{claim by=a} [x]{claim by=⟦ghost⟧} [y]{quote by=⟦ghost⟧}'));
    const doc = parseIsnad(f.text, URI, 1);
    assert.deepEqual(computeDefinition(doc, f.position), []);
    assert.deepEqual(computeReferences(doc, f.position, true), []);
    assert.deepEqual(computeDocumentHighlights(doc, f.position), []);
    const ghost = doc.lines.positionAt(f.offsetRanges[0].start + 1);
    assert.deepEqual(computeDefinition(doc, ghost), []);
    assert.deepEqual(computeReferences(doc, ghost, true), f.ranges.map((range) => ({ uri: URI, range })));
  });

  it('adds an entity’s unannotated mentions to its references, and finds them from such a mention too', () => {
    const f = fixture(lines('---', 'entities:', '  ⟦putin⟧: {name: بوتين, type: person}', '---', 'قال [بوتين]{@⟦putin⟧} إن ل⟦بوتين⟧ رأيا، و⟦ب$0وتين⟧ يعرف.'));
    const doc = parseIsnad(f.text, URI, 1);
    const all = f.ranges.map((range) => ({ uri: URI, range }));
    assert.deepEqual(computeReferences(doc, f.position, true), all);
    assert.deepEqual(computeReferences(doc, doc.lines.positionAt(f.offsetRanges[1].start), false), all.slice(1));
  });
});
