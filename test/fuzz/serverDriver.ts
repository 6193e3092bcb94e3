// One fuzzed document through the bundled server, the way an editor would send it: open,
// wait for its diagnostics, ask for everything the client can ask for at random positions,
// sometimes change it and ask again, close. Any error response (other than the documented
// InvalidParams for an unknown export format), any logged error, a missing answer or the
// process ending is a failure.
import {
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  LogMessageNotification,
  MessageType,
  ResponseError,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { DecorationsRequest, EntitiesRequest, ExportRequest, ReadingViewRequest, SourcesRequest, StatementAtRequest } from '../../server/src/protocol';
import { EXPORT_FORMATS, type ExportFormat } from '../../server/src/service/export/index';
import { LineIndex } from '../../server/src/service/lineIndex';
import { ServerSession, buildOnce } from '../protocol/serverSession';
import type { Random } from './random';

/** Longer than any document here takes, short enough that a hang is reported within the run. */
const ANSWER_TIMEOUT_MS = 20_000;

/**
 * The document was in flight on a server that another document's failure recycled: it says
 * nothing about this document, which is sent again to the new server.
 */
export class SessionRecycled extends Error {}

export class ServerDriver {
  private session: ServerSession | undefined;
  private restarting: Promise<void> | undefined;
  private readonly loggedErrors: string[] = [];
  private opened = 0;
  /** The documents open on the server: diagnostics published for any other are dropped. */
  private readonly inFlight = new Set<string>();
  /** Requests answered, notifications included, over the driver's life. */
  requests = 0;

  async start(): Promise<void> {
    buildOnce();
    this.session = new ServerSession();
    this.session.connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
      if (type === MessageType.Error) this.loggedErrors.push(message);
    });
    await this.session.initialize();
  }

  async stop(): Promise<void> {
    await this.session?.dispose();
    this.session = undefined;
  }

  /**
   * A fresh process, after a failure left the old one in an unknown state. Documents in flight
   * fail with it at once: they share one restart, so no process is started twice and left behind.
   */
  restart(): Promise<void> {
    this.restarting ??= (async () => {
      await this.stop();
      await this.start();
    })().finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  /** Throws with what went wrong; `changeTo`, when given, is sent as a second version. */
  async check(text: string, random: Random, changeTo?: string): Promise<void> {
    await this.restarting;
    const session = this.session!;
    const uri = `file:///fuzz/${++this.opened}.isnad.md`;
    this.inFlight.add(uri);
    try {
      await session.open(uri, text, 1);
      await this.versionAnswered(uri, text, 1, random);
      if (changeTo !== undefined) {
        await session.change(uri, changeTo, 2);
        await this.versionAnswered(uri, changeTo, 2, random);
      }
      await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    } catch (error) {
      if (session !== this.session || this.restarting) throw new SessionRecycled(String(error));
      throw error;
    } finally {
      // Keep the list of published diagnostics short: each wait searches it. A closed document's
      // empty diagnostics arrive after it is closed, so everything not in flight goes.
      this.inFlight.delete(uri);
      const published = session.published;
      let kept = 0;
      for (const params of published) if (this.inFlight.has(params.uri)) published[kept++] = params;
      published.length = kept;
    }
    if (session.hasExited) throw new Error('the server process exited');
    if (this.loggedErrors.length) throw new Error(`the server logged errors: ${this.loggedErrors.splice(0).join('\n')}`);
  }

  private async versionAnswered(uri: string, text: string, version: number, random: Random): Promise<void> {
    const session = this.session!;
    const published = session.diagnostics(uri, (params) => params.version === version, ANSWER_TIMEOUT_MS);
    const lines = new LineIndex(text);
    const position = (): Position => {
      // Mostly inside the document; sometimes past its end, where an editor can be for a moment.
      if (random.chance(0.1)) return { line: lines.lineCount + random.below(3), character: random.below(1000) };
      return lines.positionAt(random.below(text.length + 1));
    };
    const textDocument = { uri };
    const format: ExportFormat = random.pick(EXPORT_FORMATS);
    const requests: Promise<unknown>[] = [
      published,
      session.connection.sendRequest(HoverRequest.type, { textDocument, position: position() }),
      session.connection.sendRequest(HoverRequest.type, { textDocument, position: position() }),
      session.connection.sendRequest(HoverRequest.type, { textDocument, position: position() }),
      session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      session.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
      session.connection.sendRequest(ExportRequest, { uri, format }),
      session.connection.sendRequest(DecorationsRequest, { uri }),
      session.connection.sendRequest(ReadingViewRequest, { uri }),
      session.connection.sendRequest(StatementAtRequest, { uri, position: position() }),
      session.connection.sendRequest(SourcesRequest, { uri }),
      session.connection.sendRequest(EntitiesRequest, { uri }),
    ];
    if (random.chance(0.05)) requests.push(expectInvalidParams(session.connection.sendRequest(ExportRequest, { uri, format: 'xlsx' as ExportFormat })));
    await withTimeout(Promise.all(requests), `answers for version ${version}`);
    this.requests += requests.length;
    if (session.hasExited) throw new Error('the server process exited');
  }
}

async function expectInvalidParams(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (error instanceof ResponseError && error.code === ErrorCodes.InvalidParams) return;
    throw error;
  }
  throw new Error('an unknown export format was accepted');
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
