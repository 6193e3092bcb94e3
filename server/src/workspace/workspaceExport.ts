// "Export Workspace Annotations": every article of the index, in URI order, into one file,
// written one article at a time and given up between two articles when the request is cancelled.
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { ExportWorkspaceParams, ExportWorkspaceResult } from '../protocol';
import { CorpusExport } from '../service/export/corpus';
import { parseIsnad } from '../service/parse/document';
import { openAtomicFile } from '../cli/atomicWrite';
import type { WorkspaceIndex } from './workspaceIndex';
import { readDiskText } from './diskText';

export async function exportWorkspace(
  index: WorkspaceIndex,
  openText: (uri: string) => string | undefined,
  { format, target }: ExportWorkspaceParams,
  token: CancellationToken,
  progress: WorkDoneProgressReporter,
): Promise<ExportWorkspaceResult | null> {
  await index.whenScanned();
  const uris = [...index.corpus.articles.keys()].sort();
  const corpus = new CorpusExport(format);
  const file = openAtomicFile(fileURLToPath(target));
  try {
    file.write(corpus.start(index.corpus.rootUris.map((root) => root.slice(root.lastIndexOf('/') + 1)).join(', ')));
    for (let i = 0; i < uris.length; i++) {
      // Between two articles, let the cancellation (and other requests) in.
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) {
        file.abort();
        return null;
      }
      const text = openText(uris[i]) ?? (await readDiskText(uris[i]));
      if (text !== undefined) file.write(corpus.article(parseIsnad(text, uris[i], 0, index.corpus.scopeOf(uris[i]))));
      progress.report(Math.floor(((i + 1) / uris.length) * 100), `${i + 1}/${uris.length}`);
    }
    file.write(corpus.end());
  } catch (error) {
    file.abort();
    throw error;
  }
  file.commit();
  return { articleCount: corpus.articleCount, annotationCount: corpus.annotationCount };
}
