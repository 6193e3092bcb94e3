// Attribution hints and implicit mentions kept per paragraph across versions: a paragraph's shadow
// is its part of the body's, and an edit inside one paragraph adds or removes exactly its results.
import * as assert from 'node:assert/strict';
import type { IsnadDocument, TextRange } from '../../server/src/service/model';
import type { Shadow } from '../../server/src/service/arabic/normalize';
import { forEachBlockShadow } from '../../server/src/service/arabic/blockShadows';
import { parseIsnad } from '../../server/src/service/parse/document';
import { reparse } from '../../server/src/service/parse/incremental';
import { DEFAULT_DIAGNOSTICS_OPTIONS } from '../../server/src/service/features/diagnostics';
import { problemSet, problemsOf, updateProblemSet, type ProblemSet } from '../../server/src/service/features/problemSet';
import { carryImplicitMentions, implicitMentions } from '../../server/src/service/features/implicitMentions';
import { attributionHints, attributionHintsIn, blockStretchAt } from '../../server/src/service/features/attributionHints';
import { fixture, lines } from './fixture';

const FRONT_MATTER = ['---', 'entities:', '  putin: {name: فلاديمير بوتين, type: person, aliases: [بوتين]}', '---'];

/** The units of each block's shadow, copied while it is visited. */
function blockUnits(doc: IsnadDocument, blocks: IsnadDocument['blocks']): ReturnType<typeof units>[] {
  const shadows: ReturnType<typeof units>[] = [];
  forEachBlockShadow(doc, blocks, (shadow) => shadows.push(units(shadow)));
  return shadows;
}

function units(shadow: Shadow): { codes: number[]; starts: number[]; ends: number[] } {
  return {
    codes: [...shadow.codes.subarray(0, shadow.length)],
    starts: [...shadow.starts.subarray(0, shadow.length)],
    ends: [...shadow.ends.subarray(0, shadow.length)],
  };
}

/** The document, its problem set and its implicit mentions (found, so that they are carried), edited as the server does. */
class Edited {
  problems: ProblemSet;

  constructor(public doc: IsnadDocument) {
    this.problems = problemSet(doc, DEFAULT_DIAGNOSTICS_OPTIONS);
    implicitMentions(doc);
  }

  /** Replaces `[start, end)` with `inserted`; the edit must stay inside one paragraph. */
  edit(start: number, end: number, inserted: string): void {
    const previous = this.doc;
    const text = previous.text.slice(0, start) + inserted + previous.text.slice(end);
    const { document, paragraph } = reparse(previous, { start, end, insertedLength: inserted.length }, text, previous.version + 1);
    assert.ok(paragraph, 'the edit re-reads one paragraph');
    this.problems = updateProblemSet(this.problems, document, paragraph);
    carryImplicitMentions(previous, document, paragraph);
    this.doc = document;
  }

  hints(): [string, TextRange][] {
    return problemsOf(this.problems)
      .filter((item) => item.code === 'possible-attribution' || item.code === 'vague-source')
      .map((item) => [item.code, { start: item.range.start, end: item.range.end }]);
  }

  mentions(): TextRange[] {
    return implicitMentions(this.doc).map(({ start, end }) => ({ start, end }));
  }
}

describe('results kept per paragraph', () => {
  describe('the shadow of some blocks', () => {
    const text = lines(...FRONT_MATTER, '# العنوان', '', 'قال [بوتين]{@putin} إن <!-- ملاحظة --> الاتفاق\\ قائم.', '', 'The officials said it.\r', 'A second line.');

    it('gives each block the shadow it has alone, read after a longer block or a shorter one', () => {
      const doc = parseIsnad(text);
      const together = blockUnits(doc, doc.blocks);
      const alone = doc.blocks.map((block) => blockUnits(doc, [block])[0]);
      assert.deepEqual(
        together.map((part) => String.fromCharCode(...part.codes)),
        ['العنوان\n', 'قال \u0001بوتين\u0002 ان \u0003 الاتفاق\\ قائم.\n', 'the officials said it. a second line.\n'],
      );
      assert.deepEqual(together, alone);
      assert.deepEqual(blockUnits(doc, [...doc.blocks].reverse()), [...alone].reverse());
    });

    it('maps a paragraph’s units to its own characters, markup as one separator each, and ends it with a block end', () => {
      const doc = parseIsnad(text);
      const paragraph = doc.blocks[1];
      const { codes, starts, ends } = blockUnits(doc, [paragraph])[0];
      assert.equal(String.fromCharCode(...codes), 'قال \u0001بوتين\u0002 ان \u0003 الاتفاق\\ قائم.\n');
      assert.equal(starts[0], paragraph.range.start);
      assert.equal(ends[ends.length - 1], paragraph.range.end);
      const comment = codes.indexOf(0x03);
      assert.equal(text.slice(starts[comment], ends[comment]), '<!-- ملاحظة -->');
    });
  });

  it('finds a paragraph’s hints from its stretch alone: those of the document in it, spans and all', () => {
    const f = fixture(lines(...FRONT_MATTER, '', '⟦قال الوزير إن الميناء مغلق⟧. [أكد المدير ذلك]{claim}.', '', '⟦The officials said it is open⟧.'));
    const doc = parseIsnad(f.text);
    const [arabic, english] = attributionHints(doc);
    assert.deepEqual([arabic.range, english.range], f.offsetRanges);
    const first = blockStretchAt(doc, f.offsetRanges[0].start + 3)!;
    assert.deepEqual(first.spans.map((span) => span.kind), ['claim']);
    assert.deepEqual(attributionHintsIn(doc, first), [arabic]);
    assert.deepEqual(attributionHintsIn(doc, blockStretchAt(doc, f.offsetRanges[1].end)!), [english]);
    assert.equal(blockStretchAt(doc, 5), undefined, 'in the front matter');
  });

  describe('after an edit inside one paragraph', () => {
    const f = fixture(lines(...FRONT_MATTER, '', 'الطقس معتدل اليوم.', '', '⟦قال الوزير إن بوتين وصل⟧.', '', 'The port is open.'));
    const second = f.text.indexOf('الطقس');
    const third = f.text.indexOf('The port');
    const putin = f.text.indexOf('بوتين', f.text.indexOf('قال'));

    it('adds exactly the hint of a cue typed into a paragraph, and removes it when the cue is deleted', () => {
      const edited = new Edited(parseIsnad(f.text));
      const hint = f.offsetRanges[0];
      assert.deepEqual(edited.hints(), [['possible-attribution', hint]]);
      edited.edit(third + 'The port'.length, third + 'The port'.length, ' officials said');
      assert.deepEqual(edited.hints(), [
        ['possible-attribution', hint],
        ['vague-source', { start: third, end: third + 'The port officials said is open'.length }],
      ]);
      edited.edit(third + 'The port'.length, third + 'The port officials said'.length, '');
      assert.deepEqual(edited.hints(), [['possible-attribution', hint]]);
    });

    it('moves the hints after the edited paragraph by the edit’s length', () => {
      const edited = new Edited(parseIsnad(f.text));
      edited.edit(second, second, 'كان ');
      const hint = f.offsetRanges[0];
      assert.deepEqual(edited.hints(), [['possible-attribution', { start: hint.start + 4, end: hint.end + 4 }]]);
    });

    it('adds exactly the implicit mention of a name typed into a paragraph, and moves the later ones', () => {
      const edited = new Edited(parseIsnad(f.text));
      assert.deepEqual(edited.mentions(), [{ start: putin, end: putin + 5 }]);
      edited.edit(second, second, 'بوتين ');
      assert.deepEqual(edited.mentions(), [
        { start: second, end: second + 5 },
        { start: putin + 6, end: putin + 11 },
      ]);
      edited.edit(second, second + 6, '');
      assert.deepEqual(edited.mentions(), [{ start: putin, end: putin + 5 }]);
    });
  });
});
