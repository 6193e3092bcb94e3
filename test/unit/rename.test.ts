import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { RenameRefusal, computeRename, prepareRename } from '../../server/src/service/features/rename';
import { LineIndex } from '../../server/src/service/lineIndex';
import type { Locale } from '../../server/src/service/l10n';
import { fixture, lines } from './fixture';

const URI = 'file:///a.isnad.md';

const FRONT_MATTER = [
  '---',
  'sources:',
  '  مورتازين:',
  '    name: أندريه مورتازين',
  '    entity: مورتازين',
  '  ali: Ali Hassan # the harbour master',
  'entities:',
  '  مورتازين: أندريه مورتازين',
  '  "town": {name: Example Town, type: place}',
  '---',
];

/** The text after renaming what `$0` is on to `newName`. */
function renamed(marked: string, newName: string): string {
  const f = fixture(marked);
  const edit = computeRename(parseIsnad(f.text, URI, 1), f.position, newName, 'en');
  const edits = (edit.changes?.[URI] ?? []) as TextEdit[];
  const index = new LineIndex(f.text);
  let text = f.text;
  for (const { range, newText } of [...edits].sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start))) {
    text = text.slice(0, index.offsetAt(range.start)) + newText + text.slice(index.offsetAt(range.end));
  }
  return text;
}

function refusal(marked: string, newName: string | undefined, locale: Locale = 'en'): RenameRefusal {
  const f = fixture(marked);
  const doc = parseIsnad(f.text, URI, 1);
  try {
    if (newName === undefined) prepareRename(doc, f.position, locale);
    else computeRename(doc, f.position, newName, locale);
  } catch (error) {
    assert.ok(error instanceof RenameRefusal, String(error));
    return error;
  }
  assert.fail('the rename was not refused');
}

const BODY = '[تسعى [روسيا]{@مورتازين}]{ادعاء قائل=مورتازين} [x]{claim by=ali about=town,مورتازين} [y]{quote by="ali"}';

describe('rename', () => {
  it('prepares on an id: its range without quotes, and the id as written', () => {
    const f = fixture(lines(...FRONT_MATTER, '[y]{quote by="⟦a$0li⟧"}'));
    assert.deepEqual(prepareRename(parseIsnad(f.text, URI, 1), f.position, 'en'), { range: f.range, placeholder: 'ali' });
    const key = fixture(lines(...FRONT_MATTER.slice(0, 8), '  "⟦to$0wn⟧": {name: Example Town, type: place}', '---'));
    assert.deepEqual(prepareRename(parseIsnad(key.text, URI, 1), key.position, 'en'), { range: key.range, placeholder: 'town' });
  });

  it('renames a source’s key and its by= uses, leaving the entity of the same id alone', () => {
    assert.equal(
      renamed(lines(...FRONT_MATTER, BODY.replace('قائل=مورتازين', 'قائل=مور$0تازين')), 'المحلل'),
      lines(...FRONT_MATTER.slice(0, 2), '  المحلل:', ...FRONT_MATTER.slice(3), BODY.replace('قائل=مورتازين', 'قائل=المحلل')),
    );
  });

  it('renames an entity from its key: the key, entity:, @ and about= uses, keeping the YAML comment and quotes', () => {
    const expected = lines(
      ...FRONT_MATTER.slice(0, 4),
      '    entity: روسي',
      ...FRONT_MATTER.slice(5, 7),
      '  روسي: أندريه مورتازين',
      ...FRONT_MATTER.slice(8),
      '[تسعى [روسيا]{@روسي}]{ادعاء قائل=مورتازين} [x]{claim by=ali about=town,روسي} [y]{quote by="ali"}',
    );
    assert.equal(renamed(lines(...FRONT_MATTER.slice(0, 7), '  مورتا$0زين: أندريه مورتازين', ...FRONT_MATTER.slice(8), BODY), 'روسي'), expected);
    assert.equal(
      renamed(lines(...FRONT_MATTER, BODY.replace('by="ali"', 'by="a$0li"')), 'hassan'),
      lines(...FRONT_MATTER.slice(0, 5), '  hassan: Ali Hassan # the harbour master', ...FRONT_MATTER.slice(6), BODY.replace(/ali/g, 'hassan')),
    );
    assert.equal(renamed(lines(...FRONT_MATTER, BODY.replace('town,', 'to$0wn,')), 'port'), lines(...FRONT_MATTER.slice(0, 8), '  "port": {name: Example Town, type: place}', '---', BODY.replace('town', 'port')));
  });

  it('refuses where there is no id, in the user’s language', () => {
    assert.equal(refusal(lines(...FRONT_MATTER, '[تس$0عى]{ادعاء}'), undefined).message, 'Only a source or entity id can be renamed: put the cursor on @id, by=id, about=id, entity: id or a key under sources: or entities:.');
    const arabic = refusal(lines(...FRONT_MATTER, '[تس$0عى]{ادعاء}'), 'x', 'ar');
    assert.match(arabic.message, /^لا يُعاد تسمية إلا معرّف مصدر أو كيان/);
    assert.equal(arabic.badName, false);
  });

  it('refuses an invalid id', () => {
    const refused = refusal(lines(...FRONT_MATTER, BODY.replace('by=ali', 'by=a$0li')), 'two words');
    assert.equal(refused.message, '“two words” is not a valid id: start with a letter or digit, then letters, digits, _, . or -, at most 64 characters.');
    assert.equal(refused.badName, true);
    assert.equal(refusal(lines(...FRONT_MATTER, BODY.replace('by=ali', 'by=a$0li')), '_x', 'ar').message, '«_x» ليس معرّفًا صالحًا: ابدأ بحرف أو رقم، ثم حروف أو أرقام أو _ أو . أو -، بحد أقصى 64 محرفًا.');
  });

  it('refuses an id already defined in the same name space', () => {
    const marked = lines(...FRONT_MATTER, BODY.replace('by=ali', 'by=a$0li'));
    assert.equal(refusal(marked, 'مورتازين').message, '“مورتازين” is already the id of a source: pick another id.');
    assert.equal(refusal(lines(...FRONT_MATTER, BODY.replace('town,', 'to$0wn,')), 'مورتازين').message, '“مورتازين” is already the id of an entity: pick another id.');
  });

  it('allows a source to take the id of an entity no by= names, but not an id a use would then name', () => {
    assert.match(renamed(lines(...FRONT_MATTER, BODY.replace('by=ali', 'by=a$0li')), 'town'), /\[x\]\{claim by=town about=town,مورتازين\}/);
    const undefinedUse = lines(...FRONT_MATTER, BODY.replace('by=ali', 'by=a$0li'), '[z]{quote by=ghost} [w]{@spirit}');
    assert.equal(refusal(undefinedUse, 'ghost').message, '“ghost” is already written in this document, naming nothing yet: renaming to it would change what that use means. Pick another id.');
    assert.equal(refusal(undefinedUse.replace('by=a$0li', 'by=ali').replace('to', 't$0o'), 'spirit').message.startsWith('“spirit” is already written'), true);
    assert.equal(refusal(undefinedUse.replace('by=a$0li', 'by=ali').replace('to', 't$0o'), 'ghost').message.startsWith('“ghost” is already written'), true, 'by=ghost would name the entity');
  });

  it('renaming to the same id changes nothing', () => {
    const marked = lines(...FRONT_MATTER, BODY.replace('by=ali', 'by=a$0li'));
    assert.equal(renamed(marked, 'ali'), fixture(marked).text);
  });
});
