// The language server's entry point. `createConnection` picks the transport from the command
// line: `--stdio` when run by hand or by the protocol tests, `--node-ipc` when the client spawns it.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { createServer } from './server';

createServer(createConnection(ProposedFeatures.all));
