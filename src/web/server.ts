import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import type { Asset } from './assets';
import { WEB_MESSAGES as M } from '../wording/dashboard';
import { send, sendJson } from './respond';

export interface WebHandlerDeps {
  /** the path of WEBAPP_URL, ending in "/" (e.g. /app/) */
  basePath: string;
  assets: ReadonlyMap<string, Asset>;
  api: (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => Promise<void>;
  logger: Logger;
}

/**
 * The dashboard over HTTP, under the path of WEBAPP_URL: the page's files at `<base>` and
 * `<base><file>`, the JSON API at `<base>api/…`. A plain request listener, so the same
 * handler runs on its own server (WEB_PORT) or behind the webhook's (webhook mode).
 */
export const createWebHandler = (deps: WebHandlerDeps): RequestListener => {
  const base = deps.basePath;
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const fail = (err: unknown): void => {
      deps.logger.error({ err, path: url.pathname }, 'dashboard request failed');
      if (!res.headersSent) sendJson(req, res, 500, { error: 'internal error' });
      else res.destroy();
    };
    try {
      if (url.pathname === base.slice(0, -1)) {
        res.writeHead(308, { Location: base }).end();
        return;
      }
      if (!url.pathname.startsWith(base)) return sendJson(req, res, 404, { error: M.notFound });
      const rest = url.pathname.slice(base.length);
      if (rest.startsWith('api/')) return void deps.api(req, res, rest.slice(4), url.searchParams).catch(fail);
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(req, res, 405, { error: M.methodNotAllowed });
      const asset = deps.assets.get(rest === '' ? 'index.html' : rest);
      if (!asset) return sendJson(req, res, 404, { error: M.notFound });
      if (req.headers['if-none-match'] === asset.etag) {
        res.writeHead(304, { ETag: asset.etag }).end();
        return;
      }
      // revalidated every time (cheap: an ETag), so a new version of the page is never stale
      send(req, res, 200, asset.body, { ETag: asset.etag, 'Cache-Control': 'no-cache' });
    } catch (err) {
      fail(err);
    }
  };
};

export interface WebServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0 → any free one, for tests); `close` ends open keep-alive connections too. */
export const startWebServer = async (handler: RequestListener, port: number, host?: string): Promise<WebServer> => {
  const server = createServer(handler);
  // a slow or stalled client must not hold a socket for ever
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
