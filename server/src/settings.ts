// The `isnad` settings, read per resource: a folder may diagnose more strictly than another.
import type { Connection, DidChangeConfigurationParams, InitializeParams } from 'vscode-languageserver';
import { DEFAULT_DIAGNOSTICS_OPTIONS, type DiagnosticsOptions, type UnattributedClaimsSetting } from './service/features/diagnostics';
import { toLocale, type Locale } from './service/l10n';

export interface ResourceSettings {
  readonly locale: Locale;
  readonly diagnostics: DiagnosticsOptions;
  /** `isnad.inlayHints.speakers`: name each claim's speaker before its text (left-to-right paragraphs). */
  readonly speakerHints: boolean;
  /** `isnad.maxDocumentSize`: documents larger than this many megabytes are not analysed. */
  readonly maxDocumentSize: number;
}

/** package.json's default for `isnad.maxDocumentSize`. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 20;

/** The `isnad` section as a client sends it: any part may be missing or of the wrong type. */
interface IsnadSection {
  readonly locale?: unknown;
  readonly maxDocumentSize?: unknown;
  readonly diagnostics?: { readonly unattributedClaims?: unknown };
  readonly hints?: { readonly possibleAttribution?: unknown; readonly vagueSource?: unknown };
  readonly inlayHints?: { readonly speakers?: unknown };
}

const UNATTRIBUTED_CLAIMS: readonly UnattributedClaimsSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export class SettingsStore {
  private readonly perResource = new Map<string, Promise<ResourceSettings>>();
  /** What `isnad.locale: auto` means: the language of the client's user interface. */
  private clientLocale: Locale = 'en';
  private canPull = false;
  /** Clients without `workspace/configuration` push the section in `didChangeConfiguration` instead. */
  private pushed: IsnadSection = {};

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.clientLocale = toLocale(params.locale);
    this.canPull = params.capabilities.workspace?.configuration === true;
  }

  changed(params: DidChangeConfigurationParams): void {
    this.pushed = (params.settings as { isnad?: IsnadSection } | null)?.isnad ?? {};
    this.perResource.clear();
  }

  forget(uri: string): void {
    this.perResource.delete(uri);
  }

  forResource(uri: string): Promise<ResourceSettings> {
    let settings = this.perResource.get(uri);
    if (!settings) {
      settings = this.read(uri).then((section) => this.resolve(section));
      this.perResource.set(uri, settings);
    }
    return settings;
  }

  private async read(uri: string): Promise<IsnadSection> {
    if (!this.canPull) return this.pushed;
    try {
      return ((await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'isnad' })) as IsnadSection | null) ?? {};
    } catch (error) {
      // Defaults keep the features working; the log says why the user's settings were not applied.
      this.connection.console.error(`Could not read the isnad settings for ${uri}: ${String(error)}`);
      return {};
    }
  }

  private resolve(section: IsnadSection): ResourceSettings {
    const { locale, diagnostics, hints, inlayHints, maxDocumentSize } = section;
    const unattributedClaims = UNATTRIBUTED_CLAIMS.find((value) => value === diagnostics?.unattributedClaims) ?? DEFAULT_DIAGNOSTICS_OPTIONS.unattributedClaims;
    const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
    return {
      locale: locale === 'en' || locale === 'ar' ? locale : this.clientLocale,
      diagnostics: {
        unattributedClaims,
        possibleAttribution: flag(hints?.possibleAttribution, DEFAULT_DIAGNOSTICS_OPTIONS.possibleAttribution),
        vagueSource: flag(hints?.vagueSource, DEFAULT_DIAGNOSTICS_OPTIONS.vagueSource),
      },
      speakerHints: inlayHints?.speakers === true,
      maxDocumentSize: typeof maxDocumentSize === 'number' && maxDocumentSize >= 0 ? maxDocumentSize : DEFAULT_MAX_DOCUMENT_SIZE,
    };
  }
}
