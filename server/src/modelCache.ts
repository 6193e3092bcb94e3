// One model per document version and registry scope: every request about a version reads the
// same model; a registry change gives the document a new scope, and so a new model. The editor
// sends edits (incremental sync); each is remembered with the text it produced (a keystroke next
// to the previous edit joins it), and the next request re-parses from the cached model edit by
// edit, which re-reads only the edited paragraph when an edit stays inside one. The diagnostics'
// problems and the implicit mentions are kept the same way: only the edited paragraph's are found
// again.
import type { Range, TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IsnadDocument, RegistryScope } from './service/model';
import type { Problem } from './service/problems';
import { parseIsnad } from './service/parse/document';
import { composeEdits, reparse, type TextEdit } from './service/parse/incremental';
import { computeProblems, type DiagnosticsOptions } from './service/features/diagnostics';
import { problemSet, problemsOf, sameOptions, updateProblemSet, type ProblemSet } from './service/features/problemSet';
import { carryImplicitMentions } from './service/features/implicitMentions';
import { findHintsAndMentions, hintsWanted } from './service/features/attributionHints';
import { canonicalUri } from './workspace/fileKinds';

const NO_REGISTRY: RegistryScope = { layers: [] };

interface PendingEdit {
  readonly edit: TextEdit;
  /** The whole text after the edit. */
  readonly text: string;
}

/** Past this many edits not yet parsed (a burst nothing asked about), one full parse is cheaper than keeping their texts. */
const MAX_PENDING_EDITS = 64;

interface Analysis {
  readonly model: IsnadDocument;
  readonly scope: RegistryScope;
  /** Absent until diagnostics are asked for, and after an edit re-parsed the whole text. */
  readonly problems?: ProblemSet;
}

export class ModelCache {
  private readonly analyses = new Map<string, Analysis>();
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

  get(document: TextDocument, scope: RegistryScope = NO_REGISTRY): IsnadDocument {
    return this.analysis(document, scope).model;
  }

  /** The problems `computeProblems` gives for `model`, the document's current model (from `get`). */
  problems(document: TextDocument, model: IsnadDocument, options: DiagnosticsOptions): Problem[] {
    let analysis = this.analyses.get(document.uri);
    if (analysis?.model !== model) return computeProblems(model, options);
    if (!analysis.problems || !sameOptions(analysis.problems.options, options)) {
      // The editor decorates the implicit mentions of what it diagnoses: one reading of the body finds both.
      if (hintsWanted(options)) findHintsAndMentions(model);
      analysis = { ...analysis, problems: problemSet(model, options) };
      this.analyses.set(document.uri, analysis);
    }
    return problemsOf(analysis.problems!);
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.pending.delete(uri);
  }

  private analysis(document: TextDocument, scope: RegistryScope): Analysis {
    const cached = this.analyses.get(document.uri);
    if (cached?.model.version === document.version && cached.scope === scope) return cached;
    const edits = this.pending.get(document.uri);
    let analysis: Analysis;
    if (cached && cached.scope === scope && edits) {
      analysis = cached;
      for (const { edit, text } of edits) {
        const { document: model, paragraph } = reparse(analysis.model, edit, text, document.version);
        if (paragraph) carryImplicitMentions(analysis.model, model, paragraph);
        analysis = { model, scope, problems: paragraph && analysis.problems && updateProblemSet(analysis.problems, model, paragraph) };
      }
    } else {
      // Keyed as the workspace index keys files, so a model's own definitions and the index agree on its URI.
      analysis = { model: parseIsnad(document.getText(), canonicalUri(document.uri), document.version, scope), scope };
    }
    this.analyses.set(document.uri, analysis);
    this.pending.set(document.uri, []);
    return analysis;
  }

  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    let edits = this.pending.get(document.uri);
    for (const change of changes) {
      const edit = 'range' in change ? editOf(document, change.range, change.text.length) : undefined;
      // `update` changes the document in place and returns it.
      TextDocument.update(document, [change], version);
      const text = document.getText();
      const composed = edit && edits?.length ? composeEdits(edits[edits.length - 1].edit, edit) : undefined;
      if (composed) edits![edits!.length - 1] = { edit: composed, text };
      else if (!edit || !edits || edits.length >= MAX_PENDING_EDITS) edits = undefined;
      else edits.push({ edit, text });
    }
    if (edits) this.pending.set(document.uri, edits);
    else this.pending.delete(document.uri);
    return document;
  }
}

/** A change's range as offsets, in order: `TextDocument.update` applies a reversed range as its start and end swapped. */
function editOf(document: TextDocument, range: Range, insertedLength: number): TextEdit {
  const [start, end] = [document.offsetAt(range.start), document.offsetAt(range.end)].sort((a, b) => a - b);
  return { start, end, insertedLength };
}
