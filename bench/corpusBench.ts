// Scale of the workspace index: a generated corpus of 10,000 articles (about 200 MB) sharing one
// registry is indexed as the server indexes a workspace folder; then workspace-symbol and
// cross-file references queries are timed on it. Prints one Markdown table.
// Run with `npm run bench` (after the single-document benchmark).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WorkspaceIndex } from '../server/src/workspace/workspaceIndex';
import { parseIsnad } from '../server/src/service/parse/document';
import { computeWorkspaceSymbols } from '../server/src/service/features/workspaceSymbols';
import { articleUsesOf, referencesTo } from '../server/src/service/features/crossReferences';
import { summarizeArticle } from '../server/src/service/corpus/summary';

const ARTICLES = Number(process.env.ISNAD_BENCH_ARTICLES ?? 10_000);
const ARTICLE_BYTES = 20_000;

/** The Arabic sample: its definitions become the shared registry, its body the articles. */
function sample(): { registry: string; body: string } {
  const text = fs.readFileSync(path.resolve(__dirname, '../samples/north-korea-russia.isnad.md'), 'utf8');
  const { bodyStart } = parseIsnad(text);
  const front = text.slice(4, text.lastIndexOf('---', bodyStart));
  const registry = front.slice(front.indexOf('sources:'));
  return { registry, body: text.slice(bodyStart) };
}

/** Article `n`: its own title and a cut of the sample's body of about ARTICLE_BYTES, starting at a different paragraph each time. */
function article(paragraphs: readonly string[], n: number): string {
  let text = `---\ntitle: مقال رقم ${n}\nlanguage: ar\n---\n# مقال ${n}\n\n`;
  for (let i = n % paragraphs.length; Buffer.byteLength(text) < ARTICLE_BYTES; i = (i + 1) % paragraphs.length) text += paragraphs[i];
  return text;
}

function generate(folder: string): number {
  const { registry, body } = sample();
  const paragraphs = body.split(/(?<=\n\n)/).filter((p) => !p.startsWith('#'));
  fs.writeFileSync(path.join(folder, 'isnad.yaml'), registry);
  let bytes = 0;
  for (let n = 0; n < ARTICLES; n++) {
    const sub = path.join(folder, `desk-${n % 20}`);
    if (n < 20) fs.mkdirSync(sub);
    const text = article(paragraphs, n);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(sub, `article-${n}.isnad.md`), text);
  }
  return bytes;
}

function peakRssMb(): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** The median of `runs` runs, wall-clock and CPU time (the machine is shared: CPU time is the steadier figure). */
function medianMs(work: () => unknown, runs = 9, before?: (run: number) => void): string {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.(i);
    const started = performance.now();
    const cpu = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(cpu);
    walls.push(performance.now() - started);
    cpus.push((user + system) / 1000);
  }
  const median = (times: number[]) => times.sort((a, b) => a - b)[runs >> 1].toFixed(1);
  return `${median(walls)} ms (CPU ${median(cpus)} ms)`;
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-corpus-bench-'));
  try {
    const bytes = generate(folder);
    const rssBefore = process.memoryUsage().rss / 2 ** 20;
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5');
    } catch {
      // Not Linux: the peak is then the process's whole life.
    }
    const index = new WorkspaceIndex({
      openDocument: () => undefined,
      startProgress: async () => ({ report: () => undefined, done: () => undefined }),
      changed: () => undefined,
      log: () => undefined,
    });
    const started = performance.now();
    await index.setFolders([pathToFileURL(folder).href]);
    const indexMs = performance.now() - started;
    const peak = peakRssMb();
    (globalThis as { gc?: () => void }).gc?.();
    const kept = process.memoryUsage().heapUsed / 2 ** 20;
    const corpus = index.corpus;
    const folderUrl = pathToFileURL(folder).href;
    const registryUri = `${folderUrl}/isnad.yaml`;

    const symbolHit = medianMs(() => computeWorkspaceSymbols(corpus, 'شويغو', 'en'));
    const symbolMiss = medianMs(() => computeWorkspaceSymbols(corpus, 'zzzq', 'en'));
    const rare = { uri: registryUri, kind: 'entity' as const, id: 'شويغو' };
    const common = { uri: registryUri, kind: 'entity' as const, id: 'روسيا' };
    let commonCount = 0;
    // The index packed every id's postings when its scan ended; the query's own code has not run yet.
    const referencesCommonCold = medianMs(() => (commonCount = referencesTo(corpus, common, true).length), 1);
    const rareCount = referencesTo(corpus, rare, true).length;
    // An edit that adds or removes a reference to the id in one article: its postings are packed again.
    const edited = [...corpus.articles.keys()][0];
    const editedText = fs.readFileSync(fileURLToPath(edited), 'utf8');
    const editions = [summarizeArticle(parseIsnad(`${editedText}\n[روسيا]{@روسيا}\n`, edited)), summarizeArticle(parseIsnad(editedText, edited))];
    const referencesCommonEdited = medianMs(
      () => referencesTo(corpus, common, true),
      9,
      (run) => corpus.setArticle(editions[run % 2]),
    );
    // A new article naming the id, then gone again: its slot inserted into the postings, then taken out.
    const extraUri = `${folderUrl}/desk-0/extra.isnad.md`;
    const extra = summarizeArticle(parseIsnad(editedText, extraUri));
    const referencesCommonInserted = medianMs(
      () => referencesTo(corpus, common, true),
      9,
      (run) => (run % 2 === 0 ? corpus.setArticle(extra) : corpus.removeArticle(extraUri)),
    );
    corpus.removeArticle(extraUri);
    // The last query saw editions[0]: each run then changes the count.
    let edits = 1;
    const reindexEdited = medianMs(() => corpus.setArticle(editions[edits++ % 2]), 9);
    corpus.setArticle(editions[1]);
    const findRare = medianMs(() => articleUsesOf(corpus, rare));
    const findCommon = medianMs(() => articleUsesOf(corpus, common));
    const referencesRare = medianMs(() => referencesTo(corpus, rare, true));
    const referencesCommon = medianMs(() => referencesTo(corpus, common, true));
    const commonLocations = referencesTo(corpus, common, true);
    const serialiseCommon = medianMs(() => JSON.stringify(commonLocations), 5);
    const commonJsonMb = Buffer.byteLength(JSON.stringify(commonLocations)) / 1e6;
    // The articles are cuts of one sample, so the same id sits at the same place in many of them: the result shares those ranges.
    const distinctRanges = new Set(commonLocations.map(({ range }) => range)).size;

    console.log(
      [
        `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ${corpus.articles.size} articles, ${(bytes / 1e6).toFixed(0)} MB, one registry`,
        '',
        '| measure | value | target |',
        '|---|--:|--:|',
        `| index the workspace (read, parse, summarise, pack every id's postings) | ${(indexMs / 1000).toFixed(1)} s | < 20 s |`,
        `| peak RSS while indexing (process, ${rssBefore.toFixed(0)} MB before) | ${peak.toFixed(0)} MB | < 1024 MB |`,
        `| heap kept by the index after GC | ${kept.toFixed(0)} MB | |`,
        `| workspace symbols, query matching a few (\`شويغو\`) | ${symbolHit} | < 50 ms |`,
        `| workspace symbols, query matching nothing (full scan) | ${symbolMiss} | < 50 ms |`,
        `| references of a rare registry entity (${rareCount} locations): finding them in the index | ${findRare} | < 50 ms |`,
        `| … and the whole query, \`Location\` objects built | ${referencesRare} | < 50 ms |`,
        `| references of an entity in every article (${commonCount} locations): finding them in the index | ${findCommon} | < 50 ms |`,
        `| … and the whole query, \`Location\` objects built (${distinctRanges} distinct range objects) | ${referencesCommon} | < 50 ms |`,
        `| … the same, first query after indexing (postings packed by the index; the query's code not yet optimised by V8) | ${referencesCommonCold} | < 50 ms |`,
        `| … the same, each after a new article naming it is added or removed (its slot put in or taken out of the postings) | ${referencesCommonInserted} | < 50 ms |`,
        `| … the same, after an edit adding or removing one of its references (postings copied with that article's run changed) | ${referencesCommonEdited} | < 50 ms |`,
        `| … that edit's re-indexing in the corpus, the article already summarised (the copy included) | ${reindexEdited} | |`,
        `| … JSON serialisation of that result (${commonJsonMb.toFixed(0)} MB), outside the query | ${serialiseCommon} | |`,
      ].join('\n'),
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

void main();
