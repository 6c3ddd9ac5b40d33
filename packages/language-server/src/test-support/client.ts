/**
 * A minimal LSP client for tests: starts dist/main.js as a child process, speaks JSON-RPC over
 * its stdio (vscode-jsonrpc, the same framing editors use) and records published diagnostics.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/main.js');

export interface TestClient {
  connection: MessageConnection;
  child: ChildProcess;
  /** Resolves with the next diagnostics published for `file` that satisfy `match`. */
  diagnostics(file: string, match?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  latest(file: string): Diagnostic[] | undefined;
  open(file: string, text: string): void;
  change(file: string, text: string, version: number): void;
  codeActions(file: string, diagnostics: Diagnostic[]): Promise<CodeAction[]>;
  stop(): Promise<void>;
}

export async function startClient(root: string): Promise<TestClient> {
  const child = spawn(process.execPath, [MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout as NodeJS.ReadableStream),
    new StreamMessageWriter(child.stdin as NodeJS.WritableStream),
  );
  const seen = new Map<string, Diagnostic[]>();
  const waiters: Array<{
    uri: string;
    match: (d: Diagnostic[]) => boolean;
    resolve: (d: Diagnostic[]) => void;
  }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    seen.set(params.uri, params.diagnostics);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.match(params.diagnostics)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'content' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await connection.sendNotification('initialized', {});
  const uri = (file: string) => pathToFileURL(file).href;
  return {
    connection,
    child,
    diagnostics(file, match = () => true, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const known = seen.get(uri(file));
        if (known && match(known)) return resolve(known);
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no matching diagnostics for ${file}; last: ${JSON.stringify(seen.get(uri(file)))}`),
            ),
          timeoutMs,
        );
        waiters.push({
          uri: uri(file),
          match,
          resolve: (d) => {
            clearTimeout(timer);
            resolve(d);
          },
        });
      });
    },
    latest: (file) => seen.get(uri(file)),
    open(file, text) {
      void connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uri(file), languageId: 'markdown', version: 1, text },
      });
    },
    change(file, text, version) {
      void connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: uri(file), version },
        contentChanges: [{ text }],
      });
    },
    codeActions(file, diagnostics) {
      return connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: uri(file) },
        range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics },
      });
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => {});
      await connection.sendNotification('exit').catch(() => {});
      connection.dispose();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 3_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
