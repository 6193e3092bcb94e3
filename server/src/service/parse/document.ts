// Text in, document model out. Pure and total: any string gives a model; problems are data.
import type { IsnadDocument, RegistryScope } from '../model';
import { LineIndex } from '../lineIndex';
import { parseFrontMatter, type FrontMatterParse } from './frontMatter';
import { parseBody } from './body';

const BYTE_ORDER_MARK = 0xfeff;

/**
 * Parsing YAML costs far more per byte than the body, and while an article is being edited
 * its front matter rarely changes: keep the last few results, keyed by the front matter's text.
 */
const frontMatterCache = new Map<string, FrontMatterParse>();
const FRONT_MATTER_CACHE_SIZE = 16;

function cachedFrontMatter(text: string, start: number): FrontMatterParse {
  const probe = parseFrontMatterExtent(text, start);
  if (probe === undefined) return parseFrontMatter(text, start);
  const key = text.slice(0, probe);
  const hit = frontMatterCache.get(key);
  if (hit) {
    frontMatterCache.delete(key);
    frontMatterCache.set(key, hit);
    return hit;
  }
  const parsed = parseFrontMatter(text, start);
  frontMatterCache.set(key, parsed);
  if (frontMatterCache.size > FRONT_MATTER_CACHE_SIZE) frontMatterCache.delete(frontMatterCache.keys().next().value!);
  return parsed;
}

/** Where a closed front matter ends, cheaply, or undefined when there is none to cache. */
function parseFrontMatterExtent(text: string, start: number): number | undefined {
  if (!text.startsWith('---', start)) return undefined;
  // Not `^` with the `m` flag: it also matches after U+2028 and U+2029, which end no line here, and
  // two front matters that differ after such a `---` would share a cache entry.
  const close = /(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/g;
  close.lastIndex = start + 3;
  const match = close.exec(text);
  return match ? match.index + match[0].length : undefined;
}

/** `registry`: the shared definitions the document sees (the caller reads and parses the `isnad.yaml` files). */
export function parseIsnad(text: string, uri = 'untitled:document', version = 0, registry?: RegistryScope): IsnadDocument {
  const start = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  const front = cachedFrontMatter(text, start);
  const body = parseBody(text, front.bodyStart);
  return {
    uri,
    version,
    text,
    lines: new LineIndex(text),
    bodyStart: front.bodyStart,
    frontMatter: front.frontMatter,
    ...(registry && registry.layers.length > 0 ? { registry } : {}),
    sections: body.sections,
    blocks: body.blocks,
    spans: body.spans,
    comments: body.comments,
    elisions: body.elisions,
    problems: front.problems.concat(body.problems),
  };
}
