// "Annotate this mention" and "Annotate all N unmarked mentions of …" on an implicit mention
// (features/implicitMentions.ts): they write the markup "Mark Selection as Entity Mention" writes.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { IsnadDocument } from '../../model';
import { localize, type Locale } from '../../l10n';
import { firstEndingAfter } from '../../ranges';
import { implicitMentions, type ImplicitMention } from '../implicitMentions';
import { documentEdit, wrapInSpan } from './edits';

export function annotateMentionActions(doc: IsnadDocument, range: Range, _diagnostics: readonly Diagnostic[], locale: Locale): CodeAction[] {
  const start = doc.lines.offsetAt(range.start);
  const end = doc.lines.offsetAt(range.end);
  const mentions = implicitMentions(doc);
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (let i = firstEndingAfter(mentions, start); i < mentions.length && mentions[i].start <= end; i++) {
    const mention = mentions[i];
    const { entity } = mention;
    const name = entity.name || entity.id;
    actions.push(annotate(doc, localize(locale, 'annotateMention', [name]), [mention]));
    if (offered.has(entity.id)) continue;
    offered.add(entity.id);
    const all = mentions.filter((other) => other.entity === entity);
    if (all.length > 1) actions.push(annotate(doc, localize(locale, 'annotateAllMentions', [all.length, name]), all));
  }
  return actions;
}

function annotate(doc: IsnadDocument, title: string, mentions: readonly ImplicitMention[]): CodeAction {
  return {
    title,
    kind: CodeActionKind.RefactorRewrite,
    edit: documentEdit(
      doc,
      mentions.flatMap((mention) => wrapInSpan(doc, mention, `@${mention.entity.id}`)),
    ),
  };
}
