// Mutations of real documents: the samples are valid, annotated articles, so small damage to
// them reaches the parser's deep paths (half-typed spans, broken front matter, nesting) far
// more often than random text does. Byte-level changes, markup-aware splices and region
// copies are mixed; each document gets a few, drawn from its own seeded generator.
import type { Random } from './random';

/** Pieces of the markup and the characters hostile text carries, in both languages. */
const MARKUP = [
  '[', ']', '{', '}', ']{', '[[', ']]', '}}', '{{', '@', '"', '\\', '\\[', '\\"', '=', ',', '،',
  '---\n', '\n---\n', '...\n', '\n# ', '\n## ', '####### ', '# ', '\n\n', '\n', '\r', '\r\n', '\t', ' ',
  '<!--', '-->', '<!-- x -->', '&a ', '*a', '&a [x, *a]', ': ', '- ', '  x:\n    name: X\n',
  'claim', 'quote', 'by=', 'by=x', 'status=', 'status=disputed', 'about=', 'about=x,y', 'note="', 'note="a b"', 'id=', '@x',
  'ادعاء', 'اقتباس', 'قائل=', 'حالة=', 'عن=', 'ملاحظة="', '@كيان', 'constructor', '__proto__', '@__proto__',
  '[x](command:workbench.action.quit)', '<img src=x onerror=alert(1)>', '`', 'javascript:alert(1)', 'data:text/html,<b>',
  '=HYPERLINK("x")', '+1', '-1', '@SUM(A1)',
];

/** Invisible, bidirectional, ill-formed and otherwise awkward UTF-16. */
const AWKWARD = [
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF', '\u00AD',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00', '😀', '\u0000', '\uFFFF', '\uFFFE', '\uFFFD',
  '\u0301', '\u0651', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', 'і', 'ꓲ',
];

type Mutation = (text: string, random: Random, donor: string) => string;

function at(text: string, random: Random): number {
  return random.below(text.length + 1);
}

function insert(text: string, offset: number, piece: string): string {
  return text.slice(0, offset) + piece + text.slice(offset);
}

/** A region of up to `max` characters. */
function region(text: string, random: Random, max: number): [start: number, end: number] {
  const start = at(text, random);
  return [start, Math.min(text.length, start + 1 + random.below(max))];
}

/** An offset of one of `characters`, or a random one when the text holds none near where it looked. */
function offsetOfOneOf(text: string, random: Random, characters: string): number | undefined {
  const from = at(text, random);
  for (let i = from; i < text.length; i++) if (characters.includes(text[i])) return i;
  for (let i = 0; i < from; i++) if (characters.includes(text[i])) return i;
  return undefined;
}

const MUTATIONS: readonly Mutation[] = [
  // Characters: any UTF-16 unit, an awkward one, a deletion.
  (text, random) => insert(text, at(text, random), String.fromCharCode(random.below(0x10000))),
  (text, random) => insert(text, at(text, random), random.pick(AWKWARD)),
  (text, random) => {
    const offset = random.below(text.length);
    return text.slice(0, offset) + String.fromCharCode(random.below(0x80)) + text.slice(offset + 1);
  },
  (text, random) => {
    const offset = random.below(text.length);
    return text.slice(0, offset) + text.slice(offset + 1);
  },
  // Markup: insert a piece, delete one of the characters that structure it.
  (text, random) => insert(text, at(text, random), random.pick(MARKUP)),
  (text, random) => insert(text, at(text, random), random.pick(MARKUP) + random.pick(MARKUP)),
  (text, random) => {
    const offset = offsetOfOneOf(text, random, '[]{}"@\\#-=\n');
    return offset === undefined ? text : text.slice(0, offset) + text.slice(offset + 1);
  },
  (text, random) => {
    const offset = offsetOfOneOf(text, random, '[]{}"');
    return offset === undefined ? text : insert(text, offset, random.pick(['[', ']', '{', '}', '"', '\\']));
  },
  // Regions: delete, duplicate, repeat, move, truncate, splice in part of another document.
  (text, random) => {
    const [start, end] = region(text, random, 200);
    return text.slice(0, start) + text.slice(end);
  },
  (text, random) => {
    const [start, end] = region(text, random, 400);
    return insert(text, at(text, random), text.slice(start, end));
  },
  (text, random) => {
    const [start, end] = region(text, random, 40);
    return text.slice(0, end) + text.slice(start, end).repeat(2 + random.below(200)) + text.slice(end);
  },
  (text, random) => {
    const [start, end] = region(text, random, 300);
    const rest = text.slice(0, start) + text.slice(end);
    return insert(rest, at(rest, random), text.slice(start, end));
  },
  (text, random) => text.slice(0, at(text, random)),
  (text, random) => text.slice(at(text, random)),
  (text, random, donor) => {
    const [start, end] = region(donor, random, 600);
    return insert(text, at(text, random), donor.slice(start, end));
  },
  // Line ends: every LF of a region becomes CRLF or CR.
  (text, random) => {
    const [start, end] = region(text, random, 2000);
    return text.slice(0, start) + text.slice(start, end).replace(/\n/g, random.pick(['\r\n', '\r'])) + text.slice(end);
  },
];

/** Documents stay small enough that thousands go through the server in a CI run. */
const MAX_LENGTH = 64 * 1024;

/** One to eight mutations of `seed`; `donor` lends regions to splice in. */
export function mutate(seed: string, donor: string, random: Random): string {
  let text = seed;
  const count = 1 + random.below(8);
  for (let i = 0; i < count; i++) text = random.pick(MUTATIONS)(text, random, donor);
  return text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH) : text;
}
