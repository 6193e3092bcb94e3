// The outline through VS Code's document-symbol API, on the Arabic sample (FORMAT.md §6):
// the front matter, the claims before the first heading, then the three sections with their claims.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, SERVER_TEXT, closeAllEditors, openSample } from './support';

const { Module, Boolean: Claim, Namespace: Section, Object: Group } = vscode.SymbolKind;

const SECTIONS = ['ماذا تريد كوريا الشمالية من بوتين وروسيا؟', 'إحياء تحالف “محور الشر”', 'مليار دولار لمواجهة بوتين وكيم'];

const CLAIMS_BEFORE_FIRST_HEADING = [
  'في العقود الثلاثة الماضية، شهدنا تراجعا في العلاقة…',
  'تسمح فيها روسيا للقراصنة الكوريين الشماليين بالعمل من…',
  'ذهب المسؤولون الروس إلى حدّ تنفيذ تدابير محلية…',
];

const FIRST_SECTION_CLAIMS = [
  'كيم جونغ أون، يمتلك الملايين من قذائف المدفعية…',
  'استنفدت قذائف المدفعية لدى قوات “الكرملين”',
  'زعيم كوريا الشمالية، قام بزيارة روسيا مرتين، الزيارة…',
  'كوريا الشمالية فشلت في إطلاق قمرين صناعيين حتى…',
  'تأتي العزلة السياسية بسبب سياسات روسيا الخارجية المثيرة…',
];

const summary = (symbols: readonly vscode.DocumentSymbol[]) => symbols.map(({ name, kind }) => [name, vscode.SymbolKind[kind]]);

export function outlineTests(): void {
  describe('outline', () => {
    after(closeAllEditors);

    it('nests the Arabic sample: front matter, three claims, then three sections holding their claims', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      assert.deepEqual(summary(symbols), [
        [SERVER_TEXT.frontMatter, 'Module'],
        ...CLAIMS_BEFORE_FIRST_HEADING.map((name) => [name, 'Boolean']),
        ...SECTIONS.map((name) => [name, 'Namespace']),
      ]);

      const frontMatter = symbols[0];
      assert.equal(frontMatter.kind, Module);
      assert.deepEqual(
        frontMatter.children.map(({ name, kind, children }) => [name, kind, children.length]),
        [
          [SERVER_TEXT.sources, Group, 5],
          [SERVER_TEXT.entities, Group, 26],
        ],
      );

      const sections = symbols.filter((symbol) => symbol.kind === Section);
      assert.deepEqual(
        sections.map((section) => section.children.length),
        [5, 14, 11],
      );
      for (const section of sections) {
        for (const child of section.children) {
          assert.equal(child.kind, Claim, `${child.name} is a claim`);
          assert.ok(section.range.contains(child.range), `${child.name} lies inside the section ${section.name}`);
        }
      }
      assert.deepEqual(
        sections[0].children.map(({ name, detail }) => [name, detail]),
        FIRST_SECTION_CLAIMS.map((name) => [name, SERVER_TEXT.unattributed]),
      );
      assert.equal(sections[1].children[0].detail, 'أندريه مورتازين');
    });
  });
}
