// Messages between the Reading View panel and its webview script (media/readingView.js).
import type { ReadingViewResult } from '../../../server/src/protocol';
import type { EntityType } from '../../../server/src/service/model';

/** The view's words in the UI language: the webview has no access to vscode.l10n. */
export interface ReadingViewLabels {
  readonly entityTypes: Readonly<Record<EntityType, string>>;
  readonly claim: string;
  readonly quote: string;
  readonly note: string;
  readonly unattributed: string;
  readonly legend: string;
  readonly empty: string;
}

export type ToWebview =
  | { readonly type: 'render'; readonly view: ReadingViewResult; readonly labels: ReadingViewLabels }
  /** Scroll so that the block holding this editor line is at the top. */
  | { readonly type: 'scrollTo'; readonly line: number };

export type FromWebview =
  | { readonly type: 'ready' }
  /** The user clicked span `span` (an index into the view's spans). */
  | { readonly type: 'reveal'; readonly span: number };
