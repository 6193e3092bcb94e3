// Custom requests between the Isnad client and server, declared once and imported by both
// sides (in the manner of vscode-eslint's shared protocol file).
import { NotificationType, RequestType, RequestType0, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Status } from './service/model';

import type { ExportFormat } from './service/export/index';

export type { ExportFormat };

export interface ExportParams {
  readonly uri: string;
  readonly format: ExportFormat;
}

export interface ExportResult {
  readonly content: string;
  /** How many annotations the export holds, for the notification. */
  readonly annotationCount: number;
}

/** The server builds the export; the client asks where to put it and writes it. Null when the document is not open or the request was cancelled. */
export const ExportRequest = new RequestType<ExportParams, ExportResult | null, void>('isnad/export');

export type ParagraphDirection = 'rtl' | 'ltr';

export interface DecoratedSpan {
  readonly kind: 'claim' | 'quote' | 'mention' | 'note';
  /** From `[` through `}`. */
  readonly range: Range;
  readonly contentRange: Range;
  /** The mentioned entity's type, for mentions. */
  readonly entityType?: string;
  /** The speaker's display name for claims and quotes; undefined when unattributed. */
  readonly speaker?: string;
}

/** An entity named in plain text without a mention span (features/implicitMentions.ts). */
export interface DecoratedImplicitMention {
  readonly range: Range;
  readonly entityType: string;
}

export interface DecoratedParagraph {
  readonly range: Range;
  /**
   * How the editor must treat the paragraph's lines: `ltr` only when they may be cut into
   * differently styled pieces (no right-to-left text in them, see `inlineStylableBlocks`).
   */
  readonly direction: ParagraphDirection;
  readonly isHeading: boolean;
}

export interface DocumentCounts {
  readonly claims: number;
  readonly quotes: number;
  /** Claims and quotes with no speaker, their own or inherited. */
  readonly unattributed: number;
  readonly mentions: number;
}

export interface DecorationsParams {
  readonly uri: string;
}

/** What the client needs to decorate an editor, computed by the server from its model. */
export interface DecorationsResult {
  readonly version: number;
  readonly paragraphs: readonly DecoratedParagraph[];
  readonly spans: readonly DecoratedSpan[];
  readonly implicitMentions: readonly DecoratedImplicitMention[];
  readonly counts: DocumentCounts;
}

export const DecorationsRequest = new RequestType<DecorationsParams, DecorationsResult | null, void>('isnad/decorations');

/** A run of reading-view text: plain, or inside the innermost span that covers it. */
export interface ReadingSegment {
  readonly text: string;
  /** Index of the innermost span covering this text, if any. */
  readonly span?: number;
}

export interface ReadingBlock {
  readonly direction: ParagraphDirection;
  /** 1–6 for headings, 0 for paragraphs. */
  readonly headingLevel: number;
  /** Where the block is in the editor, so the view can scroll in step with it. */
  readonly range: Range;
  readonly segments: readonly ReadingSegment[];
}

export interface ReadingSpan {
  readonly kind: 'claim' | 'quote' | 'mention' | 'note';
  readonly entityType?: string;
  readonly speaker?: string;
  readonly parent?: number;
  /** Where to reveal the span in the editor when it is clicked. */
  readonly range: Range;
}

export interface ReadingViewResult {
  readonly version: number;
  readonly title?: string;
  readonly direction: ParagraphDirection;
  readonly blocks: readonly ReadingBlock[];
  readonly spans: readonly ReadingSpan[];
}

export const ReadingViewRequest = new RequestType<DecorationsParams, ReadingViewResult | null, void>('isnad/readingView');

export interface SourceChoice {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly role?: string;
}

/** The sources of the document's front matter, for "Attribute claim to…". */
export const SourcesRequest = new RequestType<DecorationsParams, readonly SourceChoice[], void>('isnad/sources');

export interface EntityChoice {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly description?: string;
}

/** The entities of the document's front matter, for "Mark selection as entity mention". */
export const EntitiesRequest = new RequestType<DecorationsParams, readonly EntityChoice[], void>('isnad/entities');

export interface StatementAtParams {
  readonly uri: string;
  readonly position: Position;
}

/** The innermost claim or quote at a position, as "Attribute claim to…" needs it to edit its attribute block. */
export interface StatementAtResult {
  /** The document version the ranges belong to: the client edits only that version. */
  readonly version: number;
  readonly kind: 'claim' | 'quote';
  /** The span's own `by=ID` or `قائل=ID` token, to be replaced; undefined when it has none. */
  readonly byRange?: Range;
  /** Where a new attribution goes when there is none: after the block's last token. */
  readonly insertAt: Position;
  /** The key to write: the one the span already uses, else `قائل` in a right-to-left paragraph, else `by`. */
  readonly byKey: 'by' | 'قائل';
}

export const StatementAtRequest = new RequestType<StatementAtParams, StatementAtResult | null, void>('isnad/statementAt');

export interface MarkableSelectionsParams {
  readonly uri: string;
  /** The selections to wrap in `[` … `]{…}`, without the white space at their ends. */
  readonly ranges: readonly Range[];
}

/** What "Mark Selection as Claim / Quote / Entity Mention" may wrap. */
export interface MarkableSelectionsResult {
  /** The document version the answer belongs to: the client edits only that version. */
  readonly version: number;
  /**
   * For each range, in order: the direction of its paragraph when wrapping it makes a span that
   * leaves every other span, comment and escape whole (FORMAT.md §3–4); null when it would not.
   */
  readonly directions: readonly (ParagraphDirection | null)[];
}

export const MarkableSelectionsRequest = new RequestType<MarkableSelectionsParams, MarkableSelectionsResult | null, void>('isnad/markableSelections');

/** Server to client: the workspace index changed (an article or registry was read, edited or removed); views over the corpus refresh. */
export const CorpusChangedNotification = new NotificationType<Record<string, never>>('isnad/corpusChanged');

export interface ExportWorkspaceParams extends WorkDoneProgressParams {
  readonly format: ExportFormat;
  /** The file URI to write; replaced atomically once the whole corpus is written. */
  readonly target: string;
}

export interface ExportWorkspaceResult {
  readonly articleCount: number;
  readonly annotationCount: number;
}

/**
 * Exports every article of the workspace into one file. The server writes it, one article at a
 * time, since a corpus export can be far larger than a message should be; progress goes to the
 * request's work-done token. Null when the request was cancelled (the target is left as it was).
 */
export const ExportWorkspaceRequest = new RequestType<ExportWorkspaceParams, ExportWorkspaceResult | null, void>('isnad/exportWorkspace');

export interface WhoSaidWhatParams {
  /** Only the claims and quotes nobody is said to have made. */
  readonly unattributedOnly?: boolean;
  /** Only this article (its URI). */
  readonly article?: string;
  /** Only claims and quotes with this status. */
  readonly status?: Status;
}

export interface WhoSaidWhatStatement {
  readonly uri: string;
  /** The article's title. */
  readonly article: string;
  readonly kind: 'claim' | 'quote';
  /** Its first words. */
  readonly title: string;
  readonly status?: Status;
  /** Its content, where the editor goes when it is clicked. */
  readonly range: Range;
}

export interface WhoSaidWhatSource {
  readonly id: string;
  readonly name: string;
  readonly statements: readonly WhoSaidWhatStatement[];
}

export interface WhoSaidWhatEntity {
  readonly id: string;
  readonly name: string;
  /** Each article that mentions it, with how often and where first. */
  readonly articles: readonly { readonly uri: string; readonly title: string; readonly count: number; readonly range: Range }[];
}

export interface WhoSaidWhatResult {
  readonly sources: readonly WhoSaidWhatSource[];
  readonly unattributed: readonly WhoSaidWhatStatement[];
  readonly entities: readonly WhoSaidWhatEntity[];
  /** Every article of the workspace, for the article filter. */
  readonly articles: readonly { readonly uri: string; readonly title: string }[];
}

/** The who-said-what tree of the whole workspace, filtered. */
export const WhoSaidWhatRequest = new RequestType<WhoSaidWhatParams, WhoSaidWhatResult, void>('isnad/whoSaidWhat');

/** The command a section's code lens runs, and the keybinding's: moves to the next unattributed claim. */
export const NEXT_UNATTRIBUTED_CLAIM_COMMAND = 'isnad.nextUnattributedClaim';
export const PREVIOUS_UNATTRIBUTED_CLAIM_COMMAND = 'isnad.previousUnattributedClaim';

/** What a code lens passes to the command: where to start from. A keybinding passes nothing: the cursor. */
export interface UnattributedClaimCommandArguments {
  readonly uri: string;
  readonly position: Position;
}

export interface UnattributedClaimParams {
  readonly uri: string;
  readonly position: Position;
  readonly direction: 'next' | 'previous';
}

export interface UnattributedClaimResult {
  /** The claim, from `[` through `}`. */
  readonly range: Range;
  /** Where the cursor goes: the start of the claim's text. */
  readonly contentStart: Position;
}

/** The unattributed claim after (or before) a position, wrapping around; null when there is none. */
export const UnattributedClaimRequest = new RequestType<UnattributedClaimParams, UnattributedClaimResult | null, void>('isnad/unattributedClaim');

export interface ServerProcessResult {
  readonly pid: number;
}

/** The server's process id: what a user (or the fault tests) needs to find the process of a misbehaving server. */
export const ServerProcessRequest = new RequestType0<ServerProcessResult, void>('isnad/serverProcess');
