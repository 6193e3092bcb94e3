import * as assert from 'node:assert/strict';
import { TextDocumentEdit, type CodeAction } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { DEFAULT_DIAGNOSTICS_OPTIONS, computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { CODE_ACTION_KINDS, computeCodeActions } from '../../server/src/service/features/codeActions/index';
import { closestIds, editDistance, foldForComparison } from '../../server/src/service/features/codeActions/similarity';
import type { Locale } from '../../server/src/service/l10n';
import { fixture, lines } from './fixture';
import { applyWorkspaceEdit } from './workspaceEdit';

const URI = 'file:///articles/article.isnad.md';
const VERSION = 7;

interface Request {
  readonly locale?: Locale;
  readonly only?: string[];
}

/**
 * The code actions for the fixture's `⟦selection⟧` or `$0` cursor, given the diagnostics there
 * (as the editor passes those whose range touches the request's).
 */
function actionsFor(marked: string, { locale = 'en', only }: Request = {}) {
  const f = fixture(marked);
  const doc = parseIsnad(f.text, URI, VERSION);
  const range = f.offsetRanges.length > 0 ? f.range : { start: f.position, end: f.position };
  const start = doc.lines.offsetAt(range.start);
  const end = doc.lines.offsetAt(range.end);
  // The attribution hints and their fixes are tested in arabicCodeActions.test.ts.
  const diagnostics = computeDiagnostics(doc, locale, { ...DEFAULT_DIAGNOSTICS_OPTIONS, possibleAttribution: false, vagueSource: false }).filter(
    (diagnostic) => doc.lines.offsetAt(diagnostic.range.start) <= end && doc.lines.offsetAt(diagnostic.range.end) >= start,
  );
  const actions = computeCodeActions(doc, range, diagnostics, locale, only);
  for (const action of actions) {
    const [change] = action.edit?.documentChanges ?? [];
    assert.ok(TextDocumentEdit.is(change), `${action.title}: one versioned text document edit`);
    assert.deepEqual(change.textDocument, { uri: URI, version: VERSION });
  }
  return { text: f.text, actions, diagnostics };
}

const titles = (actions: readonly CodeAction[]) => actions.map(({ title }) => title);

function find(actions: readonly CodeAction[], title: string): CodeAction {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `an action “${title}” among ${JSON.stringify(titles(actions))}`);
  return action;
}

/** The document text after applying the action titled `title`. */
function applied(marked: string, title: string, request?: Request): string {
  const { text, actions } = actionsFor(marked, request);
  return applyWorkspaceEdit(text, find(actions, title).edit, URI);
}

/** The codes of the diagnostics of `text` (after a fix: which problems are left). */
function codesOf(text: string): string[] {
  return computeDiagnostics(parseIsnad(text), 'en').map(({ code }) => String(code));
}

describe('code actions', () => {
  it('announces quick fixes, rewrites and source.fixAll.isnad', () => {
    assert.deepEqual(CODE_ACTION_KINDS, ['quickfix', 'refactor.rewrite', 'source.fixAll.isnad']);
  });

  describe('unattributed-claim: Attribute to …', () => {
    const PORT = lines(
      '---',
      'sources:',
      '  okafor:',
      '    name: Amina Okafor',
      '    entity: amina',
      '  lee: Dan Lee',
      'entities:',
      '  amina: {name: Amina Okafor, type: person}',
      '---',
      '[Amina Okafor]{@amina} said [the port will reopen]{claim$0}.',
      '',
      '[Ships wait.]{quote by=lee}',
      '',
    );

    it('offers each source, the one named in the paragraph first and preferred, then a new source', () => {
      const { actions, diagnostics } = actionsFor(PORT);
      assert.deepEqual(titles(actions), ['Attribute to Amina Okafor', 'Attribute to Dan Lee', 'Add a new source…']);
      assert.deepEqual(
        actions.map(({ kind, isPreferred }) => [kind, isPreferred ?? false]),
        [['quickfix', true], ['quickfix', false], ['quickfix', false]],
      );
      const unattributed = diagnostics.filter(({ code }) => code === 'unattributed-claim');
      assert.equal(unattributed.length, 1);
      for (const action of actions) assert.deepEqual(action.diagnostics, unattributed);
    });

    it('writes by= after the last attribute', () => {
      assert.equal(applied(PORT, 'Attribute to Amina Okafor'), fixture(PORT).text.replace('{claim}', '{claim by=okafor}'));
    });

    it('Add a new source… defines a placeholder source after the last one and attributes the claim to it', () => {
      const expected = fixture(PORT)
        .text.replace('  lee: Dan Lee\n', '  lee: Dan Lee\n  new-source:\n    name: New source\n')
        .replace('{claim}', '{claim by=new-source}');
      const result = applied(PORT, 'Add a new source…');
      assert.equal(result, expected);
      assert.ok(!codesOf(result).includes('unattributed-claim'));
    });

    it('ranks sources: named next to the claim, then inside it, then elsewhere, then not at all', () => {
      const { actions } = actionsFor(
        lines(
          '---',
          'sources:',
          '  a: A person',
          '  b: B person',
          '  c: C person',
          '  d: D person',
          'entities:',
          '  b: B entity',
          '---',
          '[Far away.]{claim by=d}',
          '',
          '[[B]{@b} rose]{claim$0} and [so it goes]{quote by=c}.',
        ),
      );
      assert.deepEqual(titles(actions), ['Attribute to C person', 'Attribute to B person', 'Attribute to D person', 'Attribute to A person', 'Add a new source…']);
      assert.equal(actions[0].isPreferred, true);
    });

    it('prefers none when two sources are named in the paragraph', () => {
      const { actions } = actionsFor(
        lines('---', 'sources:', '  a: A person', '  b: B person', '---', '[A]{quote by=a} and [B]{quote by=b} agree that [prices rise]{claim$0}.'),
      );
      assert.deepEqual(titles(actions), ['Attribute to B person', 'Attribute to A person', 'Add a new source…']);
      assert.ok(actions.every(({ isPreferred }) => !isPreferred));
    });

    it('fixes an unattributed quote the same way', () => {
      const marked = lines('---', 'sources:', '  lee: Dan Lee', '---', '"[We are ready]{quote$0}," a sign read.');
      assert.equal(applied(marked, 'Attribute to Dan Lee'), fixture(marked).text.replace('{quote}', '{quote by=lee}'));
    });

    it('writes قائل= and an Arabic placeholder in an Arabic paragraph, with Arabic titles', () => {
      const marked = lines(
        '---',
        'sources:',
        '  مورتازين:',
        '    name: أندريه مورتازين',
        '---',
        '[الذخيرة ستصل قريبا]{ادعاء$0} كما قال [المحلل]{اقتباس قائل=مورتازين}',
      );
      const { actions } = actionsFor(marked, { locale: 'ar' });
      assert.deepEqual(titles(actions), ['انسبه إلى أندريه مورتازين', 'أضف مصدرًا جديدًا…']);
      const text = fixture(marked).text;
      assert.equal(applied(marked, 'انسبه إلى أندريه مورتازين', { locale: 'ar' }), text.replace('{ادعاء}', '{ادعاء قائل=مورتازين}'));
      assert.equal(
        applied(marked, 'أضف مصدرًا جديدًا…', { locale: 'ar' }),
        text
          .replace('    name: أندريه مورتازين\n', '    name: أندريه مورتازين\n  مصدر_جديد:\n    name: مصدر جديد\n')
          .replace('{ادعاء}', '{ادعاء قائل=مصدر_جديد}'),
      );
    });

    it('creates the front matter for a new source when there is none', () => {
      assert.equal(
        applied('[Rain is coming.]{claim$0}\n', 'Add a new source…'),
        '---\nsources:\n  new-source:\n    name: New source\n---\n[Rain is coming.]{claim by=new-source}\n',
      );
    });

    it('numbers the placeholder when new-source is taken', () => {
      const marked = lines('---', 'sources:', '  new-source: Someone', '---', '[Rain is coming.]{claim$0}', '');
      assert.equal(
        applied(marked, 'Add a new source…'),
        lines('---', 'sources:', '  new-source: Someone', '  new-source-2:', '    name: New source', '---', '[Rain is coming.]{claim by=new-source-2}', ''),
      );
    });

    it('offers nothing for a claim that is attributed, or a diagnostic of another version', () => {
      assert.deepEqual(titles(actionsFor(lines('---', 'sources:', '  a: A', '---', '[Rain.]{claim by=a$0}')).actions), []);
      const doc = parseIsnad('[Rain.]{claim}', URI, 1);
      const stale = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, code: 'unattributed-claim', source: 'isnad', message: '' };
      assert.deepEqual(computeCodeActions(doc, stale.range, [stale], 'en'), []);
    });
  });

  describe('unknown-source and unknown-entity: Change to … / Define … in the front matter', () => {
    const MORTAZIN = lines('---', 'sources:', '  mortazin: Andrei Mortazin', '---', '[Ammunition will arrive.]{claim by=mortazine$0}', '');

    it('changes a misspelt id to the closest defined one, preferred', () => {
      const { actions } = actionsFor(MORTAZIN);
      assert.deepEqual(titles(actions), ['Change to “mortazin”', 'Define source “mortazine” in the front matter']);
      assert.deepEqual(
        actions.map(({ isPreferred }) => isPreferred ?? false),
        [true, false],
      );
      assert.equal(applied(MORTAZIN, 'Change to “mortazin”'), fixture(MORTAZIN).text.replace('by=mortazine', 'by=mortazin'));
    });

    it('defines the source after the last entry, in the same indentation', () => {
      const result = applied(MORTAZIN, 'Define source “mortazine” in the front matter');
      assert.equal(result, fixture(MORTAZIN).text.replace('  mortazin: Andrei Mortazin\n', '  mortazin: Andrei Mortazin\n  mortazine:\n    name: mortazine\n'));
      assert.deepEqual(codesOf(result), ['unused-definition']);
    });

    it('keeps comments, odd indentation and blank lines, and inserts after comments indented under the last entry', () => {
      const marked = lines(
        '---',
        "# The article's people.",
        'title: Harbour   # trailing comment',
        'entities:',
        '   # the town first',
        '   town:',
        '        name: Example Town   # as the outlet spells it',
        '        type: place',
        '        # more about the town',
        '   river: {name: Velm, type: place}',
        '        # the river is short',
        '',
        '# end of entities',
        'outlet: Herald',
        '---',
        '[Atlantis]{@atlantis$0} sank near [the town]{@town} by the [river]{@river}.',
      );
      const { actions } = actionsFor(marked);
      assert.deepEqual(titles(actions), ['Define entity “atlantis” in the front matter']);
      const result = applied(marked, 'Define entity “atlantis” in the front matter');
      assert.equal(result, fixture(marked).text.replace('        # the river is short\n', '        # the river is short\n   atlantis:\n        name: atlantis\n'));
      assert.deepEqual(codesOf(result), []);
    });

    it('creates entities: at the end of the front matter, indented like sources:', () => {
      const marked = lines('---', 'title: T', 'sources:', '    okafor:', '        name: Amina Okafor', '---', '[Atlantis]{@atlantis$0} sank, [said]{quote by=okafor}.');
      assert.equal(
        applied(marked, 'Define entity “atlantis” in the front matter'),
        fixture(marked).text.replace('        name: Amina Okafor\n---', '        name: Amina Okafor\nentities:\n    atlantis:\n        name: atlantis\n---'),
      );
    });

    it('fills an empty entities: (with a comment, or a written null)', () => {
      const withComment = lines('---', 'entities: # none yet', 'sources:', '  a: A', '---', '[Atlantis]{@atlantis$0} [x]{claim by=a}');
      assert.equal(
        applied(withComment, 'Define entity “atlantis” in the front matter'),
        fixture(withComment).text.replace('entities: # none yet\n', 'entities: # none yet\n  atlantis:\n    name: atlantis\n'),
      );
      const withNull = lines('---', 'entities: ~', '---', '[Atlantis]{@atlantis$0}');
      assert.equal(applied(withNull, 'Define entity “atlantis” in the front matter'), lines('---', 'entities:', '  atlantis:', '    name: atlantis', '---', '[Atlantis]{@atlantis}'));
    });

    it('adds to a one-line { … } mapping', () => {
      const marked = lines('---', 'entities: {town: Example Town}', '---', '[Atlantis]{@atlantis$0} and [the town]{@town}');
      assert.equal(
        applied(marked, 'Define entity “atlantis” in the front matter'),
        fixture(marked).text.replace('{town: Example Town}', '{town: Example Town, atlantis: atlantis}'),
      );
      const empty = lines('---', 'entities: {}', '---', '[Atlantis]{@atlantis$0}');
      assert.equal(applied(empty, 'Define entity “atlantis” in the front matter'), fixture(empty).text.replace('{}', '{atlantis: atlantis}'));
    });

    it('creates the front matter when there is none, after a byte-order mark, with the document’s line ends', () => {
      assert.equal(
        applied('\uFEFF[Atlantis]{@atlantis$0} sank.\r\n', 'Define entity “atlantis” in the front matter'),
        '\uFEFF---\r\nentities:\r\n  atlantis:\r\n    name: atlantis\r\n---\r\n[Atlantis]{@atlantis} sank.\r\n',
      );
    });

    it('defines nothing when the front matter is never closed', () => {
      assert.deepEqual(titles(actionsFor(lines('---', 'title: T', '[Atlantis]{@atlantis$0}')).actions), []);
    });

    it('defines nothing while the front matter’s YAML does not parse: where an entry goes would be a guess', () => {
      for (const broken of [
        ['entities:', '  b:', '  name: "unterminated'],
        ['title: T', 'entities'],
        ['entities:', '  b:', '    name: B', '   bad indent: [', 'title: T'],
      ]) {
        assert.deepEqual(titles(actionsFor(lines('---', ...broken, '---', '[Atlantis]{@atlantis$0}')).actions), [], broken.join('\n'));
      }
    });

    it('handles Arabic ids: hamza and taa marbuta variants are close, names come from the id', () => {
      const marked = lines(
        '---',
        'entities:',
        '  بوتين:',
        '    name: فلاديمير بوتين',
        '  الأمم_المتحدة:',
        '    name: الأمم المتحدة',
        '---',
        '[بوتين]{@بوتين} و[المنظمة]{@الامم_المتحده$0}',
      );
      const { actions } = actionsFor(marked, { locale: 'ar' });
      assert.deepEqual(titles(actions), ['غيّره إلى «الأمم_المتحدة»', 'عرّف الكيان «الامم_المتحده» في الترويسة']);
      assert.equal(applied(marked, 'غيّره إلى «الأمم_المتحدة»', { locale: 'ar' }), fixture(marked).text.replace('@الامم_المتحده', '@الأمم_المتحدة'));
      assert.equal(
        applied(marked, 'عرّف الكيان «الامم_المتحده» في الترويسة', { locale: 'ar' }),
        fixture(marked).text.replace('    name: الأمم المتحدة\n', '    name: الأمم المتحدة\n  الامم_المتحده:\n    name: الامم المتحده\n'),
      );
    });

    it('quotes an id YAML would read as a number', () => {
      const marked = lines('---', 'sources:', '  a: A', '---', '[Rain.]{claim by=2024$0}');
      const result = applied(marked, 'Define source “2024” in the front matter');
      assert.equal(result, fixture(marked).text.replace('  a: A\n', '  a: A\n  "2024":\n    name: "2024"\n'));
      assert.deepEqual(codesOf(result), ['unused-definition']);
    });

    it('suggests no id that is far from the one written', () => {
      assert.deepEqual(titles(actionsFor(lines('---', 'sources:', '  reporter: R', '---', '[Bread.]{claim by=nobody$0}')).actions), [
        'Define source “nobody” in the front matter',
      ]);
    });

    it('lets by= change to an entity id, and a source’s entity: to a defined entity', () => {
      const marked = lines('---', 'sources:', '  s:', '    name: S', '    entity: townn$0', 'entities:', '  town: Town', '---', '[Rain.]{claim by=s} [x]{@town}');
      assert.equal(applied(marked, 'Change to “town”'), fixture(marked).text.replace('entity: townn', 'entity: town'));
      assert.deepEqual(titles(actionsFor(lines('---', 'entities:', '  town: Town', '---', '[Rain.]{claim by=twon$0} [x]{@town}')).actions), [
        'Change to “town”',
        'Define source “twon” in the front matter',
      ]);
    });
  });

  describe('unknown-attribute: Change to … / Remove … from the attribute block', () => {
    const front = lines('---', 'sources:', '  okafor: Amina Okafor', '---', '');

    it('changes a misspelt key to the known one, preferred, or removes the token with the space before it', () => {
      const marked = `${front}[The port reopens.]{claim by=okafor staus$0=disputed}`;
      const { actions } = actionsFor(marked);
      assert.deepEqual(titles(actions), ['Change to “status”', 'Remove “staus=disputed” from the attribute block']);
      assert.deepEqual(
        actions.map(({ isPreferred }) => isPreferred ?? false),
        [true, false],
      );
      assert.equal(applied(marked, 'Change to “status”'), `${front}[The port reopens.]{claim by=okafor status=disputed}`);
      assert.equal(applied(marked, 'Remove “staus=disputed” from the attribute block'), `${front}[The port reopens.]{claim by=okafor}`);
      assert.deepEqual(codesOf(applied(marked, 'Change to “status”')), []);
    });

    it('offers only the removal for a key like no known one; first in its block, the space after it goes', () => {
      const marked = `${front}[The port reopens.]{colour=red$0 claim by=okafor}`;
      assert.deepEqual(titles(actionsFor(marked).actions), ['Remove “colour=red” from the attribute block']);
      assert.equal(applied(marked, 'Remove “colour=red” from the attribute block'), `${front}[The port reopens.]{claim by=okafor}`);
      assert.equal(applied(`${front}[x]{@okafor colour$0}`, 'Remove “colour” from the attribute block'), `${front}[x]{@okafor}`);
    });

    it('changes a misspelt kind keyword or status value, quoted or not, Arabic too', () => {
      assert.equal(applied(`${front}[x]{calim$0 by=okafor}`, 'Change to “claim”'), `${front}[x]{claim by=okafor}`);
      assert.equal(applied(`${front}[x]{claim by=okafor status="disputd$0"}`, 'Change to “disputed”'), `${front}[x]{claim by=okafor status="disputed"}`);
      assert.equal(applied(`${front}[س]{ادعا$0 قائل=okafor}`, 'غيّره إلى «ادعاء»', { locale: 'ar' }), `${front}[س]{ادعاء قائل=okafor}`);
      assert.equal(applied(`${front}[س]{ادعاء قايل$0=okafor}`, 'غيّره إلى «قائل»', { locale: 'ar' }), `${front}[س]{ادعاء قائل=okafor}`);
      assert.ok(titles(actionsFor(`${front}[س]{ادعاء قايل$0=okafor}`, { locale: 'ar' }).actions).includes('احذف «قايل=okafor» من كتلة الخصائص'));
    });
  });

  describe('span-syntax in an attribute block: Keep … only / Remove the repeat', () => {
    const front = lines('---', 'sources:', '  okafor: Amina Okafor', '  lena: Lena Okafor', 'entities:', '  port: Port', '  town: Town', '---', '');

    it('keeps one of two kind keywords, removing the other', () => {
      const marked = `${front}[The dam held.$0]{claim quote by=okafor}`;
      assert.deepEqual(titles(actionsFor(marked).actions), ['Keep “claim” only', 'Keep “quote” only']);
      assert.equal(applied(marked, 'Keep “claim” only'), `${front}[The dam held.]{claim by=okafor}`);
      assert.equal(applied(marked, 'Keep “quote” only'), `${front}[The dam held.]{quote by=okafor}`);
      assert.ok(!codesOf(applied(marked, 'Keep “quote” only')).includes('span-syntax'));
      assert.equal(applied(`${front}[س$0]{ادعاء اقتباس قائل=okafor}`, 'أبقِ «اقتباس» وحده', { locale: 'ar' }), `${front}[س]{اقتباس قائل=okafor}`);
    });

    it('removes a repeated key, in either language, and a second @id: the ones the parser ignores', () => {
      const repeated = `${front}[The dam held.$0]{claim by=okafor status=disputed قائل=lena}`;
      assert.deepEqual(titles(actionsFor(repeated).actions), ['Remove “قائل=lena” from the attribute block']);
      assert.equal(applied(repeated, 'Remove “قائل=lena” from the attribute block'), `${front}[The dam held.]{claim by=okafor status=disputed}`);
      const second = `${front}[the port town$0]{@port @town}`;
      assert.equal(applied(second, 'Remove “@town” from the attribute block'), `${front}[the port town]{@port}`);
      assert.ok(!codesOf(applied(second, 'Remove “@town” from the attribute block')).includes('span-syntax'));
    });

    it('offers nothing for a span that annotates nothing', () => {
      assert.deepEqual(titles(actionsFor(`${front}[The dam held.$0]{status=disputed}`).actions), []);
    });
  });

  describe('front-matter: a source or entity without a name', () => {
    const body = lines('---', '[x]{claim by=the_reporter}', '');

    it('adds name: first in a block entry, in its indentation, guessed from the id', () => {
      const marked = lines('---', 'sources:', '  the_reporter$0:', '    # who filed it', '    kind: person', body);
      assert.deepEqual(titles(actionsFor(marked).actions), ['Add name: the reporter']);
      assert.equal(actionsFor(marked).actions[0].isPreferred, true);
      const fixed = applied(marked, 'Add name: the reporter');
      assert.equal(fixed, lines('---', 'sources:', '  the_reporter:', '    # who filed it', '    name: the reporter', '    kind: person', body));
      assert.deepEqual(codesOf(fixed), []);
    });

    it('adds it to a flow entry, empty or not, and titles it in Arabic', () => {
      const flow = lines('---', 'sources:', '  the_reporter$0: { kind: person }', body);
      assert.equal(applied(flow, 'Add name: the reporter'), lines('---', 'sources:', '  the_reporter: { name: the reporter, kind: person }', body));
      const empty = lines('---', 'entities:', '  مدينة_الميناء$0: {}', '---', '[س]{@مدينة_الميناء}', '');
      assert.equal(applied(empty, 'أضف الاسم: مدينة الميناء', { locale: 'ar' }), lines('---', 'entities:', '  مدينة_الميناء: {name: مدينة الميناء}', '---', '[س]{@مدينة_الميناء}', ''));
    });

    it('offers nothing when the entry has a name key whose value is wrong', () => {
      assert.deepEqual(titles(actionsFor(lines('---', 'sources:', '  the_reporter$0:', '    name:', '    kind: person', body)).actions), []);
    });
  });

  describe('duplicate-id: remove the repeated definition', () => {
    it('removes the repeat’s lines with the comments indented under it, leaving no problem', () => {
      const marked = lines(
        '---',
        'sources:',
        '  putin:',
        '    name: Vladimir Putin',
        '  # the repeat below came from another article',
        '  pu$0tin:',
        '    name: Putin again   # pasted',
        '    # kind: person',
        '    kind: person',
        '      # still the repeat’s',
        '  lavrov: Sergei Lavrov',
        '---',
        '[x]{claim by=putin} [y]{claim by=lavrov}',
      );
      const { actions } = actionsFor(marked);
      assert.deepEqual(titles(actions), ['Remove the repeated definition “putin”']);
      assert.equal(actions[0].isPreferred, undefined);
      assert.deepEqual(actions[0].diagnostics?.map(({ code }) => code), ['duplicate-id']);
      const result = applied(marked, 'Remove the repeated definition “putin”');
      assert.equal(
        result,
        lines('---', 'sources:', '  putin:', '    name: Vladimir Putin', '  # the repeat below came from another article', '  lavrov: Sergei Lavrov', '---', '[x]{claim by=putin} [y]{claim by=lavrov}'),
      );
      assert.deepEqual(codesOf(result), []);
    });

    it('removes a repeated entry of a one-line mapping with one comma, and names it in Arabic', () => {
      const marked = lines('---', 'entities: {town: Town, to$0wn: Town again, river: River}', '---', '[a]{@town} [b]{@river}');
      const result = applied(marked, 'Remove the repeated definition “town”');
      assert.equal(result, lines('---', 'entities: {town: Town, river: River}', '---', '[a]{@town} [b]{@river}'));
      assert.deepEqual(codesOf(result), []);
      const last = lines('---', 'entities: {town: Town, to$0wn: {name: Town again}}', '---', '[a]{@town}');
      assert.equal(applied(last, 'احذف التعريف المكرَّر «town»', { locale: 'ar' }), lines('---', 'entities: {town: Town}', '---', '[a]{@town}'));
    });

    it('removes the repeat of an id written differently, and only the repeat', () => {
      const marked = lines('---', 'entities:', '  town: Town', '  "town"$0: Town again', '  river: River', '---', '[a]{@town} [b]{@river}');
      const result = applied(marked, 'Remove the repeated definition “town”');
      assert.equal(result, lines('---', 'entities:', '  town: Town', '  river: River', '---', '[a]{@town} [b]{@river}'));
      assert.deepEqual(codesOf(result), []);
    });

    it('offers nothing when the repeat holds an anchor read elsewhere', () => {
      const marked = lines('---', 'entities:', '  town: Town', '  to$0wn: &n Town again', '  river: *n', '---', '[a]{@town} [b]{@river}');
      assert.deepEqual(titles(actionsFor(marked).actions), []);
    });
  });

  describe('safe fixes: unused-definition, bidi-control, invalid-character, empty-span', () => {
    it('removes an unused definition’s lines, keeping the comment above it', () => {
      const marked = lines(
        '---',
        'sources:',
        '  used: Used Person',
        '  # a note about ghost',
        '  gh$0ost:',
        '    name: Never quoted   # really',
        '    kind: person',
        '  after: After Person',
        '---',
        '[x]{claim by=used} [y]{claim by=after}',
      );
      const { actions } = actionsFor(marked);
      assert.deepEqual(titles(actions), ['Remove “ghost” from the front matter']);
      assert.equal(actions[0].isPreferred, undefined);
      assert.equal(applied(marked, 'Remove “ghost” from the front matter'), fixture(marked).text.replace('  ghost:\n    name: Never quoted   # really\n    kind: person\n', ''));
    });

    it('removes an entry of a one-line mapping with one comma', () => {
      const middle = lines('---', 'entities: {town: Example Town, gh$0ost: Nobody, river: R}', '---', '[a]{@town} [b]{@river}');
      assert.equal(applied(middle, 'Remove “ghost” from the front matter'), fixture(middle).text.replace('ghost: Nobody, ', ''));
      const last = lines('---', 'entities: {town: Example Town, gh$0ost: Nobody}', '---', '[a]{@town}');
      assert.equal(applied(last, 'Remove “ghost” from the front matter'), fixture(last).text.replace(', ghost: Nobody', ''));
    });

    it('removes the lines of an entry of a mapping written one entry per line, its comma with it', () => {
      const entries = (ghost: string) => lines('---', 'entities: {', '  town: Example Town,', ghost, '  river: R', '}', '---', '[a]{@town} [b]{@river}');
      assert.equal(applied(entries('  gh$0ost: Nobody,   # never named'), 'Remove “ghost” from the front matter'), entries('').replace('\n\n', '\n'));
      const last = lines('---', 'entities: {', '  town: Example Town,', '  gh$0ost: {name: Nobody}', '}', '---', '[a]{@town}');
      assert.equal(applied(last, 'Remove “ghost” from the front matter'), lines('---', 'entities: {', '  town: Example Town,', '}', '---', '[a]{@town}'));
      assert.deepEqual(codesOf(lines('---', 'entities: {', '  town: Example Town,', '}', '---', '[a]{@town}')), []);
    });

    it('does not remove an entity a source names as its entity', () => {
      const marked = lines('---', 'sources:', '  s: {name: S, entity: person}', 'entities:', '  per$0son: P', '---', '[x]{claim by=s}');
      assert.deepEqual(titles(actionsFor(marked).actions), []);
    });

    it('removes a bidi control character, and all of them at once', () => {
      const marked = 'Hidden override:$0\u202E cba and \u2067 again.';
      const { actions } = actionsFor(marked);
      assert.deepEqual(titles(actions), ['Remove the control character U+202E', 'Fix all “bidi-control” problems in the document']);
      assert.equal(actions[0].isPreferred, true);
      assert.equal(applied(marked, 'Remove the control character U+202E'), 'Hidden override: cba and \u2067 again.');
      assert.equal(applied(marked, 'Fix all “bidi-control” problems in the document'), 'Hidden override: cba and  again.');
    });

    it('removes an unpaired surrogate, and all of them at once, keeping pairs whole', () => {
      const marked = 'Half:$0\uD83D and \uDE00 but \uD83D\uDE00 stays, \uDC00\uD83D\uDE00 too.';
      const { actions } = actionsFor(marked);
      assert.deepEqual(titles(actions), ['Remove the invalid character', 'Fix all “invalid-character” problems in the document']);
      assert.equal(actions[0].isPreferred, true);
      assert.equal(applied(marked, 'Remove the invalid character'), 'Half: and \uDE00 but \uD83D\uDE00 stays, \uDC00\uD83D\uDE00 too.');
      const all = applied(marked, 'Fix all “invalid-character” problems in the document');
      assert.equal(all, 'Half: and  but \uD83D\uDE00 stays, \uD83D\uDE00 too.');
      assert.deepEqual(codesOf(all), []);
      assert.equal(applied('x\uDC00$0y', 'احذف المحرف غير الصالح', { locale: 'ar' }), 'xy');
    });

    it('offers no removal of an unpaired surrogate written as a YAML escape, and fixes all only outside ids', () => {
      const escaped = lines('---', 'title: "Half \\ud800$0"', '---', 'Body.');
      assert.deepEqual(codesOf(fixture(escaped).text), ['invalid-character']);
      assert.deepEqual(titles(actionsFor(escaped).actions), []);
      // In an id, the one fix asked for is offered; fixing all leaves it: `putin�` is not `putin`.
      const inId = lines('---', 'sources:', '  putin: Putin', '---', '[x]{claim by=putin\uDC00$0} [y]{claim by=putin} and \uD800.');
      assert.deepEqual(titles(actionsFor(inId).actions), ['Change to “putin”', 'Remove the invalid character']);
      assert.equal(applied(inId, 'Remove the invalid character'), lines('---', 'sources:', '  putin: Putin', '---', '[x]{claim by=putin} [y]{claim by=putin} and \uD800.'));
      assert.equal(
        applied(inId, 'Fix all safely fixable Isnad problems', { only: ['source.fixAll.isnad'] }),
        lines('---', 'sources:', '  putin: Putin', '---', '[x]{claim by=putin\uDC00} [y]{claim by=putin} and .'),
      );
    });

    it('removes an empty span, keeping words apart', () => {
      const front = lines('---', 'entities:', '  town: Town', '---', '');
      assert.equal(applied(`${front}a[ ]{@town$0}b [c]{@town}`, 'Remove the empty span'), `${front}a b [c]{@town}`);
      assert.equal(applied(`${front}An empty mention: [ ]{@town$0}`, 'Remove the empty span'), `${front}An empty mention:`);
      assert.equal(applied(`${front}One [ ]{@town$0} two [c]{@town}`, 'Remove the empty span'), `${front}One two [c]{@town}`);
      assert.equal(applied(`${front}[In [c]{@town} [ ]{@town$0}]{claim}, yes.`, 'Remove the empty span'), `${front}[In [c]{@town}]{claim}, yes.`);
      assert.equal(applied(`${front}One [ ]{@town$0}[two]{@town}`, 'Remove the empty span'), `${front}One [two]{@town}`);
      assert.equal(applied(`${front}word[]{@town$0}word [c]{@town}`, 'Remove the empty span'), `${front}wordword [c]{@town}`);
    });

    it('source.fixAll.isnad fixes every safe problem in one edit and leaves attribution alone', () => {
      const marked = lines(
        '---',
        'sources:',
        '  ghost:',
        '    name: Never quoted',
        '    entity: shadow',
        'entities:',
        '  town: Town',
        '  shadow: Shadow',
        '---',
        '[The river rose.]{claim} Over\u202Eride [ ]{@town\u2066} and [ ]{@town} in [the t$0own]{@town}.',
      );
      assert.deepEqual(titles(actionsFor(marked).actions), [], 'no source action unless asked for');
      const { actions } = actionsFor(marked, { only: ['source.fixAll'] });
      assert.deepEqual(
        actions.map(({ title, kind }) => [title, kind]),
        [['Fix all safely fixable Isnad problems', 'source.fixAll.isnad']],
      );
      const result = applied(marked, 'Fix all safely fixable Isnad problems', { only: ['source'] });
      assert.equal(result, lines('---', 'sources:', 'entities:', '  town: Town', '---', '[The river rose.]{claim} Override and in [the town]{@town}.'));
      assert.deepEqual(codesOf(result), ['unattributed-claim']);
      assert.deepEqual(actionsFor(lines('---', '---', 'Clean.$0'), { only: ['source.fixAll.isnad'] }).actions, []);
    });
  });

  describe('refactorings on a selection', () => {
    const PORT = lines(
      '---',
      'entities:',
      '  port: { name: Port of Velmora, type: place, aliases: [the port] }',
      '  town: Example Town',
      '---',
      'They said ⟦the port⟧ will reopen; [the port]{@port} is old, in [Example Town]{@town}.',
      '',
      '[Workers at the port agree]{claim} that the portal and the port.',
      '<!-- the port -->',
    );

    it('offers claim, quote, a mention of each entity (the one named first, preferred), and marking all occurrences', () => {
      const { actions } = actionsFor(PORT);
      assert.deepEqual(titles(actions), [
        'Mark as claim',
        'Mark as quote',
        'Mark as mention of Port of Velmora',
        'Mark as mention of Example Town',
        'Mark all occurrences of this text as Port of Velmora',
      ]);
      assert.ok(actions.every(({ kind, diagnostics }) => kind === 'refactor.rewrite' && diagnostics === undefined));
      assert.deepEqual(
        actions.map(({ isPreferred }) => isPreferred ?? false),
        [false, false, true, false, false],
      );
    });

    it('wraps the selection as the editing commands do', () => {
      const text = fixture(PORT).text;
      assert.equal(applied(PORT, 'Mark as claim'), text.replace('said the port', 'said [the port]{claim}'));
      assert.equal(applied(PORT, 'Mark as quote'), text.replace('said the port', 'said [the port]{quote}'));
      assert.equal(applied(PORT, 'Mark as mention of Example Town'), text.replace('said the port', 'said [the port]{@town}'));
    });

    it('marks every plain occurrence that stands as a word, inside claims too, but not in mentions, comments or other words', () => {
      assert.equal(
        applied(PORT, 'Mark all occurrences of this text as Port of Velmora'),
        lines(
          '---',
          'entities:',
          '  port: { name: Port of Velmora, type: place, aliases: [the port] }',
          '  town: Example Town',
          '---',
          'They said [the port]{@port} will reopen; [the port]{@port} is old, in [Example Town]{@town}.',
          '',
          '[Workers at [the port]{@port} agree]{claim} that the portal and [the port]{@port}.',
          '<!-- the port -->',
        ),
      );
    });

    it('offers marking all for every entity when none is named by the text', () => {
      const { actions } = actionsFor(lines('---', 'entities:', '  a: Alpha', '  b: Beta', '---', '⟦ships⟧ and ships'));
      assert.deepEqual(titles(actions), [
        'Mark as claim',
        'Mark as quote',
        'Mark as mention of Alpha',
        'Mark as mention of Beta',
        'Mark all occurrences of this text as Alpha',
        'Mark all occurrences of this text as Beta',
      ]);
    });

    it('writes the Arabic keywords in an Arabic paragraph and marks words joined to proclitics', () => {
      const marked = lines(
        '---',
        'entities:',
        '  كيم:',
        '    name: كيم جونغ أون',
        '---',
        'قال ⟦كيم⟧ إن الذخيرة ستصل، ولكيم أصدقاء، وكيمياء [كيم]{@كيم} معروفة، لكيم.',
      );
      const text = fixture(marked).text;
      const { actions } = actionsFor(marked, { locale: 'ar' });
      assert.deepEqual(titles(actions), ['علّمه ادعاءً', 'علّمه اقتباسًا', 'علّمه ذِكرًا لـ«كيم جونغ أون»', 'علّم كل مواضع هذا النص ذِكرًا لـ«كيم جونغ أون»']);
      assert.equal(applied(marked, 'علّمه ادعاءً', { locale: 'ar' }), text.replace('قال كيم', 'قال [كيم]{ادعاء}'));
      assert.equal(applied(marked, 'علّمه اقتباسًا', { locale: 'ar' }), text.replace('قال كيم', 'قال [كيم]{اقتباس}'));
      assert.equal(
        applied(marked, 'علّم كل مواضع هذا النص ذِكرًا لـ«كيم جونغ أون»', { locale: 'ar' }),
        text.replace('قال كيم', 'قال [كيم]{@كيم}').replace('ولكيم', 'ول[كيم]{@كيم}').replace('، لكيم.', '، ل[كيم]{@كيم}.'),
      );
    });

    it('trims white space at the ends of the selection', () => {
      assert.equal(applied('They said⟦ the port ⟧will reopen.', 'Mark as claim'), 'They said [the port]{claim} will reopen.');
    });

    it('wraps a selection that holds whole spans', () => {
      const marked = lines('---', 'entities:', '  port: Port', '---', 'They said ⟦[the port]{@port} will reopen⟧.');
      assert.equal(applied(marked, 'Mark as claim'), fixture(marked).text.replace('[the port]{@port} will reopen', '[[the port]{@port} will reopen]{claim}'));
    });

    for (const [what, marked] of [
      ['crosses a span’s bracket', 'They said ⟦the [port⟧]{@port} reopens.'],
      ['lies in an attribute block', 'They said [the port]{@po⟦rt⟧} reopens.'],
      ['lies in the front matter', lines('---', 'title: ⟦Port⟧', '---', 'Text.')],
      ['crosses a blank line', lines('One ⟦paragraph.', '', 'Another⟧ one.')],
      ['has a bracket that would pair with the new ones', 'See ⟦note [1⟧] here.'],
      ['splits an escape', 'A literal \\⟦[ bracket⟧.'],
      ['lies in a comment', 'Text <!-- a ⟦comment⟧ --> more.'],
      ['is only white space', 'Text⟦   ⟧more.'],
    ] as const) {
      it(`offers no refactoring when the selection ${what}`, () => {
        assert.deepEqual(titles(actionsFor(marked, { only: ['refactor'] }).actions), []);
      });
    }

    it('answers only the kinds asked for', () => {
      assert.deepEqual(titles(actionsFor(PORT, { only: ['quickfix'] }).actions), []);
      assert.equal(actionsFor(PORT, { only: ['refactor'] }).actions.length, 5);
    });
  });

  describe('similarity of ids', () => {
    it('folds case, diacritics, tatweel, hamza and alef forms, taa marbuta and separators', () => {
      assert.equal(foldForComparison('Al-Qaeda'), 'al_qaeda');
      assert.equal(foldForComparison('الأُمَم_المتحـدة'), foldForComparison('الامم المتحده'));
      assert.equal(foldForComparison('مؤتمر إيران'), 'موتمر_ايران');
    });

    it('measures edits in code points, a swap of neighbours as one', () => {
      assert.equal(editDistance('kitten', 'sitting'), 3);
      assert.equal(editDistance('town', 'twon'), 1);
      assert.equal(editDistance('𝒜b', 'b'), 1);
    });

    it('keeps close candidates only, closest first', () => {
      assert.deepEqual(closestIds('putn', ['putin', 'pu', 'kim', 'Putin']), ['putin', 'Putin']);
      assert.deepEqual(closestIds('ali', ['usa', 'bob']), []);
    });
  });
});
