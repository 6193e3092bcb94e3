// Edits of the front matter made by inserting and deleting text, never by writing the YAML out
// again: the author's comments, quoting, blank lines and indentation stay exactly as they were.
// The YAML is read again here (the model keeps entries, not the layout around them), only when
// an action that edits the front matter is asked for.
import { isAlias, isCollection, isMap, isScalar, parse, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseYaml, type YamlDocument } from '../../parse/frontMatter';
import type { Entity, IsnadDocument, Source, TextRange } from '../../model';
import { deletion, insertion, type OffsetEdit } from './edits';
import { normalizeId } from '../../ids';
import { oncePer } from '../../memo';

export type DefinitionSection = 'sources' | 'entities';

/** How the front matter indents an entry's key and the fields under it. */
interface Layout {
  readonly entryIndent: string;
  readonly fieldIndent: string;
}

const DEFAULT_LAYOUT: Layout = { entryIndent: '  ', fieldIndent: '    ' };

/** More fields of a new entry, after its name (`kind: anonymous`). */
export type EntryFields = Readonly<Record<string, string>>;

/**
 * The edits that define `id`, named `name` (and `fields`), under `sources:` or `entities:`: the section is
 * created when missing, the front matter too. Undefined when the front matter cannot take an
 * entry by inserting text (it is never closed, or its YAML does not parse, or is not a block
 * mapping, or the section holds something other than a mapping: those are reported as errors
 * already). Where YAML that does not parse was meant to go is a guess: an entry inserted there
 * could land inside an unterminated string or under a line that is no key.
 */
export function defineEntry(doc: IsnadDocument, section: DefinitionSection, id: string, name: string, fields: EntryFields = {}): OffsetEdit[] | undefined {
  const eol = lineBreakOf(doc.text);
  const frontMatter = doc.frontMatter;
  if (!frontMatter) {
    if (doc.problems.some((problem) => problem.message === 'unclosedFrontMatter')) return undefined;
    return [insertion(doc.bodyStart, ['---', `${section}:`, ...entryLines(DEFAULT_LAYOUT, id, name, fields), '---', ''].join(eol))];
  }
  const base = frontMatter.contentRange.start;
  const yaml = parsedYaml(doc.text.slice(base, frontMatter.contentRange.end));
  if (yaml.errors.length > 0) return undefined;
  const root = yaml.contents;
  const layout = () => layoutOf(doc, base, isMap(root) ? root : undefined);
  const lines = (entryLayout: Layout) => entryLines(entryLayout, id, name, fields).map((line) => line + eol).join('');
  if (root === null) return [insertion(frontMatter.contentRange.end, `${section}:${eol}${lines(layout())}`)];
  if (!isMap(root) || root.flow) return undefined;

  const pair = (root.items as Pair<Node, Node | null>[]).find(({ key }) => isScalar(key) && key.value === section);
  if (!pair) return [insertion(frontMatter.contentRange.end, `${section}:${eol}${lines(layout())}`)];
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) {
    const afterKey = lineAfter(doc, base + pair.key.range![1]);
    // `sources: ~` or `sources: null`: the entries replace the written null.
    const writtenNull = value?.range && value.range[1] > value.range[0] ? [deletion(withSpaceBefore(doc.text, rangeIn(base, value.range)))] : [];
    return [...writtenNull, insertion(afterKey, lines(layout()))];
  }
  if (!isMap(value)) return undefined;
  if (value.flow) return [flowInsertion(base, value, id, name, fields)];
  return [insertion(afterEntries(doc, base, value), lines(blockLayout(doc, base, value) ?? layout()))];
}

/**
 * The editor asks for code actions at every move of the cursor, and a front matter takes
 * milliseconds to parse: the last one parsed is kept, keyed by its text.
 */
let lastParsed: { readonly text: string; readonly yaml: YamlDocument } | undefined;

function parsedYaml(text: string): YamlDocument {
  if (lastParsed?.text !== text) lastParsed = { text, yaml: parseYaml(text) };
  return lastParsed.yaml;
}

/**
 * Deletes a definition: the whole lines from its key through its value (with a comma and a
 * comment at the end of them), nothing else. An entry sharing a line of a `{ … }` mapping loses
 * itself and one comma.
 */
export function removeEntry(doc: IsnadDocument, definition: EntryPlace): OffsetEdit {
  const { lines, text } = doc;
  const end = trimmedEnd(text, definition.range);
  const firstLine = lines.lineAt(definition.keyRange.start);
  const lastLine = lines.lineAt(end - 1);
  const before = text.slice(lines.lineStart(firstLine), definition.range.start);
  const after = text.slice(end, lines.lineContentEnd(lastLine));
  // An entry alone on its lines goes with them: in a block mapping, or in a flow mapping written
  // one entry per line, whose comma after it goes too.
  if (/^[ \t]*$/.test(before) && /^[ \t]*,?[ \t]*(?:#.*)?$/.test(after)) {
    // Comments indented under the entry are its own: they go with it.
    return deletion({ start: lines.lineStart(firstLine), end: lines.lineStart(pastCommentsIndentedUnder(doc, lastLine + 1, before.length)) });
  }
  let next = end;
  while (text[next] === ' ' || text[next] === '\t') next++;
  if (text[next] === ',') {
    next++;
    while (text[next] === ' ' || text[next] === '\t') next++;
    return deletion({ start: definition.range.start, end: next });
  }
  let previous = definition.range.start;
  while (text[previous - 1] === ' ' || text[previous - 1] === '\t') previous--;
  return deletion({ start: text[previous - 1] === ',' ? previous - 1 : definition.range.start, end });
}

/** Where a definition is written: its key, and its key through its value. */
export type EntryPlace = Pick<Source | Entity, 'keyRange' | 'range'>;

/**
 * The entry of `sources:` or `entities:` whose key is at `keyRange`, read from the YAML: a
 * repeated id is not in the model, which keeps the first definition only.
 */
export function entryWithKeyAt(doc: IsnadDocument, keyRange: TextRange): (EntryPlace & { readonly id: string }) | undefined {
  const frontMatter = doc.frontMatter;
  if (!frontMatter) return undefined;
  const base = frontMatter.contentRange.start;
  const root = parsedYaml(doc.text.slice(base, frontMatter.contentRange.end)).contents;
  if (!isMap(root)) return undefined;
  for (const section of root.items as Pair<Node, Node | null>[]) {
    if (!isScalar(section.key) || (section.key.value !== 'sources' && section.key.value !== 'entities') || !isMap(section.value)) continue;
    for (const pair of section.value.items as Pair<Node, Node | null>[]) {
      if (!isScalar(pair.key)) continue;
      const key = rangeIn(base, pair.key.range!);
      if (key.start !== keyRange.start || key.end !== keyRange.end) continue;
      const id = normalizeId(String(pair.key.value ?? ''));
      return { id, keyRange: key, range: rangeIn(base, [pair.key.range![0], (pair.value ?? pair.key).range![1]]) };
    }
  }
  return undefined;
}

/** Whether `range` (document offsets) holds an anchor (`&x`) that an alias (`*x`) outside it reads. */
export function anchorsAliasedOutside(doc: IsnadDocument, range: TextRange): boolean {
  const frontMatter = doc.frontMatter;
  if (!frontMatter) return false;
  const base = frontMatter.contentRange.start;
  const { anchors, aliases } = anchorsAndAliases(parsedYaml(doc.text.slice(base, frontMatter.contentRange.end)));
  if (aliases.length === 0) return false;
  const inRange = (at: number) => range.start <= base + at && base + at < range.end;
  const anchored = new Set(anchors.filter(({ at }) => inRange(at)).map(({ name }) => name));
  return aliases.some(({ name, at }) => anchored.has(name) && !inRange(at));
}

interface NamedNode {
  readonly name: string;
  /** Offset in the YAML text; -1 when the node has no range. */
  readonly at: number;
}

/**
 * The anchors and aliases of a parsed front matter, found by one walk per YAML document: fix-all
 * asks about every unused definition, and the light bulb at every move of the cursor.
 */
const anchorsAndAliases = oncePer((yaml: YamlDocument) => {
  const anchors: NamedNode[] = [];
  const aliases: NamedNode[] = [];
  visit(yaml, (_key, node) => {
    if (!isAlias(node) && !isScalar(node) && !isCollection(node)) return;
    const at = node.range?.[0] ?? -1;
    if (isAlias(node)) aliases.push({ name: node.source, at });
    else if (node.anchor) anchors.push({ name: node.anchor, at });
  });
  return { anchors, aliases };
});

/** A string as YAML writes it: plain when it reads back as itself, else double-quoted (JSON's escapes are YAML's). */
export function yamlString(value: string): string {
  try {
    if (!/[,[\]{}]/.test(value) && parse(value) === value) return value;
  } catch {
    // Not plain YAML: quoted below.
  }
  return JSON.stringify(value);
}

function entryLines(layout: Layout, id: string, name: string, fields: EntryFields): string[] {
  return [
    `${layout.entryIndent}${yamlString(id)}:`,
    ...Object.entries({ name, ...fields }).map(([key, value]) => `${layout.fieldIndent}${key}: ${yamlString(value)}`),
  ];
}

/** One `id: name` pair (`id: {name: …, …}` with more fields) added to a `{ … }` mapping, after its last entry. */
function flowInsertion(base: number, map: YAMLMap, id: string, name: string, fields: EntryFields): OffsetEdit {
  const values = Object.entries({ name, ...fields }).map(([key, value]) => `${key}: ${yamlString(value)}`);
  const entry = `${yamlString(id)}: ${values.length === 1 ? yamlString(name) : `{${values.join(', ')}}`}`;
  const last = map.items.at(-1) as Pair<Node, Node | null> | undefined;
  if (!last) return insertion(base + map.range![0] + 1, entry);
  const lastEnd = (last.value ?? last.key).range![1];
  return insertion(base + lastEnd, `, ${entry}`);
}

/** Where a new entry of a block mapping goes: after its last entry, and after comments indented under that entry. */
function afterEntries(doc: IsnadDocument, base: number, map: YAMLMap): number {
  const last = map.items.at(-1) as Pair<Node, Node | null>;
  const entryColumn = columnOf(doc, base + last.key.range![0]);
  const end = trimmedEnd(doc.text, rangeIn(base, [last.key.range![0], (last.value ?? last.key).range![1]]));
  return doc.lines.lineStart(pastCommentsIndentedUnder(doc, doc.lines.lineAt(end - 1) + 1, entryColumn));
}

/** The first line from `line` on that is not a comment indented deeper than `column` (one written under an entry there). */
function pastCommentsIndentedUnder(doc: IsnadDocument, line: number, column: number): number {
  const contentEnd = doc.frontMatter!.contentRange.end;
  while (doc.lines.lineStart(line) < contentEnd) {
    const text = doc.text.slice(doc.lines.lineStart(line), doc.lines.lineContentEnd(line));
    const comment = /^([ \t]*)#/.exec(text);
    if (!comment || comment[1].length <= column) break;
    line++;
  }
  return line;
}

/** The layout of a block mapping of entries: its keys' indentation, and its first block entry's fields'. */
function blockLayout(doc: IsnadDocument, base: number, map: YAMLMap): Layout | undefined {
  const first = map.items[0] as Pair<Node, Node | null> | undefined;
  if (!first) return undefined;
  const entryColumn = columnOf(doc, base + first.key.range![0]);
  const withFields = (map.items as Pair<Node, Node | null>[]).find(({ value }) => isMap(value) && !value.flow && value.items.length > 0);
  const fieldColumn = withFields ? columnOf(doc, base + ((withFields.value as YAMLMap).items[0] as Pair<Node, Node>).key.range![0]) : 2 * entryColumn;
  return { entryIndent: ' '.repeat(entryColumn), fieldIndent: ' '.repeat(Math.max(fieldColumn, entryColumn + 1)) };
}

/** The layout the front matter's sections already use, else two spaces per level. */
function layoutOf(doc: IsnadDocument, base: number, root: YAMLMap | undefined): Layout {
  for (const pair of (root?.items ?? []) as Pair<Node, Node | null>[]) {
    const section = isScalar(pair.key) && (pair.key.value === 'sources' || pair.key.value === 'entities');
    const layout = section && isMap(pair.value) && !pair.value.flow ? blockLayout(doc, base, pair.value) : undefined;
    if (layout) return layout;
  }
  return DEFAULT_LAYOUT;
}

function columnOf(doc: IsnadDocument, offset: number): number {
  return offset - doc.lines.lineStart(doc.lines.lineAt(offset));
}

function lineAfter(doc: IsnadDocument, offset: number): number {
  return doc.lines.lineStart(doc.lines.lineAt(offset) + 1);
}

function rangeIn(base: number, [start, end]: readonly number[]): TextRange {
  return { start: base + start, end: base + end };
}

/** Just after the last character of `range` that is not white space (YAML ranges often run on to the next line). */
function trimmedEnd(text: string, range: TextRange): number {
  let end = range.end;
  while (end > range.start && /\s/.test(text[end - 1])) end--;
  return end;
}

function withSpaceBefore(text: string, range: TextRange): TextRange {
  let start = range.start;
  while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
  return { start, end: range.end };
}

function lineBreakOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
