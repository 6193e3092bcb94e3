// The who-said-what view in the explorer: sources → their claims and quotes across the corpus,
// the unattributed ones, and entities → the articles that mention them. The server builds the
// tree from its workspace index; clicking an item opens the article at the span. Filters:
// unattributed only, one article, one status.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CorpusChangedNotification, WhoSaidWhatRequest, type WhoSaidWhatParams, type WhoSaidWhatResult, type WhoSaidWhatStatement } from '../../../server/src/protocol';
import { STATUSES, type Status } from '../../../server/src/service/model';

export const WHO_SAID_WHAT_VIEW = 'isnad.whoSaidWhat';

type Node =
  | { readonly kind: 'group'; readonly label: string; readonly children: readonly Node[]; readonly icon: string }
  | { readonly kind: 'source'; readonly label: string; readonly description: string; readonly children: readonly Node[] }
  | { readonly kind: 'statement'; readonly statement: WhoSaidWhatStatement }
  | { readonly kind: 'entity'; readonly label: string; readonly description: string; readonly children: readonly Node[] }
  | { readonly kind: 'mention'; readonly uri: string; readonly label: string; readonly description: string; readonly range: WhoSaidWhatStatement['range'] };

class WhoSaidWhatProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  filters: WhoSaidWhatParams = {};
  /** The last result, for the article filter's choices and the view's description. */
  last?: WhoSaidWhatResult;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.description = String(node.children.length);
        return item;
      }
      case 'source':
      case 'entity': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(node.kind === 'source' ? 'person' : 'symbol-key');
        return item;
      }
      case 'statement': {
        const { statement } = node;
        const item = new vscode.TreeItem(statement.title || (statement.kind === 'quote' ? vscode.l10n.t('Quote') : vscode.l10n.t('Claim')));
        item.description = [statement.article, statement.status].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(statement.kind === 'quote' ? 'quote' : 'comment');
        item.tooltip = statement.title;
        item.command = openCommand(statement.uri, statement.range);
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(node.label);
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon('file');
        item.command = openCommand(node.uri, node.range);
        return item;
      }
    }
  }

  /** Asks the server for the tree under the current filters. */
  async load(): Promise<WhoSaidWhatResult> {
    return (this.last = await this.client.sendRequest(WhoSaidWhatRequest, this.filters));
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return 'children' in node ? [...node.children] : [];
    const result = await this.load();
    const statements = (items: readonly WhoSaidWhatStatement[]): Node[] => items.map((statement) => ({ kind: 'statement', statement }));
    const groups: Node[] = [];
    if (result.sources.length > 0) {
      groups.push({
        kind: 'group',
        label: vscode.l10n.t('Sources'),
        icon: 'account',
        children: result.sources.map((source) => ({ kind: 'source', label: source.name, description: String(source.statements.length), children: statements(source.statements) })),
      });
    }
    if (result.unattributed.length > 0) groups.push({ kind: 'group', label: vscode.l10n.t('Unattributed'), icon: 'warning', children: statements(result.unattributed) });
    if (result.entities.length > 0) {
      groups.push({
        kind: 'group',
        label: vscode.l10n.t('Entities'),
        icon: 'symbol-class',
        children: result.entities.map((entity) => ({
          kind: 'entity',
          label: entity.name,
          description: String(entity.articles.length),
          children: entity.articles.map((article) => ({
            kind: 'mention',
            uri: article.uri,
            label: articleLabel(article),
            description: vscode.l10n.t('{0} mentions', article.count),
            range: article.range,
          })),
        })),
      });
    }
    return groups;
  }
}

function openCommand(uri: string, range: WhoSaidWhatStatement['range']): vscode.Command {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  return { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [vscode.Uri.parse(uri), { selection } satisfies vscode.TextDocumentShowOptions] };
}

/** An article's title, else its file name. */
function articleLabel(article: { readonly uri: string; readonly title?: string }): string {
  return article.title || vscode.Uri.parse(article.uri).path.split('/').pop() || article.uri;
}

/** The uri of the article the user picks among the workspace's. */
async function pickArticle(provider: WhoSaidWhatProvider): Promise<string | undefined> {
  // Asked afresh: the view may never have been shown (nothing loaded), or be hidden (its last load is stale).
  const { articles } = await provider.load();
  const picked = await vscode.window.showQuickPick(
    articles.map((article) => ({ label: articleLabel(article), description: vscode.workspace.asRelativePath(vscode.Uri.parse(article.uri)), uri: article.uri })),
    { title: vscode.l10n.t('Show one article'), placeHolder: vscode.l10n.t('Choose an article') },
  );
  return picked?.uri;
}

export function registerWhoSaidWhat(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new WhoSaidWhatProvider(client);
  const view = vscode.window.createTreeView(WHO_SAID_WHAT_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const describeFilters = () => {
    const parts: string[] = [];
    if (provider.filters.unattributedOnly) parts.push(vscode.l10n.t('unattributed only'));
    if (provider.filters.article) parts.push(articleLabel({ uri: provider.filters.article, title: provider.last?.articles.find((a) => a.uri === provider.filters.article)?.title }));
    if (provider.filters.status) parts.push(provider.filters.status);
    view.description = parts.join(' · ') || undefined;
    void vscode.commands.executeCommand('setContext', 'isnad.whoSaidWhat.filtered', parts.length > 0);
  };
  const setFilters = (filters: WhoSaidWhatParams) => {
    provider.filters = filters;
    describeFilters();
    provider.refresh();
  };
  let pending: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    view,
    client.onNotification(CorpusChangedNotification, () => {
      clearTimeout(pending);
      pending = setTimeout(() => provider.refresh(), 300);
    }),
    vscode.commands.registerCommand('isnad.whoSaidWhat.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('isnad.whoSaidWhat.unattributedOnly', () => setFilters({ ...provider.filters, unattributedOnly: !provider.filters.unattributedOnly })),
    vscode.commands.registerCommand('isnad.whoSaidWhat.filterArticle', async (uri?: string) => {
      const picked = uri ?? (await pickArticle(provider));
      if (picked !== undefined) setFilters({ ...provider.filters, article: picked });
    }),
    vscode.commands.registerCommand('isnad.whoSaidWhat.filterStatus', async (status?: Status) => {
      const picked = status ?? (await vscode.window.showQuickPick([...STATUSES], { title: vscode.l10n.t('Show one status'), placeHolder: vscode.l10n.t('Choose a status') }));
      if (picked !== undefined && (STATUSES as readonly string[]).includes(picked)) setFilters({ ...provider.filters, status: picked as Status });
    }),
    vscode.commands.registerCommand('isnad.whoSaidWhat.clearFilters', () => setFilters({})),
  );
}
