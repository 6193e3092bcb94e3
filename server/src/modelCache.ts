// One parse per document version: every request about a version reads the same model.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IsnadDocument } from './service/model';
import { parseIsnad } from './service/parse/document';

export class ModelCache {
  private readonly models = new Map<string, IsnadDocument>();

  get(document: TextDocument): IsnadDocument {
    const cached = this.models.get(document.uri);
    if (cached?.version === document.version) return cached;
    const model = parseIsnad(document.getText(), document.uri, document.version);
    this.models.set(document.uri, model);
    return model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }
}
