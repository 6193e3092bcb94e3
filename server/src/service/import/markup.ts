// Writing an article back as Isnad markup from its clean text, its headings and its annotations:
// the inverse of the clean text (FORMAT.md §7), used by `isnad import`. Offsets here are UTF-16
// units into the clean text.
import { stringify } from 'yaml';
import type { AnnotationKind } from '../resolve';
import type { ParagraphDirection } from '../../protocol';
import { firstStrongDirection } from '../features/direction';
import { ImportError } from './importError';
import { CLOSING_RUN } from '../parse/body';

export interface MarkupAnnotation {
  /** The annotation's id in the export; only for messages and for the nesting of empty spans. */
  readonly id: string;
  readonly kind: AnnotationKind;
  readonly start: number;
  readonly end: number;
  readonly entityId?: string;
  /** The speaker to write as `by=`: undefined when the span has none or inherits it. */
  readonly by?: string;
  readonly status?: string;
  readonly note?: string;
  readonly about: readonly string[];
  /** The `id=` to write, when the generated one would differ from the exported id. */
  readonly name?: string;
  /** The exported annotation the speaker is inherited from, if it is one of these annotations. */
  readonly inheritedFrom?: string;
}

export interface Heading {
  readonly level: number;
  /** Where the heading's text starts: a line start of the clean text. */
  readonly start: number;
}

export interface MarkupParts {
  readonly frontMatter: Readonly<Record<string, unknown>>;
  /** `rtl` or `ltr` from the front matter forces every paragraph's keyword language. */
  readonly direction?: string;
  readonly cleanText: string;
  /** In clean-text order. */
  readonly headings: readonly Heading[];
  /** In document order: by start, an enclosing annotation before the ones inside it. */
  readonly annotations: readonly MarkupAnnotation[];
}

interface Node {
  readonly annotation: MarkupAnnotation;
  readonly children: Node[];
}

/** FORMAT.md §4: right-to-left paragraphs get the Arabic keywords, so their lines stay free of Latin letters. */
const WORDS: Readonly<Record<ParagraphDirection, Readonly<Record<'claim' | 'quote' | 'by' | 'status' | 'about' | 'note', string>>>> = {
  ltr: { claim: 'claim', quote: 'quote', by: 'by', status: 'status', about: 'about', note: 'note' },
  rtl: { claim: 'ادعاء', quote: 'اقتباس', by: 'قائل', status: 'حالة', about: 'عن', note: 'ملاحظة' },
};

/** A value written bare must hold none of these: white space, a line break, a quote, a brace or bracket, a backslash. */
const NEEDS_QUOTES = /[ \t\v\f\r\n"\\[\]{}]/;
const ABOUT_SEPARATOR = /[,،]/;
/** A front matter is needed to keep the first body line from being read as one, or a BOM from being dropped. */
const LOOKS_LIKE_FENCE = /^(?:\uFEFF|---[ \t]*(?:\n|$))/;
/** A line in a stretch of clean text between two line breaks, holding at most blanks. */
const EMPTY_LINE = /\n[ \t\v\f]*\n/;

export function writeMarkup(parts: MarkupParts): string {
  const body = new BodyWriter(parts).write(nest(parts.annotations));
  const data = parts.frontMatter;
  if (Object.keys(data).length === 0 && !LOOKS_LIKE_FENCE.test(body)) return body;
  const yaml = Object.keys(data).length === 0 ? '' : yamlOf(data);
  return `---\n${yaml}---\n${body}`;
}

function yamlOf(data: Readonly<Record<string, unknown>>): string {
  try {
    return stringify(data, { lineWidth: 0, version: '1.2' });
  } catch (error) {
    // The yaml package writes recursively: a value nested deeper than the stack cannot be written.
    if (error instanceof RangeError) throw new ImportError('"frontMatter" nests too deeply to be written as YAML');
    throw error;
  }
}

/**
 * The annotations as a tree. An empty span where another ends could be inside it or after it:
 * it is inside when it inherits its speaker from that one, the only thing the export can tell.
 */
function nest(annotations: readonly MarkupAnnotation[]): Node[] {
  const roots: Node[] = [];
  const open: Node[] = [];
  for (const annotation of annotations) {
    while (open.length > 0) {
      const enclosing = open[open.length - 1].annotation;
      const inside = enclosing.start <= annotation.start && annotation.end <= enclosing.end;
      const atEdge = annotation.start === enclosing.end && annotation.end === enclosing.end;
      if (inside && (!atEdge || annotation.inheritedFrom === enclosing.id)) break;
      if (enclosing.end > annotation.start && !atEdge) {
        throw new ImportError(`annotations “${enclosing.id}” and “${annotation.id}” overlap without one enclosing the other: markup can only nest spans`);
      }
      open.pop();
    }
    const node: Node = { annotation, children: [] };
    (open.length > 0 ? open[open.length - 1].children : roots).push(node);
    open.push(node);
  }
  return roots;
}

class BodyWriter {
  private readonly out: string[] = [];
  /** Clean text written so far. */
  private position = 0;
  private nextHeading = 0;
  /** Whether nothing has been written on the current line yet: a `#` there would start a heading. */
  private atLineStart = true;
  /** Where in `out` the current heading line's text starts; undefined off heading lines. */
  private headingText: number | undefined;
  private readonly directions = new Map<number, ParagraphDirection>();
  /** The spans whose `[` is written and whose `]{…}` is not yet. */
  private readonly openSpans: { node: Node; next: number }[] = [];

  constructor(private readonly parts: MarkupParts) {}

  write(roots: readonly Node[]): string {
    // Iterative: a document may nest spans deeper than the call stack goes.
    const stack = this.openSpans;
    const enter = (node: Node) => {
      this.textUpTo(node.annotation.start);
      this.emit('[');
      stack.push({ node, next: 0 });
    };
    for (const root of roots) {
      enter(root);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.next < top.node.children.length) {
          enter(top.node.children[top.next++]);
          continue;
        }
        this.textUpTo(top.node.annotation.end);
        stack.pop();
        this.emit(`]{${this.attributes(top.node.annotation)}}`);
      }
    }
    this.textUpTo(this.parts.cleanText.length);
    this.out.push(this.lineEnding(''));
    return this.out.join('');
  }

  private emit(markup: string): void {
    this.out.push(markup);
    this.atLineStart = false;
  }

  /** The clean text up to `end`, escaped, with each heading's `#` run where its line starts. */
  private textUpTo(end: number): void {
    const { headings, cleanText } = this.parts;
    for (;;) {
      const heading = headings[this.nextHeading];
      const stop = heading && heading.start <= end ? Math.max(heading.start, this.position) : end;
      this.escaped(cleanText.slice(this.position, stop));
      this.position = stop;
      if (!heading || heading.start > end) return;
      this.emit(`${'#'.repeat(heading.level)} `);
      this.headingText = this.out.length;
      this.nextHeading++;
    }
  }

  private escaped(text: string): void {
    if (text === '') return;
    let escaped = text
      .replace(/[[\]{}\\]/g, '\\$&')
      // `<!--` would open a comment: an empty comment between its dashes keeps both.
      .replace(/<!--/g, '<!-<!---->-')
      .replace(/\n#/g, '\n\\#');
    // Markup leaves an empty line in a span's text only where span markup stands on it (a line of
    // comments goes with its line break); written blank, the line would end the span's paragraph.
    const openSpan = this.openSpans[this.openSpans.length - 1];
    if (openSpan !== undefined && EMPTY_LINE.test(text)) {
      throw new ImportError(`annotation “${openSpan.node.annotation.id}” holds an empty line, which would end its paragraph: spans never cross a blank line`);
    }
    if (this.atLineStart && escaped.startsWith('#')) escaped = `\\${escaped}`;
    const lineEnd = escaped.indexOf('\n');
    if (lineEnd >= 0) escaped = escaped.slice(0, lineEnd) + this.lineEnding(escaped.slice(0, lineEnd)) + escaped.slice(lineEnd);
    this.out.push(escaped);
    this.atLineStart = text.endsWith('\n');
  }

  /**
   * What ends the current line, whose last markup is `rest`: an empty comment when the line is a
   * heading whose text would end in a closing run of `#`, since that text is the heading's, not markup.
   */
  private lineEnding(rest: string): string {
    if (this.headingText === undefined) return '';
    const text = this.out.slice(this.headingText).join('') + rest;
    this.headingText = undefined;
    return CLOSING_RUN.test(text) ? '<!---->' : '';
  }

  private attributes(annotation: MarkupAnnotation): string {
    const words = WORDS[this.directionAt(annotation.start)];
    const tokens: string[] = [];
    if (annotation.kind === 'claim' || annotation.kind === 'quote') tokens.push(words[annotation.kind]);
    if (annotation.entityId !== undefined) tokens.push(`@${bareId(annotation, annotation.entityId)}`);
    if (annotation.by !== undefined) tokens.push(`${words.by}=${value(annotation.by)}`);
    if (annotation.about.length > 0) tokens.push(`${words.about}=${value(annotation.about.map((id) => aboutId(annotation, id)).join(','))}`);
    if (annotation.status !== undefined) tokens.push(`${words.status}=${value(annotation.status)}`);
    if (annotation.note !== undefined) tokens.push(`${words.note}=${quoted(annotation.note)}`);
    if (annotation.name !== undefined) tokens.push(`id=${value(annotation.name)}`);
    return tokens.join(' ');
  }

  /** The direction of the clean-text line `offset` is on: the front matter's, else its first strong character's. */
  private directionAt(offset: number): ParagraphDirection {
    const { direction, cleanText } = this.parts;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    const lineStart = cleanText.lastIndexOf('\n', offset - 1) + 1;
    let found = this.directions.get(lineStart);
    if (!found) {
      const lineEnd = cleanText.indexOf('\n', lineStart);
      found = firstStrongDirection(cleanText, lineStart, lineEnd < 0 ? cleanText.length : lineEnd) ?? 'ltr';
      this.directions.set(lineStart, found);
    }
    return found;
  }
}

function value(text: string): string {
  return text === '' || NEEDS_QUOTES.test(text) ? quoted(text) : text;
}

function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** `@ID` is read only when bare: brackets, braces and backslashes are escaped, and nothing else can be. */
function bareId(annotation: MarkupAnnotation, id: string): string {
  if (/[ \t\v\f\r\n"=]/.test(id)) throw new ImportError(`annotation “${annotation.id}”: the entity id “${id}” cannot be written as @ID (it holds white space, a quote or “=”)`);
  return id.replace(/[[\]{}\\]/g, '\\$&');
}

function aboutId(annotation: MarkupAnnotation, id: string): string {
  if (ABOUT_SEPARATOR.test(id)) throw new ImportError(`annotation “${annotation.id}”: the about id “${id}” holds a comma, which separates about ids`);
  return id;
}
