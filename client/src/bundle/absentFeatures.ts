// Stands in, in the extension bundle (esbuild.mjs), for the language client's feature modules
// listed in absentFeatures.json: the client sides of capabilities the Isnad server never declares
// (notebooks, pull diagnostics, formatting, call hierarchy…), 107 KB of the bundle with the glob
// matcher they bring. Each feature registers as a static one that does nothing: it fills in no
// client capability, so a server is told the client lacks it, and it is not dynamic, so a server
// registering it at run time is refused ("No feature implementation"). test/unit/absentFeatures.test.ts
// checks that every name the client reads from those modules is answered here, and
// test/protocol/clientBundle.test.ts that our server declares none of their capabilities.
import type { ClientCapabilities, FeatureState, StaticFeature } from 'vscode-languageclient';

class AbsentFeature implements StaticFeature {
  fillClientCapabilities(_capabilities: ClientCapabilities): void {}
  initialize(): void {}
  getState(): FeatureState {
    return { kind: 'static' };
  }
  clear(): void {}
}

/** The client reads the notebook cell scheme to tell a cell's visibility, notebooks synced or not. */
class AbsentNotebookDocumentSyncFeature extends AbsentFeature {
  static readonly CellScheme = 'vscode-notebook-cell';
}

// One CommonJS object (`export =`) rather than ES exports, which esbuild would copy for each of
// the 18 modules requiring it.
export = {
  NotebookDocumentSyncFeature: AbsentNotebookDocumentSyncFeature,
  DiagnosticFeature: AbsentFeature,
  SignatureHelpFeature: AbsentFeature,
  TypeDefinitionFeature: AbsentFeature,
  ImplementationFeature: AbsentFeature,
  DeclarationFeature: AbsentFeature,
  ColorProviderFeature: AbsentFeature,
  DocumentFormattingFeature: AbsentFeature,
  DocumentRangeFormattingFeature: AbsentFeature,
  DocumentOnTypeFormattingFeature: AbsentFeature,
  DocumentLinkFeature: AbsentFeature,
  ExecuteCommandFeature: AbsentFeature,
  SelectionRangeFeature: AbsentFeature,
  CallHierarchyFeature: AbsentFeature,
  TypeHierarchyFeature: AbsentFeature,
  LinkedEditingFeature: AbsentFeature,
  InlineValueFeature: AbsentFeature,
  InlineCompletionItemFeature: AbsentFeature,
  TextDocumentContentFeature: AbsentFeature,
  DidCreateFilesFeature: AbsentFeature,
  DidRenameFilesFeature: AbsentFeature,
  DidDeleteFilesFeature: AbsentFeature,
  WillCreateFilesFeature: AbsentFeature,
  WillRenameFilesFeature: AbsentFeature,
  WillDeleteFilesFeature: AbsentFeature,
};
