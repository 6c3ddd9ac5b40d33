/**
 * The dev server's front door on $PORT: a same-origin reverse proxy to `wrangler dev` (on a
 * private port) that
 * - serves the preview client (`/__examdown/preview.js`) and its event stream (`/__examdown/events`,
 *   Server-Sent Events) itself;
 * - injects `<script src="/__examdown/preview.js">` into every HTML response;
 * - streams everything else through untouched (status, headers, bodies, redirects).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { ASSET_PATH, assetHeaders } from '../../src/assets.ts';
import { CLIENT_PATH, EVENTS_PATH, PREVIEW_CLIENT, PREVIEW_STYLE, STYLE_PATH } from './client-script.ts';

export interface PreviewEvent {
  event: 'content' | 'problems';
  data: unknown;
}

export interface PreviewProxy {
  /** Sends an event to every open page, and remembers it for pages that connect later. */
  broadcast(event: PreviewEvent): void;
  clients(): number;
  close(): Promise<void>;
}

const TAG = `<script src="${CLIENT_PATH}" defer></script>`;

export interface ProxyOptions {
  port: number;
  host?: string;
  upstreamPort: number;
  /** The content's local assets (images) by bundle name, served at /api/v1/assets/<name>. */
  assets?: () => Readonly<Record<string, Uint8Array>>;
  /**
   * Whether the prerendered public pages are stale (the content changed since the web build):
   * then page navigations get the client's shell, which renders from the live API.
   */
  livePages?: () => boolean;
}

const ASSET_PREFIX = `${ASSET_PATH}/`;

export function startProxy(options: ProxyOptions): Promise<PreviewProxy> {
  const streams = new Set<ServerResponse>();
  let last: PreviewEvent | undefined;
  const frame = (e: PreviewEvent) => `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === CLIENT_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PREVIEW_CLIENT);
      return;
    }
    // The live content's files, with the headers the Worker gives them (src/assets.ts); any
    // other name goes to the Worker, which serves the web build's copy or a JSON 404.
    const name = url.startsWith(ASSET_PREFIX) ? url.slice(ASSET_PREFIX.length) : undefined;
    const bytes = name === undefined ? undefined : options.assets?.()[name];
    const headers = name === undefined ? undefined : assetHeaders(name);
    if (bytes && headers && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { ...headers, 'content-length': bytes.length });
      res.end(req.method === 'HEAD' ? undefined : bytes);
      return;
    }
    if (url === STYLE_PATH) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PREVIEW_STYLE);
      return;
    }
    if (url === EVENTS_PATH) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('retry: 500\n\n');
      if (last) res.write(frame(last));
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    forward(
      req,
      res,
      options.upstreamPort,
      options.livePages?.() === true && isPageNavigation(req) ? SHELL : undefined,
    );
  });
  // Keep-alive pings so proxies and browsers never time the stream out.
  const ping = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, 15_000);
  ping.unref();

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? 'localhost', () => {
      resolve({
        broadcast(event) {
          last = event;
          const text = frame(event);
          for (const res of streams) res.write(text);
        },
        clients: () => streams.size,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(ping);
            for (const res of streams) res.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The web client's shell among the static assets (apps/web's prerender writes app-shell.html). */
const SHELL = '/app-shell';

/** A browser opening a page (not an API call, a file or the preview's own endpoints). */
function isPageNavigation(req: IncomingMessage): boolean {
  const url = req.url ?? '/';
  const pathname = url.split('?')[0] ?? '/';
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    String(req.headers.accept ?? '').includes('text/html') &&
    !pathname.startsWith('/api/') &&
    !pathname.startsWith('/__examdown/') &&
    !/\.[a-z0-9]+$/i.test(pathname)
  );
}

function forward(req: IncomingMessage, res: ServerResponse, port: number, shell?: string): void {
  const headers = { ...req.headers };
  // Identity bodies, so HTML can be rewritten; the upstream sees the public host as it was.
  delete headers['accept-encoding'];
  // The body is forwarded whole with its own length (below), never re-chunked.
  delete headers['transfer-encoding'];
  const upstream = http.request(
    { host: '127.0.0.1', port, method: req.method, path: shell ?? req.url, headers },
    (up) => {
      const type = String(up.headers['content-type'] ?? '');
      if (
        !type.startsWith('text/html') ||
        req.method === 'HEAD' ||
        up.statusCode === 304 ||
        up.statusCode === 204
      ) {
        const headers = { ...up.headers };
        // Content is cached for minutes in production; in dev every response is revalidated
        // (the ETag names the content hash, so an unchanged answer is still a cheap 304).
        // Content files are named by their bytes: those keep their immutable caching.
        const api = req.url?.startsWith('/api/') && !req.url.startsWith(ASSET_PREFIX);
        if (api && /max-age=[1-9]/.test(String(headers['cache-control'] ?? ''))) {
          headers['cache-control'] = 'no-cache';
        }
        // The web client's hashed build files never change under one name: let a reload skip them.
        if (req.url?.startsWith('/assets/') && up.statusCode === 200) {
          headers['cache-control'] = 'public, max-age=31536000, immutable';
        }
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        const html = Buffer.concat(chunks).toString('utf8');
        const body = html.includes('</head>') ? html.replace('</head>', `${TAG}</head>`) : `${TAG}${html}`;
        const out = { ...up.headers };
        // The rewritten body goes out whole: its own length, never the upstream's chunked framing.
        delete out['content-length'];
        delete out['transfer-encoding'];
        delete out['content-encoding'];
        delete out.etag;
        out['cache-control'] = 'no-store';
        res.writeHead(up.statusCode ?? 200, { ...out, 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
      up.on('error', () => res.destroy());
    },
  );
  upstream.on('error', (error) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`examdown dev: the Worker is not reachable (${error.message}); it may still be starting`);
  });
  // The request body goes upstream whole, with its length: re-chunking it raced the Worker's early
  // 413 for oversized chunked bodies (wrangler dev then answered 500 "Network connection lost").
  const body: Buffer[] = [];
  req.on('data', (c: Buffer) => body.push(c));
  req.on('end', () => {
    const whole = Buffer.concat(body);
    if (whole.length > 0 || req.headers['content-length'] !== undefined) {
      upstream.setHeader('content-length', whole.length);
    }
    upstream.end(whole);
  });
  req.on('error', () => upstream.destroy());
}
