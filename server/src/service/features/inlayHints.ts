// Inlay hints naming the speaker of each claim and quote, before its text. Only in left-to-right
// paragraphs free of right-to-left text (`inlineStylableBlocks`): a hint inside a right-to-left
// line splits it and scrambles its words (E2E.md).
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { IsnadDocument } from '../model';
import { localize, type Locale } from '../l10n';
import { isStatement, speakerName, speakerOf } from '../resolve';
import { spanTitle } from './symbols';
import { inlineStylableSpans } from './direction';

export function computeInlayHints(doc: IsnadDocument, range: Range, locale: Locale): InlayHint[] {
  const start = doc.lines.offsetAt(range.start);
  const end = doc.lines.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const span of inlineStylableSpans(doc)) {
    if (!isStatement(span) || span.contentRange.start < start || span.contentRange.start > end) continue;
    const speaker = speakerOf(doc, span);
    if (!speaker) continue;
    const name = speakerName(speaker);
    const inherited = speaker.inheritedFrom ? ` (${localize(locale, 'inheritedFrom', [spanTitle(doc, speaker.inheritedFrom)])})` : '';
    hints.push({
      position: doc.lines.positionAt(span.contentRange.start),
      label: `${name}:`,
      paddingRight: true,
      tooltip: `${localize(locale, 'saidBy')}: ${name}${inherited}`,
    });
  }
  return hints;
}
