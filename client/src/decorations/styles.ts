// How each planned decoration looks. Colours are the extension's contributed theme colours
// (package.json `contributes.colors`), so themes and users can change them. Which styles are safe
// on right-to-left lines is decided in plan.ts; the styles here keep to that split: only
// `speaker.after` and `markup.dim` touch the text itself, and they are planned on LTR lines only.
import * as vscode from 'vscode';
import { ENTITY_TYPES } from '../../../server/src/service/model';
import type { DecorationKey } from './plan';

const color = (id: string) => new vscode.ThemeColor(id);

/** Painted under the text: a bottom border only, which never splits a line. */
function underline(style: 'solid' | 'dotted', colorId: string): vscode.DecorationRenderOptions {
  return {
    borderStyle: `none none ${style} none`,
    borderWidth: '0 0 2px 0',
    borderColor: color(colorId),
    overviewRulerColor: color(colorId),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
}

function gutterIcon(media: vscode.Uri, file: string): vscode.DecorationRenderOptions {
  return { gutterIconPath: vscode.Uri.joinPath(media, file), gutterIconSize: 'contain' };
}

const badge = {
  color: color('isnad.speaker.foreground'),
  backgroundColor: color('isnad.speaker.background'),
};

export function decorationStyles(media: vscode.Uri): Record<DecorationKey, vscode.DecorationRenderOptions> {
  const mentions = Object.fromEntries(
    ENTITY_TYPES.map((type) => [
      `mention.${type}`,
      { backgroundColor: color(`isnad.entity.${type}.background`), borderRadius: '2px', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed },
    ]),
  ) as Record<`mention.${(typeof ENTITY_TYPES)[number]}`, vscode.DecorationRenderOptions>;
  return {
    ...mentions,
    claim: underline('solid', 'isnad.claim.border'),
    'claim.unattributed': underline('solid', 'isnad.unattributed.border'),
    quote: underline('dotted', 'isnad.quote.border'),
    'quote.unattributed': underline('dotted', 'isnad.unattributed.border'),
    'gutter.statement': gutterIcon(media, 'statement.svg'),
    'gutter.unattributed': gutterIcon(media, 'statement-unattributed.svg'),
    // Mid-line injected text: left-to-right lines only.
    'speaker.after': { after: { ...badge, margin: '0 0 0 0.4em' } },
    // An attachment at column 0 is an empty span before the line's text, styled in CSS ::before:
    // its colours apply to the badge alone and leave the text in one piece.
    'speaker.lineStart': { before: { ...badge, margin: '0 0.6em 0 0' } },
    'markup.dim': { opacity: '0.55' },
  };
}

/** The names of the style properties a decoration sets (`after.color` for attachments), for snapshots. */
export function styleProperties(options: vscode.DecorationRenderOptions): string[] {
  return Object.entries(options).flatMap(([name, value]) =>
    (name === 'before' || name === 'after') && value ? Object.keys(value).map((inner) => `${name}.${inner}`) : [name],
  );
}
