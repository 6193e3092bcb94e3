// Quick fix for a source or entity written without `name:` (a `front-matter` error on its key):
// add one, guessed from the id, as the entry's first key, in its own style (block or flow).
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { Entity, IsnadDocument, Source } from '../../model';
import { localize } from '../../l10n';
import type { CodeActionProvider } from './provider';
import { codeAction, insertion, isnadDiagnostics, offsetRange, sameRange, type OffsetEdit } from './edits';
import { yamlString } from './frontMatterEdits';
import { nameFromId } from './unknownIds';

export const missingNameFixes: CodeActionProvider = (doc, _range, diagnostics, locale) => {
  const actions: CodeAction[] = [];
  const front = doc.frontMatter;
  if (!front) return actions;
  const definitions = [...front.sources.values(), ...front.entities.values()];
  for (const diagnostic of isnadDiagnostics(diagnostics, ['front-matter'])) {
    const key = offsetRange(doc, diagnostic.range);
    const definition = definitions.find((candidate) => candidate.name === '' && candidate.uri === undefined && sameRange(candidate.keyRange, key));
    const name = definition && nameFromId(definition.id);
    const edit = definition && nameInsertion(doc, definition, yamlString(name!));
    if (edit) actions.push(codeAction(doc, localize(locale, 'actionAddName', [name!]), CodeActionKind.QuickFix, [edit], { diagnostics: [diagnostic], isPreferred: true }));
  }
  return actions;
};

/** `name: …` first in the entry's mapping; undefined when the entry has a `name` key already (its value is what is wrong) or is not a mapping. */
function nameInsertion(doc: IsnadDocument, definition: Source | Entity, name: string): OffsetEdit | undefined {
  const afterKey = doc.text.indexOf(':', definition.keyRange.end) + 1;
  const value = doc.text.slice(afterKey, definition.range.end);
  if (/(?:^|[\n{,])\s*["']?name["']?\s*:/.test(value)) return undefined;
  const flow = /^[ \t]*\{[ \t]*/.exec(value);
  if (flow) {
    const at = afterKey + flow[0].length;
    return insertion(at, doc.text[at] === '}' ? `name: ${name}` : `name: ${name}, `);
  }
  // The first line of the block mapping below the key gives the indentation of its keys.
  const child = /\n([ \t]+)(?!#)\S/.exec(value);
  if (!child) return undefined;
  return insertion(afterKey + child.index + 1, `${child[1]}name: ${name}\n`);
}
