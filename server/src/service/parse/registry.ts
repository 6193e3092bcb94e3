// The shared registry: an `isnad.yaml` whose `sources:` and `entities:` are read exactly as a
// front matter's, so an entry means the same wherever it is written. Pure: the caller reads the file.
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { Registry } from '../model';
import { LineIndex } from '../lineIndex';
import { problem } from '../problems';
import { FrontMatterReader, parseYaml, yamlErrors } from './frontMatter';
import { pushAll } from '../arrays';

/** The file name of a shared registry, at a workspace folder's root or in any folder below it. */
export const REGISTRY_FILE_NAME = 'isnad.yaml';

const BYTE_ORDER_MARK = 0xfeff;

export function parseRegistry(text: string, uri: string): Registry {
  const start = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  const source = text.slice(start);
  const yaml = parseYaml(source);
  const lines = new LineIndex(text);
  const firstLine = { start, end: Math.max(start + 1, lines.lineContentEnd(0)) };
  const reader = new FrontMatterReader(yaml, source, start, firstLine, uri);
  pushAll(reader.problems, yamlErrors(yaml, source, start, 'registryYamlError'));
  reader.reportUnresolvedAliases();
  const contents = yaml.contents;
  if (contents && !(isScalar(contents) && contents.value === null) && !isMap(contents)) reader.report(contents, 'registryNotMapping');
  const seen = new Map<string, Pair<Node, Node | null>>();
  for (const pair of isMap(contents) ? (contents.items as Pair<Node, Node | null>[]) : []) {
    const keyNode = reader.resolve(pair.key);
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!reader.isFirstKey(seen, [], key, pair, key)) continue;
    if (key === 'sources') reader.definitions(pair.value, key, reader.sources, (id, entry, path) => reader.source(id, entry, path));
    else if (key === 'entities') reader.definitions(pair.value, key, reader.entities, (id, entry, path) => reader.entity(id, entry, path));
    // Other keys are not errors in a front matter (they are kept as meta), but a registry has no
    // meta: a misspelt `entites:` would otherwise silently define nothing.
    else reader.problems.push(problem('front-matter', reader.rangeOf(pair.key), 'registryUnknownKey', [key], 'warning'));
  }
  return { uri, lines, sources: reader.sources, entities: reader.entities, problems: reader.problems };
}
