// How each planned decoration looks. Colours are the extension's contributed theme colours
// (package.json `contributes.colors`), so themes and users can change them; each id has one
// dot, because webviews name a colour's variable by replacing only the first (readingView.css).
// Which styles are safe on right-to-left lines is decided in plan.ts, and the styles keep to that
// split: only `speaker.after` and `markup.dim` touch the text, and only on LTR lines.
import * as vscode from 'vscode';
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
  color: color('isnad.speakerForeground'),
  backgroundColor: color('isnad.speakerBackground'),
};

/** Painted behind the text, like a selection: never splits a line. */
function tint(colorId: string): vscode.DecorationRenderOptions {
  return { backgroundColor: color(colorId), borderRadius: '2px', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
}

export function decorationStyles(media: vscode.Uri): Record<DecorationKey, vscode.DecorationRenderOptions> {
  return {
    'mention.person': tint('isnad.entityPersonBackground'),
    'mention.organization': tint('isnad.entityOrganizationBackground'),
    'mention.country': tint('isnad.entityCountryBackground'),
    'mention.place': tint('isnad.entityPlaceBackground'),
    'mention.event': tint('isnad.entityEventBackground'),
    'mention.other': tint('isnad.entityOtherBackground'),
    // A border, not a bottom border: claims and quotes underline, and an implicit mention may sit inside one.
    'mention.implicit': {
      border: '1px dashed',
      borderColor: color('isnad.implicitMentionBorder'),
      borderRadius: '2px',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    },
    claim: underline('solid', 'isnad.claimBorder'),
    'claim.unattributed': underline('solid', 'isnad.unattributedBorder'),
    quote: underline('dotted', 'isnad.quoteBorder'),
    'quote.unattributed': underline('dotted', 'isnad.unattributedBorder'),
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
