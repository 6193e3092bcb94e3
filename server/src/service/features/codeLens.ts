// A code lens above each section heading: how many claims the section holds (its subsections
// included) and how many have no source; it moves to the next unattributed claim.
import type { CodeLens } from 'vscode-languageserver-types';
import { NEXT_UNATTRIBUTED_CLAIM_COMMAND, type UnattributedClaimCommandArguments } from '../../protocol';
import type { IsnadDocument } from '../model';
import { localize, type Locale } from '../l10n';

export function computeCodeLenses(doc: IsnadDocument, locale: Locale): CodeLens[] {
  const claims = doc.sections.map(() => 0);
  const unattributed = doc.sections.map(() => 0);
  for (const span of doc.spans) {
    if (span.kind !== 'claim') continue;
    for (let section = span.section; section !== undefined; section = doc.sections[section].parent) {
      claims[section]++;
      if (span.attributedBy === undefined) unattributed[section]++;
    }
  }
  return doc.sections.map((section) => {
    const range = doc.lines.rangeOf(section.headingRange);
    const [count, without] = [claims[section.index], unattributed[section.index]];
    const title = count === 1 ? localize(locale, 'sectionClaimsOne', [without]) : localize(locale, 'sectionClaims', [count, without]);
    const args: UnattributedClaimCommandArguments = { uri: doc.uri, position: range.start };
    return { range, command: { title, command: NEXT_UNATTRIBUTED_CLAIM_COMMAND, arguments: [args] } };
  });
}
