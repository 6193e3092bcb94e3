// The benchmark documents: annotated articles of a given size made from the largest sample.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIsnad } from '../server/src/service/parse/document';

/** The largest sample, or a generated article when the samples are not there. */
export function baseDocument(): { name: string; text: string } {
  const folder = path.resolve(__dirname, '../samples');
  const samples = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.isnad.md')) : [];
  if (samples.length === 0) return { name: 'a generated Arabic and English article', text: syntheticArticle() };
  const largest = samples
    .map((name) => ({ name: `samples/${name}`, text: fs.readFileSync(path.join(folder, name), 'utf8') }))
    .sort((a, b) => b.text.length - a.text.length || (a.name < b.name ? -1 : 1))[0];
  return largest;
}

/**
 * The front matter once, then the body repeated, the last copy cut at a blank line (spans never
 * cross one), so the document has about `bytes` bytes of UTF-8.
 */
export function documentOfSize(base: string, bytes: number): string {
  const { bodyStart } = parseIsnad(base);
  const front = base.slice(0, bodyStart);
  const body = `${base.slice(bodyStart).trimEnd()}\n\n`;
  const copies = Math.max(0, Math.floor((bytes - utf8Length(front)) / utf8Length(body)));
  let room = bytes - utf8Length(front) - copies * utf8Length(body);
  let tail = '';
  for (const paragraph of body.split(/(?<=\n\n)/)) {
    room -= utf8Length(paragraph);
    if (room < 0) break;
    tail += paragraph;
  }
  return front + body.repeat(copies) + tail;
}

/**
 * A comment line after the opening fence makes each run's front matter new to the parser's
 * cache, so the run pays for the YAML, as the CLI does; the editor, reparsing as the body is
 * edited, hits the cache.
 */
export function withFreshFrontMatter(text: string, run: number): string {
  return text.startsWith('---\n') ? `---\n# bench run ${run}\n${text.slice(4)}` : text;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function syntheticArticle(): string {
  const front = `---
title: Port reopening
language: ar
sources:
  وزير:
    name: وزير النقل
    kind: government
  analyst:
    name: Jane Analyst
    role: economist
entities:
  الميناء:
    name: ميناء اللاذقية
    type: place
  ministry:
    name: Ministry of Transport
    type: organization
---
`;
  const paragraphs = [
    '# إعادة فتح الميناء\n',
    'قال [الوزير]{@الميناء} إن [الميناء سيعود إلى العمل خلال أسبوعين]{ادعاء قائل=وزير حالة=unverified}، مضيفًا أن «[العمل جارٍ ليلًا ونهارًا]{اقتباس قائل=وزير}».\n',
    'The [ministry]{@ministry} said [shipping volumes will double by spring]{claim by=analyst about=الميناء note="a forecast, not a figure"}, while [critics doubt the timeline]{claim}.\n',
    '<!-- checked against the ministry statement -->\n',
    '## Background\n',
    'Traders at [the port]{@الميناء} said [prices fell]{claim by=analyst status=disputed} after the announcement.\n',
  ];
  return front + paragraphs.join('\n');
}

