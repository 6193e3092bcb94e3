// One parse per document version and registry scope: every request about a version reads the
// same model; a registry change gives the document a new scope, and so a new model.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IsnadDocument, RegistryScope } from './service/model';
import { parseIsnad } from './service/parse/document';
import { canonicalUri } from './workspace/fileKinds';

const NO_REGISTRY: RegistryScope = { layers: [] };

export class ModelCache {
  private readonly models = new Map<string, { model: IsnadDocument; scope: RegistryScope }>();

  get(document: TextDocument, scope: RegistryScope = NO_REGISTRY): IsnadDocument {
    const cached = this.models.get(document.uri);
    if (cached?.model.version === document.version && cached.scope === scope) return cached.model;
    // Keyed as the workspace index keys files, so a model's own definitions and the index agree on its URI.
    const model = parseIsnad(document.getText(), canonicalUri(document.uri), document.version, scope);
    this.models.set(document.uri, { model, scope });
    return model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }
}
