// The export of many documents into one file, in any of the three formats, produced piece by
// piece (`start`, one `article` per document, `end`) so a caller can stream a corpus of any size.
import type { IsnadDocument } from '../model';
import { isAnnotation } from '../resolve';
import type { ExportFormat } from './index';
import { csvHead, csvRows } from './csv';
import { toJsonl } from './jsonl';
import { W3cCorpusWriter } from './w3c';

export class CorpusExport {
  articleCount = 0;
  annotationCount = 0;
  private readonly w3c = new W3cCorpusWriter();

  constructor(private readonly format: ExportFormat) {}

  /** `label`: what the corpus is called in a W3C collection (e.g. the workspace's name). */
  start(label: string): string {
    if (this.format === 'csv') return csvHead();
    return this.format === 'w3c' ? this.w3c.start(label) : '';
  }

  article(doc: IsnadDocument): string {
    this.articleCount++;
    this.annotationCount += doc.spans.filter(isAnnotation).length;
    if (this.format === 'csv') return csvRows(doc);
    return this.format === 'w3c' ? this.w3c.article(doc) : toJsonl(doc);
  }

  end(): string {
    return this.format === 'w3c' ? this.w3c.end() : '';
  }
}
