/**
 * The examdown language server: publishes the compiler's diagnostics for every file of each
 * content tree in the workspace — as the author types, for open documents, and on save or any
 * change on disk — and offers quick fixes for "did you mean" hints.
 *
 * Each check compiles the whole tree (open documents laid over the files on disk) with an
 * in-memory per-file cache, so cross-file rules are always current. Checks are debounced per tree
 * and never overlap; a check that finds a file clean sends it an empty list, which clears it.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { quickFixes, toLspDiagnostic } from './convert.js';
import { ContentTree, contentRootOf, findContentRoots } from './workspace.js';

export interface ServerOptions {
  /** Milliseconds to wait after the last change before checking (default 150). */
  debounceMs?: number;
}

interface InitOptions {
  contentDir?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? 150;
  const documents = new TextDocuments(TextDocument);
  const trees = new Map<string, ContentTree>();
  /** Per tree: the files that got diagnostics last time (so they can be cleared). */
  const published = new Map<string, Set<string>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();
  let watchFiles = false;

  const treeFor = (file: string): ContentTree | undefined => {
    for (const tree of trees.values()) if (tree.contains(file)) return tree;
    const root = contentRootOf(file);
    if (!root) return undefined;
    const tree = new ContentTree(root);
    trees.set(tree.root, tree);
    return tree;
  };

  const overlays = (): Map<string, string> => {
    const out = new Map<string, string>();
    for (const doc of documents.all()) {
      if (doc.uri.startsWith('file:')) out.set(fileURLToPath(doc.uri), doc.getText());
    }
    return out;
  };

  const textOf = (file: string, open: Map<string, string>): string => open.get(file) ?? '';

  const check = async (tree: ContentTree): Promise<void> => {
    const open = overlays();
    const result = await tree.check(open);
    const before = published.get(tree.root) ?? new Set<string>();
    const now = new Set<string>();
    for (const [file, list] of result.byFile) {
      now.add(file);
      const text = textOf(file, open) || (await readText(file));
      await connection.sendDiagnostics({
        uri: pathToFileURL(file).href,
        diagnostics: list.map((d) => toLspDiagnostic(d, text)),
      });
    }
    for (const file of before) {
      if (!now.has(file))
        await connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
    }
    published.set(tree.root, now);
    for (const d of result.tree) connection.console.warn(`examdown: ${d.message} [${d.rule}]`);
    connection.console.log(
      `examdown: ${tree.root}: ${result.errors} errors, ${result.warnings} warnings in ${Math.round(result.ms)} ms`,
    );
  };

  /** Runs a check of `tree` now, or right after the running one (at most one queued). */
  const run = (tree: ContentTree): void => {
    const current = running.get(tree.root);
    if (current) {
      dirty.add(tree.root);
      return;
    }
    const promise = check(tree)
      .catch((error: unknown) => connection.console.error(`examdown: check failed: ${String(error)}`))
      .finally(() => {
        running.delete(tree.root);
        if (dirty.delete(tree.root)) run(tree);
      });
    running.set(tree.root, promise);
  };

  const schedule = (tree: ContentTree | undefined): void => {
    if (!tree) return;
    clearTimeout(timers.get(tree.root));
    timers.set(
      tree.root,
      setTimeout(() => {
        timers.delete(tree.root);
        run(tree);
      }, debounceMs),
    );
  };

  const fileOf = (uri: string): string | undefined =>
    uri.startsWith('file:') ? fileURLToPath(uri) : undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitOptions;
    const folders = params.workspaceFolders?.map((f) => fileURLToPath(f.uri)) ?? [];
    if (folders.length === 0 && params.rootUri) folders.push(fileURLToPath(params.rootUri));
    for (const folder of folders) {
      for (const root of findContentRoots(folder, init.contentDir)) {
        if (!trees.has(root)) trees.set(root, new ContentTree(root));
      }
    }
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'examdown-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }],
      });
    }
    for (const tree of trees.values()) schedule(tree);
  });

  documents.onDidOpen((e) => {
    const file = fileOf(e.document.uri);
    if (file) schedule(treeFor(file));
  });
  documents.onDidChangeContent((e) => {
    const file = fileOf(e.document.uri);
    if (file) schedule(treeFor(file));
  });
  // Closing drops the overlay: the file on disk is what counts again.
  documents.onDidClose((e) => {
    const file = fileOf(e.document.uri);
    if (file) schedule(treeFor(file));
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const file = fileOf(change.uri);
      if (file) schedule(treeFor(file));
    }
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? quickFixes(document, params.context.diagnostics) : [];
  });

  documents.listen(connection);
  connection.listen();
}

async function readText(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(file, 'utf8').catch(() => '');
}
