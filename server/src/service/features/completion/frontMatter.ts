// Completion in the front matter: the known keys at the top level and inside a source or entity,
// the values of `direction`, `kind` and `type`, entity ids after `entity:`, and snippets for a new
// source or entity where an id goes.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { DIRECTIONS, ENTITY_TYPES, SOURCE_KINDS, type IsnadDocument } from '../../model';
import { localize, type Locale, type MessageKey } from '../../l10n';
import { KIND_LABELS } from '../hover';
import { entityItems } from './idItems';

type Section = 'sources' | 'entities';

const TOP_LEVEL_KEYS = ['title', 'outlet', 'url', 'published', 'language', 'direction', 'authors', 'sources', 'entities'];
const FIELDS: Readonly<Record<Section, readonly string[]>> = {
  sources: ['name', 'kind', 'role', 'affiliation', 'via', 'url', 'date', 'entity'],
  entities: ['name', 'type', 'aliases', 'description', 'wikidata', 'url'],
};

/** A key with an enumerated (or id) value, then the part of the value typed so far. */
const VALUE = /(?:^|[{,])\s*(kind|type|direction|entity)\s*:\s*([^\s,{}[\]:]*)$/u;
const BLOCK_KEY = /^( *)([\p{L}_]*)$/u;
const FLOW_KEY = /[{,]\s*([\p{L}_]*)$/u;
const VALUE_END = /[\s,}\]]/;
const SECTION_HEADER = /^(sources|entities)\s*:\s*(?:#.*)?$/;

export function frontMatterCompletion(doc: IsnadDocument, offset: number, locale: Locale): CompletionItem[] | undefined {
  const front = doc.frontMatter;
  if (!front || offset < front.contentRange.start || offset >= front.contentRange.end) return undefined;
  const line = doc.lines.lineAt(offset);
  const before = doc.text.slice(doc.lines.lineStart(line), offset);
  const section = sectionOf(doc, line, front.contentRange.start);

  const value = VALUE.exec(before);
  if (value) {
    let end = offset;
    while (end < doc.text.length && !VALUE_END.test(doc.text[end])) end++;
    const range = doc.lines.rangeOf({ start: offset - value[2].length, end });
    const edit = (newText: string): TextEdit => ({ range, newText });
    const key = value[1];
    if (key === 'direction' && !section) return DIRECTIONS.map((direction, index) => enumItem(direction, undefined, index, edit));
    if (key === 'kind' && section === 'sources') return SOURCE_KINDS.map((kind, index) => enumItem(kind, localize(locale, KIND_LABELS[kind]), index, edit));
    if (key === 'type' && section === 'entities') return ENTITY_TYPES.map((type, index) => enumItem(type, localize(locale, KIND_LABELS[type]), index, edit));
    if (key === 'entity' && section === 'sources') return entityItems(doc, edit, locale);
    return [];
  }

  const flow = FLOW_KEY.exec(before);
  const block = BLOCK_KEY.exec(before);
  const word = flow?.[1] ?? block?.[2];
  if (word === undefined) return [];
  let end = offset;
  while (end < doc.text.length && /[\p{L}_]/u.test(doc.text[end])) end++;
  const keyStart = offset - word.length;
  const edit = (newText: string): TextEdit => ({ range: doc.lines.rangeOf({ start: keyStart, end }), newText });
  const indent = block ? block[1].length : undefined;
  if (indent === 0) {
    return TOP_LEVEL_KEYS.filter((key) => !Object.hasOwn(front.data, key) || key === word).map((key, index) =>
      keyItem(key, index, edit(key === 'sources' || key === 'entities' ? `${key}:\n  ` : `${key}: `)),
    );
  }
  if (!section) return [];
  if (flow || indent! > idIndent(doc, section, line)) return FIELDS[section].map((key, index) => keyItem(key, index, edit(`${key}: `)));
  return [newDefinition(section, edit, locale)];
}

function enumItem(value: string, detail: string | undefined, index: number, edit: (text: string) => TextEdit): CompletionItem {
  return { label: value, kind: CompletionItemKind.EnumMember, detail, sortText: String(index).padStart(2, '0'), textEdit: edit(value) };
}

function keyItem(key: string, index: number, textEdit: TextEdit): CompletionItem {
  return { label: key, kind: CompletionItemKind.Property, sortText: String(index).padStart(2, '0'), textEdit };
}

const NEW_DEFINITION: Readonly<Record<Section, { label: MessageKey; detail: MessageKey; snippet: string }>> = {
  sources: {
    label: 'newSource',
    detail: 'newSourceDetail',
    snippet: `\${1:id}:\n  name: \${2:name}\n  kind: \${3|${SOURCE_KINDS.join(',')}|}\n  role: $0`,
  },
  entities: {
    label: 'newEntity',
    detail: 'newEntityDetail',
    snippet: `\${1:id}:\n  name: \${2:name}\n  type: \${3|${ENTITY_TYPES.join(',')}|}\n  description: $0`,
  },
};

/** The editor indents the snippet's later lines like the line it is inserted on. */
function newDefinition(section: Section, edit: (text: string) => TextEdit, locale: Locale): CompletionItem {
  const { label, detail, snippet } = NEW_DEFINITION[section];
  return { label: localize(locale, label), kind: CompletionItemKind.Snippet, detail: localize(locale, detail), insertTextFormat: InsertTextFormat.Snippet, textEdit: edit(snippet) };
}

/** The top-level key whose value holds `line`, when it is `sources` or `entities`. */
function sectionOf(doc: IsnadDocument, line: number, contentStart: number): Section | undefined {
  for (let above = line - 1; above >= 0 && doc.lines.lineStart(above) >= contentStart; above--) {
    const text = lineText(doc, above);
    if (!text || /^[\s#]/.test(text)) continue;
    return (SECTION_HEADER.exec(text)?.[1] as Section | undefined) ?? undefined;
  }
  return undefined;
}

/** The indentation of the section's ids: that of its first entry, else of the line being written. */
function idIndent(doc: IsnadDocument, section: Section, line: number): number {
  const first = [...(section === 'sources' ? doc.frontMatter!.sources.values() : doc.frontMatter!.entities.values())][0];
  if (first && doc.lines.lineAt(first.keyRange.start) !== line) return doc.lines.positionAt(first.keyRange.start).character;
  return lineText(doc, line).length - lineText(doc, line).trimStart().length;
}

function lineText(doc: IsnadDocument, line: number): string {
  return doc.text.slice(doc.lines.lineStart(line), doc.lines.lineContentEnd(line));
}
