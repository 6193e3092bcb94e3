// One model per document version: every request about a version reads the same model. The
// editor sends edits (incremental sync); each is remembered with the text it produced, and the
// next request re-parses from the cached model edit by edit, which re-reads only the edited
// paragraph when an edit stays inside one.
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IsnadDocument } from './service/model';
import { parseIsnad } from './service/parse/document';
import { reparse, type TextEdit } from './service/parse/incremental';

interface PendingEdit {
  readonly edit: TextEdit;
  /** The whole text after the edit. */
  readonly text: string;
}

/** Past this many edits not yet parsed (a burst nothing asked about), one full parse is cheaper than keeping their texts. */
const MAX_PENDING_EDITS = 64;

export class ModelCache {
  private readonly models = new Map<string, IsnadDocument>();
  /** Edits since the cached model's version; absent when the next model must come from a full parse. */
  private readonly pending = new Map<string, PendingEdit[]>();

  /** For `TextDocuments`: applies changes one at a time, each remembered as an edit of the text before it. */
  readonly documents: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.forget(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => this.update(document, changes, version),
  };

  get(document: TextDocument): IsnadDocument {
    const cached = this.models.get(document.uri);
    if (cached?.version === document.version) return cached;
    const edits = this.pending.get(document.uri);
    let model: IsnadDocument;
    if (cached && edits) {
      model = cached;
      for (const { edit, text } of edits) model = reparse(model, edit, text, document.version).document;
    } else {
      model = parseIsnad(document.getText(), document.uri, document.version);
    }
    this.models.set(document.uri, model);
    this.pending.set(document.uri, []);
    return model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
    this.pending.delete(uri);
  }

  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    let edits = this.pending.get(document.uri);
    for (const change of changes) {
      const range = 'range' in change ? change.range : undefined;
      const edit = range && { start: document.offsetAt(range.start), end: document.offsetAt(range.end), insertedLength: change.text.length };
      // `update` changes the document in place and returns it.
      TextDocument.update(document, [change], version);
      if (!edit || !edits || edits.length >= MAX_PENDING_EDITS) edits = undefined;
      else edits.push({ edit, text: document.getText() });
    }
    if (edits) this.pending.set(document.uri, edits);
    else this.pending.delete(document.uri);
    return document;
  }
}
