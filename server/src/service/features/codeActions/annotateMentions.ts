// "Annotate this mention" and "Annotate all N unmarked mentions of …" with the cursor on an
// implicit mention (features/implicitMentions.ts), writing the markup "Mark Selection as Entity
// Mention" writes. On a selection, the marking refactorings (marking.ts) offer the same.
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { IsnadDocument } from '../../model';
import { localize } from '../../l10n';
import { firstEndingAfter } from '../../ranges';
import { mentionOf } from '../../markup';
import { implicitMentions, type ImplicitMention } from '../implicitMentions';
import type { CodeActionProvider } from './provider';
import { isValidId } from '../../ids';
import { codeAction, offsetRange } from './edits';
import { wrap } from './marking';

export const annotateMentions: CodeActionProvider = (doc, range, _diagnostics, locale) => {
  const { start, end } = offsetRange(doc, range);
  if (start !== end) return [];
  const mentions = implicitMentions(doc);
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  // The cursor right after a name is on it, as VS Code's word at the cursor is.
  for (let i = firstEndingAfter(mentions, start - 1); i < mentions.length && mentions[i].start <= start; i++) {
    const { entity } = mentions[i];
    // An invalid id (reported on its key) cannot be written as `@id`.
    if (!isValidId(entity.id)) continue;
    const name = entity.name || entity.id;
    actions.push(annotate(doc, localize(locale, 'actionAnnotateMention', [name]), [mentions[i]]));
    if (offered.has(entity.id)) continue;
    offered.add(entity.id);
    const all = mentions.filter((other) => other.entity === entity);
    if (all.length > 1) actions.push(annotate(doc, localize(locale, 'actionAnnotateAllMentions', [all.length, name]), all));
  }
  return actions;
};

function annotate(doc: IsnadDocument, title: string, mentions: readonly ImplicitMention[]): CodeAction {
  return codeAction(
    doc,
    title,
    CodeActionKind.RefactorRewrite,
    mentions.flatMap((mention) => wrap(mention, mentionOf(mention.entity.id))),
  );
}
