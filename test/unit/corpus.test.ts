import * as assert from 'node:assert/strict';
import { Corpus } from '../../server/src/service/corpus/corpus';
import { summarizeArticle } from '../../server/src/service/corpus/summary';
import { SharedRanges } from '../../server/src/service/corpus/postings';
import { parseIsnad } from '../../server/src/service/parse/document';
import { parseRegistry } from '../../server/src/service/parse/registry';
import { computeWhoSaidWhat } from '../../server/src/service/features/whoSaidWhat';
import { computeWorkspaceSymbols } from '../../server/src/service/features/workspaceSymbols';
import { referencesTo, renameTarget } from '../../server/src/service/features/crossReferences';
import { corpusUsage } from '../../server/src/service/features/corpusUsage';
import type { Range } from 'vscode-languageserver-types';
import * as fc from 'fast-check';
import { lines } from './fixture';

const ROOT = 'file:///w';

const rangeText = ({ start, end }: Range) => `${start.line}:${start.character}-${end.line}:${end.character}`;

function corpusOf(files: Record<string, string>): Corpus {
  const corpus = new Corpus();
  corpus.setRoots([ROOT]);
  for (const [name, text] of Object.entries(files)) {
    const uri = `${ROOT}/${name}`;
    if (name.endsWith('isnad.yaml')) corpus.setRegistry(parseRegistry(text, uri));
    else corpus.setArticle(summarizeArticle(parseIsnad(text, uri)));
  }
  return corpus;
}

const FILES = {
  'isnad.yaml': lines('sources:', '  ali: { name: Ali Hassan }', '  desk: { name: The Desk }', 'entities:', '  town: { name: Example Town }', ''),
  'sub/isnad.yaml': lines('sources:', '  ali: { name: Ali of the sub-desk }', ''),
  'a.isnad.md': lines('# Port', '', '[The port reopens]{claim by=ali status=supported about=town} and [[Town]{@town} waits]{quote}.', ''),
  'sub/b.isnad.md': lines('[Ships wait]{claim by=ali} [x]{claim by=desk status=disputed} [Town]{@town} [Town]{@town}', ''),
  'c.isnad.md': lines('---', 'sources:', '  ali: { name: Another Ali }', '---', '[Own words]{quote by=ali}', ''),
};

describe('corpus (workspace index queries)', () => {
  const corpus = corpusOf(FILES);

  it('resolves each article’s ids through the nearest registry, its own front matter first', () => {
    const names = computeWhoSaidWhat(corpus, {}).sources.map((source) => [source.name, source.statements.map((s) => `${s.uri.slice(ROOT.length + 1)}: ${s.title}`)]);
    assert.deepEqual(names, [
      ['Ali Hassan', ['a.isnad.md: The port reopens']],
      ['Ali of the sub-desk', ['sub/b.isnad.md: Ships wait']],
      ['Another Ali', ['c.isnad.md: Own words']],
      ['The Desk', ['sub/b.isnad.md: x']],
    ]);
  });

  it('lists the unattributed statements and each entity with the articles that mention it', () => {
    const tree = computeWhoSaidWhat(corpus, {});
    assert.deepEqual(tree.unattributed.map((s) => [s.kind, s.title]), [['quote', 'Town waits']]);
    assert.deepEqual(
      tree.entities.map((entity) => [entity.name, entity.articles.map((article) => [article.uri.slice(ROOT.length + 1), article.count, rangeText(article.range)])]),
      [['Example Town', [['a.isnad.md', 2, '2:55-2:59'], ['sub/b.isnad.md', 2, '0:70-0:74']]]],
    );
    assert.deepEqual(tree.articles.map((article) => article.title), ['Port', '', '']);
  });

  it('filters by unattributed only, by article and by status', () => {
    const unattributedOnly = computeWhoSaidWhat(corpus, { unattributedOnly: true });
    assert.deepEqual([unattributedOnly.sources, unattributedOnly.entities, unattributedOnly.unattributed.length], [[], [], 1]);
    const oneArticle = computeWhoSaidWhat(corpus, { article: `${ROOT}/sub/b.isnad.md` });
    assert.deepEqual(oneArticle.sources.map((source) => source.name), ['Ali of the sub-desk', 'The Desk']);
    const disputed = computeWhoSaidWhat(corpus, { status: 'disputed' });
    assert.deepEqual(disputed.sources.map((source) => [source.name, source.statements.map((s) => s.status)]), [['The Desk', ['disputed']]]);
  });

  it('counts the articles quoting and mentioning a shared definition', () => {
    assert.deepEqual(corpusUsage(corpus, { uri: `${ROOT}/isnad.yaml`, kind: 'entity', id: 'town' }), { quotedIn: 0, mentionedIn: 2 });
    assert.deepEqual(corpusUsage(corpus, { uri: `${ROOT}/isnad.yaml`, kind: 'source', id: 'ali' }), { quotedIn: 1, mentionedIn: 0 });
  });

  it('finds the references of the root registry’s ali only where a nearer definition does not hide it', () => {
    const references = referencesTo(corpus, { uri: `${ROOT}/isnad.yaml`, kind: 'source', id: 'ali' }, true);
    assert.deepEqual(
      references.map(({ uri, range }) => [uri.slice(ROOT.length + 1), range.start.line, range.start.character]),
      [
        ['isnad.yaml', 1, 2],
        ['a.isnad.md', 2, 28],
      ],
    );
  });

  describe('renaming a registry id', () => {
    const shadowing = corpusOf({
      'isnad.yaml': lines('sources:', '  okafor: { name: Lena Okafor }', '  sam: { name: Sam }', ''),
      'sub/isnad.yaml': lines('sources:', '  lena: { name: Another Lena }', ''),
      'a.isnad.md': lines('[Open]{claim by=okafor}', ''),
      'sub/b.isnad.md': lines('[Shut]{claim by=okafor}', ''),
      'c.isnad.md': lines('---', 'sources:', '  own: { name: Own }', 'entities:', '  nara: { name: Nara }', '---', '[Own]{claim by=own} [Said]{quote by=okafor} [Said too]{quote by=sam}', ''),
    });
    const okafor = { uri: `${ROOT}/isnad.yaml`, kind: 'source', id: 'okafor' } as const;
    const editedFiles = (result: ReturnType<typeof renameTarget>) => ('edit' in result ? Object.keys(result.edit.changes!).map((uri) => uri.slice(ROOT.length + 1)) : result);

    it('refuses a name that a nearer registry gives another source in an article using the id, naming that article', () => {
      assert.deepEqual(renameTarget(shadowing, okafor, 'lena'), { error: 'captured', id: 'lena', uri: `${ROOT}/sub/b.isnad.md` });
    });

    it('refuses a name that an article using the id defines as its own source', () => {
      assert.deepEqual(renameTarget(shadowing, okafor, 'own'), { error: 'captured', id: 'own', uri: `${ROOT}/c.isnad.md` });
    });

    it('accepts a name an article defines only as an entity: by= looks for a source first', () => {
      assert.deepEqual(editedFiles(renameTarget(shadowing, okafor, 'nara')), ['isnad.yaml', 'a.isnad.md', 'c.isnad.md', 'sub/b.isnad.md']);
    });

    it('accepts a name that only articles not using the id define', () => {
      assert.deepEqual(editedFiles(renameTarget(shadowing, { uri: `${ROOT}/isnad.yaml`, kind: 'source', id: 'sam' }, 'lena')), ['isnad.yaml', 'c.isnad.md']);
    });
  });

  it('tells which registry entries some article uses', () => {
    assert.deepEqual([...corpus.registryUsage(`${ROOT}/isnad.yaml`)].sort(), ['ali', 'desk', 'town']);
    assert.deepEqual([...corpus.registryUsage(`${ROOT}/sub/isnad.yaml`)], ['ali']);
  });

  it('finds workspace symbols by case-insensitive substring, across registries and articles', () => {
    assert.deepEqual(
      computeWorkspaceSymbols(corpus, 'ALI', 'en').map((symbol) => [symbol.name, symbol.location.uri.slice(ROOT.length + 1), symbol.containerName]),
      [
        ['Ali Hassan (ali)', 'isnad.yaml', 'Sources'],
        ['Ali of the sub-desk (ali)', 'sub/isnad.yaml', 'Sources'],
        ['Another Ali (ali)', 'c.isnad.md', 'Sources'],
      ],
    );
    assert.deepEqual(computeWorkspaceSymbols(corpus, 'port', 'en').map((symbol) => [symbol.name, symbol.kind]), [['Port', 3], ['The port reopens', 17]]);
  });

  it('lists the declaration, the registry links, then each article’s references, locations at the same place sharing one range', () => {
    const corpus = corpusOf({
      'isnad.yaml': lines('sources:', '  desk: { name: The Desk, entity: town }', 'entities:', '  town: { name: Example Town }', ''),
      'x.isnad.md': lines('[Town]{@town} and [Town]{@town}', ''),
      'y.isnad.md': lines('[Town]{@town} and [Town]{claim about=town}', ''),
    });
    const references = referencesTo(corpus, { uri: `${ROOT}/isnad.yaml`, kind: 'entity', id: 'town' }, true);
    assert.deepEqual(
      references.map(({ uri, range }) => `${uri.slice(ROOT.length + 1)} ${rangeText(range)}`),
      ['isnad.yaml 3:2-3:6', 'isnad.yaml 1:34-1:38', 'x.isnad.md 0:8-0:12', 'x.isnad.md 0:26-0:30', 'y.isnad.md 0:8-0:12', 'y.isnad.md 0:37-0:41'],
    );
    assert.equal(references[4].range, references[2].range);
    assert.notEqual(references[5].range, references[3].range);
  });

  it('hands out one range object per distinct range of a result', () => {
    const ranges = new SharedRanges();
    const first = ranges.rangeOf(4, 8, 4, 12);
    assert.equal(ranges.rangeOf(4, 8, 4, 12), first);
    const longer = ranges.rangeOf(4, 8, 5, 2);
    assert.deepEqual(longer, { start: { line: 4, character: 8 }, end: { line: 5, character: 2 } });
    assert.deepEqual(ranges.rangeOf(4, 8, 4, 12), { start: { line: 4, character: 8 }, end: { line: 4, character: 12 } });
    assert.deepEqual(ranges.rangeOf(0, 8, 0, 12), { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } });
    assert.deepEqual(first, { start: { line: 4, character: 8 }, end: { line: 4, character: 12 } });
  });

  describe('the inverted index, kept current article by article', () => {
    const REGISTRY = `${ROOT}/isnad.yaml`;
    const ali = { uri: REGISTRY, kind: 'source' as const, id: 'ali' };
    const town = { uri: REGISTRY, kind: 'entity' as const, id: 'town' };
    const where = (corpus: Corpus, target: typeof ali | typeof town) =>
      referencesTo(corpus, target, false).map(({ uri, range }) => `${uri.slice(ROOT.length + 1)} ${rangeText(range)}`);
    const setText = (corpus: Corpus, name: string, text: string) => corpus.setArticle(summarizeArticle(parseIsnad(text, `${ROOT}/${name}`)));

    it('finds an article’s references in document order, by file', () => {
      const corpus = corpusOf(FILES);
      assert.deepEqual(where(corpus, town), ['a.isnad.md 2:55-2:59', 'a.isnad.md 2:74-2:78', 'sub/b.isnad.md 0:70-0:74', 'sub/b.isnad.md 0:84-0:88']);
    });

    it('follows an article re-indexed with other references, and one with the same ids', () => {
      const corpus = corpusOf(FILES);
      setText(corpus, 'sub/b.isnad.md', lines('[Town]{@town}', '[Ships wait]{claim about=town}', ''));
      assert.deepEqual(where(corpus, town), ['a.isnad.md 2:55-2:59', 'a.isnad.md 2:74-2:78', 'sub/b.isnad.md 0:8-0:12', 'sub/b.isnad.md 1:25-1:29']);
      assert.deepEqual(corpusUsage(corpus, town), { quotedIn: 0, mentionedIn: 2 });
      setText(corpus, 'a.isnad.md', lines('[Town]{@town}', ''));
      assert.deepEqual(where(corpus, town), ['a.isnad.md 0:8-0:12', 'sub/b.isnad.md 0:8-0:12', 'sub/b.isnad.md 1:25-1:29']);
      assert.deepEqual(where(corpus, ali), []);
      assert.deepEqual([...corpus.registryUsage(REGISTRY)].sort(), ['town']);
      setText(corpus, 'sub/b.isnad.md', lines('', 'Ships wait in [Town]{@town}.', ''));
      assert.deepEqual(where(corpus, town), ['a.isnad.md 0:8-0:12', 'sub/b.isnad.md 1:22-1:26']);
    });

    it('forgets a deleted article, and finds it again when it comes back', () => {
      const corpus = corpusOf(FILES);
      corpus.removeArticle(`${ROOT}/a.isnad.md`);
      assert.deepEqual(where(corpus, town), ['sub/b.isnad.md 0:70-0:74', 'sub/b.isnad.md 0:84-0:88']);
      assert.deepEqual(where(corpus, ali), []);
      assert.deepEqual(corpusUsage(corpus, ali), { quotedIn: 0, mentionedIn: 0 });
      assert.deepEqual([...corpus.registryUsage(REGISTRY)].sort(), ['desk', 'town']);
      setText(corpus, 'a.isnad.md', FILES['a.isnad.md']);
      assert.deepEqual(where(corpus, ali), ['a.isnad.md 2:28-2:31']);
    });

    it('moves the references of an id renamed in an article to the new id', () => {
      const corpus = corpusOf({ ...FILES, 'isnad.yaml': lines('sources:', '  ali: { name: Ali Hassan }', '  hassan: { name: Ali Hassan }', 'entities:', '  town: { name: Example Town }', '') });
      const hassan = { uri: REGISTRY, kind: 'source' as const, id: 'hassan' };
      setText(corpus, 'a.isnad.md', FILES['a.isnad.md'].replace('by=ali', 'by=hassan'));
      assert.deepEqual(where(corpus, ali), []);
      assert.deepEqual(where(corpus, hassan), ['a.isnad.md 2:28-2:34']);
      assert.deepEqual(corpusUsage(corpus, hassan), { quotedIn: 1, mentionedIn: 0 });
      assert.deepEqual([...corpus.registryUsage(REGISTRY)].sort(), ['hassan', 'town']);
    });

    it('keeps an id’s postings current when an article moves its references, comes to define the id itself, or stops', () => {
      const corpus = corpusOf(FILES);
      assert.deepEqual(where(corpus, town), ['a.isnad.md 2:55-2:59', 'a.isnad.md 2:74-2:78', 'sub/b.isnad.md 0:70-0:74', 'sub/b.isnad.md 0:84-0:88']);
      // As many references as before: taken in place.
      setText(corpus, 'sub/b.isnad.md', lines('', '', '[Town]{@town} [Town]{@town}', ''));
      assert.deepEqual(where(corpus, town), ['a.isnad.md 2:55-2:59', 'a.isnad.md 2:74-2:78', 'sub/b.isnad.md 2:8-2:12', 'sub/b.isnad.md 2:22-2:26']);
      // Its own definition now hides the registry’s, with the same two references.
      setText(corpus, 'sub/b.isnad.md', lines('---', 'entities:', '  town: { name: Its own town }', '---', '[Town]{@town} [Town]{@town}', ''));
      assert.deepEqual(where(corpus, town), ['a.isnad.md 2:55-2:59', 'a.isnad.md 2:74-2:78']);
      assert.deepEqual(where(corpus, { uri: `${ROOT}/sub/b.isnad.md`, kind: 'entity', id: 'town' }), ['sub/b.isnad.md 4:8-4:12', 'sub/b.isnad.md 4:22-4:26']);
      setText(corpus, 'sub/b.isnad.md', lines('[Town]{@town} [Town]{@town}', ''));
      assert.deepEqual(where(corpus, town), ['a.isnad.md 2:55-2:59', 'a.isnad.md 2:74-2:78', 'sub/b.isnad.md 0:8-0:12', 'sub/b.isnad.md 0:22-0:26']);
    });

    it('stays exact through any sequence of articles set, changed and removed, during bulk loads and after, queried or not', () => {
      const ids = ['ali', 'desk', 'town', 'port'];
      const names = ['a.isnad.md', 'b.isnad.md', 'sub/c.isnad.md', 'sub/d.isnad.md', 'sub/deep/e.isnad.md'];
      const reference = fc.tuple(fc.constantFrom(...ids), fc.constantFrom('@', 'by=', 'about='));
      const articleText = fc.record({
        references: fc.array(reference, { maxLength: 6 }),
        ownDefinition: fc.option(fc.constantFrom(...ids), { nil: undefined }),
        blankLines: fc.nat(2),
      });
      const text = ({ references, ownDefinition, blankLines }: { references: [string, string][]; ownDefinition?: string; blankLines: number }) =>
        lines(
          ...(ownDefinition ? ['---', 'entities:', `  ${ownDefinition}: { name: Its own }`, '---'] : []),
          ...Array<string>(blankLines).fill(''),
          references.map(([id, how]) => (how === '@' ? `[X]{@${id}}` : `[Says x]{claim ${how}${id}}`)).join(' '),
          '',
        );
      const operation = fc.oneof(
        fc.record({ kind: fc.constant('set' as const), name: fc.constantFrom(...names), article: articleText }),
        fc.record({ kind: fc.constant('remove' as const), name: fc.constantFrom(...names) }),
        fc.record({ kind: fc.constantFrom('begin' as const, 'end' as const, 'query' as const) }),
      );
      const registries = {
        'isnad.yaml': lines('sources:', '  ali: { name: Ali }', '  desk: { name: Desk }', 'entities:', '  town: { name: Town }', '  ali: { name: Ali the person }', ''),
        'sub/isnad.yaml': lines('entities:', '  port: { name: Port }', '  town: { name: Sub-desk town }', ''),
      };
      const targets = [
        ...['ali', 'desk'].map((id) => ({ uri: REGISTRY, kind: 'source' as const, id })),
        ...['town', 'ali'].map((id) => ({ uri: REGISTRY, kind: 'entity' as const, id })),
        ...['port', 'town'].map((id) => ({ uri: `${ROOT}/sub/isnad.yaml`, kind: 'entity' as const, id })),
        ...names.flatMap((name) => ids.map((id) => ({ uri: `${ROOT}/${name}`, kind: 'entity' as const, id }))),
      ];
      const everyReference = (corpus: Corpus) => targets.map((target) => referencesTo(corpus, target, true));
      fc.assert(
        fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
          const corpus = corpusOf(registries);
          const files = new Map<string, string>();
          let loads = 0;
          for (const step of operations) {
            if (step.kind === 'set') {
              files.set(step.name, text(step.article));
              setText(corpus, step.name, text(step.article));
            } else if (step.kind === 'remove') {
              files.delete(step.name);
              corpus.removeArticle(`${ROOT}/${step.name}`);
            } else if (step.kind === 'begin') {
              loads++;
              corpus.beginBulkLoad();
            } else if (step.kind === 'end' && loads > 0) {
              loads--;
              corpus.endBulkLoad();
            } else if (step.kind === 'query') {
              assert.deepEqual(everyReference(corpus), everyReference(corpusOf({ ...registries, ...Object.fromEntries(files) })));
            }
          }
          assert.deepEqual(everyReference(corpus), everyReference(corpusOf({ ...registries, ...Object.fromEntries(files) })));
        }),
        { numRuns: 300 },
      );
    });

    it('keeps, of an id naming both a source and an entity, the references of the role that resolves to the target, in an array of the exact size', () => {
      const corpus = corpusOf({
        'isnad.yaml': lines('sources:', '  ali: { name: Ali Hassan }', 'entities:', '  ali: { name: Ali the person }', ''),
        'x.isnad.md': lines('[Ali]{@ali} said [it]{claim by=ali} of [Ali]{@ali}', ''),
      });
      const entity = referencesTo(corpus, { uri: REGISTRY, kind: 'entity', id: 'ali' }, true);
      const source = referencesTo(corpus, { uri: REGISTRY, kind: 'source', id: 'ali' }, false);
      assert.deepEqual(entity.map(({ uri, range }) => `${uri.slice(ROOT.length + 1)} ${rangeText(range)}`), ['isnad.yaml 3:2-3:5', 'x.isnad.md 0:7-0:10', 'x.isnad.md 0:46-0:49']);
      assert.deepEqual(source.map(({ uri, range }) => `${uri.slice(ROOT.length + 1)} ${rangeText(range)}`), ['x.isnad.md 0:31-0:34']);
      assert.deepEqual([Object.keys(entity).length, Object.keys(source).length], [3, 1]);
    });

    it('resolves through a registry added after the articles were indexed', () => {
      const corpus = corpusOf(FILES);
      corpus.setRegistry(parseRegistry(lines('entities:', '  town: { name: The sub-desk’s town }', ''), `${ROOT}/sub/isnad.yaml`));
      assert.deepEqual(where(corpus, town), ['a.isnad.md 2:55-2:59', 'a.isnad.md 2:74-2:78']);
      assert.deepEqual(where(corpus, { uri: `${ROOT}/sub/isnad.yaml`, kind: 'entity', id: 'town' }), ['sub/b.isnad.md 0:70-0:74', 'sub/b.isnad.md 0:84-0:88']);
    });
  });
});
