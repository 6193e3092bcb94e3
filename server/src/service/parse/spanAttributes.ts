// What a span's attribute tokens mean (FORMAT.md §4), in English or Arabic.
import { STATUSES, type IdReference, type Located, type SpanKind, type TextRange } from '../model';
import { problem, type Problem } from '../problems';
import { normalizeId } from '../ids';
import type { AttributeTokenVisitor } from './attributes';

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

const QUOTE = 34;

/** Bits for the keys a span has used: cheaper than an array or a Set for the few a span has. */
const KEY_BITS: Readonly<Record<AttributeKey, number>> = { by: 1, status: 2, about: 4, note: 8, id: 16 };

/** Spans without `about=` share one empty list: most spans have none, and there are many spans. */
const NO_REFERENCES: readonly IdReference[] = [];

/** A problem found in a span's tokens whose range is the whole span's, not known until its block ends. */
interface SpanProblem {
  readonly message: 'secondEntity' | 'twoKinds' | 'repeatedAttribute';
  readonly args: readonly string[];
}

/**
 * What a span's attribute tokens say, read as the block is scanned (`visit` each token, then
 * `finish`). One reader serves every span of a parse: no token objects, and only the values the
 * model keeps are made.
 */
export class SpanAttributeReader {
  entity: IdReference | undefined;
  by: IdReference | undefined;
  about: readonly IdReference[] = NO_REFERENCES;
  status: Located<string> | undefined;
  note: Located<string> | undefined;
  name: Located<string> | undefined;
  private kindKeyword: 'claim' | 'quote' | undefined;
  private kindWord = '';
  private seen = 0;
  /** In token order; problems are rare, so these are made only when one is found. */
  private tokenProblems: (Problem | SpanProblem)[] | undefined;

  /** `text`: the document the tokens are read from. */
  constructor(private readonly text: string) {}

  /** Forgets the previous span's attributes. */
  start(): void {
    this.entity = this.by = this.status = this.note = this.name = this.kindKeyword = this.tokenProblems = undefined;
    this.about = NO_REFERENCES;
    this.kindWord = '';
    this.seen = 0;
  }

  readonly visit: AttributeTokenVisitor = (start, end, key, value, valueStart, quoted) => {
    if (key === undefined) {
      if (value.startsWith('@') && !quoted) {
        const reference = idReference(value.slice(1), start + 1, end, start);
        if (this.entity) this.spanProblem('secondEntity', [reference.id]);
        else this.entity = reference;
      } else if (KIND_KEYWORDS.has(value) && !quoted) {
        // The same kind twice (`claim claim`, `claim ادعاء`) is a repeat, not a second kind.
        if (this.kindKeyword === KIND_KEYWORDS.get(value)) this.spanProblem('repeatedAttribute', [value]);
        else if (this.kindKeyword) this.spanProblem('twoKinds', [this.kindWord, value]);
        else {
          this.kindKeyword = KIND_KEYWORDS.get(value)!;
          this.kindWord = value;
        }
      } else {
        this.tokenProblem(problem('unknown-attribute', { start, end }, 'unknownAttribute', [value]));
      }
      return;
    }
    const attribute = ATTRIBUTE_KEYS.get(key);
    if (!attribute) {
      this.tokenProblem(problem('unknown-attribute', { start, end }, 'unknownAttribute', [key]));
      return;
    }
    if (this.seen & KEY_BITS[attribute]) {
      this.spanProblem('repeatedAttribute', [key]);
      return;
    }
    this.seen |= KEY_BITS[attribute];
    switch (attribute) {
      case 'by': {
        // Quoted whole (`by="m"`), the id is still its own characters, without the quotes.
        const verbatim = value ? verbatimStart(this.text, value, valueStart, end) : undefined;
        this.by = verbatim === undefined ? idReference(value, valueStart, end, start) : idReference(value, verbatim, verbatim + value.length, start);
        break;
      }
      case 'status':
        if ((STATUSES as readonly string[]).includes(value)) this.status = { value, range: { start: valueStart, end } };
        else this.tokenProblem(problem('unknown-attribute', { start, end }, 'badStatus', [value, STATUSES.join(', ')]));
        break;
      case 'about':
        this.about = aboutList(value, valueStart, end, verbatimStart(this.text, value, valueStart, end));
        if (this.about.length === 0) this.tokenProblem(problem('unknown-entity', { start, end }, 'emptyEntityId', [`${key}=`]));
        break;
      case 'note':
        this.note = { value, range: { start: valueStart, end } };
        break;
      case 'id':
        this.name = { value, range: { start: valueStart, end } };
        break;
    }
  };

  /** The span's kind; the problems its tokens have are added to `problems`, those about the whole span on `spanRange`. */
  finish(spanRange: TextRange, problems: Problem[]): SpanKind {
    // Nearly every span has none: no empty list is made to find that out.
    if (this.tokenProblems) {
      for (const item of this.tokenProblems) problems.push('code' in item ? item : problem('span-syntax', spanRange, item.message, item.args));
    }
    const kind: SpanKind = this.kindKeyword ?? (this.entity ? 'mention' : this.note ? 'note' : 'invalid');
    if (kind === 'invalid') problems.push(problem('span-syntax', spanRange, 'spanAnnotatesNothing'));
    return kind;
  }

  private tokenProblem(item: Problem): void {
    (this.tokenProblems ??= []).push(item);
  }

  private spanProblem(message: SpanProblem['message'], args: readonly string[]): void {
    (this.tokenProblems ??= []).push({ message, args });
  }
}

/** An empty id points at its whole token (from `tokenStart`), so the diagnostic has something to underline. */
function idReference(raw: string, start: number, end: number, tokenStart: number): IdReference {
  return { id: normalizeId(raw), range: { start: raw ? start : tokenStart, end } };
}

/**
 * Where `value` (read from `valueStart` to `valueEnd`) is written as it is, bare or quoted whole,
 * so that each of its characters has its place in the text; undefined when escapes or quotes
 * inside it moved them.
 */
function verbatimStart(text: string, value: string, valueStart: number, valueEnd: number): number | undefined {
  if (valueStart + value.length === valueEnd && text.startsWith(value, valueStart)) return valueStart;
  const inQuotes = valueStart + 1;
  if (text.charCodeAt(valueStart) === QUOTE && inQuotes + value.length + 1 === valueEnd && text.startsWith(value, inQuotes)) return inQuotes;
  return undefined;
}

/** Each id of the list on its own characters when the value is written as it is (`verbatim`), else on the whole value. */
function aboutList(value: string, valueStart: number, valueEnd: number, verbatim: number | undefined): IdReference[] {
  const references: IdReference[] = [];
  let offset = verbatim ?? valueStart;
  for (const part of value.split(LIST_SEPARATOR)) {
    const trimmed = part.trim();
    if (trimmed) {
      const start = verbatim === undefined ? valueStart : offset + part.indexOf(trimmed);
      const end = verbatim === undefined ? valueEnd : start + trimmed.length;
      references.push({ id: normalizeId(trimmed), range: { start, end } });
    }
    offset += part.length + 1;
  }
  return references;
}
