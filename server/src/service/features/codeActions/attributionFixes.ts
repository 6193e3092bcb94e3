// Quick fixes for the attribution hints (features/attributionHints.ts). `possible-attribution`:
// mark the sentence as a claim by the nearest mentioned entity's source (or the entity itself,
// which `by=` accepts). `vague-source`: attribute the sentence to an anonymous source, adding
// one to the front matter when there is none yet. Right-to-left paragraphs get the Arabic
// keywords, as the mark commands write them, so their lines stay free of Latin letters.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { IsnadDocument, TextRange } from '../../model';
import { localize, type Locale } from '../../l10n';
import { findEntity } from '../../resolve';
import { firstEndingAfter } from '../../ranges';
import { attributionHints, type AttributionHint } from '../attributionHints';
import { implicitMentions } from '../implicitMentions';
import { blockDirections } from '../direction';
import { documentEdit, insertAt, wrapInSpan } from './edits';

const KEYWORDS = {
  rtl: { claim: 'ادعاء', by: 'قائل', anonymousId: 'مصدر_مجهول' },
  ltr: { claim: 'claim', by: 'by', anonymousId: 'anonymous' },
} as const;

type Keywords = (typeof KEYWORDS)[keyof typeof KEYWORDS];

export function attributionFixActions(doc: IsnadDocument, _range: Range, diagnostics: readonly Diagnostic[], locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'isnad' || (diagnostic.code !== 'possible-attribution' && diagnostic.code !== 'vague-source')) continue;
    const hint = hintAt(doc, diagnostic.range);
    if (!hint) continue;
    const block = blockIndexAt(doc, hint.range.start);
    const keywords = KEYWORDS[blockDirections(doc)[block] ?? 'ltr'];
    const fix = diagnostic.code === 'vague-source' ? anonymousFix(doc, hint, keywords, locale) : speakerFix(doc, hint, block, keywords, locale);
    if (fix) actions.push({ ...fix, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true });
  }
  return actions;
}

function hintAt(doc: IsnadDocument, range: Range): AttributionHint | undefined {
  const start = doc.lines.offsetAt(range.start);
  const end = doc.lines.offsetAt(range.end);
  return attributionHints(doc).find((hint) => hint.range.start === start && hint.range.end === end);
}

function blockIndexAt(doc: IsnadDocument, offset: number): number {
  return firstEndingAfter(
    doc.blocks.map((block) => block.range),
    offset,
  );
}

type Fix = Pick<CodeAction, 'title' | 'edit'>;

function speakerFix(doc: IsnadDocument, hint: AttributionHint, block: number, keywords: Keywords, locale: Locale): Fix {
  const speaker = nearestSpeaker(doc, hint, doc.blocks[block]?.range ?? hint.range);
  if (!speaker) return { title: localize(locale, 'markClaim'), edit: documentEdit(doc, wrapInSpan(doc, hint.range, keywords.claim)) };
  return {
    title: localize(locale, 'markClaimBy', [speaker.name]),
    edit: documentEdit(doc, wrapInSpan(doc, hint.range, `${keywords.claim} ${keywords.by}=${speaker.id}`)),
  };
}

interface SpeakerChoice {
  readonly id: string;
  readonly name: string;
}

/**
 * The entity mentioned (annotated or not) nearest to the cue inside the sentence, else nearest
 * to it in its paragraph (`according to the analyst, Andrei Mortazin`: the comma ends the
 * sentence before the name); said through the source that stands for it, when there is one.
 */
function nearestSpeaker(doc: IsnadDocument, hint: AttributionHint, paragraph: TextRange): SpeakerChoice | undefined {
  const mentions = [
    ...doc.spans.flatMap((span) => (span.kind === 'mention' && span.entity ? [{ start: span.range.start, end: span.range.end, id: span.entity.id }] : [])),
    ...implicitMentions(doc).map(({ start, end, entity }) => ({ start, end, id: entity.id })),
  ].filter((mention) => mention.start >= paragraph.start && mention.end <= paragraph.end && findEntity(doc, mention.id));
  const outside = (mention: TextRange) => (mention.start >= hint.range.start && mention.end <= hint.range.end ? 0 : 1);
  const fromCue = (mention: TextRange) => Math.max(0, mention.start - hint.cue.end, hint.cue.start - mention.end);
  const nearest = mentions.sort((a, b) => outside(a) - outside(b) || fromCue(a) - fromCue(b))[0];
  if (!nearest) return undefined;
  const sources = doc.frontMatter?.sources.values() ?? [];
  const source = [...sources].find((candidate) => candidate.entity?.id === nearest.id) ?? doc.frontMatter?.sources.get(nearest.id);
  return source ? { id: source.id, name: source.name || source.id } : { id: nearest.id, name: findEntity(doc, nearest.id)?.name || nearest.id };
}

function anonymousFix(doc: IsnadDocument, hint: AttributionHint, keywords: Keywords, locale: Locale): Fix | undefined {
  const existing = [...(doc.frontMatter?.sources.values() ?? [])].find((source) => source.kind === 'anonymous');
  const attribute = (id: string) => wrapInSpan(doc, hint.range, `${keywords.claim} ${keywords.by}=${id}`);
  if (existing) {
    return { title: localize(locale, 'attributeToAnonymous', [existing.name || existing.id]), edit: documentEdit(doc, attribute(existing.id)) };
  }
  const name = hint.unnamedSource ? doc.text.slice(hint.unnamedSource.start, hint.unnamedSource.end) : keywords.anonymousId;
  const id = unusedId(doc, keywords.anonymousId);
  const definition = addSourceEdit(doc, id, name);
  if (!definition) return undefined;
  return { title: localize(locale, 'addAnonymousSource', [name]), edit: documentEdit(doc, [definition, ...attribute(id)]) };
}

/** `base`, else `base_2`, `base_3` …: the first that names no source and no entity. */
function unusedId(doc: IsnadDocument, base: string): string {
  const taken = (id: string) => doc.frontMatter?.sources.has(id) || doc.frontMatter?.entities.has(id);
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}_${n}`;
  return id;
}

/**
 * Adds `id: {name, kind: anonymous}` under `sources:` as a block mapping: after the last source,
 * at its indentation; as a new `sources:` key at the end of a front matter that has none; in a
 * new front matter when there is none. Undefined when `sources` is written in a way this cannot
 * extend safely (a flow mapping, or an empty key).
 */
function addSourceEdit(doc: IsnadDocument, id: string, name: string): TextEdit | undefined {
  const entry = (indent: string) => [`${indent}${id}:`, `${indent}  name: ${yamlScalar(name)}`, `${indent}  kind: anonymous`];
  const front = doc.frontMatter;
  if (!front) return insertAt(doc, doc.bodyStart, ['---', 'sources:', ...entry('  '), '---', ''].join('\n'));
  const sources = [...front.sources.values()];
  if (sources.length === 0) {
    if (Object.hasOwn(front.data, 'sources')) return undefined;
    return insertAt(doc, front.contentRange.end, ['sources:', ...entry('  '), ''].join('\n'));
  }
  const last = sources.reduce((a, b) => (b.range.end > a.range.end ? b : a));
  const lineStart = doc.lines.lineStart(doc.lines.lineAt(last.keyRange.start));
  const indent = doc.text.slice(lineStart, last.keyRange.start);
  if (!/^[ ]+$/.test(indent)) return undefined;
  const end = doc.lines.lineContentEnd(doc.lines.lineAt(last.range.end - 1));
  return insertAt(doc, end, ['', ...entry(indent)].join('\n'));
}

/** Plain when YAML reads it back unchanged (words), else double-quoted (JSON's quoting is YAML's). */
function yamlScalar(text: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ]*$/u.test(text) && !/ $/.test(text) && !/^(?:true|false|null|yes|no|on|off)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}
