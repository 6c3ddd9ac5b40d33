/**
 * `examdown-language-server --stdio`: the language server over stdin/stdout (the transport every
 * editor speaks). vscode-languageserver also accepts --node-ipc and --socket=PORT.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

if (!process.argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket'))) {
  process.argv.push('--stdio');
}
startServer(createConnection(ProposedFeatures.all));
