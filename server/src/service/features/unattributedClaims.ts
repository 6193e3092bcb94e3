// The claims no one is credited with, and moving between them ("Go to Next/Previous Unattributed
// Claim"): from a position to the next or previous one, wrapping around the document's ends.
import type { IsnadDocument, Span } from '../model';

export type Direction = 'next' | 'previous';

/** Claims with no `by=` of their own or inherited, in document order. */
export function unattributedClaims(doc: IsnadDocument): Span[] {
  return doc.spans.filter((span) => span.kind === 'claim' && span.attributedBy === undefined);
}

/**
 * The unattributed claim whose text starts after (or before) `offset`; past the last one, the
 * first (or before the first, the last). Measuring from the text's start, where the command puts
 * the cursor, steps from one claim to the next.
 */
export function adjacentUnattributedClaim(doc: IsnadDocument, offset: number, direction: Direction): Span | undefined {
  const claims = unattributedClaims(doc);
  if (direction === 'next') return claims.find((span) => span.contentRange.start > offset) ?? claims[0];
  const before = claims.filter((span) => span.contentRange.start < offset);
  return before.at(-1) ?? claims.at(-1);
}
