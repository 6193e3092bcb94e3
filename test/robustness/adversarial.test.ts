// The adversarial corpus (test/fixtures/adversarial/corpus.ts) through the service: exact
// diagnostics, within a bound on CPU time and on the heap the model and its diagnostics keep.
// Every other feature then runs on the same model and must return.
import * as assert from 'node:assert/strict';
import { ADVERSARIAL } from '../fixtures/adversarial/corpus';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { runAllFeatures } from '../fuzz/invariants';

const MB = 1024 * 1024;

function retainedHeap(): number {
  global.gc!();
  return process.memoryUsage().heapUsed;
}

describe('adversarial corpus, through the service', () => {
  before(() => assert.ok(global.gc, 'run with --expose-gc (test/robustness/.mocharc.json does)'));

  for (const item of ADVERSARIAL) {
    it(`${item.name}: exact diagnostics within ${item.seconds} s and ${item.retainedMb} MB`, () => {
      const text = item.text();
      const before = retainedHeap();
      const started = process.cpuUsage();
      const doc = parseIsnad(text);
      const diagnostics = computeDiagnostics(doc, 'en');
      const { user, system } = process.cpuUsage(started);
      const retained = (retainedHeap() - before - text.length * 2) / MB;
      assert.deepEqual(
        diagnostics.map(({ code, range }, i) => [code, item.diagnostics[i]?.[1] && [range.start.line, range.start.character, range.end.line, range.end.character]]),
        item.diagnostics.map(([code, range]) => [code, range && [...range]]),
      );
      assert.ok((user + system) / 1e6 < item.seconds, `took ${((user + system) / 1e6).toFixed(2)} s`);
      assert.ok(retained < item.retainedMb, `kept ${retained.toFixed(1)} MB besides the text`);
    });
  }

  it('every feature returns on every corpus document small enough to check all its invariants', () => {
    for (const item of ADVERSARIAL) {
      const text = item.text();
      if (text.length <= 1024 * 1024) runAllFeatures(text, [0, 0.5, 1]);
    }
  });
});
