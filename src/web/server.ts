import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestUrl, type RequestHandler } from '../http/server';
import type { Asset } from './assets';
import { WEB_MESSAGES as M } from '../wording/dashboard';
import { send, sendJson } from './respond';

export interface WebHandlerDeps {
  /** the path of WEBAPP_URL, ending in "/" (e.g. /app/) */
  basePath: string;
  assets: ReadonlyMap<string, Asset>;
  api: (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => Promise<void>;
}

/**
 * The dashboard over HTTP, under the path of WEBAPP_URL: the page's files at `<base>` and
 * `<base><file>`, the JSON API at `<base>api/…`. A request handler for src/http/server.ts, whose
 * guard answers what it throws (a target that is no URL: 400), so the same handler runs on its
 * own server (WEB_PORT) or behind the webhook's (webhook mode).
 */
export const createWebHandler = (deps: WebHandlerDeps): RequestHandler => {
  const base = deps.basePath;
  return async (req, res) => {
    const url = requestUrl(req);
    if (url.pathname === base.slice(0, -1)) {
      res.writeHead(308, { Location: base }).end();
      return;
    }
    if (!url.pathname.startsWith(base)) return sendJson(req, res, 404, { error: M.notFound });
    const rest = url.pathname.slice(base.length);
    if (rest.startsWith('api/')) return deps.api(req, res, rest.slice(4), url.searchParams);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(req, res, 405, { error: M.methodNotAllowed });
    const asset = deps.assets.get(rest === '' ? 'index.html' : rest);
    if (!asset) return sendJson(req, res, 404, { error: M.notFound });
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, { ETag: asset.etag }).end();
      return;
    }
    // revalidated every time (cheap: an ETag), so a new version of the page is never stale
    send(req, res, 200, asset.body, { ETag: asset.etag, 'Cache-Control': 'no-cache' });
  };
};
