/**
 * The examdown VS Code extension: starts @examdown/language-server over stdio for Markdown files
 * of a content tree (exams/, guides/, questions/) and shows its diagnostics and quick fixes.
 */
import { type ExtensionContext, workspace } from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { serverModule } from './server-path';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const config = workspace.getConfiguration('examdown');
  const module = serverModule(config.get<string>('server.path') || undefined, require.resolve);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown', pattern: '**/{exams,guides,questions}/**/*.md' },
    ],
    initializationOptions: { contentDir: config.get<string>('contentDir') || undefined },
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.md') },
  };
  client = new LanguageClient('examdown', 'examdown', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
