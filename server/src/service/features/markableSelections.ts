// Which selections "Mark Selection as Claim / Quote / Entity Mention" may wrap, and in which
// direction each one's paragraph reads (right-to-left paragraphs get the Arabic keywords). The
// same test as the marking code actions: a selection that cut through a span, a comment or an
// escape would change what the markup around it means.
import type { Range } from 'vscode-languageserver-types';
import type { MarkableSelectionsResult } from '../../protocol';
import type { IsnadDocument } from '../model';
import { canWrap } from './codeActions/marking';
import { offsetRange } from './codeActions/edits';
import { directionAt } from './direction';

export function markableSelections(doc: IsnadDocument, ranges: readonly Range[]): MarkableSelectionsResult {
  const directions = ranges.map((range) => {
    const selection = offsetRange(doc, range);
    return canWrap(doc, selection) ? directionAt(doc, selection.start) : null;
  });
  return { version: doc.version, directions };
}
