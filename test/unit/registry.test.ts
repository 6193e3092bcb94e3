import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { parseRegistry } from '../../server/src/service/parse/registry';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { computeRegistryDiagnostics } from '../../server/src/service/features/registryDiagnostics';
import { computeHover } from '../../server/src/service/features/hover';
import { sourceChoices, entityChoices } from '../../server/src/service/features/frontMatterChoices';
import { findEntity, findSource, speakerOf, visibleSources } from '../../server/src/service/resolve';
import { exportDocument } from '../../server/src/service/export/index';
import type { RegistryScope } from '../../server/src/service/model';
import { fixture, lines } from './fixture';

const ROOT_URI = 'file:///corpus/isnad.yaml';
const DESK_URI = 'file:///corpus/desk/isnad.yaml';

const ROOT_REGISTRY = lines(
  'sources:',
  '  okafor: { name: Lena Okafor, role: harbour master, entity: okafor }',
  '  ministry: { name: Ministry of Trade, kind: government }',
  'entities:',
  '  okafor: { name: Lena Okafor, type: person }',
  '  valmora: { name: Port of Valmora, type: place }',
  '',
);

const DESK_REGISTRY = lines('sources:', '  ministry: { name: Ministry of Trade and Industry, kind: government, via: statement }', '');

function scope(...layers: [text: string, uri: string][]): RegistryScope {
  return { layers: layers.map(([text, uri]) => parseRegistry(text, uri)) };
}

describe('shared registry (isnad.yaml)', () => {
  describe('parsing', () => {
    it('reads sources and entities as front matter does, each marked with the registry uri and exact key ranges', () => {
      const f = fixture(lines('sources:', '  ⟦okafor⟧: { name: Lena Okafor }', 'entities:', '  ⟦valmora⟧: Port of Valmora', ''));
      const registry = parseRegistry(f.text, ROOT_URI);
      assert.deepEqual(registry.problems, []);
      const okafor = registry.sources.get('okafor')!;
      assert.equal(okafor.uri, ROOT_URI);
      assert.equal(okafor.name, 'Lena Okafor');
      assert.deepEqual(okafor.keyRange, f.offsetRanges[0]);
      const valmora = registry.entities.get('valmora')!;
      assert.deepEqual([valmora.uri, valmora.name, valmora.type], [ROOT_URI, 'Port of Valmora', 'other']);
      assert.deepEqual(valmora.keyRange, f.offsetRanges[1]);
    });

    it('leaves a front matter’s own definitions without a uri', () => {
      const doc = parseIsnad(lines('---', 'sources:', '  ali: Ali', '---', ''));
      assert.equal(Object.hasOwn(doc.frontMatter!.sources.get('ali')!, 'uri'), false);
    });
  });

  describe('resolution and override rules', () => {
    const article = lines('---', 'sources:', '  okafor: { name: Okafor as this article names her }', '---', '[Ships return]{claim by=ministry about=valmora} and [x]{claim by=okafor}.', '');

    it('resolves ids the article does not define through the registry', () => {
      const doc = parseIsnad(article, 'file:///corpus/a.isnad.md', 1, scope([ROOT_REGISTRY, ROOT_URI]));
      assert.equal(findSource(doc, 'ministry')?.name, 'Ministry of Trade');
      assert.equal(findSource(doc, 'ministry')?.uri, ROOT_URI);
      assert.equal(findEntity(doc, 'valmora')?.name, 'Port of Valmora');
      assert.deepEqual(computeDiagnostics(doc, 'en'), []);
    });

    it('lets the article’s front matter override a registry entry id by id', () => {
      const doc = parseIsnad(article, 'file:///corpus/a.isnad.md', 1, scope([ROOT_REGISTRY, ROOT_URI]));
      const okafor = findSource(doc, 'okafor')!;
      assert.equal(okafor.name, 'Okafor as this article names her');
      assert.equal(okafor.uri, undefined);
      // The registry's entity of the same id is still seen: only the source was overridden.
      assert.equal(findEntity(doc, 'okafor')?.uri, ROOT_URI);
    });

    it('lets a nearer registry override a farther one id by id, and keeps the farther one’s other entries', () => {
      const doc = parseIsnad(article, 'file:///corpus/desk/a.isnad.md', 1, scope([DESK_REGISTRY, DESK_URI], [ROOT_REGISTRY, ROOT_URI]));
      assert.equal(findSource(doc, 'ministry')?.name, 'Ministry of Trade and Industry');
      assert.equal(findSource(doc, 'ministry')?.uri, DESK_URI);
      assert.equal(findEntity(doc, 'valmora')?.uri, ROOT_URI);
      assert.deepEqual(
        [...visibleSources(doc).values()].map((source) => [source.id, source.uri ?? 'own']),
        [
          ['okafor', 'own'],
          ['ministry', DESK_URI],
        ],
      );
    });

    it('resolves a registry source’s entity link for speakers, exports and choices', () => {
      const doc = parseIsnad(lines('[She spoke]{quote by=okafor}', ''), 'file:///corpus/b.isnad.md', 1, scope([ROOT_REGISTRY, ROOT_URI]));
      const speaker = speakerOf(doc, doc.spans[0])!;
      assert.equal(speaker.source?.role, 'harbour master');
      assert.equal(speaker.entity?.name, 'Lena Okafor');
      const record = JSON.parse(exportDocument(doc, 'jsonl'));
      assert.deepEqual([record.speakerId, record.speakerName, record.speakerRole], ['okafor', 'Lena Okafor', 'harbour master']);
      assert.deepEqual(
        sourceChoices(doc).map((choice) => choice.id),
        ['okafor', 'ministry'],
      );
      assert.deepEqual(
        entityChoices(doc).map((choice) => choice.id),
        ['okafor', 'valmora'],
      );
    });

    it('names both places in unknown-id messages when a registry is in scope', () => {
      const doc = parseIsnad(lines('[x]{claim by=nobody} [y]{@atlantis}', ''), 'file:///corpus/c.isnad.md', 1, scope([ROOT_REGISTRY, ROOT_URI]));
      assert.deepEqual(
        computeDiagnostics(doc, 'en').map((d) => [d.code, d.message]),
        [
          ['unknown-source', 'No source or entity named “nobody” is defined in the front matter or in isnad.yaml.'],
          ['unknown-entity', 'No entity named “atlantis” is defined in the front matter or in isnad.yaml.'],
        ],
      );
    });

    it('does not report registry entries as unused in an article (the workspace decides that)', () => {
      const doc = parseIsnad(lines('No spans here.', ''), 'file:///corpus/d.isnad.md', 1, scope([ROOT_REGISTRY, ROOT_URI]));
      assert.deepEqual(computeDiagnostics(doc, 'en'), []);
    });

    it('shows where a shared definition comes from in the hover card', () => {
      const f = fixture(lines('[x]{claim by=minis$0try}', ''));
      const doc = parseIsnad(f.text, 'file:///corpus/e.isnad.md', 1, scope([ROOT_REGISTRY, ROOT_URI]));
      const hover = computeHover(doc, f.position, 'en')!;
      assert.equal((hover.contents as { value: string }).value, '**Ministry of Trade** (government)\n\n**Shared definition\\:** corpus\\/isnad\\.yaml');
    });
  });

  describe('diagnostics in the registry file', () => {
    it('reports YAML, entry and duplicate errors with ranges in the registry', () => {
      const f = fixture(
        lines('sources:', '  ali: { name: Ali }', '  ⟦ali⟧: { name: Ali again }', '  ⟦nameless⟧: { kind: person }', 'entities:', '  town: { name: Town, type: ⟦city⟧ }', '⟦entites⟧: {}', ''),
      );
      const diagnostics = computeRegistryDiagnostics(parseRegistry(f.text, ROOT_URI), { layers: [] }, 'en');
      assert.deepEqual(
        diagnostics.map(({ code, severity, range, message }) => ({ code, severity, range, message })),
        [
          { code: 'duplicate-id', severity: DiagnosticSeverity.Error, range: f.ranges[0], message: 'Source “ali” is already defined above; this repeat is ignored.' },
          { code: 'front-matter', severity: DiagnosticSeverity.Error, range: f.ranges[1], message: '“nameless” has no name: add name: …' },
          {
            code: 'front-matter',
            severity: DiagnosticSeverity.Error,
            range: f.ranges[2],
            message: '“town.type” must be one of: person, organization, country, place, event, other.',
          },
          { code: 'front-matter', severity: DiagnosticSeverity.Warning, range: f.ranges[3], message: 'isnad.yaml holds only sources: and entities:; “entites” is not read.' },
        ],
      );
    });

    it('reports invalid YAML and a registry that is not a mapping', () => {
      const broken = fixture(lines('sources:', '  ali: ⟦[Al⟦i⟧', '⟧'));
      assert.deepEqual(
        computeRegistryDiagnostics(parseRegistry(broken.text, ROOT_URI), { layers: [] }, 'en').map(({ range, message }) => ({ range, message })),
        [
          { range: broken.ranges[0], message: '“ali” must be a name or a mapping with a name.' },
          { range: broken.ranges[1], message: 'isnad.yaml is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' },
        ],
      );
      const list = fixture('⟦- a\n- b\n⟧');
      assert.deepEqual(
        computeRegistryDiagnostics(parseRegistry(list.text, ROOT_URI), { layers: [] }, 'en').map(({ range, message }) => ({ range, message })),
        [{ range: list.range, message: 'isnad.yaml must be a mapping with sources: and entities:.' }],
      );
    });

    it('reports an alias to no anchor as such, once, where it is written', () => {
      const f = fixture(lines('entities:', '  v: { name: V, aliases: [⟦*x⟧] }', '  w: ⟦*y⟧', ''));
      assert.deepEqual(
        computeRegistryDiagnostics(parseRegistry(f.text, ROOT_URI), { layers: [] }, 'en').map(({ code, range, message }) => ({ code, range, message })),
        [
          { code: 'front-matter', range: f.ranges[0], message: 'The YAML alias “*x” names no anchor set before it.' },
          { code: 'front-matter', range: f.ranges[1], message: 'The YAML alias “*y” names no anchor set before it.' },
        ],
      );
    });

    it('resolves entity links against the registry and its parent folders’ registries', () => {
      const f = fixture(lines('sources:', '  a: { name: A, entity: valmora }', '  b: { name: B, entity: ⟦nowhere⟧ }', ''));
      const diagnostics = computeRegistryDiagnostics(parseRegistry(f.text, DESK_URI), scope([ROOT_REGISTRY, ROOT_URI]), 'en');
      assert.deepEqual(
        diagnostics.map(({ code, range, message }) => ({ code, range, message })),
        [{ code: 'unknown-entity', range: f.range, message: 'No entity named “nowhere” is defined in this isnad.yaml or in one of a parent folder.' }],
      );
    });

    it('reports entries no article uses as unused, on their keys, in English and Arabic', () => {
      const f = fixture(lines('sources:', '  used: { name: Used }', '  ⟦idle⟧: { name: Idle }', 'entities:', '  used: { name: Both source and entity }', '  ⟦ghost⟧: Ghost', ''));
      const registry = parseRegistry(f.text, ROOT_URI);
      const diagnostics = computeRegistryDiagnostics(registry, { layers: [] }, 'en', new Set(['used']));
      assert.deepEqual(
        diagnostics.map(({ code, severity, range, message, tags }) => ({ code, severity, range, message, tags })),
        [
          {
            code: 'unused-definition',
            severity: DiagnosticSeverity.Hint,
            range: f.ranges[0],
            message: 'Source “idle” is defined but no article in the workspace refers to it.',
            tags: [DiagnosticTag.Unnecessary],
          },
          {
            code: 'unused-definition',
            severity: DiagnosticSeverity.Hint,
            range: f.ranges[1],
            message: 'Entity “ghost” is defined but no article in the workspace refers to it.',
            tags: [DiagnosticTag.Unnecessary],
          },
        ],
      );
      assert.equal(computeRegistryDiagnostics(registry, { layers: [] }, 'ar', new Set(['used']))[1].message, 'الكيان «ghost» معرَّف لكن لا يشير إليه أي مقال في مساحة العمل.');
      // Before the workspace is known, nothing is unused.
      assert.deepEqual(computeRegistryDiagnostics(registry, { layers: [] }, 'en'), []);
    });

    it('reports a bidi control inside a registry id as an error', () => {
      const f = fixture(lines('entities:', '  ⟦ab⟦\u202E⟧c⟧: Hidden', ''));
      assert.deepEqual(
        computeRegistryDiagnostics(parseRegistry(f.text, ROOT_URI), { layers: [] }, 'en').map(({ code, severity, range }) => [code, severity, range]),
        [
          ['front-matter', DiagnosticSeverity.Error, f.ranges[0]],
          ['bidi-control', DiagnosticSeverity.Error, f.ranges[1]],
        ],
      );
    });
  });
});
