// The article body: headings, paragraphs, comments, escapes and spans (FORMAT.md §3–4).
// One forward pass with an explicit bracket stack: no recursion, so nesting depth is bounded
// only by memory, and every character is looked at a constant number of times.
import type { Block, Elision, Section, Span, TextRange } from '../model';
import { problem, type Problem } from '../problems';
import { readAttributes } from './attributes';
import { SpanAttributeReader } from './spanAttributes';
import { CR, LF, isBlankChar, isEscapable, isLineBreak } from './chars';

export interface BodyParse {
  readonly sections: Section[];
  readonly blocks: Block[];
  readonly spans: Span[];
  readonly comments: TextRange[];
  readonly elisions: Elision[];
  readonly problems: Problem[];
}

const HASH = 35;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const LESS_THAN = 60;

type MutableSpan = { -readonly [K in keyof Span]: Span[K] } & { children: number[] };

/**
 * An open `[` is three numbers on a stack (`OpenBrackets`), not an object: a paragraph may open
 * thousands. Its offset, how many finished spans were waiting for a parent when it opened, and
 * the place in `elisions` kept for it, should it become a span's `[`.
 */
const OPENER_SIZE = 3;
type OpenBrackets = number[];

/**
 * Holds the place of a `[` in the elisions until its `]{` comes: the list stays in document
 * order without a sort. Places of brackets that never become spans are dropped at the end.
 */
const UNPAIRED: Elision = { start: -1, end: -1, replacement: '' };

/** The characters `inline` acts on, all at most `]`: line breaks, `\\`, `<`, `[` and `]`. */
const ACTS_ON = new Uint8Array(CLOSE_BRACKET + 1);
for (const c of [LF, CR, BACKSLASH, LESS_THAN, OPEN_BRACKET, CLOSE_BRACKET]) ACTS_ON[c] = 1;

/** Shared by the spans that have no children (most of them); nothing writes to it, as it is empty. */
const NO_CHILDREN: number[] = [];

/** A heading's closing run of `#` with the blanks around it, in the text after its `#` run and space: after a blank, or all of it. */
export const CLOSING_RUN = /(?:^|[ \t]+)#+[ \t]*$/;

export function parseBody(text: string, bodyStart: number): BodyParse {
  return new BodyParser(text).parse(bodyStart);
}

/** One paragraph re-read on its own, as the whole-body pass reads it; `end` is where it ends. */
export interface ParagraphParse extends BodyParse {
  readonly end: number;
}

/**
 * Reads the paragraph starting at `start` (a line start) as the whole-body pass would, its spans
 * numbered from `firstSpan` and placed in `section`; undefined when the line there is blank or a
 * heading, so no paragraph starts there.
 */
export function parseParagraph(text: string, start: number, section: number | undefined, firstSpan: number): ParagraphParse | undefined {
  return new BodyParser(text).paragraph(start, section, firstSpan);
}

class BodyParser {
  private readonly sections: Section[] = [];
  private readonly blocks: Block[] = [];
  private readonly spans: MutableSpan[] = [];
  /** Per span as built (innermost first): its parent's place in `spans` (-1 for none), and how many spans its subtree holds. */
  private readonly parents: number[] = [];
  private readonly subtreeSizes: number[] = [];
  private readonly comments: TextRange[] = [];
  private readonly elisions: Elision[] = [];
  private readonly problems: Problem[] = [];
  private currentSection: number | undefined;
  /** Where the next `-->` is, or -1 when there is none after the last search. */
  private nextCommentClose = -2;
  private readonly attributes: SpanAttributeReader;

  constructor(private readonly text: string) {
    this.attributes = new SpanAttributeReader(text);
  }

  parse(bodyStart: number): BodyParse {
    const { text } = this;
    // The byte-order mark and the front matter are not part of the clean text.
    this.elide(0, bodyStart);
    let pos = bodyStart;
    while (pos < text.length) {
      // A paragraph's first line is not measured first: `inline` finds where it ends.
      if (this.isBlankLine(pos)) {
        pos = this.nextLine(this.lineEnd(pos));
      } else if (this.headingLevel(pos) > 0) {
        const lineEnd = this.lineEnd(pos);
        this.heading(pos, lineEnd);
        pos = this.nextLine(lineEnd);
      } else {
        const end = this.inline(pos, false);
        this.blocks.push({ range: { start: pos, end }, isHeading: false });
        pos = this.nextLine(end);
      }
    }
    return {
      sections: finishSections(text, this.sections),
      blocks: this.blocks,
      spans: this.finishSpans(0),
      comments: this.comments,
      elisions: this.finishElisions(bodyStart, text.length),
      problems: this.problems,
    };
  }

  paragraph(start: number, section: number | undefined, firstSpan: number): ParagraphParse | undefined {
    if (this.isBlankLine(start) || this.headingLevel(start) > 0) return undefined;
    this.currentSection = section;
    const end = this.inline(start, false);
    this.blocks.push({ range: { start, end }, isHeading: false });
    return {
      end,
      sections: [],
      blocks: this.blocks,
      spans: this.finishSpans(firstSpan),
      comments: this.comments,
      elisions: this.finishElisions(start, end),
      problems: this.problems,
    };
  }

  private lineEnd(pos: number): number {
    const { text } = this;
    let i = pos;
    while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
    return i;
  }

  private nextLine(lineEnd: number): number {
    const { text } = this;
    if (text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF) return lineEnd + 2;
    return Math.min(text.length, lineEnd + 1);
  }

  /** Whether the line starting at `lineStart` holds only blank characters, or the text ends there. */
  private isBlankLine(lineStart: number): boolean {
    const { text } = this;
    let i = lineStart;
    while (i < text.length && isBlankChar(text.charCodeAt(i))) i++;
    return i >= text.length || isLineBreak(text.charCodeAt(i));
  }

  /** 1–6 for a heading line starting at `pos`, else 0. */
  private headingLevel(pos: number): number {
    const { text } = this;
    let level = 0;
    while (level < 7 && text.charCodeAt(pos + level) === HASH) level++;
    if (level === 0 || level > 6) return 0;
    const after = pos + level;
    return after >= text.length || isLineBreak(text.charCodeAt(after)) || isBlankChar(text.charCodeAt(after)) ? level : 0;
  }

  /** Whether the line starting at `lineStart` ends the paragraph before it: the end, a blank line or a heading. */
  private endsParagraph(lineStart: number): boolean {
    return this.isBlankLine(lineStart) || this.headingLevel(lineStart) > 0;
  }

  private heading(pos: number, lineEnd: number): void {
    const { text } = this;
    const level = this.headingLevel(pos);
    let textStart = pos + level;
    if (textStart < lineEnd && isBlankChar(text.charCodeAt(textStart))) textStart++;
    this.elide(pos, textStart);
    const line = text.slice(textStart, lineEnd);
    const closingRun = line.search(CLOSING_RUN);
    const title = (closingRun >= 0 ? line.slice(0, closingRun) : line).trim();
    this.currentSection = this.sections.length;
    const headingRange = { start: pos, end: lineEnd };
    this.sections.push({ index: this.sections.length, level, title, headingRange, range: headingRange });
    const elided = this.elisions.length;
    this.inline(textStart, true);
    // A closing run is markup, left out of the clean text as the opening one is; unless markup
    // read past it (an unclosed attribute block's `… #`): then it is that markup's.
    if (closingRun >= 0 && this.lastElisionEnd(elided) <= textStart + closingRun) this.elide(textStart + closingRun, lineEnd);
    this.blocks.push({ range: { start: textStart, end: lineEnd }, isHeading: true });
  }

  /** Where the last of the elisions from index `from` on ends; -1 when there are none. */
  private lastElisionEnd(from: number): number {
    let end = -1;
    for (let i = from; i < this.elisions.length; i++) end = Math.max(end, this.elisions[i].end);
    return end;
  }

  /**
   * Reads a paragraph (or a heading's text) from `start`, building its spans; returns where
   * it ends: the break of its last line, or the end of the text.
   */
  private inline(start: number, isHeading: boolean): number {
    const { text } = this;
    const open: OpenBrackets = [];
    const orphans: number[] = [];
    const endsUnit = (lineBreak: number) => isHeading || this.endsParagraph(this.nextLine(lineBreak));
    let i = start;
    let lineStart = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      // Most of an article (letters, spaces, digits, punctuation) is skipped by one or two tests.
      if (c > CLOSE_BRACKET || ACTS_ON[c] === 0) {
        i++;
        continue;
      }
      if (isLineBreak(c)) {
        if (endsUnit(i)) return i;
        i = lineStart = this.nextLine(i);
        continue;
      }
      if (c === BACKSLASH) {
        const next = text.charCodeAt(i + 1);
        if (isEscapable(next) || (next === HASH && i === lineStart && !isHeading)) {
          this.elide(i, i + 1);
          i += 2;
          continue;
        }
      } else if (c === LESS_THAN && text.startsWith('<!--', i)) {
        const end = this.comment(i, isHeading);
        if (end > i) {
          i = end;
          continue;
        }
      } else if (c === OPEN_BRACKET) {
        open.push(i, orphans.length, this.elisions.length);
        this.elisions.push(UNPAIRED);
      } else if (c === CLOSE_BRACKET) {
        // The innermost open `[`, popped; `openerOffset` is -1 when none is open.
        const opener = open.length - OPENER_SIZE;
        const openerOffset = opener >= 0 ? open[opener] : -1;
        const orphansBefore = opener >= 0 ? open[opener + 1] : 0;
        const elision = opener >= 0 ? open[opener + 2] : 0;
        // OPENER_SIZE (three) pops, not `length = opener`: setting an array's length is a call into the runtime.
        if (opener >= 0) {
          open.pop();
          open.pop();
          open.pop();
        }
        if (text.charCodeAt(i + 1) === OPEN_BRACE) {
          this.attributes.start();
          const block = readAttributes(text, i + 2, endsUnit, this.attributes.visit);
          // A span-syntax error covers the whole span it breaks (FORMAT.md §5), from `[` on.
          for (const item of block.problems) this.problems.push({ ...item, range: { start: openerOffset >= 0 ? openerOffset : i, end: block.end } });
          if (openerOffset >= 0) {
            // An unterminated quote already explains why the block never closed: one error, not two.
            const reportUnclosed = !block.closed && block.problems.length === 0;
            this.span(openerOffset, orphansBefore, elision, i, block.end, block.closed, reportUnclosed, orphans);
          } else {
            this.problems.push(problem('span-syntax', { start: i, end: block.end }, 'orphanAttributes'));
          }
          i = block.end;
          continue;
        }
      }
      i++;
    }
    return text.length;
  }

  /** The span from `[` at `offset` to `end`, its attributes read (`this.attributes`); the other numbers are its opener's (`OpenBrackets`). */
  private span(offset: number, orphansBefore: number, elision: number, closeBracket: number, end: number, closed: boolean, reportUnclosed: boolean, orphans: number[]): void {
    const range = { start: offset, end };
    const attributesRange = { start: closeBracket + 2, end: closed ? end - 1 : end };
    const { attributes } = this;
    const kind = attributes.finish(range, this.problems);
    if (reportUnclosed) this.problems.push(problem('span-syntax', range, 'unclosedAttributes'));
    const index = this.spans.length;
    const children = orphans.length > orphansBefore ? orphans.splice(orphansBefore) : NO_CHILDREN;
    let subtreeSize = 1;
    for (const child of children) {
      this.parents[child] = index;
      subtreeSize += this.subtreeSizes[child];
    }
    this.parents.push(-1);
    this.subtreeSizes.push(subtreeSize);
    orphans.push(index);
    // Every property present from the start and no spread: then every span has one shape,
    // built in one step; a property added later would give V8 two shapes and a copy.
    this.spans.push({
      index,
      range,
      contentRange: { start: offset + 1, end: closeBracket },
      attributesRange,
      children,
      parent: undefined,
      section: this.currentSection,
      kind,
      entity: attributes.entity,
      by: attributes.by,
      about: attributes.about,
      status: attributes.status,
      note: attributes.note,
      name: attributes.name,
      attributedBy: undefined,
    });
    this.elisions[elision] = { start: offset, end: offset + 1, replacement: '' };
    this.elide(closeBracket, end);
  }

  /** Records the comment at `start` and returns its end, or returns `start` when it is never closed. */
  private comment(start: number, isHeading: boolean): number {
    const { text } = this;
    if (this.nextCommentClose !== -1 && this.nextCommentClose < start + 4) {
      this.nextCommentClose = text.indexOf('-->', start + 4);
    }
    const close = this.nextCommentClose;
    if (close < 0) return start;
    const end = close + 3;
    if (isHeading && text.slice(start, end).search(/[\r\n]/) >= 0) return start;
    this.comments.push({ start, end });
    this.elideComment(start, end);
    return end;
  }

  /**
   * A line holding only comments disappears with its line break, so it leaves no empty line:
   * the earlier comments on it, elided one by one as they came, are taken back into one elision.
   */
  private elideComment(start: number, end: number): void {
    const { text, elisions, comments } = this;
    let after = end;
    while (after < text.length && isBlankChar(text.charCodeAt(after))) after++;
    // Only a comment that ends its line looks back at the line: a line of n comments is read once, not n times.
    if (after >= text.length || !isLineBreak(text.charCodeAt(after))) {
      this.elide(start, end);
      return;
    }
    let lineStart = start;
    let earlierOnLine = 0;
    for (;;) {
      while (lineStart > 0 && isBlankChar(text.charCodeAt(lineStart - 1))) lineStart--;
      const earlier = comments[comments.length - 2 - earlierOnLine];
      const earlierElision = elisions[elisions.length - 1 - earlierOnLine];
      const earlierIsElidedAlone = earlier !== undefined && earlierElision !== undefined && earlier.end === lineStart && earlierElision.start === earlier.start && earlierElision.end === earlier.end;
      if (!earlierIsElidedAlone) break;
      lineStart = earlier.start;
      earlierOnLine++;
    }
    if (lineStart === 0 || isLineBreak(text.charCodeAt(lineStart - 1))) {
      elisions.length -= earlierOnLine;
      this.elide(lineStart, this.nextLine(after));
    } else this.elide(start, end);
  }

  private elide(start: number, end: number, replacement = ''): void {
    if (end > start) this.elisions.push({ start, end, replacement });
  }

  /**
   * The elisions in document order, without the places of brackets that never became spans,
   * and with the line ends: CRLF and CR become LF in the clean text, except inside stretches
   * already left out.
   */
  private finishElisions(from: number, to: number): Elision[] {
    const { text } = this;
    const lineBreak = (cr: number): Elision => ({ start: cr, end: cr + 1, replacement: text.charCodeAt(cr + 1) === LF ? '' : '\n' });
    const nextCr = (after: number) => {
      const cr = text.indexOf('\r', after);
      return cr < to ? cr : -1;
    };
    let cr = nextCr(from);
    if (cr < 0) return withoutUnpaired(this.elisions);
    const finished: Elision[] = [];
    for (const elision of this.elisions) {
      if (elision === UNPAIRED) continue;
      for (; cr >= 0 && cr < elision.start; cr = nextCr(cr + 1)) finished.push(lineBreak(cr));
      // A CR inside a stretch left out goes with it.
      while (cr >= 0 && cr < elision.end) cr = nextCr(cr + 1);
      finished.push(elision);
    }
    for (; cr >= 0; cr = nextCr(cr + 1)) finished.push(lineBreak(cr));
    return finished;
  }

  /**
   * Spans are built as they close, innermost first; the model lists them by where their `[`
   * stands. They are renumbered in place: copying every span would cost more than the rest of
   * the parse.
   */
  private finishSpans(firstSpan: number): Span[] {
    const { spans: built, parents, subtreeSizes } = this;
    const count = built.length;
    // Typed arrays: `new Array(n)` of 100,000 or more elements would be a slow dictionary.
    // Parents close after their children, so going backwards reaches each parent first.
    const depth = new Int32Array(count);
    for (let index = count - 1; index >= 0; index--) depth[index] = parents[index] < 0 ? 0 : depth[parents[index]] + 1;
    // The spans whose `[` comes before a span's are those that closed before its subtree began
    // (its subtree is the `size` spans that closed last up to it, itself included), and its
    // ancestors: no sort is needed.
    const renumber = new Int32Array(count);
    for (let index = 0; index < count; index++) renumber[index] = firstSpan + index - subtreeSizes[index] + 1 + depth[index];
    const spans = built.slice();
    for (let index = 0; index < count; index++) spans[renumber[index] - firstSpan] = built[index];
    // One pass over the spans themselves (the rest reads numbers only). Parents come before
    // their children, so attribution flows down in the same pass.
    for (const span of spans) {
      const asBuilt = span.index;
      span.index = renumber[asBuilt];
      span.parent = parents[asBuilt] < 0 ? undefined : renumber[parents[asBuilt]];
      for (let child = 0; child < span.children.length; child++) span.children[child] = renumber[span.children[child]];
      span.attributedBy = span.by ? span.index : span.parent === undefined ? undefined : spans[span.parent - firstSpan].attributedBy;
    }
    return spans;
  }
}

/** Drops the places kept for brackets that never became spans, in place: most texts have no CR to add. */
function withoutUnpaired(elisions: Elision[]): Elision[] {
  let kept = 0;
  for (const elision of elisions) if (elision !== UNPAIRED) elisions[kept++] = elision;
  elisions.length = kept;
  return elisions;
}

/**
 * Each section's parent and range from the headings: a section runs to the next heading of the
 * same or a higher level, less the blank lines before it.
 */
function finishSections(text: string, sections: readonly Section[]): Section[] {
  const ancestors: number[] = [];
  return sections.map((section, index) => {
    while (ancestors.length && sections[ancestors[ancestors.length - 1]].level >= section.level) ancestors.pop();
    const parent = ancestors.length ? ancestors[ancestors.length - 1] : undefined;
    ancestors.push(index);
    let end = text.length;
    for (let later = index + 1; later < sections.length; later++) {
      if (sections[later].level <= section.level) {
        end = sections[later].headingRange.start;
        break;
      }
    }
    // Trimming stops at the heading line: trailing blanks there must not leave the heading outside its section.
    const trimmedEnd = Math.max(section.headingRange.end, trimTrailingBreaks(text, end));
    return { ...section, parent, range: { start: section.headingRange.start, end: trimmedEnd } };
  });
}

/** Where the text before `end` stops being blank lines and trailing blanks. */
export function trimTrailingBreaks(text: string, end: number): number {
  let i = end;
  while (i > 0 && (isLineBreak(text.charCodeAt(i - 1)) || isBlankChar(text.charCodeAt(i - 1)))) i--;
  return i;
}
