// What a span's attribute tokens mean (FORMAT.md §4), in English or Arabic.
import { STATUSES, type IdReference, type Located, type Span, type SpanKind, type TextRange } from '../model';
import { problem, type Problem } from '../problems';
import { normalizeId } from '../ids';
import type { AttributeToken } from './attributes';

// Maps, not object literals: a token such as `constructor` or `__proto__` must not find
// what every object inherits.
export const KIND_KEYWORDS: ReadonlyMap<string, 'claim' | 'quote'> = new Map([
  ['claim', 'claim'],
  ['ادعاء', 'claim'],
  ['quote', 'quote'],
  ['اقتباس', 'quote'],
]);

export type AttributeKey = 'by' | 'status' | 'about' | 'note' | 'id';

export const ATTRIBUTE_KEYS: ReadonlyMap<string, AttributeKey> = new Map([
  ['by', 'by'],
  ['قائل', 'by'],
  ['status', 'status'],
  ['حالة', 'status'],
  ['about', 'about'],
  ['عن', 'about'],
  ['note', 'note'],
  ['ملاحظة', 'note'],
  ['id', 'id'],
]);

/** `about=` lists ids separated by a Latin or an Arabic comma. */
const LIST_SEPARATOR = /[,،]/;

export type SpanAttributes = Pick<Span, 'kind' | 'entity' | 'by' | 'about' | 'status' | 'note' | 'name'>;

/** Bits for the keys a span has used: cheaper than an array or a Set for the few a span has. */
const KEY_BITS: Readonly<Record<AttributeKey, number>> = { by: 1, status: 2, about: 4, note: 8, id: 16 };

/** Spans without `about=` share one empty list: most spans have none, and there are many spans. */
const NO_REFERENCES: readonly IdReference[] = [];

/** What the tokens say; the problems found are added to `problems`. */
export function interpretAttributes(tokens: readonly AttributeToken[], spanRange: TextRange, problems: Problem[]): SpanAttributes {
  let kindKeyword: 'claim' | 'quote' | undefined;
  let kindWord = '';
  let entity: IdReference | undefined;
  let by: IdReference | undefined;
  let status: Located<string> | undefined;
  let note: Located<string> | undefined;
  let name: Located<string> | undefined;
  let about = NO_REFERENCES;
  let seen = 0;

  for (const token of tokens) {
    if (token.key === undefined) {
      if (token.value.startsWith('@') && !token.quoted) {
        const reference = idReference(token.value.slice(1), { start: token.range.start + 1, end: token.range.end }, token.range);
        if (entity) problems.push(problem('span-syntax', spanRange, 'secondEntity', [reference.id]));
        else entity = reference;
      } else if (KIND_KEYWORDS.has(token.value) && !token.quoted) {
        if (kindKeyword) problems.push(problem('span-syntax', spanRange, 'twoKinds', [kindWord, token.value]));
        else {
          kindKeyword = KIND_KEYWORDS.get(token.value)!;
          kindWord = token.value;
        }
      } else {
        problems.push(problem('unknown-attribute', token.range, 'unknownAttribute', [token.value]));
      }
      continue;
    }
    const key = ATTRIBUTE_KEYS.get(token.key);
    if (!key) {
      problems.push(problem('unknown-attribute', token.range, 'unknownAttribute', [token.key]));
      continue;
    }
    if (seen & KEY_BITS[key]) {
      problems.push(problem('span-syntax', spanRange, 'repeatedAttribute', [token.key]));
      continue;
    }
    seen |= KEY_BITS[key];
    switch (key) {
      case 'by':
        by = idReference(token.value, token.valueRange, token.range);
        break;
      case 'status':
        if ((STATUSES as readonly string[]).includes(token.value)) status = located(token);
        else problems.push(problem('unknown-attribute', token.range, 'badStatus', [token.value, STATUSES.join(', ')]));
        break;
      case 'about':
        about = aboutList(token);
        break;
      case 'note':
        note = located(token);
        break;
      case 'id':
        name = located(token);
        break;
    }
  }

  const kind: SpanKind = kindKeyword ?? (entity ? 'mention' : note ? 'note' : 'invalid');
  if (kind === 'invalid') problems.push(problem('span-syntax', spanRange, 'spanAnnotatesNothing'));
  return { kind, entity, by, about, status, note, name };
}

function located(token: AttributeToken): Located<string> {
  return { value: token.value, range: token.valueRange };
}

/** An empty id points at its whole token, so the diagnostic has something to underline. */
function idReference(raw: string, range: TextRange, tokenRange: TextRange): IdReference {
  return { id: normalizeId(raw), range: raw ? range : tokenRange };
}

function aboutList(token: AttributeToken): IdReference[] {
  const references: IdReference[] = [];
  let offset = token.valueRange.start + (token.quoted ? 1 : 0);
  for (const part of token.value.split(LIST_SEPARATOR)) {
    const trimmed = part.trim();
    if (trimmed) {
      const start = token.quoted ? token.valueRange.start : offset + part.indexOf(trimmed);
      const end = token.quoted ? token.valueRange.end : start + trimmed.length;
      references.push({ id: normalizeId(trimmed), range: { start, end } });
    }
    offset += part.length + 1;
  }
  return references;
}
