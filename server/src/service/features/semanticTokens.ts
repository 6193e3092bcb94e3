// Semantic tokens: entity ids and mentions coloured by the entity's type, speakers, claims,
// quotes, keywords, status values and notes, so that any theme colours them consistently.
// Only in the front matter and in left-to-right paragraphs free of right-to-left text
// (`inlineStylableBlocks`): a token inside a right-to-left line cuts it into pieces that VS Code
// lays out left to right, scrambling the sentence (E2E.md).
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { EntityType, IsnadDocument, Span, TextRange } from '../model';
import { blockTokens } from '../parse/attributes';
import { ATTRIBUTE_KEYS, KIND_KEYWORDS } from '../parse/spanAttributes';
import { findEntity } from '../resolve';
import { firstEndingAfter } from '../ranges';
import { inlineStylableSpans } from './direction';

/**
 * Standard token types, except `claim` (declared in package.json, mapped to a TextMate scope so
 * themes without semantic rules colour it too). A speaker acts, so it is a function; each entity
 * type takes the standard type whose meaning is nearest.
 */
export const TOKEN_TYPES = ['keyword', 'function', 'variable', 'namespace', 'type', 'struct', 'event', 'property', 'string', 'claim', 'enumMember', 'comment'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/** `declaration`: an id's key in the front matter. */
export const TOKEN_MODIFIERS = ['declaration'] as const;
const DECLARATION = 1;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export const ENTITY_TOKEN_TYPES: Readonly<Record<EntityType, TokenType>> = {
  person: 'variable',
  organization: 'namespace',
  country: 'type',
  place: 'struct',
  event: 'event',
  other: 'property',
};

export interface IsnadToken extends TextRange {
  readonly type: TokenType;
  readonly modifiers: number;
}

/** The tokens of the whole document, or of the lines `range` touches, encoded for LSP. */
export function computeSemanticTokens(doc: IsnadDocument, range?: Range): SemanticTokens {
  const window = range && { start: doc.lines.offsetAt(range.start), end: doc.lines.offsetAt(range.end) };
  return { data: encode(semanticTokens(doc, window)) };
}

/** Single-line, non-overlapping tokens in document order; only those that overlap `window` when it is given. */
export function semanticTokens(doc: IsnadDocument, window?: TextRange): PlacedToken[] {
  const overlaps = (range: TextRange) => !window || (range.start < window.end && range.end > window.start);
  const tokens: IsnadToken[] = [];
  const add = (range: TextRange, type: TokenType, modifiers = 0) => {
    if (range.end > range.start) tokens.push({ start: range.start, end: range.end, type, modifiers });
  };
  const entityType = (id: string) => ENTITY_TOKEN_TYPES[findEntity(doc, id)?.type ?? 'other'];

  for (const source of doc.frontMatter?.sources.values() ?? []) {
    add(source.keyRange, 'function', DECLARATION);
    if (source.entity) add(source.entity.range, entityType(source.entity.id));
  }
  for (const entity of doc.frontMatter?.entities.values() ?? []) add(entity.keyRange, ENTITY_TOKEN_TYPES[entity.type], DECLARATION);

  for (const span of inlineStylableSpans(doc)) {
    if (!overlaps(span.range)) continue;
    for (const content of uncovered(doc, span)) {
      if (span.kind === 'claim') add(content, 'claim');
      else if (span.kind === 'quote') add(content, 'string');
      else if (span.kind === 'mention' && span.entity) add(content, entityType(span.entity.id));
    }
    attributeTokens(doc, span, add, entityType);
  }
  return splitLines(doc, tokens.filter(overlaps).sort((a, b) => a.start - b.start));
}

function attributeTokens(doc: IsnadDocument, span: Span, add: (range: TextRange, type: TokenType) => void, entityType: (id: string) => TokenType): void {
  for (const token of blockTokens(doc.text, span.attributesRange)) {
    if (token.key === undefined) {
      if (token.quoted) continue;
      if (KIND_KEYWORDS.has(token.value)) add(token.range, 'keyword');
      else if (token.value.startsWith('@') && span.entity?.range.end === token.range.end) add(token.range, entityType(span.entity.id));
      continue;
    }
    const key = ATTRIBUTE_KEYS.get(token.key);
    if (!key) continue;
    add({ start: token.range.start, end: token.valueRange.start - 1 }, 'keyword');
    if (key === 'by' && span.by) add(span.by.range, 'function');
    else if (key === 'about') for (const reference of span.about) add(reference.range, entityType(reference.id));
    else if (key === 'status' && span.status) add(token.valueRange, 'enumMember');
    else if (key === 'note') add(token.valueRange, 'comment');
  }
}

/**
 * The span's content minus its nested spans (there the innermost span's tokens apply) and its
 * comments (which keep the grammar's comment colour).
 */
function uncovered(doc: IsnadDocument, span: Span): TextRange[] {
  const { start, end } = span.contentRange;
  const holes = span.children.map((child) => doc.spans[child].range);
  // The comments in the content only: a copy of every later comment per span was quadratic.
  for (let next = firstEndingAfter(doc.comments, start); next < doc.comments.length && doc.comments[next].start < end; next++) holes.push(doc.comments[next]);
  holes.sort((a, b) => a.start - b.start);
  const pieces: TextRange[] = [];
  let at = start;
  for (const hole of holes) {
    if (hole.start > at) pieces.push({ start: at, end: hole.start });
    at = Math.max(at, hole.end);
  }
  pieces.push({ start: at, end });
  return pieces;
}

/** Where a token is, as the editor counts: one line per token. */
export interface PlacedToken extends IsnadToken {
  readonly line: number;
  readonly character: number;
}

/** The editor takes one line per token: a token across a line break becomes one per line. Tokens are sorted, so lines are walked forward once. */
function splitLines(doc: IsnadDocument, tokens: readonly IsnadToken[]): PlacedToken[] {
  const { lines } = doc;
  const placed: PlacedToken[] = [];
  let line = 0;
  for (const token of tokens) {
    while (line + 1 < lines.lineCount && lines.lineStart(line + 1) <= token.start) line++;
    for (let at = line; ; at++) {
      const lineStart = lines.lineStart(at);
      const start = Math.max(token.start, lineStart);
      const end = Math.min(token.end, lines.lineContentEnd(at));
      if (end > start) placed.push({ start, end, type: token.type, modifiers: token.modifiers, line: at, character: start - lineStart });
      if (at + 1 >= lines.lineCount || lines.lineStart(at + 1) >= token.end) break;
    }
  }
  return placed;
}

const TYPE_INDEX = new Map<TokenType, number>(TOKEN_TYPES.map((type, index) => [type, index]));

/** LSP's relative encoding: line delta, start delta, length, type index, modifier bits. */
function encode(tokens: readonly PlacedToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const deltaLine = token.line - line;
    data.push(deltaLine, deltaLine === 0 ? token.character - character : token.character, token.end - token.start, TYPE_INDEX.get(token.type)!, token.modifiers);
    line = token.line;
    character = token.character;
  }
  return data;
}
