// The editing features answer at every position of every sample, broken markup included, and
// never throw (a refused rename aside, which is an answer).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeCompletion } from '../../server/src/service/features/completion/index';
import { computeDefinition, computeDocumentHighlights, computeReferences } from '../../server/src/service/features/navigation';
import { RenameRefusal, prepareRename } from '../../server/src/service/features/rename';
import { semanticTokens } from '../../server/src/service/features/semanticTokens';
import { computeInlayHints } from '../../server/src/service/features/inlayHints';
import { computeCodeLenses } from '../../server/src/service/features/codeLens';

const SAMPLES = path.resolve(__dirname, '../../samples');
const STEP = 5;

describe('editing features on every sample', () => {
  for (const name of fs.readdirSync(SAMPLES).filter((file) => file.endsWith('.isnad.md'))) {
    it(`answer everywhere in ${name} without throwing; tokens sorted, one line each, never overlapping`, () => {
      const text = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
      const doc = parseIsnad(text, `file:///${name}`, 1);
      for (let offset = 0; offset <= text.length; offset += STEP) {
        const position = doc.lines.positionAt(offset);
        computeCompletion(doc, position, 'ar');
        computeDefinition(doc, position);
        computeReferences(doc, position, true);
        computeDocumentHighlights(doc, position);
        try {
          prepareRename(doc, position, 'en');
        } catch (error) {
          assert.ok(error instanceof RenameRefusal, String(error));
        }
      }
      const whole = { start: { line: 0, character: 0 }, end: doc.lines.positionAt(text.length) };
      computeInlayHints(doc, whole, 'en');
      assert.equal(computeCodeLenses(doc, 'en').length, doc.sections.length);
      const tokens = semanticTokens(doc);
      tokens.forEach((token, index) => {
        assert.ok(token.end > token.start && doc.lines.lineAt(token.end) === token.line, `token ${index} stays on line ${token.line}`);
        if (index > 0) assert.ok(token.start >= tokens[index - 1].end, `token ${index} starts after the previous one ends`);
      });
    });
  }
});
