import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guarded } from '../guard';
import type { Logger } from '../logger';
import { WEB_MESSAGES } from '../wording/dashboard';

/**
 * Every HTTP server of the bot (the webhook's, the dashboard's on WEB_PORT) is made here,
 * so that no request can take the process down: a listener that throws, or whose promise
 * rejects, costs that request a 400 (BadRequest: a target that is no URL, bad encoding)
 * or a 500, with a Chinese body, and one log line, never an 'uncaughtException'.
 * `GET //[` and `GET http://a:99999/app/` once ended the process through `new URL(…)`.
 */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A request the server cannot read, as opposed to a failure of ours: answered 400. */
export class BadRequest extends Error {
  override name = 'BadRequest';
}

/** The longest piece of a request target that goes into a log line. */
const TARGET_LOG_CHARS = 200;

/** The request's URL whatever form its target takes (origin, absolute, authority); BadRequest when it is none. */
export const requestUrl = (req: IncomingMessage): URL => {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    throw new BadRequest(`request target is not a URL: ${JSON.stringify(String(req.url).slice(0, TARGET_LOG_CHARS))}`);
  }
};

/** `handler` behind the guard: what it throws or rejects with is answered and logged, for this request only. */
export const guardRequests = (handler: RequestHandler, logger: Logger, what: string): ((req: IncomingMessage, res: ServerResponse) => void) => {
  const fail = (req: IncomingMessage, res: ServerResponse, err: unknown): void => {
    // A client that went away mid-body (the read fails with "aborted") is the client's fault too.
    const status = err instanceof BadRequest || req.destroyed ? 400 : 500;
    const target = String(req.url).slice(0, TARGET_LOG_CHARS);
    if (status === 400) logger.warn({ method: req.method, target, why: String((err as Error)?.message ?? err) }, `${what}: bad request; answered 400`);
    else logger.error({ err, method: req.method, target }, `${what}: request failed; answered 500`);
    if (res.headersSent) return void res.destroy();
    const body = JSON.stringify({ error: status === 400 ? WEB_MESSAGES.badRequest : WEB_MESSAGES.serverError });
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // the body may still be arriving: do not keep the connection for a next request behind it
      Connection: 'close',
    });
    res.end(body);
  };
  return (req, res) => guarded((err) => fail(req, res, err), handler)(req, res);
};

export interface HttpServer {
  readonly port: number;
  readonly server: Server;
  /** stops listening and ends open keep-alive connections */
  close(): Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  host?: string | undefined;
  logger: Logger;
  /** names the server in log lines: "dashboard", "webhook" */
  what: string;
  /** ms a request may take to arrive in full (Node's own default: 300 s) */
  requestTimeoutMs?: number;
}

/** Listens on `port` (0 → any free one, for tests) with `handler` behind the guard. */
export const startHttpServer = async (handler: RequestHandler, options: HttpServerOptions): Promise<HttpServer> => {
  const { logger, what } = options;
  const server = createServer(guardRequests(handler, logger, what));
  if (options.requestTimeoutMs !== undefined) server.requestTimeout = options.requestTimeoutMs;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listen an 'error' without a listener would be thrown (EMFILE on accept, for one): log it instead.
  server.on('error', (err) => logger.error({ err }, `${what}: server error`));
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
