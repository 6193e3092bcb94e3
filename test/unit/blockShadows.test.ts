// The body read block by block through one reused buffer, by each search alone or by both in one
// reading: on random articles (Arabic and Latin, harakat, tatweel, proclitics, spans, comments,
// escapes, CRLF) a block's results do not depend on the blocks read before it, nor on which search
// was asked first, nor on whether the reading was shared; a block whose text rules out every
// phrase (so that it is not folded) holds no match in its shadow.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { IsnadDocument } from '../../server/src/service/model';
import { parseIsnad } from '../../server/src/service/parse/document';
import { implicitMentions } from '../../server/src/service/features/implicitMentions';
import { attributionHints, attributionHintsIn } from '../../server/src/service/features/attributionHints';
import { normalize } from '../../server/src/service/arabic/normalize';
import { forEachBlockShadow, searchBodyOnce, someTextStretch } from '../../server/src/service/arabic/blockShadows';
import { PhraseMatcher } from '../../server/src/service/arabic/phraseMatcher';

const RUNS = Number(process.env.ISNAD_FUZZ_RUNS) || 200;

const FRONT_MATTER = [
  '---',
  'entities:',
  '  putin: {name: فلاديمير بوتين, type: person, aliases: [بوتين, بُوتِين, Putin]}',
  '  china: {name: الصين, type: country, aliases: [بكين, الصّين الشعبية]}',
  '  un: {name: الأمم المتحدة, type: organization, aliases: [UN, United Nations]}',
  '  kim: {name: كيم جونغ أون, type: person, aliases: [كيم, Élysée]}',
  '---',
  '',
].join('\n');

const PIECES = [
  'بوتين', 'بُوتِينُ', 'بوتـــين', 'وبوتين', 'لبوتين', 'الصين', 'والصين', 'للصين', 'بالصين', 'صين', 'الصّين الشعبية', 'للأمم المتحدة',
  'كيم', 'كيم جونغ أون', 'كيمـ', 'Putin', 'PUTIN', 'UN', 'United  Nations', 'Elyse\u0301e', 'Élysée',
  'قال', 'قالت', 'وأكد', 'أكدوا', 'بحسب', 'وفقاً للكاتب', 'نقلا عن', 'said', 'according to', 'officials', 'مصادر', 'والمسؤولون',
  'الوزير', 'الميناء', 'the', 'port', '3.5', '٣', 'ى', 'ة', '\u0640', '\u064E', '\u0651', '\u200F', '😀',
  ' ', ' ', ' ', '  ', '\t', '.', '،', '؟', '!', '«', '»', '\n', '\r\n', '\n\n', '\r\n\r\n', '\n\n# ', '\\[',
  '[', '[', ']{@putin}', ']{claim by=putin}', ']{quote by=un}', ']{claim}', '<!-- قال -->', '<!--x-->',
];

const articles = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 250 }))
  .map(([withFrontMatter, pieces]) => (withFrontMatter ? FRONT_MATTER : '') + pieces.join(''));

const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (key, item) => (key === 'entity' ? item.id : item)));

function everyBlockAlone(doc: IsnadDocument) {
  return doc.blocks.flatMap((block) => attributionHintsIn(doc, { blocks: [block], spans: doc.spans }));
}

describe('the body read block by block', () => {
  it('gives each block’s hints whether it is read after other blocks or alone, whichever search is asked first', () => {
    let found = 0;
    fc.assert(
      fc.property(articles, (text) => {
        const mentionsFirst = parseIsnad(text);
        const mentions = plain(implicitMentions(mentionsFirst));
        const hints = plain(attributionHints(mentionsFirst));
        const hintsFirst = parseIsnad(text);
        assert.deepEqual(plain(attributionHints(hintsFirst)), hints);
        assert.deepEqual(plain(implicitMentions(hintsFirst)), mentions);
        assert.deepEqual(plain(everyBlockAlone(hintsFirst)), hints);
        found += mentions.length + hints.length;
      }),
      { numRuns: RUNS },
    );
    assert.ok(found > RUNS / 4, `the articles hold mentions and hints (${found})`);
  });

  it('finds in one reading shared by both searches what each finds reading the body alone', () => {
    fc.assert(
      fc.property(articles, (text) => {
        const alone = parseIsnad(text);
        const shared = parseIsnad(text);
        searchBodyOnce(shared, [attributionHints, implicitMentions]);
        assert.ok(attributionHints.known(shared) && implicitMentions.known(shared), 'both kept by the shared reading');
        assert.deepEqual(plain(attributionHints(shared)), plain(attributionHints(alone)));
        assert.deepEqual(plain(implicitMentions(shared)), plain(implicitMentions(alone)));
      }),
      { numRuns: RUNS },
    );
  });

  it('never skips a block whose shadow holds a match: a phrase may match in one of its stretches between markup', () => {
    const phrases = ['قال', 'أكدوا', 'بحسب', 'وفقا لـ', 'said', 'according to', 'بوتين', 'الصين', 'Élysée'];
    const matcher = PhraseMatcher.of(phrases.map((text) => ({ text, value: text })));
    let skipped = 0;
    fc.assert(
      fc.property(articles, (text) => {
        const doc = parseIsnad(text);
        const mayMatch = (start: number, end: number) => matcher.mayMatchIn(text, start, end);
        // The ends of the blocks whose shadow holds a match (a shadow's last unit, BLOCK_END, is at its block's end).
        const holding = new Set<number>();
        forEachBlockShadow(doc, doc.blocks, (shadow) => {
          if (matcher.findAll(shadow).length > 0) holding.add(shadow.ends[shadow.length - 1]);
        });
        for (const block of doc.blocks) {
          if (someTextStretch(doc, block, mayMatch)) continue;
          skipped++;
          assert.ok(!holding.has(block.range.end), JSON.stringify(text.slice(block.range.start, block.range.end)));
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(skipped > RUNS / 10, `blocks ruled out (${skipped})`);
  });

  it('maps every mention to characters that read as one of its entity’s names', () => {
    fc.assert(
      fc.property(articles, (text) => {
        const doc = parseIsnad(text);
        for (const { start, end, entity } of implicitMentions(doc)) {
          const read = normalize(text.slice(start, end));
          const names = [entity.name, ...entity.aliases].map(normalize);
          assert.ok(names.includes(read) || names.includes(`ال${read}`) || names.includes(read.replace(/^ال/, '')) || names.includes(read.replace(/^لل/, 'ال')), `${read} for ${entity.id}`);
          assert.ok(!/^\s|\s$/.test(text.slice(start, end)), 'no white space at either end');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
